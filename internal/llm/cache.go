package llm

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// Cache keeps AI review outcomes on disk, one JSON file per key, under the
// user's cache directory. A repeated review of the same patch with the same
// model, mode, prompt version and settings is answered from it without a
// model call.
type Cache struct {
	dir string
}

// CacheDir returns PatchPatrol's cache directory for AI reviews:
// $PATCHPATROL_CACHE_DIR, else $XDG_CACHE_HOME/patchpatrol/ai, else the
// platform's user cache directory (~/.cache on Linux, ~/Library/Caches on
// macOS, %LocalAppData% on Windows) plus patchpatrol/ai. It reads the
// environment through getenv, so tests and callers decide.
func CacheDir(getenv func(string) string) (string, error) {
	if d := strings.TrimSpace(getenv("PATCHPATROL_CACHE_DIR")); d != "" {
		return filepath.Abs(d)
	}
	base := ""
	if d := getenv("XDG_CACHE_HOME"); d != "" && filepath.IsAbs(d) {
		base = d
	} else {
		switch runtime.GOOS {
		case "windows":
			base = getenv("LocalAppData")
		case "darwin", "ios":
			if h := getenv("HOME"); h != "" {
				base = filepath.Join(h, "Library", "Caches")
			}
		default:
			if h := getenv("HOME"); h != "" {
				base = filepath.Join(h, ".cache")
			}
		}
	}
	if base == "" {
		return "", errors.New("no cache directory: set XDG_CACHE_HOME or HOME, or PATCHPATROL_CACHE_DIR")
	}
	return filepath.Join(base, "patchpatrol", "ai"), nil
}

// NewCache returns the cache kept in dir; nothing is created until Put.
func NewCache(dir string) *Cache { return &Cache{dir: dir} }

// Dir returns the cache directory.
func (c *Cache) Dir() string { return c.dir }

type cacheEntry struct {
	Version int       `json:"version"`
	Created time.Time `json:"created"`
	Outcome *Outcome  `json:"outcome"`
}

const cacheVersion = 1

func (c *Cache) path(key string) string { return filepath.Join(c.dir, key+".json") }

// Get returns the outcome stored under key. A missing, unreadable or stale
// entry is a miss.
func (c *Cache) Get(key string) (*Outcome, bool) {
	if c == nil || key == "" {
		return nil, false
	}
	b, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	var e cacheEntry
	if json.Unmarshal(b, &e) != nil || e.Version != cacheVersion || e.Outcome == nil {
		return nil, false
	}
	return e.Outcome, true
}

// Put stores o under key, atomically (a temporary file renamed into place),
// readable by the user only.
func (c *Cache) Put(key string, o *Outcome) error {
	if c == nil || key == "" {
		return nil
	}
	if err := os.MkdirAll(c.dir, 0o700); err != nil {
		return fmt.Errorf("create cache directory: %w", err)
	}
	b, err := json.Marshal(cacheEntry{Version: cacheVersion, Created: time.Now().UTC(), Outcome: o})
	if err != nil {
		return fmt.Errorf("encode cache entry: %w", err)
	}
	tmp, err := os.CreateTemp(c.dir, ".entry-*")
	if err != nil {
		return fmt.Errorf("write cache entry: %w", err)
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write cache entry: %w", errors.Join(werr, cerr))
	}
	if err := os.Rename(tmp.Name(), c.path(key)); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write cache entry: %w", err)
	}
	return nil
}

// CacheStats describes the cache's content.
type CacheStats struct {
	Entries int
	Bytes   int64
	Oldest  time.Time
	Newest  time.Time
}

// Stats counts the entries; a cache directory that does not exist is empty.
func (c *Cache) Stats() (CacheStats, error) {
	var st CacheStats
	err := c.each(func(p string, info fs.FileInfo) error {
		st.Entries++
		st.Bytes += info.Size()
		m := info.ModTime()
		if st.Oldest.IsZero() || m.Before(st.Oldest) {
			st.Oldest = m
		}
		if m.After(st.Newest) {
			st.Newest = m
		}
		return nil
	})
	return st, err
}

// Clean removes every entry and returns what it freed.
func (c *Cache) Clean() (CacheStats, error) {
	var st CacheStats
	err := c.each(func(p string, info fs.FileInfo) error {
		if err := os.Remove(p); err != nil {
			return fmt.Errorf("remove cache entry: %w", err)
		}
		st.Entries++
		st.Bytes += info.Size()
		return nil
	})
	return st, err
}

func (c *Cache) each(fn func(string, fs.FileInfo) error) error {
	ents, err := os.ReadDir(c.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read cache directory: %w", err)
	}
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		if err := fn(filepath.Join(c.dir, e.Name()), info); err != nil {
			return err
		}
	}
	return nil
}
