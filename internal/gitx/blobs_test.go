package gitx

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestBlobs(t *testing.T) {
	r := newTestRepo(t)
	r.write("small.txt", "committed\n")
	r.write("big.txt", strings.Repeat("0123456789", 100))
	r.write("dir/with space.txt", "spaced\n")
	head := r.commit("base")
	r.write("small.txt", "staged\n")
	r.write("café.py", "print('é')\n")
	r.write("new\nline.txt", "newline in the name\n")
	r.write("trailing\r", "carriage return in the name\n")
	r.write(" lead.txt", "leading space\n")
	r.write("empty", "")
	r.git("add", "-A")
	r.write("small.txt", "work tree, not staged\n")
	r.git("update-index", "--add", "--cacheinfo", "160000,1111111111111111111111111111111111111111,gitlink")

	type want struct {
		data      string
		size      int64
		missing   bool
		tooLarge  bool
		reasonHas string
	}
	tests := []struct {
		spec string
		want want
	}{
		{":small.txt", want{data: "staged\n", size: 7}},
		{head + ":small.txt", want{data: "committed\n", size: 10}},
		{":big.txt", want{size: 1000, tooLarge: true, reasonHas: "1000 bytes, over the limit of 100"}},
		{":dir/with space.txt", want{data: "spaced\n", size: 7}},
		{":café.py", want{data: "print('é')\n", size: 12}},
		{":new\nline.txt", want{data: "newline in the name\n", size: 20}},
		{":trailing\r", want{data: "carriage return in the name\n", size: 28}},
		{": lead.txt", want{data: "leading space\n", size: 14}},
		{":empty", want{data: "", size: 0}},
		{":nope.txt", want{missing: true, reasonHas: "not found"}},
		{":new\nnope", want{missing: true, reasonHas: "not found"}},
		{":gitlink", want{missing: true, reasonHas: "not found"}},
		{head + ":dir", want{missing: true, reasonHas: "a tree, not a file", size: -1}},
		{"", want{missing: true, reasonHas: "not an object name"}},
		{"--help", want{missing: true, reasonHas: "not an object name"}},
		{":small.txt", want{data: "staged\n", size: 7}}, // asked twice, answered twice
	}
	specs := make([]string, len(tests))
	for i, tt := range tests {
		specs[i] = tt.spec
	}
	blobs, err := r.open().Blobs(context.Background(), specs, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(blobs) != len(specs) {
		t.Fatalf("Blobs returned %d answers for %d specs", len(blobs), len(specs))
	}
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%d %q", i, tt.spec), func(t *testing.T) {
			b, w := blobs[i], tt.want
			if b.Missing != w.missing || b.TooLarge != w.tooLarge {
				t.Fatalf("Missing %t TooLarge %t (%s), want %t %t", b.Missing, b.TooLarge, b.Reason, w.missing, w.tooLarge)
			}
			if !strings.Contains(b.Reason, w.reasonHas) || (w.reasonHas == "") != (b.Reason == "") {
				t.Fatalf("Reason %q, want it to contain %q", b.Reason, w.reasonHas)
			}
			if w.size >= 0 && b.Size != w.size {
				t.Fatalf("Size %d, want %d", b.Size, w.size)
			}
			switch {
			case w.missing || w.tooLarge:
				if b.Data != nil {
					t.Fatalf("Data %q, want nil", b.Data)
				}
			case string(b.Data) != w.data || b.Data == nil:
				t.Fatalf("Data %q, want %q", b.Data, w.data)
			}
		})
	}
}

func TestBlobsNoLimit(t *testing.T) {
	r := newTestRepo(t)
	content := strings.Repeat("x", 3<<20)
	r.write("huge.txt", content)
	r.git("add", "-A")
	for _, limit := range []int64{0, -1} {
		blobs, err := r.open().Blobs(context.Background(), []string{":huge.txt"}, limit)
		if err != nil {
			t.Fatal(err)
		}
		if b := blobs[0]; b.TooLarge || string(b.Data) != content {
			t.Fatalf("limit %d: TooLarge %t, %d bytes", limit, b.TooLarge, len(b.Data))
		}
	}
}

func TestBlobsEmpty(t *testing.T) {
	r := newTestRepo(t)
	blobs, err := r.open().Blobs(context.Background(), nil, 10)
	if err != nil || len(blobs) != 0 {
		t.Fatalf("Blobs(nil) = %v, %v", blobs, err)
	}
}

// BenchmarkStagedDiffAndBlobs measures what a pre-commit hook pays for git:
// the staged diff and the blobs of a 10-file change.
func BenchmarkStagedDiffAndBlobs(b *testing.B) {
	r := newTestRepo(b)
	body := strings.Repeat("def f(x):\n    return x + 1\n\n", 100)
	for i := range 10 {
		r.write(fmt.Sprintf("pkg/mod%d.py", i), body)
	}
	r.commit("base")
	specs := make([]string, 10)
	for i := range 10 {
		name := fmt.Sprintf("pkg/mod%d.py", i)
		r.write(name, strings.Replace(body, "x + 1", "x + 2", 5)+"print('added')\n")
		specs[i] = ":" + name
	}
	r.git("add", "-A")
	repo := r.open()
	ctx := context.Background()
	for b.Loop() {
		files, err := repo.StagedDiff(ctx)
		if err != nil || len(files) != 10 {
			b.Fatalf("StagedDiff: %d files, %v", len(files), err)
		}
		blobs, err := repo.Blobs(ctx, specs, 1<<20)
		if err != nil || len(blobs) != 10 || blobs[9].Data == nil {
			b.Fatalf("Blobs: %v", err)
		}
	}
}
