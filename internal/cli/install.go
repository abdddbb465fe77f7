package cli

import (
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/patchpatrol/patchpatrol/internal/gitx"
	"github.com/patchpatrol/patchpatrol/internal/hooks"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// installOptions are the flags of `install` and `uninstall`.
type installOptions struct {
	hook, mode, command, repoPath string
	threshold                     float64
	soft, hard, force             bool
}

func (a *app) installCmd() *cobra.Command {
	o := &installOptions{}
	cmd := &cobra.Command{
		Use:   "install",
		Short: "Install native git hooks (pre-commit, commit-msg) that run this patchpatrol",
		Long: `install writes git hooks that run PatchPatrol: pre-commit runs
"review-changes", commit-msg runs "review-message" on the message file git
passes, with the --mode, --soft/--hard and --threshold given here (what is not
given comes from the configuration when the hook runs).

The hooks go where git looks for them: core.hooksPath when it is set, else the
hooks directory of the repository, which linked worktrees share. They run this
binary by its absolute path; --command patchpatrol runs the one on PATH instead.

A hook that patchpatrol did not write is never overwritten unless --force is
given; then it is kept as <hook>.patchpatrol-backup and "patchpatrol uninstall"
puts it back. Installing again updates patchpatrol's own hooks in place.`,
		Example: `  patchpatrol install --mode security --hard
  patchpatrol install --hook all --mode security --hard --threshold 0.4
  patchpatrol install --command patchpatrol     # run the patchpatrol on PATH`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.install(cmd, o, os.Executable) },
	}
	f := cmd.Flags()
	f.StringVar(&o.hook, "hook", hooks.PreCommit, "which hook to install: pre-commit, commit-msg or all")
	f.StringVar(&o.mode, "mode", "", "review mode the hooks run: code-quality or security (default: the configuration's)")
	f.BoolVar(&o.hard, "hard", false, "the hooks block the commit when the review does not approve")
	f.BoolVar(&o.soft, "soft", false, "the hooks warn but never block")
	f.Float64Var(&o.threshold, "threshold", 0, "approval threshold in [0, 1] the hooks run with")
	f.BoolVar(&o.force, "force", false, "replace a hook patchpatrol did not write, keeping it as <hook>.patchpatrol-backup")
	f.StringVar(&o.command, "command", "", "program the hooks run: a name looked up on PATH each time (e.g. patchpatrol) or an absolute path (default: this executable)")
	f.StringVar(&o.repoPath, "repo-path", "", "git repository to install into (default: the current directory)")
	cmd.MarkFlagsMutuallyExclusive("soft", "hard")
	return cmd
}

func (a *app) uninstallCmd() *cobra.Command {
	o := &installOptions{}
	cmd := &cobra.Command{
		Use:   "uninstall",
		Short: "Remove the git hooks patchpatrol installed, restoring the ones they replaced",
		Long: `uninstall removes the hooks "patchpatrol install" wrote and puts back the hook
each one replaced with --force, if any. Hooks patchpatrol did not write are left
alone. Running it when nothing is installed is not an error.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.uninstall(cmd, o) },
	}
	cmd.Flags().StringVar(&o.hook, "hook", "all", "which hook to remove: pre-commit, commit-msg or all")
	cmd.Flags().StringVar(&o.repoPath, "repo-path", "", "git repository to remove the hooks from (default: the current directory)")
	return cmd
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return &UsageError{Err: fmt.Errorf("%s takes no arguments, got %q: choose hooks with --hook and the repository with --repo-path",
			cmd.CommandPath(), strings.Join(args, " "))}
	}
	return nil
}

// hookFlags validates the review settings of install and turns them into the
// flags the hooks pass to patchpatrol.
func hookFlags(cmd *cobra.Command, o *installOptions) ([]string, error) {
	var flags []string
	if cmd.Flags().Changed("mode") {
		m, err := review.ParseMode(o.mode)
		if err != nil {
			return nil, &UsageError{Err: err}
		}
		flags = append(flags, "--mode", string(m))
	}
	switch {
	case o.hard:
		flags = append(flags, "--hard")
	case o.soft:
		flags = append(flags, "--soft")
	}
	if cmd.Flags().Changed("threshold") {
		if math.IsNaN(o.threshold) || o.threshold < 0 || o.threshold > 1 {
			return nil, &UsageError{Err: fmt.Errorf("--threshold must be a number between 0 and 1, got %s: for example --threshold 0.5",
				strconv.FormatFloat(o.threshold, 'g', -1, 64))}
		}
		flags = append(flags, "--threshold", strconv.FormatFloat(o.threshold, 'g', -1, 64))
	}
	return flags, nil
}

// goBuildDir matches the directories `go run` and `go test` build binaries
// in: os.MkdirTemp(GOTMPDIR or the temporary directory, "go-build").
var goBuildDir = regexp.MustCompile(`^go-build[0-9]+$`)

// temporaryGoBinary reports whether path lies in a go-build directory, where
// the binary is deleted when `go run` exits.
func temporaryGoBinary(path string) bool {
	for _, part := range strings.Split(filepath.ToSlash(path), "/") {
		if goBuildDir.MatchString(part) {
			return true
		}
	}
	return false
}

// hookCommand decides what the hooks run: --command as given, or the running
// executable by its absolute path with symbolic links resolved (not a
// temporary binary of `go run`). It returns warnings to print.
func hookCommand(command string, changed bool, executable func() (string, error), lookPath func(string) (string, error)) (string, []string, error) {
	if changed {
		c := strings.TrimSpace(command)
		if err := hooks.CheckCommand(c); err != nil {
			return "", nil, &UsageError{Err: fmt.Errorf("--command: %w", err)}
		}
		if filepath.IsAbs(c) {
			fi, err := os.Stat(c)
			if err != nil || fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
				return "", nil, &UsageError{Err: fmt.Errorf("--command %s: no executable file there: give the path of the patchpatrol binary, or a name on PATH", c)}
			}
			return filepath.Clean(c), nil, nil
		}
		if _, err := lookPath(c); err != nil {
			return c, []string{fmt.Sprintf("%q is not on PATH now; the hooks block commits until it is (git runs hooks with its own PATH)", c)}, nil
		}
		return c, nil, nil
	}
	exe, err := executable()
	if err != nil {
		return "", nil, &UsageError{Err: fmt.Errorf("cannot find this executable's path (%v): name the program with --command, for example --command patchpatrol", err)}
	}
	if resolved, err := filepath.EvalSymlinks(exe); err == nil {
		exe = resolved
	}
	if abs, err := filepath.Abs(exe); err == nil {
		exe = abs
	}
	if temporaryGoBinary(exe) {
		return "", nil, &UsageError{Err: fmt.Errorf("this patchpatrol is a temporary binary of `go run` (%s) that is deleted when it exits, so hooks cannot run it: "+
			"build it first (`go install ./cmd/patchpatrol`, or `go build -o patchpatrol ./cmd/patchpatrol`) and run `patchpatrol install` with that binary, "+
			"or pass --command patchpatrol to run the patchpatrol on PATH", exe)}
	}
	if err := hooks.CheckCommand(exe); err != nil {
		return "", nil, &UsageError{Err: fmt.Errorf("this executable's path cannot go into a hook: %w: move the binary, or pass --command", err)}
	}
	return exe, nil, nil
}

// hooksRepo opens the repository of --repo-path (or the working directory)
// and finds its hooks directory.
func (a *app) hooksRepo(cmd *cobra.Command, repoPath string) (*gitx.Repo, string, error) {
	repo, err := gitx.Open(cmd.Context(), a.dirOf(repoPath))
	if err != nil {
		return nil, "", err
	}
	hooksDir, err := repo.HooksDir(cmd.Context())
	if err != nil {
		return nil, "", err
	}
	return repo, hooksDir, nil
}

func (a *app) install(cmd *cobra.Command, o *installOptions, executable func() (string, error)) error {
	names, err := hooks.Select(o.hook)
	if err != nil {
		return &UsageError{Err: fmt.Errorf("--hook: %w", err)}
	}
	flags, err := hookFlags(cmd, o)
	if err != nil {
		return err
	}
	command, warnings, err := hookCommand(o.command, cmd.Flags().Changed("command"), executable, exec.LookPath)
	if err != nil {
		return err
	}
	repo, dir, err := a.hooksRepo(cmd, o.repoPath)
	if err != nil {
		return err
	}
	scripts := make(map[string][]byte, len(names))
	var foreign []string
	for _, name := range names {
		if scripts[name], err = hooks.Render(hooks.Script{Hook: name, Version: version(), Command: command, Flags: flags}); err != nil {
			return &UsageError{Err: err}
		}
		h, err := hooks.Inspect(dir, name)
		if err != nil {
			return err
		}
		if h.State == hooks.Foreign {
			fe := &hooks.ForeignHookError{Name: name, Path: h.Path, Owner: hooks.Owner(h.Content)}
			foreign = append(foreign, fe.Error())
		}
	}
	// Refuse before writing anything, so that --hook all never installs half.
	if len(foreign) > 0 && !o.force {
		return &UsageError{Err: fmt.Errorf("%s: nothing was installed. Rerun with --force to replace it "+
			"(it is kept as <hook>.patchpatrol-backup and `patchpatrol uninstall` puts it back), "+
			"or call patchpatrol from that hook yourself", strings.Join(foreign, "; "))}
	}
	for _, w := range warnings {
		fmt.Fprintln(a.io.Stderr, "patchpatrol: warning: "+w)
	}

	out := a.io.Stdout
	for _, name := range names {
		res, err := hooks.Install(dir, name, scripts[name], o.force)
		if err != nil {
			return err
		}
		switch res.Action {
		case hooks.Created:
			fmt.Fprintf(out, "installed %s hook %s\n", name, res.Path)
		case hooks.Updated:
			fmt.Fprintf(out, "updated %s hook %s (it was written by patchpatrol %s)\n", name, res.Path, res.OldVersion)
		case hooks.Unchanged:
			fmt.Fprintf(out, "%s hook %s is already installed and up to date\n", name, res.Path)
		case hooks.Replaced:
			fmt.Fprintf(out, "replaced %s hook %s; the previous hook is kept as %s, and `patchpatrol uninstall` puts it back\n",
				name, res.Path, res.Backup)
		}
		fmt.Fprintf(out, "  it runs: %s\n", hookRunLine(command, name, flags))
	}
	if hp := repo.HooksPath(cmd.Context()); hp != "" {
		fmt.Fprintf(out, "hooks directory %s comes from core.hooksPath (%s)\n", dir, hp)
	}
	switch {
	case o.soft:
		fmt.Fprintln(out, "soft mode: the hooks warn and never block; reinstall with --hard to block")
	case !o.hard:
		fmt.Fprintln(out, "no --hard or --soft: the hooks follow soft_mode in the configuration (soft, warn only, by default); reinstall with --hard to block")
	}
	fmt.Fprintln(out, "skip the hooks for one commit with `git commit --no-verify`; remove them with `patchpatrol uninstall`")
	return nil
}

// hookRunLine is the command a hook runs, for messages.
func hookRunLine(command, hook string, flags []string) string {
	parts := []string{hooks.Quote(command), "review-changes"}
	if hook == hooks.CommitMsg {
		parts[1] = "review-message"
	}
	for _, f := range flags {
		parts = append(parts, hooks.Quote(f))
	}
	if hook == hooks.CommitMsg {
		parts = append(parts, "-- <message file>")
	}
	return strings.Join(parts, " ")
}

func (a *app) uninstall(cmd *cobra.Command, o *installOptions) error {
	names, err := hooks.Select(o.hook)
	if err != nil {
		return &UsageError{Err: fmt.Errorf("--hook: %w", err)}
	}
	_, dir, err := a.hooksRepo(cmd, o.repoPath)
	if err != nil {
		return err
	}
	out := a.io.Stdout
	var errs []error
	for _, name := range names {
		res, err := hooks.Uninstall(dir, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		switch res.Action {
		case hooks.Removed:
			fmt.Fprintf(out, "removed %s hook %s\n", name, res.Path)
		case hooks.Restored:
			fmt.Fprintf(out, "removed %s hook %s and put back the hook it replaced (from %s)\n", name, res.Path, res.Backup)
		case hooks.NotFound:
			fmt.Fprintf(out, "no %s hook is installed in %s: nothing to remove\n", name, dir)
		case hooks.LeftAlone:
			by := ""
			if res.Owner != "" {
				by = ", it looks like " + res.Owner + "'s"
			}
			fmt.Fprintf(out, "left %s hook %s alone: patchpatrol did not write it%s\n", name, res.Path, by)
		}
		if len(res.Backups) > 0 {
			fmt.Fprintf(out, "  older backups of the %s hook remain: %s\n", name, strings.Join(res.Backups, ", "))
		}
	}
	return errors.Join(errs...)
}
