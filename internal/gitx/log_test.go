package gitx

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/diff"
)

// logRepo builds: a root commit, a normal commit, a side branch merged with
// --no-ff, a deletion and a file whose text holds a NUL after 8000 bytes (git
// diffs it as text, so the patch carries a NUL in mid-line).
func logRepo(t *testing.T) (*testRepo, map[string]string) {
	r := newTestRepo(t)
	ids := map[string]string{}
	r.write("a.py", "x = 1\n")
	ids["root"] = r.commit("root")
	r.write("a.py", "x = 1\ny = 2\n")
	r.write("b.txt", "hello\n")
	ids["second"] = r.commit("second\n\nwith a body\n")
	r.git("checkout", "-q", "-b", "side")
	r.write("side.py", "z = 3\n")
	ids["side"] = r.commit("side")
	r.git("checkout", "-q", "main")
	r.write("c.py", "c = 1\n")
	ids["c"] = r.commit("c")
	r.git("merge", "-q", "--no-ff", "-m", "merge side", "side")
	ids["merge"] = strings.TrimSpace(r.git("rev-parse", "HEAD"))
	r.git("rm", "-q", "b.txt")
	ids["delete"] = r.commit("delete b")
	long := strings.Repeat("# filler line\n", 700) + "s = '\x00'\n"
	r.write("nul.py", long)
	ids["nul"] = r.commit("nul")
	return r, ids
}

func TestRevListAndPatches(t *testing.T) {
	r, ids := logRepo(t)
	repo := r.open()
	ctx := context.Background()

	shas, err := repo.RevList(ctx, LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(shas) != 7 || shas[0] != ids["nul"] || shas[len(shas)-1] != ids["root"] {
		t.Fatalf("RevList = %v", shas)
	}
	if got, _ := repo.RevList(ctx, LogOptions{Max: 2}); !reflect.DeepEqual(got, shas[:2]) {
		t.Errorf("Max 2 = %v, want %v", got, shas[:2])
	}
	if got, _ := repo.RevList(ctx, LogOptions{Paths: []string{"side.py"}}); !reflect.DeepEqual(got, []string{ids["side"]}) {
		t.Errorf("paths side.py = %v", got)
	}
	if got, _ := repo.RevList(ctx, LogOptions{Range: ids["merge"] + ".." + ids["nul"]}); len(got) != 2 {
		t.Errorf("range = %v, want 2 commits", got)
	}

	files := map[string][]string{}
	subjects := map[string]string{}
	err = repo.CommitPatches(ctx, shas, nil, func(cp CommitPatch) error {
		subjects[cp.Commit.SHA] = cp.Commit.Subject
		for _, f := range cp.Files {
			files[cp.Commit.SHA] = append(files[cp.Commit.SHA], string(f.Status)+" "+f.Path())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"root":   {string(diff.Added) + " a.py"},
		"second": {string(diff.Modified) + " a.py", string(diff.Added) + " b.txt"},
		"merge":  {string(diff.Added) + " side.py"}, // against the first parent only
		"delete": {string(diff.Deleted) + " b.txt"},
		"nul":    {string(diff.Added) + " nul.py"},
	}
	for name, w := range want {
		if got := files[ids[name]]; !reflect.DeepEqual(got, w) {
			t.Errorf("%s: files %v, want %v", name, got, w)
		}
	}
	if subjects[ids["second"]] != "second" {
		t.Errorf("subject = %q", subjects[ids["second"]])
	}

	// The same result as CommitDiff, commit by commit.
	for _, sha := range shas {
		c, err := repo.Commit(ctx, sha)
		if err != nil {
			t.Fatal(err)
		}
		one, err := repo.CommitDiff(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		var got []diff.File
		_ = repo.CommitPatches(ctx, []string{sha}, nil, func(cp CommitPatch) error {
			got = cp.Files
			if !reflect.DeepEqual(cp.Commit, c) {
				t.Errorf("%s: commit %+v, want %+v", sha, cp.Commit, c)
			}
			return nil
		})
		if len(got) != len(one) {
			t.Errorf("%s: %d files, CommitDiff has %d", sha, len(got), len(one))
		}
		for i := range got {
			if i < len(one) && (got[i].Path() != one[i].Path() || !reflect.DeepEqual(got[i].Hunks, one[i].Hunks)) {
				t.Errorf("%s: file %d differs from CommitDiff", sha, i)
			}
		}
	}

	// A callback error stops the stream.
	stop := errors.New("stop")
	n := 0
	if err := repo.CommitPatches(ctx, shas, nil, func(CommitPatch) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("stop: err %v after %d", err, n)
	}
}

func TestRevListBadRange(t *testing.T) {
	r, _ := logRepo(t)
	repo := r.open()
	for _, rg := range []string{"no-such-branch", "main..nope", "--all", "HEAD~99"} {
		_, err := repo.RevList(context.Background(), LogOptions{Range: rg})
		var br *BadRangeError
		if !errors.As(err, &br) {
			t.Errorf("%q: err %v, want a BadRangeError", rg, err)
			continue
		}
		if !strings.Contains(err.Error(), "main..HEAD") {
			t.Errorf("%q: message %q does not suggest a range", rg, err)
		}
	}
}

func TestRevListEmptyRepo(t *testing.T) {
	r := newTestRepo(t)
	if err := os.WriteFile(filepath.Join(r.dir, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := r.open().RevList(context.Background(), LogOptions{})
	var br *BadRangeError
	if !errors.As(err, &br) {
		t.Fatalf("err %v, want a BadRangeError", err)
	}
}
