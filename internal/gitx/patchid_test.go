package gitx

import (
	"context"
	"strings"
	"testing"
)

// TestPatchID checks that the id follows the patch, not the line numbers or
// the commit it sits in, and that git's own patch-id of the same change
// agrees.
func TestPatchID(t *testing.T) {
	ctx := context.Background()
	staged := func(t *testing.T, prefix, body string) (string, *testRepo) {
		t.Helper()
		r := newTestRepo(t)
		r.write("app.py", prefix+"# one\n# two\n# three\ndef f():\n    return 1\n")
		r.commit("base")
		r.write("app.py", prefix+"# one\n# two\n# three\ndef f():\n    return 2\n")
		if body != "" {
			r.write("extra.py", body)
		}
		r.git("add", "-A")
		repo := r.open()
		files, err := repo.StagedDiff(ctx)
		if err != nil {
			t.Fatal(err)
		}
		id, err := repo.PatchID(ctx, files)
		if err != nil {
			t.Fatal(err)
		}
		return id, r
	}
	// Each case is compared with the "base" change.
	base, baseRepo := staged(t, "", "")
	cases := []struct {
		name, prefix, body string
		same               bool
	}{
		{"same change", "", "", true},
		{"same change further down the file", "import os\nimport sys\n\n", "", true},
		{"another file too", "", "x = 1\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id, _ := staged(t, c.prefix, c.body)
			if id == "" || !isObjectID(id) {
				t.Fatalf("PatchID = %q: want a hash", id)
			}
			if (id == base) != c.same {
				t.Errorf("PatchID = %s, base %s: same = %v, want %v", id, base, id == base, c.same)
			}
		})
	}
	t.Run("matches git on the committed change", func(t *testing.T) {
		sha := baseRepo.commit("change")
		out := baseRepo.git("-c", "diff.noprefix=false", "show", sha)
		gitID := strings.Fields(runPatchID(t, baseRepo, out))
		if len(gitID) == 0 || gitID[0] != base {
			t.Errorf("git patch-id of the commit = %v, PatchID of the staged change = %s", gitID, base)
		}
	})
	t.Run("nothing staged", func(t *testing.T) {
		r := newTestRepo(t)
		id, err := r.open().PatchID(ctx, nil)
		if err != nil || id != "" {
			t.Errorf("PatchID(nil) = %q, %v; want \"\"", id, err)
		}
	})
}

func runPatchID(t *testing.T, r *testRepo, patch string) string {
	t.Helper()
	repo := r.open()
	out, err := repo.run(context.Background(), strings.NewReader(patch), "patch-id", "--stable")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
