package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"github.com/spf13/cobra"

	"github.com/patchpatrol/patchpatrol/internal/review"
)

// Version is the release version, set at build time with
// -ldflags "-X github.com/patchpatrol/patchpatrol/internal/cli.Version=v0.1.0".
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "v0.1.0-dev"
}

// IO is the process's environment as the CLI sees it. Tests fill it in.
type IO struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	Dir    string // working directory
	// IsTerminal reports whether Stdout is a terminal (for colour).
	IsTerminal bool
}

// Run executes one command line and returns the exit code.
func Run(ctx context.Context, args []string, io IO) int {
	if io.Getenv == nil {
		io.Getenv = os.Getenv
	}
	if io.Dir == "" {
		io.Dir, _ = os.Getwd()
	}
	app := &app{io: io}
	root := app.rootCommand()
	root.SetArgs(args)
	root.SetIn(io.Stdin)
	root.SetOut(io.Stdout)
	root.SetErr(io.Stderr)
	err := root.ExecuteContext(ctx)
	if app.stopProfile != nil {
		app.stopProfile()
	}
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(io.Stderr, "patchpatrol: interrupted; nothing was changed")
		} else {
			fmt.Fprintln(io.Stderr, "patchpatrol: "+err.Error())
		}
	}
	return exitCode(app.result, err)
}

// app holds one invocation's state. Nothing in it outlives Run.
type app struct {
	io          IO
	result      *review.Result
	stopProfile func()
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "patchpatrol",
		Short: "Security and code-quality review of git changes, before they land",
		Long: `PatchPatrol reviews staged changes, commit messages, past commits and history
for security (OWASP Top 10, CWE) and code quality. The embedded engine needs no
model and no network; an AI model can add judgement on top.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
	root.Flags().Bool("version", false, "print the version")
	var profile string
	root.PersistentFlags().StringVar(&profile, "cpuprofile", "", "write a Go CPU profile to this file")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if profile == "" {
			return nil
		}
		f, err := os.Create(profile)
		if err != nil {
			return &UsageError{Err: fmt.Errorf("--cpuprofile: %w", err)}
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return &UsageError{Err: fmt.Errorf("--cpuprofile: %w", err)}
		}
		a.stopProfile = func() { pprof.StopCPUProfile(); f.Close() }
		return nil
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &UsageError{Err: fmt.Errorf("%w (see `%s --help`)", err, c.CommandPath())}
	})
	root.AddCommand(a.reviewChangesCmd(), a.reviewMessageCmd(), a.reviewCompleteCmd(), a.reviewCommitCmd(), a.scanCmd(),
		a.listModelsCmd(), a.rulesCmd(), a.versionCmd(), a.dbCmd(),
		a.downloadModelCmd(), a.removeModelCmd(), a.cacheInfoCmd(), a.cleanCacheCmd(), a.testConnectionCmd())
	root.AddCommand(a.installCmd(), a.uninstallCmd()) // native git hooks (install.go)
	root.AddCommand(a.baselineCmd())                  // baselines (baseline.go)
	root.AddCommand(a.auditCmd(), a.mergeCmd())       // history audits, shards (audit.go, merge.go)
	return root
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(a.io.Stdout, "patchpatrol %s\n", version())
			if bi, ok := debug.ReadBuildInfo(); ok {
				fmt.Fprintf(a.io.Stdout, "go %s\n", strings.TrimPrefix(bi.GoVersion, "go"))
				for _, d := range bi.Deps {
					if strings.Contains(d.Path, "tree-sitter") {
						fmt.Fprintf(a.io.Stdout, "%s %s\n", d.Path, d.Version)
					}
				}
			}
			return nil
		},
	}
}
