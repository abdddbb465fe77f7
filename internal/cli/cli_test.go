package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/patchpatrol/patchpatrol/internal/review"
)

// TestScripts runs the command-line scenarios in testdata/script: real git
// repositories in temporary directories, every command and exit code.
//
// Scripts call the CLI in-process with "pp ARGS"; it records the exit code
// in $EXIT, and "exit N" asserts it. "! pp" expects a non-zero exit.
func TestScripts(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			home := env.WorkDir + "/home"
			if err := os.MkdirAll(home, 0o755); err != nil {
				return err
			}
			env.Setenv("HOME", home)
			env.Setenv("XDG_CONFIG_HOME", home+"/.config")
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			env.Setenv("GIT_AUTHOR_NAME", "Test Author")
			env.Setenv("GIT_AUTHOR_EMAIL", "author@example.com")
			env.Setenv("GIT_COMMITTER_NAME", "Test Author")
			env.Setenv("GIT_COMMITTER_EMAIL", "author@example.com")
			env.Setenv("NO_COLOR", "")
			env.Setenv("XDG_CACHE_HOME", home+"/.cache")
			// No model server may answer: a developer's running Ollama or cloud
			// keys must not leak into the scenarios.
			env.Setenv("OLLAMA_HOST", "127.0.0.1:1")
			for _, k := range []string{"OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "PATCHPATROL_OSV_URL"} {
				env.Setenv(k, "")
			}
			return os.WriteFile(home+"/.gitconfig", []byte("[init]\n\tdefaultBranch = main\n"), 0o644)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"pp": func(ts *testscript.TestScript, neg bool, args []string) {
				var stdout, stderr bytes.Buffer
				code := Run(context.Background(), args, IO{
					Stdin: bytes.NewReader(nil), Stdout: &stdout, Stderr: &stderr,
					Getenv: ts.Getenv, Dir: ts.MkAbs("."),
				})
				ts.Setenv("EXIT", strconv.Itoa(code))
				_, _ = ts.Stdout().Write(stdout.Bytes())
				_, _ = ts.Stderr().Write(stderr.Bytes())
				if neg && code == 0 {
					ts.Fatalf("patchpatrol %v succeeded; want a non-zero exit", args)
				}
				if !neg && code != 0 {
					ts.Fatalf("patchpatrol %v exited %d\n%s", args, code, stderr.String())
				}
			},
			"exit": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: exit N")
				}
				if got := ts.Getenv("EXIT"); got != args[0] {
					ts.Fatalf("exit code %s, want %s", got, args[0])
				}
			},
		},
	})
}

func TestExitCode(t *testing.T) {
	blocked := &review.Result{Hard: true, Approved: false}
	soft := &review.Result{Hard: false, Approved: false}
	ok := &review.Result{Hard: true, Approved: true}
	cases := []struct {
		name string
		res  *review.Result
		err  error
		want int
	}{
		{"approved", ok, nil, ExitOK},
		{"soft not approved", soft, nil, ExitOK},
		{"hard not approved", blocked, nil, ExitBlocked},
		{"usage", nil, &UsageError{Err: errors.New("bad flag")}, ExitUsage},
		{"other error", nil, errors.New("git exploded"), ExitUsage},
		{"incomplete", blocked, &IncompleteError{Err: errors.New("model down")}, ExitIncomplete},
		{"interrupted", nil, context.Canceled, ExitInterrupted},
		{"wrapped interrupt", nil, errors.Join(errors.New("x"), context.Canceled), ExitInterrupted},
		{"nothing at all", nil, nil, ExitOK},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := exitCode(c.res, c.err); got != c.want {
				t.Errorf("exitCode = %d, want %d", got, c.want)
			}
		})
	}
}
