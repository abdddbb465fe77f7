package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/patchpatrol/patchpatrol/internal/config"
	"github.com/patchpatrol/patchpatrol/internal/deps"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// ExportURLEnv overrides where `db update` downloads the PyPI advisory
// export from (a mirror, or a test server).
const ExportURLEnv = "PATCHPATROL_OSV_DB_URL"

func (a *app) dbCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "db",
		Short: "Manage the local advisory database used by the dependency checks",
		Long: `The dependency checks (rules PP901-PP904) look advisories up in the OSV API
and cache the answers. "db update" downloads every PyPI advisory instead, so
that reviews can run with --offline; "db status" says how old it is.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	var from, url string
	update := &cobra.Command{
		Use:   "update",
		Short: "Download the PyPI advisory export (or import one with --from) into the cache",
		Long: `update downloads OSV's export of every PyPI advisory (` + deps.DefaultExportURL + `,
or the URL in --url or ` + ExportURLEnv + `), checks its integrity, and replaces the
local advisory database. --from imports a local copy instead: a zip of OSV
JSON records, or a directory of OSV JSON or YAML files (for mirrors and
air-gapped teams).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.dbUpdate(cmd.Context(), from, url) },
	}
	update.Flags().StringVar(&from, "from", "", "import this zip file or directory instead of downloading")
	update.Flags().StringVar(&url, "url", "", "download the export from this URL (default "+deps.DefaultExportURL+")")
	update.MarkFlagsMutuallyExclusive("from", "url")
	status := &cobra.Command{
		Use:   "status",
		Short: "Show the local advisory database's age and size, and the API cache",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return a.dbStatus() },
	}
	cmd.AddCommand(update, status)
	return cmd
}

// cacheRoot is PatchPatrol's directory in the user's cache directory, found
// as os.UserCacheDir does but through the injected environment.
func (a *app) cacheRoot() (string, error) {
	env := a.io.Getenv
	var base string
	switch runtime.GOOS {
	case "windows":
		base = env("LocalAppData")
	case "darwin", "ios":
		if h := env("HOME"); h != "" {
			base = filepath.Join(h, "Library", "Caches")
		}
	case "plan9":
		if h := env("home"); h != "" {
			base = filepath.Join(h, "lib", "cache")
		}
	default:
		base = env("XDG_CACHE_HOME")
		if base == "" || !filepath.IsAbs(base) {
			base = ""
			if h := env("HOME"); h != "" {
				base = filepath.Join(h, ".cache")
			}
		}
	}
	if base == "" {
		return "", errors.New("no cache directory: set HOME (or XDG_CACHE_HOME) so the advisory database has a place")
	}
	return filepath.Join(base, "patchpatrol"), nil
}

func (a *app) storeDir(root string) string    { return filepath.Join(root, "osv", "db") }
func (a *app) apiCacheDir(root string) string { return filepath.Join(root, "osv", "api") }

// depsEngine builds the dependency engine for a security review: the OSV
// API (with its cache) first unless offline, then the local database. It
// returns nil in code-quality mode, where its findings would not count and
// no advisory lookup should be made.
func (a *app) depsEngine(s *config.Settings) *deps.Analyzer {
	if s.Mode != review.ModeSecurity {
		return nil
	}
	var src deps.Layered
	root, err := a.cacheRoot()
	if err == nil {
		src.Offline = &deps.Store{Dir: a.storeDir(root)}
	}
	if !s.Dependencies.Offline {
		cache := ""
		if err == nil {
			cache = a.apiCacheDir(root)
		}
		src.Online = deps.NewClient(deps.ClientOptions{BaseURL: s.Dependencies.OSVURL, CacheDir: cache,
			UserAgent: "patchpatrol/" + version()})
	}
	return deps.New(deps.Options{Source: src, Allow: s.Dependencies.Allow})
}

// advisoriesRequired fails a hard-mode review with --require-advisories
// when some changed requirement could not be checked (exit 3).
func advisoriesRequired(dep *deps.Analyzer, s *config.Settings, hard bool) error {
	if dep == nil || !s.Dependencies.RequireAdvisories || !hard {
		return nil
	}
	st := dep.Status()
	if st.Unavailable == 0 {
		return nil
	}
	return &IncompleteError{Err: fmt.Errorf("%d changed requirement(s) could not be checked for known vulnerabilities (%s): "+
		"run `patchpatrol db update` while online, or drop --require-advisories", st.Unavailable, st.Reason)}
}

func (a *app) dbUpdate(ctx context.Context, from, url string) error {
	root, err := a.cacheRoot()
	if err != nil {
		return &UsageError{Err: err}
	}
	store := &deps.Store{Dir: a.storeDir(root)}
	meta := deps.StoreMeta{Updated: time.Now().UTC()}
	var advs []*deps.Advisory
	var stats deps.ImportStats
	checks := ""
	if from != "" {
		p := from
		if !filepath.IsAbs(p) {
			p = filepath.Join(a.io.Dir, p)
		}
		if _, err := os.Stat(p); err != nil {
			return &UsageError{Err: fmt.Errorf("db update --from %s: %w: give a zip of OSV JSON records or a directory of OSV JSON or YAML files", from, errors.Unwrap(err))}
		}
		advs, stats, err = deps.ImportPath(ctx, p)
		if err != nil {
			return &UsageError{Err: fmt.Errorf("db update --from %s: %w", from, err)}
		}
		meta.Source = p
		if sum, err := fileSHA256(p); err == nil {
			meta.SHA256 = sum
		}
	} else {
		if url == "" {
			url = strings.TrimSpace(a.io.Getenv(ExportURLEnv))
		}
		if url == "" {
			url = deps.DefaultExportURL
		}
		if err := os.MkdirAll(filepath.Join(root, "osv"), 0o755); err != nil {
			return fmt.Errorf("db update: %w", err)
		}
		tmp, err := os.CreateTemp(filepath.Join(root, "osv"), "download-*.zip")
		if err != nil {
			return fmt.Errorf("db update: %w", err)
		}
		defer os.Remove(tmp.Name())
		defer tmp.Close()
		bar := a.dbProgressBar()
		info, err := deps.Download(ctx, deps.DownloadOptions{URL: url, Progress: bar.update, UserAgent: "patchpatrol/" + version()}, tmp)
		bar.done()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return &UsageError{Err: fmt.Errorf("db update: %w: check the network (or %s), or import a copy with `patchpatrol db update --from all.zip`", err, ExportURLEnv)}
		}
		size := info.Bytes
		advs, stats, err = deps.ImportZip(ctx, tmp, size)
		if err != nil {
			return &UsageError{Err: fmt.Errorf("db update: %s: %w: the download is damaged; run the update again", url, err)}
		}
		meta.Source, meta.SHA256 = url, info.SHA256
		if len(info.Checked) > 0 {
			checks = "; verified " + strings.Join(info.Checked, ", ") + " and every entry's CRC-32"
		}
	}
	meta, err = store.Write(ctx, advs, meta)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.io.Stdout, "advisory database updated: %d advisories for %d packages (%d malicious) from %s%s\n",
		meta.Advisories, meta.Packages, meta.Malicious, meta.Source, checks)
	if stats.Withdrawn+stats.Other+stats.Invalid > 0 {
		fmt.Fprintf(a.io.Stdout, "left out: %d withdrawn, %d without a PyPI package, %d not OSV records\n", stats.Withdrawn, stats.Other, stats.Invalid)
	}
	for _, p := range stats.Problems {
		fmt.Fprintf(a.io.Stderr, "patchpatrol: skipped %s\n", p)
	}
	fmt.Fprintf(a.io.Stdout, "stored in %s\n", store.Dir)
	return nil
}

func fileSHA256(p string) (string, error) {
	st, err := os.Stat(p)
	if err != nil || st.IsDir() {
		return "", errors.New("not a file")
	}
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (a *app) dbStatus() error {
	root, err := a.cacheRoot()
	if err != nil {
		return &UsageError{Err: err}
	}
	w := a.io.Stdout
	store := &deps.Store{Dir: a.storeDir(root)}
	meta, err := store.Meta()
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(w, "advisory database: none yet (%s): run `patchpatrol db update` to review offline\n", store.Dir)
	case err != nil:
		fmt.Fprintf(w, "advisory database: unreadable: %v\n", err)
	default:
		age := time.Since(meta.Updated)
		stale := ""
		if age > deps.DefaultStoreMaxAge {
			stale = "; stale: run `patchpatrol db update`"
		}
		fmt.Fprintf(w, "advisory database: %s\n", store.Dir)
		fmt.Fprintf(w, "  updated %s (%s ago) from %s%s\n", meta.Updated.UTC().Format("2006-01-02 15:04 MST"), deps.HumanAge(age), meta.Source, stale)
		fmt.Fprintf(w, "  %d advisories for %d packages (%d malicious)\n", meta.Advisories, meta.Packages, meta.Malicious)
	}
	api := strings.TrimSpace(a.io.Getenv("PATCHPATROL_OSV_URL"))
	if api == "" {
		api = deps.DefaultAPI
	}
	fmt.Fprintf(w, "OSV API: %s; cache %s: %d package(s), answers reused for %s\n", api, a.apiCacheDir(root),
		deps.CacheStats(a.apiCacheDir(root)), deps.HumanAge(deps.DefaultCacheAge))
	return nil
}

// dbProgress draws a download bar on standard error when it is a terminal,
// and nothing otherwise.
type dbProgress struct {
	w       io.Writer
	on      bool
	last    int
	started bool
}

func (a *app) dbProgressBar() *dbProgress {
	p := &dbProgress{w: a.io.Stderr, last: -1}
	if f, ok := a.io.Stderr.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *dbProgress) update(done, total int64) {
	if !p.on {
		return
	}
	const width = 30
	mib := func(n int64) float64 { return float64(n) / (1 << 20) }
	if total <= 0 {
		if int(mib(done)) != p.last {
			p.last = int(mib(done))
			fmt.Fprintf(p.w, "\rdownloading advisories: %.1f MiB", mib(done))
			p.started = true
		}
		return
	}
	pct := int(done * 100 / total)
	if pct == p.last {
		return
	}
	p.last = pct
	filled := pct * width / 100
	fmt.Fprintf(p.w, "\rdownloading advisories [%s%s] %3d%% %.1f/%.1f MiB", strings.Repeat("=", filled),
		strings.Repeat(" ", width-filled), pct, mib(done), mib(total))
	p.started = true
}

func (p *dbProgress) done() {
	if p.on && p.started {
		fmt.Fprintln(p.w)
	}
}

// addDepsFlags adds the dependency-check flags to a review command.
func addDepsFlags(cmd *cobra.Command, o *options) {
	f := cmd.Flags()
	f.BoolVar(&o.offline, "offline", false, "check dependencies against the local advisory database only (see `patchpatrol db update`)")
	f.BoolVar(&o.requireAdvisories, "require-advisories", false, "in hard mode, exit 3 when changed dependencies cannot be checked for advisories")
}
