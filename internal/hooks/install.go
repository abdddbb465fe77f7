package hooks

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// backupSuffix is appended to a foreign hook's name when it is replaced.
const backupSuffix = ".patchpatrol-backup"

// maxBackups bounds the numbered backup names tried.
const maxBackups = 100

// State is what a hooks directory holds under a hook's name.
type State int

const (
	Missing State = iota // no hook
	Ours                 // a hook with PatchPatrol's marker
	Foreign              // any other file
)

// Hook is what Inspect found.
type Hook struct {
	Name, Path string
	State      State
	Version    string // the version in the marker (Ours)
	Content    []byte // the script (Ours, Foreign)
	Executable bool
}

// Inspect reads the hook name in dir.
func Inspect(dir, name string) (*Hook, error) {
	h := &Hook{Name: name, Path: filepath.Join(dir, name)}
	fi, err := os.Stat(h.Path)
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := os.Lstat(h.Path); lerr == nil {
			// A symbolic link to nothing is still someone's hook.
			h.State = Foreign
			return h, nil
		}
		h.State = Missing
		return h, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s hook: %w", name, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s is a directory, not a hook: move it away and install again", h.Path)
	}
	if h.Content, err = os.ReadFile(h.Path); err != nil {
		return nil, fmt.Errorf("read %s hook: %w", name, err)
	}
	h.Executable = fi.Mode().Perm()&0o111 != 0
	if v, ok := Managed(h.Content); ok {
		h.State, h.Version = Ours, v
	} else {
		h.State = Foreign
	}
	return h, nil
}

// ForeignHookError says a hook that PatchPatrol did not write is in the way.
type ForeignHookError struct {
	Name, Path string
	Owner      string // who seems to have written it, or ""
}

func (e *ForeignHookError) Error() string {
	s := fmt.Sprintf("a %s hook that patchpatrol did not write exists: %s", e.Name, e.Path)
	if e.Owner != "" {
		s += " (it looks like " + e.Owner + "'s)"
	}
	return s
}

// Action is what Install or Uninstall did to one hook.
type Action int

const (
	Created   Action = iota // no hook was there; ours was written
	Updated                 // our older or different hook was rewritten
	Unchanged               // our identical hook was already there
	Replaced                // a foreign hook was moved to Backup and ours written
	Removed                 // our hook was deleted
	Restored                // our hook was deleted and Backup put back in its place
	NotFound                // there was no hook to remove
	LeftAlone               // a foreign hook was not touched
)

// Result is what happened to one hook.
type Result struct {
	Name, Path string
	Action     Action
	Backup     string   // Replaced: where the foreign hook went; Restored: where it came from
	OldVersion string   // Updated: the version that wrote the previous hook
	Backups    []string // NotFound, LeftAlone, Restored: backups left in the directory
	Owner      string   // LeftAlone: who seems to have written the hook
}

// Install writes script as the hook name in dir, creating dir when needed.
// A foreign hook is refused with a *ForeignHookError unless force is set;
// then it is kept under a backup name that no file has yet.
func Install(dir, name string, script []byte, force bool) (*Result, error) {
	h, err := Inspect(dir, name)
	if err != nil {
		return nil, err
	}
	res := &Result{Name: name, Path: h.Path}
	switch h.State {
	case Missing:
		res.Action = Created
	case Ours:
		if bytes.Equal(h.Content, script) && h.Executable {
			res.Action = Unchanged
			return res, nil
		}
		res.Action, res.OldVersion = Updated, h.Version
	case Foreign:
		if !force {
			return nil, &ForeignHookError{Name: name, Path: h.Path, Owner: Owner(h.Content)}
		}
		res.Action = Replaced
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create the hooks directory: %w", err)
	}
	tmp, err := writeTemp(dir, name, script)
	if err != nil {
		return nil, err
	}
	if res.Action == Replaced {
		if res.Backup, err = backup(dir, name); err != nil {
			os.Remove(tmp)
			return nil, err
		}
	}
	if err := os.Rename(tmp, h.Path); err != nil {
		os.Remove(tmp)
		if res.Backup != "" {
			restoreAfterFailure(res.Backup, h.Path)
		}
		return nil, fmt.Errorf("install %s hook: %w", name, err)
	}
	return res, nil
}

// writeTemp writes script to a new executable file in dir and returns its
// path.
func writeTemp(dir, name string, script []byte) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+".patchpatrol-*")
	if err != nil {
		return "", fmt.Errorf("write %s hook: %w", name, err)
	}
	_, werr := f.Write(script)
	cerr := f.Close()
	if err := errors.Join(werr, cerr, os.Chmod(f.Name(), 0o755)); err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("write %s hook: %w", name, err)
	}
	return f.Name(), nil
}

// backup gives the foreign hook name in dir a second name that no file has
// (a hard link, so the hook stays in place until ours replaces it) and
// returns it. Where hard links are not supported it renames the hook.
func backup(dir, name string) (string, error) {
	src := filepath.Join(dir, name)
	for i := 1; i <= maxBackups; i++ {
		dst := filepath.Join(dir, BackupName(name, i))
		err := os.Link(src, dst)
		if err == nil {
			return dst, nil
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if _, lerr := os.Lstat(dst); lerr == nil {
			continue
		}
		// No hard links here (or src is a dangling symbolic link): rename,
		// after checking that nothing has the name.
		if rerr := os.Rename(src, dst); rerr != nil {
			return "", fmt.Errorf("keep the existing %s hook as %s: %w", name, dst, rerr)
		}
		return dst, nil
	}
	return "", fmt.Errorf("keep the existing %s hook: %s already has %d backups (%s…): remove the ones you do not need",
		name, dir, maxBackups, BackupName(name, 1))
}

// restoreAfterFailure puts a backup back where it was when our hook could not
// be written; a hard-linked backup is simply dropped.
func restoreAfterFailure(backup, path string) {
	if _, err := os.Lstat(path); err == nil {
		os.Remove(backup)
		return
	}
	_ = os.Rename(backup, path)
}

// BackupName returns the n-th backup name of a hook: pre-commit.patchpatrol-backup,
// then pre-commit.patchpatrol-backup.2, .3, ...
func BackupName(name string, n int) string {
	if n <= 1 {
		return name + backupSuffix
	}
	return name + backupSuffix + "." + strconv.Itoa(n)
}

// Backups lists the backups of hook name in dir, oldest (lowest number)
// first.
func Backups(dir, name string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list the hooks directory: %w", err)
	}
	type numbered struct {
		n    int
		path string
	}
	var found []numbered
	for _, e := range entries {
		if n := backupNumber(name, e.Name()); n > 0 {
			found = append(found, numbered{n, filepath.Join(dir, e.Name())})
		}
	}
	slices.SortFunc(found, func(a, b numbered) int { return a.n - b.n })
	var out []string
	for _, f := range found {
		out = append(out, f.path)
	}
	return out, nil
}

// backupNumber returns n when file is BackupName(name, n), else 0.
func backupNumber(name, file string) int {
	rest, ok := strings.CutPrefix(file, name+backupSuffix)
	if !ok {
		return 0
	}
	if rest == "" {
		return 1
	}
	digits, ok := strings.CutPrefix(rest, ".")
	if !ok || digits == "" || digits[0] == '0' {
		return 0
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 2 {
		return 0
	}
	return n
}

// Uninstall removes the hook name from dir if PatchPatrol wrote it, and puts
// back the newest backup if there is one. A foreign hook is left alone, and
// no hook at all is not an error.
func Uninstall(dir, name string) (*Result, error) {
	h, err := Inspect(dir, name)
	if err != nil {
		return nil, err
	}
	res := &Result{Name: name, Path: h.Path}
	backups, err := Backups(dir, name)
	if err != nil {
		return nil, err
	}
	switch h.State {
	case Missing:
		res.Action, res.Backups = NotFound, backups
		return res, nil
	case Foreign:
		res.Action, res.Backups, res.Owner = LeftAlone, backups, Owner(h.Content)
		return res, nil
	}
	if len(backups) == 0 {
		if err := os.Remove(h.Path); err != nil {
			return nil, fmt.Errorf("remove %s hook: %w", name, err)
		}
		res.Action = Removed
		return res, nil
	}
	newest := backups[len(backups)-1]
	// Rename replaces our hook in one step: there is never a moment without
	// a hook, and nothing is lost if it fails.
	if err := os.Rename(newest, h.Path); err != nil {
		return nil, fmt.Errorf("restore %s hook from %s: %w", name, newest, err)
	}
	res.Action, res.Backup, res.Backups = Restored, newest, backups[:len(backups)-1]
	return res, nil
}
