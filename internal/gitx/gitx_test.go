package gitx

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/patchpatrol/patchpatrol/internal/diff"
)

// summary renders files one per line: status, paths, modes, binary flag
// and the added and deleted text, so expectations read like the change.
func summary(files []diff.File) []string {
	var out []string
	for _, f := range files {
		s := fmt.Sprintf("%s %q→%q %s→%s", f.Status, f.OldPath, f.NewPath, f.OldMode, f.NewMode)
		if f.Binary {
			s += " binary"
		}
		for _, h := range f.Hunks {
			for _, l := range h.Lines {
				if l.Kind != diff.Context {
					s += fmt.Sprintf(" %c%s", l.Kind, l.Text)
				}
			}
		}
		out = append(out, s)
	}
	return out
}

func assertSummary(t *testing.T, files []diff.File, want []string) {
	t.Helper()
	got := summary(files)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("diff =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestOpen(t *testing.T) {
	r := newTestRepo(t)
	r.write("sub/dir/f.txt", "x\n")
	notRepo, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(notRepo, "plain.txt")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		dir      string
		wantRoot string
		wantErr  string
	}{
		{name: "top level", dir: r.dir, wantRoot: r.dir},
		{name: "subdirectory", dir: filepath.Join(r.dir, "sub", "dir"), wantRoot: r.dir},
		{name: "not a repository", dir: notRepo, wantErr: "not a git repository: " + notRepo + ": run inside a repository or pass --repo-path"},
		{name: "missing directory", dir: filepath.Join(notRepo, "nope"), wantErr: "not a git repository: " + filepath.Join(notRepo, "nope")},
		{name: "a file", dir: file, wantErr: "not a git repository: " + file},
		{name: "inside .git", dir: filepath.Join(r.dir, ".git"), wantErr: "open repository"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo, err := Open(context.Background(), tt.dir)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Open(%s) error = %v, want %q", tt.dir, err, tt.wantErr)
				}
				var nr *NotARepoError
				if isNotRepo := errors.As(err, &nr); isNotRepo != strings.HasPrefix(tt.wantErr, "not a git repository") {
					t.Fatalf("Open(%s) error %T, NotARepoError = %t", tt.dir, err, isNotRepo)
				}
				return
			}
			if err != nil {
				t.Fatalf("Open(%s): %v", tt.dir, err)
			}
			if repo.Root() != tt.wantRoot {
				t.Fatalf("Root() = %s, want %s", repo.Root(), tt.wantRoot)
			}
		})
	}
	t.Run("git missing", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		_, err := Open(context.Background(), r.dir)
		var nf *GitNotFoundError
		if !errors.As(err, &nf) || !strings.Contains(err.Error(), "git not found: install git") {
			t.Fatalf("Open without git = %v, want a *GitNotFoundError", err)
		}
	})
}

func TestStagedDiff(t *testing.T) {
	tests := []struct {
		name  string
		setup func(r *testRepo)
		want  []string
	}{
		{
			name: "initial commit, nothing committed yet",
			setup: func(r *testRepo) {
				r.write("main.py", "print('hi')\n")
				r.write("lib/util.py", "x = 1\ny = 2\n")
				r.git("add", "-A")
			},
			want: []string{
				`added ""→"lib/util.py" →100644 +x = 1 +y = 2`,
				`added ""→"main.py" →100644 +print('hi')`,
			},
		},
		{
			name: "modified added deleted renamed",
			setup: func(r *testRepo) {
				r.write("keep.txt", "a\nb\nc\n")
				r.write("gone.txt", "bye\n")
				r.write("old.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n")
				r.commit("base")
				r.write("keep.txt", "a\nB\nc\n")
				r.write("new.txt", "hello\n")
				r.git("rm", "-q", "gone.txt")
				r.git("mv", "old.txt", "moved.txt")
				r.write("moved.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\nten\n")
				r.git("add", "-A")
			},
			want: []string{
				`deleted "gone.txt"→"" 100644→ -bye`,
				`modified "keep.txt"→"keep.txt" 100644→100644 -b +B`,
				`renamed "old.txt"→"moved.txt" 100644→100644 -10 +ten`,
				`added ""→"new.txt" →100644 +hello`,
			},
		},
		{
			name: "staged content, not the work tree",
			setup: func(r *testRepo) {
				r.write("f.txt", "v1\n")
				r.commit("base")
				r.write("f.txt", "v2\n")
				r.git("add", "f.txt")
				r.write("f.txt", "v3 in the work tree only\n")
				r.write("untracked.txt", "not staged\n")
			},
			want: []string{`modified "f.txt"→"f.txt" 100644→100644 -v1 +v2`},
		},
		{
			name: "intent-to-add files are not committed",
			setup: func(r *testRepo) {
				r.write("f.txt", "v1\n")
				r.commit("base")
				r.write("later.txt", "maybe\n")
				r.git("add", "-N", "later.txt")
			},
			want: nil,
		},
		{
			name: "binary, submodule, symlink and mode",
			setup: func(r *testRepo) {
				r.write("run.sh", "echo\n")
				r.commit("base")
				r.write("img.bin", "\x00\x01\x02")
				r.git("add", "img.bin")
				r.git("update-index", "--add", "--cacheinfo", "160000,1111111111111111111111111111111111111111,vendor/lib")
				if err := os.Symlink("run.sh", filepath.Join(r.dir, "link")); err != nil {
					t.Skipf("no symlinks: %v", err)
				}
				r.git("add", "link")
				r.git("update-index", "--chmod=+x", "run.sh")
			},
			want: []string{
				`added ""→"img.bin" →100644 binary`,
				`added ""→"link" →120000 +run.sh`,
				`modified "run.sh"→"run.sh" 100644→100755`,
				`added ""→"vendor/lib" →160000 +Subproject commit 1111111111111111111111111111111111111111`,
			},
		},
		{
			name: "paths with spaces, unicode, tabs, quotes and newlines",
			setup: func(r *testRepo) {
				r.write("base.txt", "b\n")
				r.commit("base")
				for _, name := range []string{"my file.txt", "café/ñ.txt", "tab\tname.txt", `q"uote.txt`, "new\nline.txt"} {
					r.write(name, "in "+strings.ReplaceAll(name, "\n", "NL")+"\n")
				}
				r.git("add", "-A")
			},
			want: []string{
				`added ""→"café/ñ.txt" →100644 +in café/ñ.txt`,
				`added ""→"my file.txt" →100644 +in my file.txt`,
				`added ""→"new\nline.txt" →100644 +in newNLline.txt`,
				`added ""→"q\"uote.txt" →100644 +in q"uote.txt`,
				`added ""→"tab\tname.txt" →100644 +in tab	name.txt`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newTestRepo(t)
			tt.setup(r)
			files, err := r.open().StagedDiff(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			assertSummary(t, files, tt.want)
		})
	}
}

// TestStagedDiffIgnoresConfig sets every config that would change git's
// diff output and checks that StagedDiff's result does not move.
func TestStagedDiffIgnoresConfig(t *testing.T) {
	r := newTestRepo(t)
	r.write("a.txt", "1\n2\n3\n")
	r.write("sub/b.txt", "x\n")
	r.commit("base")
	r.write("a.txt", "1\ntwo\n3\n")
	r.write("café.txt", "é\n")
	r.write("sub/b.txt", "y\n")
	r.git("add", "-A")
	r.git("update-index", "--add", "--cacheinfo", "160000,1111111111111111111111111111111111111111,mod")
	r.write(".gitattributes", "*.txt diff=upper\n") // work tree only: not staged, but read for attributes
	before, err := r.open().StagedDiff(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range [][2]string{
		{"diff.noprefix", "true"}, {"diff.mnemonicPrefix", "true"}, {"color.ui", "always"},
		{"color.diff", "always"}, {"core.quotePath", "false"}, {"diff.external", "false"},
		{"diff.submodule", "log"}, {"diff.relative", "true"}, {"diff.renames", "false"},
		{"diff.upper.textconv", "tr a-z A-Z"}, {"diff.suppressBlankEmpty", "true"},
		{"diff.srcPrefix", "SRC/"}, {"diff.dstPrefix", "DST/"},
	} {
		r.git("config", kv[0], kv[1])
	}
	after, err := r.open().StagedDiff(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("config changed StagedDiff:\nbefore %s\nafter  %s", summary(before), summary(after))
	}
	assertSummary(t, after, []string{
		`modified "a.txt"→"a.txt" 100644→100644 -2 +two`,
		`added ""→"café.txt" →100644 +é`,
		`added ""→"mod" →160000 +Subproject commit 1111111111111111111111111111111111111111`,
		`modified "sub/b.txt"→"sub/b.txt" 100644→100644 -x +y`,
	})
}

// TestGitIndexFile simulates the temporary index that `git commit -a` and
// `git commit -- path` hand to hooks through GIT_INDEX_FILE.
func TestGitIndexFile(t *testing.T) {
	r := newTestRepo(t)
	r.write("f.txt", "committed\n")
	r.write("g.txt", "g\n")
	r.commit("base")
	r.write("f.txt", "in the temporary index\n")
	tmpIndex := filepath.Join(t.TempDir(), "index.tmp")
	env := []string{"GIT_INDEX_FILE=" + tmpIndex}
	r.gitEnv(env, "read-tree", "HEAD")
	r.gitEnv(env, "update-index", "--add", "f.txt")

	plain := r.open()
	files, err := plain.StagedDiff(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	assertSummary(t, files, nil) // the real index has nothing staged

	t.Setenv("GIT_INDEX_FILE", tmpIndex)
	hooked := r.open()
	files, err = hooked.StagedDiff(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	assertSummary(t, files, []string{`modified "f.txt"→"f.txt" 100644→100644 -committed +in the temporary index`})
	blobs, err := hooked.Blobs(context.Background(), []string{":f.txt", ":g.txt"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(blobs[0].Data); got != "in the temporary index\n" {
		t.Fatalf("Blobs(:f.txt) under GIT_INDEX_FILE = %q", got)
	}
	if got := string(blobs[1].Data); got != "g\n" {
		t.Fatalf("Blobs(:g.txt) under GIT_INDEX_FILE = %q", got)
	}
}

func TestCommitAndCommitDiff(t *testing.T) {
	r := newTestRepo(t)
	r.write("f.txt", "base\n")
	root := r.commit("root commit\n\nwith a body")
	r.git("checkout", "-q", "-b", "side")
	r.write("side.txt", "from side\n")
	side := r.commit("side work")
	r.git("checkout", "-q", "main")
	r.write("f.txt", "main change\n")
	mainTip := r.commit("main work")
	r.git("merge", "-q", "--no-ff", "-m", "merge side", "side")
	merge := strings.TrimSpace(r.git("rev-parse", "HEAD"))
	repo := r.open()
	ctx := context.Background()

	tests := []struct {
		name        string
		rev         string
		wantSHA     string
		wantParents []string
		wantSubject string
		wantMessage string
		wantDiff    []string
	}{
		{name: "root commit against the empty tree", rev: root, wantSHA: root, wantSubject: "root commit",
			wantMessage: "root commit\n\nwith a body\n", wantDiff: []string{`added ""→"f.txt" →100644 +base`}},
		{name: "ordinary commit", rev: "main~1", wantSHA: mainTip, wantParents: []string{root}, wantSubject: "main work",
			wantMessage: "main work\n", wantDiff: []string{`modified "f.txt"→"f.txt" 100644→100644 -base +main change`}},
		{name: "merge against its first parent", rev: "HEAD", wantSHA: merge, wantParents: []string{mainTip, side},
			wantSubject: "merge side", wantMessage: "merge side\n", wantDiff: []string{`added ""→"side.txt" →100644 +from side`}},
		{name: "branch name", rev: "side", wantSHA: side, wantParents: []string{root}, wantSubject: "side work",
			wantMessage: "side work\n", wantDiff: []string{`added ""→"side.txt" →100644 +from side`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := repo.Commit(ctx, tt.rev)
			if err != nil {
				t.Fatal(err)
			}
			if c.SHA != tt.wantSHA || !strings.HasPrefix(c.SHA, c.ShortSHA) || len(c.ShortSHA) < 7 {
				t.Fatalf("SHA %s short %s, want %s", c.SHA, c.ShortSHA, tt.wantSHA)
			}
			if len(c.Parents) != len(tt.wantParents) || len(c.Parents) > 0 && !reflect.DeepEqual(c.Parents, tt.wantParents) {
				t.Fatalf("Parents = %v, want %v", c.Parents, tt.wantParents)
			}
			if c.Subject != tt.wantSubject || c.Message != tt.wantMessage {
				t.Fatalf("Subject %q Message %q, want %q %q", c.Subject, c.Message, tt.wantSubject, tt.wantMessage)
			}
			wantDate := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
			if c.Author != "Pat Patrol" || c.AuthorEmail != "pat@example.com" || !c.Date.Equal(wantDate) {
				t.Fatalf("author %q <%s> at %v", c.Author, c.AuthorEmail, c.Date)
			}
			files, err := repo.CommitDiff(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			assertSummary(t, files, tt.wantDiff)
		})
	}
}

func TestCommitBadRevision(t *testing.T) {
	r := newTestRepo(t)
	repo := r.open()
	ctx := context.Background()
	for _, rev := range []string{"HEAD", "nope", "", "--output=/tmp/x", "main\nHEAD", "0123456789abcdef0123456789abcdef01234567"} {
		t.Run(fmt.Sprintf("%q", rev), func(t *testing.T) {
			_, err := repo.Commit(ctx, rev)
			var bad *BadRevisionError
			if !errors.As(err, &bad) {
				t.Fatalf("Commit(%q) = %v, want a *BadRevisionError", rev, err)
			}
			want := fmt.Sprintf("unknown revision %q: check the name with `git log --oneline`", rev)
			if err.Error() != want {
				t.Fatalf("error %q, want %q", err, want)
			}
		})
	}
	r.write("f", "x\n")
	tree := strings.TrimSpace(r.git("rev-parse", r.commit("c")+"^{tree}"))
	t.Run("a tree is not a commit", func(t *testing.T) {
		var bad *BadRevisionError
		if _, err := repo.Commit(ctx, tree); !errors.As(err, &bad) {
			t.Fatalf("Commit(tree) = %v, want a *BadRevisionError", err)
		}
	})
	if _, err := repo.CommitDiff(ctx, nil); err == nil {
		t.Fatal("CommitDiff(nil) succeeded")
	}
}

func TestHasHead(t *testing.T) {
	r := newTestRepo(t)
	repo := r.open()
	ctx := context.Background()
	if has, err := repo.HasHead(ctx); err != nil || has {
		t.Fatalf("HasHead before the first commit = %t, %v", has, err)
	}
	r.commit("first")
	if has, err := repo.HasHead(ctx); err != nil || !has {
		t.Fatalf("HasHead after the first commit = %t, %v", has, err)
	}
}

func TestMessagePath(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first")
	ctx := context.Background()
	mainPath, err := r.open().MessagePath(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(r.dir, ".git", "COMMIT_EDITMSG"); mainPath != want {
		t.Fatalf("MessagePath = %s, want %s", mainPath, want)
	}

	wt := filepath.Join(t.TempDir(), "wt")
	r.git("worktree", "add", "-q", wt)
	wtRepo, err := Open(ctx, wt)
	if err != nil {
		t.Fatal(err)
	}
	wtPath, err := wtRepo.MessagePath(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantDir := filepath.Join(r.dir, ".git", "worktrees")
	if !filepath.IsAbs(wtPath) || filepath.Base(wtPath) != "COMMIT_EDITMSG" || !strings.HasPrefix(wtPath, wantDir+string(filepath.Separator)) {
		t.Fatalf("worktree MessagePath = %s, want COMMIT_EDITMSG under %s", wtPath, wantDir)
	}
	if wtPath == mainPath {
		t.Fatal("worktree shares the main work tree's COMMIT_EDITMSG")
	}
}

func TestCommentChar(t *testing.T) {
	tests := []struct {
		name   string
		config [][2]string
		want   string
	}{
		{name: "unset", want: "#"},
		{name: "semicolon", config: [][2]string{{"core.commentChar", ";"}}, want: ";"},
		{name: "auto", config: [][2]string{{"core.commentChar", "auto"}}, want: "#"},
		{name: "comment string", config: [][2]string{{"core.commentString", "//"}}, want: "//"},
		{name: "last one wins", config: [][2]string{{"core.commentString", "//"}, {"core.commentChar", "%"}}, want: "%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newTestRepo(t)
			for _, kv := range tt.config {
				r.git("config", "--add", kv[0], kv[1])
			}
			if got := r.open().CommentChar(context.Background()); got != tt.want {
				t.Fatalf("CommentChar = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCancel(t *testing.T) {
	r := newTestRepo(t)
	r.write("f", "x\n")
	r.commit("c")
	repo := r.open()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	checks := map[string]func() error{
		"StagedDiff": func() error { _, err := repo.StagedDiff(ctx); return err },
		"Blobs":      func() error { _, err := repo.Blobs(ctx, []string{":f"}, 0); return err },
		"Commit":     func() error { _, err := repo.Commit(ctx, "HEAD"); return err },
		"Open":       func() error { _, err := Open(ctx, r.dir); return err },
	}
	for name, check := range checks {
		t.Run(name, func(t *testing.T) {
			if err := check(); !errors.Is(err, context.Canceled) {
				t.Fatalf("%s with a cancelled context = %v, want context.Canceled", name, err)
			}
		})
	}
}

// TestReadOnly checks that reviewing leaves the index exactly as it was,
// with a work tree whose stat data is stale, where a refreshing command
// (the control, `git status`) would rewrite it.
func TestReadOnly(t *testing.T) {
	r := newTestRepo(t)
	r.write("a.txt", "a\n")
	r.write("b.txt", "b\n")
	r.commit("base")
	r.write("a.txt", "staged\n")
	r.write("c.txt", "new\n")
	r.git("add", "-A")
	index := filepath.Join(r.dir, ".git", "index")
	stale := func() {
		later := time.Now().Add(time.Hour)
		for _, n := range []string{"a.txt", "b.txt", "c.txt"} {
			if err := os.Chtimes(filepath.Join(r.dir, n), later, later); err != nil {
				t.Fatal(err)
			}
		}
	}
	snapshot := func() ([]byte, time.Time) {
		data, err := os.ReadFile(index)
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(index)
		if err != nil {
			t.Fatal(err)
		}
		return data, fi.ModTime()
	}
	stale()
	data0, mtime0 := snapshot()

	repo := r.open()
	ctx := context.Background()
	if _, err := repo.StagedDiff(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := repo.Blobs(ctx, []string{":a.txt", ":c.txt", "HEAD:b.txt", ":nope"}, 1<<20); err != nil {
		t.Fatal(err)
	}
	if _, err := repo.Commit(ctx, "HEAD"); err != nil {
		t.Fatal(err)
	}
	_, _ = repo.MessagePath(ctx)
	_ = repo.CommentChar(ctx)
	data1, mtime1 := snapshot()
	if !bytes.Equal(data0, data1) || !mtime0.Equal(mtime1) {
		t.Fatalf("the index changed: %d→%d bytes, mtime %v→%v", len(data0), len(data1), mtime0, mtime1)
	}

	t.Run("control: git status rewrites a stale index", func(t *testing.T) {
		r.git("status", "--porcelain")
		data2, mtime2 := snapshot()
		if bytes.Equal(data1, data2) && mtime1.Equal(mtime2) {
			t.Fatal("git status left the index alone: the check above proves nothing")
		}
	})
}
