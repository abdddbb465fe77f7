package deps

import (
	"archive/zip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Store is the local advisory database that `patchpatrol db update` fills:
// meta.json and one JSON file of advisories per package under pkgs/. A
// review reads only the files of the packages it checks.
type Store struct {
	Dir    string
	MaxAge time.Duration // older than this, lookups add a note (0: 7 days)
	Now    func() time.Time
}

// StoreMeta describes a store's contents.
type StoreMeta struct {
	Format     int       `json:"format"`
	Source     string    `json:"source"`
	Updated    time.Time `json:"updated"`
	SHA256     string    `json:"sha256,omitempty"` // of the imported archive
	Advisories int       `json:"advisories"`
	Packages   int       `json:"packages"`
	Malicious  int       `json:"malicious"`
}

const storeFormat = 1

// DefaultStoreMaxAge is when the local database is called stale.
const DefaultStoreMaxAge = 7 * 24 * time.Hour

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Meta reads meta.json; the error wraps fs.ErrNotExist when the store has
// never been written.
func (s *Store) Meta() (StoreMeta, error) {
	var m StoreMeta
	b, err := os.ReadFile(filepath.Join(s.Dir, "meta.json"))
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("read %s: %w", filepath.Join(s.Dir, "meta.json"), err)
	}
	if m.Format != storeFormat {
		return m, fmt.Errorf("advisory database %s has format %d, this build reads %d: run `patchpatrol db update`", s.Dir, m.Format, storeFormat)
	}
	return m, nil
}

// Lookup reads the advisories of each name. Without a database every name
// is missing, and the reason says how to create one.
func (s *Store) Lookup(ctx context.Context, names []string) Lookup {
	l := newLookup()
	meta, err := s.Meta()
	if err != nil {
		l.Missing = append(l.Missing, names...)
		if errors.Is(err, fs.ErrNotExist) {
			l.Reason = "no local advisory database (create one with `patchpatrol db update`)"
		} else {
			l.Reason = "local advisory database unreadable: " + err.Error()
		}
		return l
	}
	l.Origin = "local advisory database (updated " + meta.Updated.UTC().Format("2006-01-02") + ")"
	maxAge := s.MaxAge
	if maxAge <= 0 {
		maxAge = DefaultStoreMaxAge
	}
	if age := s.now().Sub(meta.Updated); age > maxAge {
		l.Notes = append(l.Notes, fmt.Sprintf("the local advisory database is %s old: refresh it with `patchpatrol db update`", HumanAge(age)))
	}
	for _, n := range names {
		if ctx.Err() != nil {
			l.Missing = append(l.Missing, n)
			l.Reason = ctx.Err().Error()
			continue
		}
		advs, err := readPackageFile(filepath.Join(s.Dir, "pkgs"), n)
		if err != nil {
			l.Missing = append(l.Missing, n)
			l.Reason = "local advisory database: " + err.Error()
			continue
		}
		l.Found[n] = advs
	}
	return l
}

// safeName reports a normalised name that is safe as a file name.
func safeName(n string) bool {
	if n == "" || len(n) > 200 || n[0] == '-' {
		return false
	}
	for i := 0; i < len(n); i++ {
		c := n[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// readPackageFile reads dir/<name>.json; a missing file means no
// advisories.
func readPackageFile(dir, name string) ([]*Advisory, error) {
	if !safeName(name) {
		return nil, nil
	}
	b, err := os.ReadFile(filepath.Join(dir, name+".json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var advs []*Advisory
	if err := json.Unmarshal(b, &advs); err != nil {
		return nil, fmt.Errorf("%s.json: %w", name, err)
	}
	return advs, nil
}

// HumanAge writes a duration as "3 days", "5 hours" or "12 minutes".
func HumanAge(d time.Duration) string {
	switch {
	case d >= 48*time.Hour:
		return fmt.Sprintf("%d days", int(d/(24*time.Hour)))
	case d >= 2*time.Hour:
		return fmt.Sprintf("%d hours", int(d/time.Hour))
	case d >= 2*time.Minute:
		return fmt.Sprintf("%d minutes", int(d/time.Minute))
	}
	return "moments"
}

// Write replaces the store's contents with advs, atomically: the new
// database is written beside the old one and renamed into place, so a
// review running meanwhile reads one or the other, never a mix.
func (s *Store) Write(ctx context.Context, advs []*Advisory, meta StoreMeta) (StoreMeta, error) {
	compact := make([]*Advisory, len(advs))
	for i, a := range advs {
		compact[i] = a.compacted()
	}
	mem := NewMemory(compact, "")
	parent := filepath.Dir(s.Dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return meta, fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, filepath.Base(s.Dir)+".new-")
	if err != nil {
		return meta, fmt.Errorf("write advisory database: %w", err)
	}
	defer os.RemoveAll(tmp)
	pkgDir := filepath.Join(tmp, "pkgs")
	if err := os.MkdirAll(pkgDir, 0o755); err != nil {
		return meta, fmt.Errorf("write advisory database: %w", err)
	}
	meta.Format = storeFormat
	meta.Packages, meta.Advisories, meta.Malicious = 0, 0, 0
	counted := map[string]bool{}
	for _, name := range mem.Packages() {
		if err := ctx.Err(); err != nil {
			return meta, err
		}
		if !safeName(name) {
			continue
		}
		list := mem.Advisories(name)
		b, err := json.Marshal(list)
		if err != nil {
			return meta, fmt.Errorf("encode advisories of %s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(pkgDir, name+".json"), b, 0o644); err != nil {
			return meta, fmt.Errorf("write advisory database: %w", err)
		}
		meta.Packages++
		for _, a := range list {
			if !counted[a.ID] {
				counted[a.ID] = true
				meta.Advisories++
				if a.IsMalicious() {
					meta.Malicious++
				}
			}
		}
	}
	b, err := json.MarshalIndent(meta, "", "  ")
	if err != nil {
		return meta, err
	}
	if err := os.WriteFile(filepath.Join(tmp, "meta.json"), b, 0o644); err != nil {
		return meta, fmt.Errorf("write advisory database: %w", err)
	}
	old := ""
	if _, err := os.Stat(s.Dir); err == nil {
		old = s.Dir + ".old-" + fmt.Sprint(s.now().UnixNano())
		if err := os.Rename(s.Dir, old); err != nil {
			return meta, fmt.Errorf("replace advisory database %s: %w", s.Dir, err)
		}
	}
	if err := os.Rename(tmp, s.Dir); err != nil {
		if old != "" {
			_ = os.Rename(old, s.Dir)
		}
		return meta, fmt.Errorf("replace advisory database %s: %w", s.Dir, err)
	}
	if old != "" {
		_ = os.RemoveAll(old)
	}
	return meta, nil
}

// ImportStats counts what an import read.
type ImportStats struct {
	Files     int      // OSV files read
	Kept      int      // advisories with a PyPI entry
	Other     int      // records for other ecosystems
	Withdrawn int      // withdrawn records, left out
	Invalid   int      // files that are not OSV records
	Problems  []string // the first few invalid files, with the reason
}

func (st *ImportStats) invalid(name string, err error) {
	st.Invalid++
	if len(st.Problems) < 5 {
		st.Problems = append(st.Problems, name+": "+err.Error())
	}
}

// keep sorts a parsed record into the stats and returns whether to keep it.
func (st *ImportStats) keep(a *Advisory) bool {
	switch {
	case a.IsWithdrawn():
		st.Withdrawn++
		return false
	case len(a.Affected) == 0:
		st.Other++
		return false
	}
	st.Kept++
	return true
}

// Limits on what an import reads, against corrupt or hostile archives.
const (
	maxRecordSize = 16 << 20
	maxRecords    = 500000
)

// ImportZip reads every *.json record of an OSV export zip (such as the
// PyPI all.zip). The archive's CRC-32 of every entry is checked as it is
// read; a damaged entry or a file that is not an OSV record fails the
// import, since a real export holds nothing else.
func ImportZip(ctx context.Context, r io.ReaderAt, size int64) ([]*Advisory, ImportStats, error) {
	var st ImportStats
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, st, fmt.Errorf("read zip: %w", err)
	}
	var out []*Advisory
	for _, f := range zr.File {
		if err := ctx.Err(); err != nil {
			return nil, st, err
		}
		if f.FileInfo().IsDir() || !strings.HasSuffix(strings.ToLower(f.Name), ".json") {
			continue
		}
		if st.Files++; st.Files > maxRecords {
			return nil, st, fmt.Errorf("read zip: more than %d records", maxRecords)
		}
		if f.UncompressedSize64 > maxRecordSize {
			return nil, st, fmt.Errorf("read zip: %s is larger than %d MiB", f.Name, maxRecordSize>>20)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, st, fmt.Errorf("read zip entry %s: %w", f.Name, err)
		}
		b, err := io.ReadAll(io.LimitReader(rc, maxRecordSize+1))
		rc.Close()
		if err != nil {
			return nil, st, fmt.Errorf("read zip entry %s: %w", f.Name, err)
		}
		a, err := ParseAdvisory(b)
		if err != nil {
			return nil, st, fmt.Errorf("zip entry %s: %w", f.Name, err)
		}
		if st.keep(a) {
			out = append(out, a)
		}
	}
	if st.Files == 0 {
		return nil, st, errors.New("the zip holds no OSV JSON records")
	}
	return out, st, nil
}

// ImportDir reads every *.json, *.yaml and *.yml file under dir (an OSV
// mirror, or a clone of an advisory database). Files that are not OSV
// records are counted and skipped.
func ImportDir(ctx context.Context, dir string) ([]*Advisory, ImportStats, error) {
	var st ImportStats
	var out []*Advisory
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		if ext != ".json" && ext != ".yaml" && ext != ".yml" || !d.Type().IsRegular() {
			return nil
		}
		if st.Files++; st.Files > maxRecords {
			return fmt.Errorf("more than %d records", maxRecords)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if info.Size() > maxRecordSize {
			st.invalid(rel, fmt.Errorf("larger than %d MiB", maxRecordSize>>20))
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		a, err := ParseAdvisory(b)
		if err != nil {
			st.invalid(rel, err)
			return nil
		}
		if st.keep(a) {
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, st, fmt.Errorf("read %s: %w", dir, err)
	}
	if st.Kept == 0 {
		return nil, st, fmt.Errorf("%s holds no OSV records for PyPI (read %d files)", dir, st.Files)
	}
	return out, st, nil
}

// ImportPath imports a zip file or a directory.
func ImportPath(ctx context.Context, p string) ([]*Advisory, ImportStats, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, ImportStats{}, err
	}
	if info.IsDir() {
		return ImportDir(ctx, p)
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, ImportStats{}, err
	}
	defer f.Close()
	return ImportZip(ctx, f, info.Size())
}

// sortedIDs lists advisory ids, for messages and tests.
func sortedIDs(advs []*Advisory) []string {
	out := make([]string, len(advs))
	for i, a := range advs {
		out[i] = a.ID
	}
	sort.Strings(out)
	return out
}
