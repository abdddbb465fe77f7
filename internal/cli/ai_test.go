package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/config"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/gitx"
	"github.com/patchpatrol/patchpatrol/internal/llm"
	"github.com/patchpatrol/patchpatrol/internal/llm/llmtest"
	"github.com/patchpatrol/patchpatrol/internal/python"
	"github.com/patchpatrol/patchpatrol/internal/review"
	"github.com/patchpatrol/patchpatrol/internal/secrets"
)

// TestAIScripts runs the AI review scenarios in testdata/script/ai: every
// script gets its own fake Ollama, OpenAI, Anthropic and Gemini servers on
// the loopback interface, wired in through OLLAMA_HOST, OPENAI_BASE_URL,
// ANTHROPIC_BASE_URL and GOOGLE_GEMINI_BASE_URL, and its own cache directory.
//
// Commands besides pp and exit (as in TestScripts):
//
//	llmfail BACKEND FAULT...   script the next answers (slow, rate-limited, server-error, invalid-json, fenced, truncated, bad-schema)
//	llmanswer BACKEND FILE     answer every review with the JSON in FILE ({{FINGERPRINT}}: the first static finding's)
//	llmreviews BACKEND N       assert the number of review requests so far
//	[!] llmsent BACKEND TEXT   assert that some request body holds TEXT
func TestAIScripts(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	// The models the fake servers serve.
	aiModels := map[string]string{
		"ollama": "qwen2.5-coder:7b", "openai": "gpt-4.1-mini", "anthropic": "claude-sonnet-4-5", "gemini": "gemini-2.5-flash",
	}
	servers := func(ts *testscript.TestScript, backend string) *llmtest.Server {
		m, _ := ts.Value("llm").(map[string]*llmtest.Server)
		s := m[backend]
		if s == nil {
			ts.Fatalf("no fake server for backend %q", backend)
		}
		return s
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script/ai",
		Setup: func(env *testscript.Env) error {
			home := env.WorkDir + "/home"
			if err := os.MkdirAll(home, 0o755); err != nil {
				return err
			}
			for k, v := range map[string]string{"HOME": home, "XDG_CONFIG_HOME": home + "/.config",
				"XDG_CACHE_HOME": home + "/.cache", "GIT_CONFIG_NOSYSTEM": "1",
				"GIT_AUTHOR_NAME": "Test Author", "GIT_AUTHOR_EMAIL": "author@example.com",
				"GIT_COMMITTER_NAME": "Test Author", "GIT_COMMITTER_EMAIL": "author@example.com", "NO_COLOR": ""} {
				env.Setenv(k, v)
			}
			m := map[string]*llmtest.Server{}
			for backend, model := range aiModels {
				s := llmtest.New(t, backend, model)
				env.Defer(s.Close)
				m[backend] = s
			}
			env.Values["llm"] = m
			// LLM_<BACKEND> keep the URLs, so a script can restore them.
			for backend, s := range m {
				env.Setenv("LLM_"+strings.ToUpper(backend), s.BaseURL())
			}
			env.Setenv("OLLAMA_HOST", m["ollama"].BaseURL())
			env.Setenv("OPENAI_BASE_URL", m["openai"].BaseURL())
			env.Setenv("ANTHROPIC_BASE_URL", m["anthropic"].BaseURL())
			env.Setenv("GOOGLE_GEMINI_BASE_URL", m["gemini"].BaseURL())
			env.Setenv("ANTHROPIC_API_KEY", m["anthropic"].Key)
			env.Setenv("GEMINI_API_KEY", m["gemini"].Key)
			return os.WriteFile(home+"/.gitconfig", []byte("[init]\n\tdefaultBranch = main\n"), 0o644)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"pp": func(ts *testscript.TestScript, neg bool, args []string) {
				var stdout, stderr bytes.Buffer
				code := Run(context.Background(), args, IO{Stdin: bytes.NewReader(nil), Stdout: &stdout, Stderr: &stderr,
					Getenv: ts.Getenv, Dir: ts.MkAbs(".")})
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
			"llmfail": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 {
					ts.Fatalf("usage: llmfail BACKEND FAULT...")
				}
				var faults []llmtest.Fault
				for _, name := range args[1:] {
					found := false
					for f := llmtest.OK; f <= llmtest.BadSchema; f++ {
						if f.String() == name {
							faults = append(faults, f)
							found = true
						}
					}
					if !found {
						ts.Fatalf("unknown fault %q", name)
					}
				}
				servers(ts, args[0]).Fail(faults...)
			},
			"llmanswer": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: llmanswer BACKEND FILE")
				}
				answer := ts.ReadFile(args[1])
				// {{FINGERPRINT}} stands for the first static finding the
				// prompt lists.
				fp := regexp.MustCompile(`(?m)^- ([0-9a-f]{20}) \|`)
				servers(ts, args[0]).Answer = func(_, prompt string) string {
					if m := fp.FindStringSubmatch(prompt); m != nil {
						return strings.ReplaceAll(answer, "{{FINGERPRINT}}", m[1])
					}
					return answer
				}
			},
			"llmreviews": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: llmreviews BACKEND N")
				}
				if got := strconv.Itoa(servers(ts, args[0]).Reviews()); got != args[1] {
					ts.Fatalf("%s saw %s review request(s), want %s", args[0], got, args[1])
				}
			},
			"llmsent": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: llmsent BACKEND TEXT")
				}
				found := false
				for _, rq := range servers(ts, args[0]).Requests() {
					if strings.Contains(string(rq.Body), args[1]) {
						found = true
					}
				}
				if found == neg {
					ts.Fatalf("%q sent to %s: %v, want %v", args[1], args[0], found, !neg)
				}
			},
		},
	})
}

// BenchmarkAIOverhead times review-changes in security mode on 10 staged
// Python files (500 lines) without a model, and with an AI review against an
// instant local Ollama server (cache off, so every run makes the call and
// runs git patch-id). The difference is PatchPatrol's own cost of an AI
// review, the model's time excluded; the README reports the medians of
// -count=10.
func BenchmarkAIOverhead(b *testing.B) {
	dir := b.TempDir()
	env := map[string]string{"HOME": dir, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.com",
		"GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.com", "PATH": os.Getenv("PATH")}
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		for k, v := range env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v: %s", args, err, out)
		}
	}
	git("init", "-q")
	for i := 0; i < 10; i++ {
		var sb strings.Builder
		sb.WriteString("from flask import request\n\n")
		for n := 0; n < 8; n++ {
			sb.WriteString("def handler_" + strconv.Itoa(n) + "():\n    v = request.args.get('v', '')\n    if v.isdigit():\n        return str(int(v) * 2)\n    return 'ok'\n\n")
		}
		if err := os.WriteFile(dir+"/mod"+strconv.Itoa(i)+".py", []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	git("add", ".")
	srv := llmtest.New(b, "ollama", "qwen2.5-coder:7b")
	env["OLLAMA_HOST"] = srv.BaseURL()
	getenv := func(k string) string { return env[k] }
	for _, c := range []struct {
		name string
		args []string
	}{
		{"embedded", []string{"review-changes", "--mode", "security", "-q"}},
		{"with-ai", []string{"review-changes", "--mode", "security", "-q", "--model", "quality", "--no-cache"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if code := Run(context.Background(), c.args, IO{Stdout: io.Discard, Stderr: io.Discard, Getenv: getenv, Dir: dir}); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
	if srv.Reviews() == 0 {
		b.Fatal("the AI review made no request")
	}
}

// BenchmarkAIStage times the AI stage alone, as review runs it after the
// embedded engine: git patch-id, redaction, prompts, the call to an instant
// local Ollama server, validation and the hybrid merge (cache off). This is
// PatchPatrol's overhead per AI review, the model's time excluded.
func BenchmarkAIStage(b *testing.B) {
	dir := b.TempDir()
	b.Setenv("HOME", dir)
	b.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	run := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v: %s", args, err, out)
		}
	}
	run("init", "-q")
	for i := 0; i < 10; i++ {
		var sb strings.Builder
		sb.WriteString("import os\nfrom flask import request\n\n")
		for n := 0; n < 8; n++ {
			sb.WriteString("def handler_" + strconv.Itoa(n) + "():\n    v = request.args.get('v', '')\n    os.system('echo ' + v)\n    return 'ok'\n\n")
		}
		if err := os.WriteFile(dir+"/mod"+strconv.Itoa(i)+".py", []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	run("add", ".")
	ctx := context.Background()
	repo, err := gitx.Open(ctx, dir)
	if err != nil {
		b.Fatal(err)
	}
	files, err := repo.StagedDiff(ctx)
	if err != nil {
		b.Fatal(err)
	}
	units, _, err := loadUnits(ctx, repo, files, ":", 1<<20, nil)
	if err != nil {
		b.Fatal(err)
	}
	sec, err := secrets.New(secrets.Options{})
	if err != nil {
		b.Fatal(err)
	}
	py, err := python.New(python.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer py.Close()
	req := &review.Request{Mode: review.ModeSecurity, Target: "staged changes", Units: units,
		Engines: []analysis.Analyzer{py, sec}, Policy: review.Policy{Threshold: -1}}
	static, err := review.Run(ctx, req)
	if err != nil {
		b.Fatal(err)
	}
	srv := llmtest.New(b, "ollama", "qwen2.5-coder:7b")
	s := config.Defaults()
	s.Mode = review.ModeSecurity
	r := &resolved{s: s, model: llm.Spec{Backend: "ollama", Model: "qwen2.5-coder:7b"}, hasModel: true}
	env := map[string]string{"OLLAMA_HOST": srv.BaseURL()}
	a := &app{io: IO{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }, Dir: dir}}
	st := &aiStage{a: a, r: r, o: &options{noCache: true}, repo: repo, sec: sec, files: files, units: units}
	b.ResetTimer()
	for b.Loop() {
		res := *static
		res.Findings = append([]finding.Finding(nil), static.Findings...)
		res.Coverage.Notes = append([]string(nil), static.Coverage.Notes...)
		res.Coverage.Engines = append([]string(nil), static.Coverage.Engines...)
		res.Warnings = nil
		if _, err := st.run(ctx, &res, &req.Policy); err != nil {
			b.Fatal(err)
		}
		if len(res.Coverage.Engines) != 2 {
			b.Fatalf("the AI review did not run: %v", res.Warnings)
		}
	}
}
