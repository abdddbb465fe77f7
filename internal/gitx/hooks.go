package gitx

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
)

// HooksDir returns the absolute path of the directory git runs hooks from:
// core.hooksPath when set (a relative value is relative to the work tree's
// top level, as git runs hooks there), else the hooks directory of the
// common git dir, which a linked worktree shares with the main one. The
// directory may not exist yet.
func (r *Repo) HooksDir(ctx context.Context) (string, error) {
	out, err := r.run(ctx, nil, "rev-parse", "--git-path", "hooks")
	if err != nil {
		return "", fmt.Errorf("find the hooks directory: %w", err)
	}
	p := filepath.FromSlash(strings.TrimSuffix(string(out), "\n"))
	if p == "" {
		return "", fmt.Errorf("find the hooks directory: git rev-parse --git-path hooks printed nothing")
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(r.root, p)
	}
	return filepath.Clean(p), nil
}

// HooksPath returns core.hooksPath as configured, or "" when it is not set.
func (r *Repo) HooksPath(ctx context.Context) string {
	out, err := r.run(ctx, nil, "config", "--get", "core.hooksPath")
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(string(out), "\n")
}
