package cli

import (
	"context"
	"errors"
	"fmt"
	"github.com/patchpatrol/patchpatrol/internal/hugeheap"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/audit"
	"github.com/patchpatrol/patchpatrol/internal/deps"
	"github.com/patchpatrol/patchpatrol/internal/pool"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// skipDirs are directories a scan never enters: version control, virtual
// environments, installed packages and caches.
var skipDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, "node_modules": true, "site-packages": true, "dist-packages": true,
	"__pycache__": true, ".tox": true, ".nox": true, ".venv": true, "venv": true, ".mypy_cache": true,
	".pytest_cache": true, ".ruff_cache": true, ".eggs": true,
}

func (a *app) scanCmd() *cobra.Command {
	o := &options{}
	var excludes []string
	var shard string // --shard i/n (shard.go)
	cmd := &cobra.Command{
		Use:   "scan [PATH...]",
		Short: "Scan files and directories whole (not diff-aware): for audits and baselines",
		Long: `scan analyses every .py file and Python dependency manifest
(requirements*.txt, pyproject.toml, lock files, ...) under the given paths
(default: the current directory) in parallel, skipping .git, virtual environments, site-packages,
node_modules and caches, plus anything matching --exclude. Files named
explicitly are scanned whatever their extension. Every finding counts; paths
are relative to the current directory.`,
		RunE: func(cmd *cobra.Command, args []string) error { return a.scan(cmd, o, args, excludes, shard) },
	}
	addReviewFlags(cmd, o)
	cmd.Flags().StringArrayVar(&excludes, "exclude", nil, "skip paths matching this glob (repeatable; ** spans directories)")
	cmd.Flags().StringVar(&shard, "shard", "", "scan only shard i of n of the files (1-based, such as 2/4, by path hash); merge the shards' JSON with `patchpatrol merge`")
	return cmd
}

type scanFile struct {
	path string // relative to the working directory, slash-separated
	abs  string
}

func (a *app) scan(cmd *cobra.Command, o *options, args, excludes []string, shard string) error {
	ctx := cmd.Context()
	sh, err := audit.ParseShard(shard) // --shard (shard.go)
	if err != nil {
		return &UsageError{Err: err}
	}
	root := a.dirOf(o.repoPath)
	r, err := a.settings(cmd, root, o)
	if err != nil {
		return err
	}
	if o.verbose {
		a.explain(r)
	}
	if len(args) == 0 {
		args = []string{"."}
	}
	excludes = append(excludes, r.s.Exclude...)
	files, skipped, err := a.collect(ctx, args, excludes)
	if err != nil {
		return err
	}
	files, skipped = shardFiles(sh, files, skipped) // --shard (shard.go)
	units, more, err := readFiles(ctx, files, r.s.MaxFileSize)
	if err != nil {
		return err
	}
	skipped = append(skipped, more...)
	var total int64
	for _, u := range units {
		total += int64(len(u.Content))
	}
	hugeheap.Reserve(24 * total)
	s := r.s
	eng, err := a.newEngines(ctx, nil, s, false)
	if err != nil {
		return err
	}
	defer eng.close()
	req := &review.Request{Mode: s.Mode, Target: "scan of " + strings.Join(args, " "), Units: units, Skipped: skipped,
		Warnings: r.warnings}
	eng.apply(req)
	if sh.Count > 0 { // --shard (shard.go)
		req.Target += " (shard " + sh.String() + ")"
	}
	req.Policy, req.Warnings = policy(r, req.Warnings)
	if req.Baseline, err = a.scanBaseline(ctx, r, root); err != nil { // baselines (baseline.go)
		return err
	}
	res, err := review.Run(ctx, req)
	if err != nil {
		return err
	}
	a.result = res
	if err := a.write(res, r, o); err != nil {
		return err
	}
	return advisoriesRequired(eng.dep, s, req.Policy.Hard)
}

// collect walks the arguments and returns the files to scan, sorted.
func (a *app) collect(ctx context.Context, args, excludes []string) ([]scanFile, []review.Skip, error) {
	var files []scanFile
	var skipped []review.Skip
	seen := map[string]bool{}
	rel := func(abs string) string {
		if r, err := filepath.Rel(a.io.Dir, abs); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		return filepath.ToSlash(abs)
	}
	for _, arg := range args {
		abs := arg
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(a.io.Dir, arg)
		}
		st, err := os.Stat(abs)
		if err != nil {
			return nil, nil, &UsageError{Err: fmt.Errorf("scan %s: %w", arg, errors.Unwrap(err))}
		}
		if !st.IsDir() {
			if !seen[abs] {
				seen[abs] = true
				files = append(files, scanFile{path: rel(abs), abs: abs})
			}
			continue
		}
		err = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				skipped = append(skipped, review.Skip{File: rel(p), Reason: "unreadable: " + err.Error()})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			rp := rel(p)
			if d.IsDir() {
				if p != abs && (skipDirs[d.Name()] || isVirtualenv(p) || excluded(rp, excludes)) {
					return fs.SkipDir
				}
				return nil
			}
			if !(strings.HasSuffix(d.Name(), ".py") || deps.IsManifest(d.Name())) || !d.Type().IsRegular() {
				return nil
			}
			if excluded(rp, excludes) {
				skipped = append(skipped, review.Skip{File: rp, Reason: "excluded"})
				return nil
			}
			if !seen[p] {
				seen[p] = true
				files = append(files, scanFile{path: rp, abs: p})
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	return files, skipped, nil
}

// isVirtualenv recognises a virtual environment by its pyvenv.cfg.
func isVirtualenv(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "pyvenv.cfg"))
	return err == nil
}

// readFiles reads the files over a bounded pool of workers.
func readFiles(ctx context.Context, files []scanFile, maxSize int64) ([]*analysis.Unit, []review.Skip, error) {
	units := make([]*analysis.Unit, len(files))
	skips := make([]*review.Skip, len(files))
	err := pool.Each(ctx, len(files), runtime.GOMAXPROCS(0), func(i int) error {
		f := files[i]
		st, err := os.Stat(f.abs)
		if err == nil && st.Size() > maxSize {
			skips[i] = &review.Skip{File: f.path, Reason: fmt.Sprintf("larger than max_file_size (%d > %d bytes)", st.Size(), maxSize)}
			return nil
		}
		b, err := os.ReadFile(f.abs)
		switch {
		case err != nil:
			skips[i] = &review.Skip{File: f.path, Reason: "unreadable: " + err.Error()}
		case isBinary(b):
			skips[i] = &review.Skip{File: f.path, Reason: "binary"}
		default:
			units[i] = &analysis.Unit{Path: f.path, Content: b}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	var out []*analysis.Unit
	var skipped []review.Skip
	for i := range files {
		if units[i] != nil {
			out = append(out, units[i])
		}
		if skips[i] != nil {
			skipped = append(skipped, *skips[i])
		}
	}
	return out, skipped, nil
}
