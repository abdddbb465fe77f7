package ci

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"
)

// ---------------------------------------------------------------- YAML files

// actionFile is the part of GitHub's action metadata syntax that action.yml
// uses. Decoding with KnownFields rejects a misspelt key.
type actionFile struct {
	Name        string                  `yaml:"name"`
	Description string                  `yaml:"description"`
	Author      string                  `yaml:"author"`
	Branding    map[string]string       `yaml:"branding"`
	Inputs      map[string]actionInput  `yaml:"inputs"`
	Outputs     map[string]actionOutput `yaml:"outputs"`
	Runs        struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionInput struct {
	Description string  `yaml:"description"`
	Required    bool    `yaml:"required"`
	Default     *string `yaml:"default"`
}

type actionOutput struct {
	Description string `yaml:"description"`
	Value       string `yaml:"value"`
}

type actionStep struct {
	Name             string            `yaml:"name"`
	ID               string            `yaml:"id"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	With             map[string]string `yaml:"with"`
	Run              string            `yaml:"run"`
	Shell            string            `yaml:"shell"`
	WorkingDirectory string            `yaml:"working-directory"`
	Env              map[string]string `yaml:"env"`
	ContinueOnError  string            `yaml:"continue-on-error"`
}

// gitlabJob is the part of GitLab's CI/CD YAML syntax the template uses.
type gitlabJob struct {
	Stage        string            `yaml:"stage"`
	Image        string            `yaml:"image"`
	Extends      string            `yaml:"extends"`
	Variables    map[string]string `yaml:"variables"`
	BeforeScript []string          `yaml:"before_script"`
	Script       []string          `yaml:"script"`
	Artifacts    *struct {
		When     string            `yaml:"when"`
		Reports  map[string]string `yaml:"reports"`
		Paths    []string          `yaml:"paths"`
		ExpireIn string            `yaml:"expire_in"`
	} `yaml:"artifacts"`
	Rules []map[string]string `yaml:"rules"`
}

const (
	actionPath   = "../action.yml"
	gitlabPath   = "gitlab/patchpatrol.gitlab-ci.yml"
	gitlabReport = "gl-code-quality-report.json"
)

func decodeStrict(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func loadAction(t *testing.T) *actionFile {
	t.Helper()
	var a actionFile
	decodeStrict(t, actionPath, &a)
	return &a
}

func loadGitLab(t *testing.T) map[string]gitlabJob {
	t.Helper()
	var jobs map[string]gitlabJob
	decodeStrict(t, gitlabPath, &jobs)
	return jobs
}

// stepIndex returns the index of the first step that matches, or -1.
func stepIndex(steps []actionStep, match func(*actionStep) bool) int {
	for i := range steps {
		if match(&steps[i]) {
			return i
		}
	}
	return -1
}

var pinnedMajor = regexp.MustCompile(`^[\w.-]+/[\w./-]+@v\d+$`)

func TestActionYAML(t *testing.T) {
	a := loadAction(t)
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q, want composite", a.Runs.Using)
	}
	if a.Name == "" || a.Description == "" {
		t.Error("the action needs a name and a description (the Marketplace requires both)")
	}

	wantInputs := map[string]string{
		"mode": "security", "hard": "false", "threshold": "", "format": "sarif", "output": "", "range": "",
		"upload-sarif": "true", "category": "patchpatrol", "go-version": "", "working-directory": ".", "args": "",
	}
	for name, def := range wantInputs {
		in, ok := a.Inputs[name]
		switch {
		case !ok:
			t.Errorf("input %q is missing", name)
		case in.Default == nil || *in.Default != def:
			t.Errorf("input %q default = %v, want %q", name, in.Default, def)
		case in.Required:
			t.Errorf("input %q is required; every input has a default", name)
		case in.Description == "":
			t.Errorf("input %q has no description", name)
		}
	}

	steps := a.Runs.Steps
	stepsText, err := yaml.Marshal(steps)
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`inputs\.([A-Za-z0-9_-]+)`).FindAllStringSubmatch(string(stepsText), -1) {
		used[m[1]] = true
	}
	for name := range used {
		if _, ok := a.Inputs[name]; !ok {
			t.Errorf("the steps use inputs.%s, which is not declared", name)
		}
	}
	for name := range a.Inputs {
		if !used[name] {
			t.Errorf("input %q is declared but no step uses it", name)
		}
	}

	for i, s := range steps {
		if s.Run != "" && s.Shell == "" {
			t.Errorf("step %d (%s) runs a command without shell: composite steps need one", i, s.Name)
		}
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %d (%s) expands an expression inside run:, open to script injection; pass it in env:", i, s.Name)
		}
		if s.Uses != "" && !pinnedMajor.MatchString(s.Uses) {
			t.Errorf("step %d uses %q: pin a major version (owner/repo@vN)", i, s.Uses)
		}
	}

	setup := stepIndex(steps, func(s *actionStep) bool { return strings.HasPrefix(s.Uses, "actions/setup-go@") })
	build := stepIndex(steps, func(s *actionStep) bool { return strings.Contains(s.Run, "go build") })
	run := stepIndex(steps, func(s *actionStep) bool { return s.ID == "run" })
	upload := stepIndex(steps, func(s *actionStep) bool {
		return strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@")
	})
	gate := stepIndex(steps, func(s *actionStep) bool {
		return s.Env["PP_EXIT"] != "" && strings.Contains(s.Run, `exit "$PP_EXIT"`)
	})
	order := []struct {
		name string
		i    int
	}{{"setup-go", setup}, {"build", build}, {"run (id: run)", run}, {"upload-sarif", upload}, {"gate", gate}}
	for k, o := range order {
		if o.i < 0 {
			t.Fatalf("no %s step", o.name)
		}
		if k > 0 && o.i <= order[k-1].i {
			t.Errorf("step %s (%d) does not come after %s (%d)", o.name, o.i, order[k-1].name, order[k-1].i)
		}
	}

	if s := steps[setup]; !strings.Contains(s.With["go-version-file"], "github.action_path") {
		t.Errorf("setup-go does not fall back to the action's own go.mod: %v", s.With)
	}
	if s := steps[build]; s.Env["CGO_ENABLED"] != "1" || !strings.Contains(s.WorkingDirectory, "github.action_path") {
		t.Errorf("build step must build the action's own source with cgo: working-directory %q, env %v", s.WorkingDirectory, s.Env)
	}

	r := steps[run]
	script := regexp.MustCompile(`\$GITHUB_ACTION_PATH/(\S+?)"?$`).FindStringSubmatch(strings.TrimSpace(r.Run))
	if script == nil {
		t.Fatalf("run step does not call a script under $GITHUB_ACTION_PATH: %q", r.Run)
	}
	if _, err := os.Stat(filepath.Join("..", script[1])); err != nil {
		t.Errorf("run step calls %s, which does not exist: %v", script[1], err)
	}
	wantEnv := map[string]string{
		"PP_DEFER_EXIT":  "true",
		"PP_PR_BASE":     "github.event.pull_request.base.sha",
		"PP_PR_HEAD":     "github.event.pull_request.head.sha",
		"PP_PUSH_BEFORE": "github.event.before",
		"PP_PUSH_AFTER":  "github.event.after",
		"PP_HARD":        "inputs.hard",
	}
	for k, v := range wantEnv {
		if !strings.Contains(r.Env[k], v) {
			t.Errorf("run step env %s = %q, want it to carry %s", k, r.Env[k], v)
		}
	}
	if r.WorkingDirectory != "${{ inputs.working-directory }}" {
		t.Errorf("run step working-directory = %q", r.WorkingDirectory)
	}

	u := steps[upload]
	for _, want := range []string{"always()", "inputs.upload-sarif == 'true'", "steps.run.outputs.sarif-file"} {
		if !strings.Contains(u.If, want) {
			t.Errorf("upload step if: %q lacks %s (it must run on failure, and only when asked and written)", u.If, want)
		}
	}
	if u.With["sarif_file"] != "${{ steps.run.outputs.sarif-file }}" || u.With["category"] != "${{ inputs.category }}" {
		t.Errorf("upload step with: %v", u.With)
	}
	g := steps[gate]
	if !strings.Contains(g.If, "always()") || g.Env["PP_EXIT"] != "${{ steps.run.outputs.exit-code }}" {
		t.Errorf("gate step: if %q, env %v", g.If, g.Env)
	}

	// Every output comes from the run step, and the script writes it.
	sh, err := os.ReadFile(filepath.Join("..", script[1]))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sarif-file", "exit-code", "report-file", "blocked", "range"} {
		o, ok := a.Outputs[name]
		if !ok {
			t.Errorf("output %q is missing", name)
			continue
		}
		if o.Value != "${{ steps.run.outputs."+name+" }}" {
			t.Errorf("output %q = %q", name, o.Value)
		}
		if !strings.Contains(string(sh), "output "+name+" ") {
			t.Errorf("%s never writes the %s output", script[1], name)
		}
	}
	for _, name := range []string{"repo-root"} {
		if !strings.Contains(string(stepsText), "steps.run.outputs."+name) || !strings.Contains(string(sh), "output "+name+" ") {
			t.Errorf("output %s is not both written and used", name)
		}
	}
}

func TestGitLabTemplateYAML(t *testing.T) {
	jobs := loadGitLab(t)
	tmpl, ok := jobs[".patchpatrol"]
	if !ok {
		t.Fatal("no hidden .patchpatrol template job")
	}
	if job, ok := jobs["patchpatrol"]; !ok || job.Extends != ".patchpatrol" {
		t.Errorf("the patchpatrol job must extend .patchpatrol: %+v", job)
	}
	if tmpl.Artifacts == nil {
		t.Fatal("no artifacts")
	}
	if got := tmpl.Artifacts.Reports["codequality"]; got != gitlabReport {
		t.Errorf("artifacts.reports.codequality = %q, want %s", got, gitlabReport)
	}
	if tmpl.Artifacts.When != "always" {
		t.Errorf("artifacts.when = %q: a blocked (failed) job must still publish its report", tmpl.Artifacts.When)
	}
	for _, p := range []string{gitlabReport, "patchpatrol.sarif"} {
		if !slices.Contains(tmpl.Artifacts.Paths, p) {
			t.Errorf("artifacts.paths lacks %s", p)
		}
	}
	wantVars := map[string]string{"GIT_DEPTH": "0", "PATCHPATROL_MODE": "security", "PATCHPATROL_HARD": "false",
		"PATCHPATROL_THRESHOLD": "", "PATCHPATROL_RANGE": "", "PATCHPATROL_SARIF": "false", "PATCHPATROL_VERSION": "latest"}
	for k, v := range wantVars {
		if got, ok := tmpl.Variables[k]; !ok || got != v {
			t.Errorf("variable %s = %q (set %v), want %q", k, got, ok, v)
		}
	}
	script := strings.Join(tmpl.Script, "\n")
	for _, want := range []string{"CI_MERGE_REQUEST_DIFF_BASE_SHA", "CI_COMMIT_BEFORE_SHA", "^0+$",
		"--format gitlab --output " + gitlabReport, "--format sarif --output patchpatrol.sarif"} {
		if !strings.Contains(script, want) {
			t.Errorf("script lacks %q", want)
		}
	}
	var mr bool
	for _, r := range tmpl.Rules {
		mr = mr || strings.Contains(r["if"], `$CI_PIPELINE_SOURCE == "merge_request_event"`)
	}
	if !mr {
		t.Error("no rule runs the job in merge-request pipelines")
	}
}

// ------------------------------------------------------------ running shell

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
	binDir    string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// patchpatrol builds the binary once for the package's tests.
func patchpatrol(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "patchpatrol-ci-")
		if buildErr != nil {
			return
		}
		builtBin = filepath.Join(binDir, "patchpatrol")
		cmd := exec.Command("go", "build", "-o", builtBin, "./cmd/patchpatrol")
		cmd.Dir = ".."
		cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// auditBinDir returns the directory of a patchpatrol binary that has the
// audit command the scripts run.
func auditBinDir(t *testing.T) string {
	t.Helper()
	bin := patchpatrol(t)
	if out, err := exec.Command(bin, "audit", "--help").CombinedOutput(); err != nil {
		t.Fatalf("patchpatrol audit --help: %v\n%s", err, out)
	}
	return filepath.Dir(bin)
}

// repo is a throwaway repository:
//
//	c1 README ─ c2 ping.py ─┬─ c5 c.py              (main; origin/main)
//	                        └─ c3 a.py ─ c4 b.py    (feature, checked out)
//	c1 ─ clean docs.md                              (clean)
//
// Every .py file is a command injection from request data (HIGH).
type repo struct {
	dir string
	sha map[string]string
}

const vulnPy = `import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/%s")
def %s():
    host = request.args["host"]
    os.system("ping -c 1 " + host)
    return "ok"
`

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(cleanEnv(), "GIT_AUTHOR_DATE=2026-01-02T03:04:05Z", "GIT_COMMITTER_DATE=2026-01-02T03:04:05Z")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func commit(t *testing.T, dir, file, content, msg string) string {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, file), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "add", file)
	git(t, dir, "commit", "-q", "-m", msg)
	return git(t, dir, "rev-parse", "HEAD")
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	r := &repo{dir: t.TempDir(), sha: map[string]string{}}
	git(t, r.dir, "init", "-q", "-b", "main")
	git(t, r.dir, "config", "user.name", "CI Test")
	git(t, r.dir, "config", "user.email", "ci@example.com")
	git(t, r.dir, "config", "commit.gpgsign", "false")
	r.sha["c1"] = commit(t, r.dir, "README.md", "# demo\n", "Add a readme")
	r.sha["c2"] = commit(t, r.dir, "ping.py", fmt.Sprintf(vulnPy, "ping", "ping"), "Add ping")
	git(t, r.dir, "checkout", "-q", "-b", "feature")
	r.sha["c3"] = commit(t, r.dir, "a.py", fmt.Sprintf(vulnPy, "a", "route_a"), "Add a")
	r.sha["c4"] = commit(t, r.dir, "b.py", fmt.Sprintf(vulnPy, "b", "route_b"), "Add b")
	git(t, r.dir, "checkout", "-q", "main")
	r.sha["c5"] = commit(t, r.dir, "c.py", fmt.Sprintf(vulnPy, "c", "route_c"), "Add c")
	git(t, r.dir, "checkout", "-q", "-b", "clean", r.sha["c1"])
	r.sha["clean"] = commit(t, r.dir, "docs.md", "Usage notes.\n", "Add docs")
	git(t, r.dir, "update-ref", "refs/remotes/origin/main", r.sha["c5"])
	git(t, r.dir, "checkout", "-q", "feature")
	return r
}

// cleanEnv is the test process's environment without anything a CI service
// or an outer git command set, so each case says exactly what the runner
// would.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "GITHUB_") || strings.HasPrefix(k, "PP_") || strings.HasPrefix(k, "CI_") ||
			strings.HasPrefix(k, "PATCHPATROL_") || strings.HasPrefix(k, "GIT_") || k == "CI" || k == "GITLAB_CI" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GIT_CONFIG_NOSYSTEM=1", "GIT_TERMINAL_PROMPT=0")
}

type shellRun struct {
	code           int
	stdout, stderr string
}

func runShell(t *testing.T, dir string, env []string, name string, args ...string) shellRun {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	res := shellRun{stdout: out.String(), stderr: errb.String()}
	switch {
	case errors.As(err, &exit):
		res.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", name, err)
	}
	return res
}

// reportedFiles lists every file a SARIF log or a GitLab report names.
func reportedFiles(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s is not JSON: %v", path, err)
	}
	set := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if s, ok := e.(string); ok && (k == "uri" || k == "path") {
					set[s] = true
				}
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(doc)
	var files []string
	for f := range set {
		files = append(files, f)
	}
	sort.Strings(files)
	return files
}

func readOutputs(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			out[k] = v
		}
	}
	return out
}

// TestGitHubRunScript runs ci/github/run.sh as the action's run step does,
// with the variables GitHub sets for pull requests and pushes.
func TestGitHubRunScript(t *testing.T) {
	dir := auditBinDir(t)
	r := newRepo(t)
	script, err := filepath.Abs("github/run.sh")
	if err != nil {
		t.Fatal(err)
	}
	zero := strings.Repeat("0", 40)
	s := r.sha
	cases := []struct {
		name      string
		env       map[string]string
		code      int
		outCode   string   // the exit-code output
		rangeWant string   // the range output
		files     []string // files the report names
		stderr    string
	}{
		{"pull request, hard", map[string]string{"PP_PR_BASE": s["c5"], "PP_PR_HEAD": s["c4"], "PP_HARD": "true"},
			1, "1", s["c5"] + ".." + s["c4"], []string{"a.py", "b.py"}, ""},
		{"pull request, hard, exit deferred to the gate step",
			map[string]string{"PP_PR_BASE": s["c5"], "PP_PR_HEAD": s["c4"], "PP_HARD": "true", "PP_DEFER_EXIT": "true"},
			0, "1", s["c5"] + ".." + s["c4"], []string{"a.py", "b.py"}, "a later step fails the job"},
		{"push, soft", map[string]string{"PP_PUSH_BEFORE": s["c3"], "PP_PUSH_AFTER": s["c4"]},
			0, "0", s["c3"] + ".." + s["c4"], []string{"b.py"}, ""},
		{"new branch: all-zero before, default branch known",
			map[string]string{"PP_PUSH_BEFORE": zero, "PP_PUSH_AFTER": s["c4"], "PP_DEFAULT_BRANCH": "main", "PP_HARD": "true"},
			1, "1", "origin/main.." + s["c4"], []string{"a.py", "b.py"}, ""},
		{"new branch: all-zero before, no default branch",
			map[string]string{"PP_PUSH_BEFORE": zero, "PP_PUSH_AFTER": s["c4"]},
			0, "0", s["c4"] + "~1.." + s["c4"], []string{"b.py"}, ""},
		{"force push: before is gone",
			map[string]string{"PP_PUSH_BEFORE": strings.Repeat("ab", 20), "PP_PUSH_AFTER": s["c4"], "PP_DEFAULT_BRANCH": "main"},
			0, "0", "origin/main.." + s["c4"], []string{"a.py", "b.py"}, "a force push?"},
		{"explicit range", map[string]string{"PP_RANGE": s["c2"] + ".." + s["c3"], "PP_PR_BASE": s["c1"], "PP_PR_HEAD": s["c4"]},
			0, "0", s["c2"] + ".." + s["c3"], []string{"a.py"}, ""},
		{"no event: the last commit", map[string]string{}, 0, "0", "HEAD~1..HEAD", []string{"b.py"}, ""},
		{"clean pull request, hard", map[string]string{"PP_PR_BASE": s["c1"], "PP_PR_HEAD": s["clean"], "PP_HARD": "true"},
			0, "0", s["c1"] + ".." + s["clean"], nil, ""},
		{"pull request base not fetched", map[string]string{"PP_PR_BASE": strings.Repeat("12", 20), "PP_PR_HEAD": s["c4"]},
			2, "", "", nil, "is not in this clone"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			outFile := filepath.Join(t.TempDir(), "github_output")
			env := append(cleanEnv(), "PP_BIN="+filepath.Join(dir, "patchpatrol"), "GITHUB_OUTPUT="+outFile)
			for k, v := range c.env {
				env = append(env, k+"="+v)
			}
			res := runShell(t, r.dir, env, "bash", script)
			if res.code != c.code {
				t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", res.code, c.code, res.stdout, res.stderr)
			}
			if !strings.Contains(res.stderr, c.stderr) {
				t.Errorf("stderr lacks %q:\n%s", c.stderr, res.stderr)
			}
			out := readOutputs(t, outFile)
			if out["exit-code"] != c.outCode || out["range"] != c.rangeWant {
				t.Errorf("outputs exit-code=%q range=%q, want %q and %q", out["exit-code"], out["range"], c.outCode, c.rangeWant)
			}
			if c.outCode == "" {
				return
			}
			if want := map[string]string{"1": "true"}[c.outCode]; out["blocked"] != nonEmpty(want, "false") {
				t.Errorf("blocked output = %q for exit code %s", out["blocked"], c.outCode)
			}
			sarif := filepath.Join(r.dir, "patchpatrol.sarif")
			if out["sarif-file"] != sarif || out["report-file"] != sarif {
				t.Errorf("sarif-file=%q report-file=%q, want %s", out["sarif-file"], out["report-file"], sarif)
			}
			if root := out["repo-root"]; root == "" || filepath.Clean(root) != filepath.Clean(evalSymlinks(t, r.dir)) {
				t.Errorf("repo-root = %q, want %s", root, r.dir)
			}
			if got, want := reportedFiles(t, sarif), c.files; !slices.Equal(got, want) {
				t.Errorf("report names %v, want %v", got, want)
			}
		})
	}

	t.Run("root commit", func(t *testing.T) {
		root := t.TempDir()
		git(t, root, "init", "-q", "-b", "main")
		git(t, root, "config", "user.name", "CI Test")
		git(t, root, "config", "user.email", "ci@example.com")
		commit(t, root, "app.py", fmt.Sprintf(vulnPy, "x", "x"), "First")
		outFile := filepath.Join(t.TempDir(), "github_output")
		env := append(cleanEnv(), "PP_BIN="+filepath.Join(dir, "patchpatrol"), "GITHUB_OUTPUT="+outFile, "PP_HARD=true")
		res := runShell(t, root, env, "bash", script)
		out := readOutputs(t, outFile)
		if res.code != 1 || out["range"] != "HEAD" {
			t.Errorf("exit %d, range %q; want 1 and HEAD\n%s", res.code, out["range"], res.stderr)
		}
	})

	t.Run("gitlab format", func(t *testing.T) {
		outFile := filepath.Join(t.TempDir(), "github_output")
		env := append(cleanEnv(), "PP_BIN="+filepath.Join(dir, "patchpatrol"), "GITHUB_OUTPUT="+outFile,
			"PP_FORMAT=gitlab", "PP_PUSH_BEFORE="+s["c3"], "PP_PUSH_AFTER="+s["c4"])
		res := runShell(t, r.dir, env, "bash", script)
		out := readOutputs(t, outFile)
		if res.code != 0 || out["report-file"] != filepath.Join(r.dir, gitlabReport) || out["sarif-file"] != "" {
			t.Errorf("exit %d, outputs %v\n%s", res.code, out, res.stderr)
		}
	})

	t.Run("not a repository", func(t *testing.T) {
		env := append(cleanEnv(), "PP_BIN="+filepath.Join(dir, "patchpatrol"), "GIT_CEILING_DIRECTORIES="+os.TempDir())
		res := runShell(t, t.TempDir(), env, "bash", script)
		if res.code != 2 || !strings.Contains(res.stderr, "fetch-depth: 0") {
			t.Errorf("exit %d, want 2 with a hint:\n%s", res.code, res.stderr)
		}
	})
}

// gitlabShell is what a GitLab runner runs for the template job: the
// before_script and script lines in one bash session with errexit.
func gitlabShell(t *testing.T, job gitlabJob) string {
	t.Helper()
	lines := append([]string{"set -eo pipefail"}, job.BeforeScript...)
	return strings.Join(append(lines, job.Script...), "\n")
}

// TestGitLabScript runs the template job's shell in a throwaway repository
// with the variables GitLab sets for merge requests and pushes.
func TestGitLabScript(t *testing.T) {
	dir := auditBinDir(t)
	r := newRepo(t)
	job := loadGitLab(t)[".patchpatrol"]
	shell := gitlabShell(t, job)
	s := r.sha
	zero := strings.Repeat("0", 40)
	cases := []struct {
		name      string
		env       map[string]string
		code      int
		rangeWant string
		files     []string
		sarif     bool
	}{
		{"merge request, hard, with SARIF",
			map[string]string{"CI_MERGE_REQUEST_DIFF_BASE_SHA": s["c2"], "CI_COMMIT_SHA": s["c4"], "CI_COMMIT_BEFORE_SHA": zero,
				"PATCHPATROL_HARD": "true", "PATCHPATROL_SARIF": "true"},
			1, s["c2"] + ".." + s["c4"], []string{"a.py", "b.py"}, true},
		{"push, soft", map[string]string{"CI_COMMIT_BEFORE_SHA": s["c3"], "CI_COMMIT_SHA": s["c4"]},
			0, s["c3"] + ".." + s["c4"], []string{"b.py"}, false},
		{"new branch: all-zero before",
			map[string]string{"CI_COMMIT_BEFORE_SHA": zero, "CI_COMMIT_SHA": s["c4"], "CI_DEFAULT_BRANCH": "main", "PATCHPATROL_HARD": "1"},
			1, "origin/main.." + s["c4"], []string{"a.py", "b.py"}, false},
		{"new branch: default branch not fetched",
			map[string]string{"CI_COMMIT_BEFORE_SHA": zero, "CI_COMMIT_SHA": s["c4"], "CI_DEFAULT_BRANCH": "trunk"},
			0, s["c4"] + "~1.." + s["c4"], []string{"b.py"}, false},
		{"clean merge request, hard",
			map[string]string{"CI_MERGE_REQUEST_DIFF_BASE_SHA": s["c1"], "CI_COMMIT_SHA": s["clean"], "PATCHPATROL_HARD": "true"},
			0, s["c1"] + ".." + s["clean"], nil, false},
		{"merge-request base not fetched",
			map[string]string{"CI_MERGE_REQUEST_DIFF_BASE_SHA": strings.Repeat("12", 20), "CI_COMMIT_SHA": s["c4"]},
			2, "", nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, f := range []string{gitlabReport, "patchpatrol.sarif"} {
				os.Remove(filepath.Join(r.dir, f))
			}
			env := append(cleanEnv(), "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"), "CI=true", "GITLAB_CI=true")
			for k, v := range job.Variables {
				if k != "GIT_DEPTH" {
					env = append(env, k+"="+v)
				}
			}
			for k, v := range c.env {
				env = append(env, k+"="+v)
			}
			res := runShell(t, r.dir, env, "bash", "-c", shell)
			if res.code != c.code {
				t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", res.code, c.code, res.stdout, res.stderr)
			}
			if c.rangeWant == "" {
				if strings.Contains(res.stdout, "auditing") || !strings.Contains(res.stderr, `set GIT_DEPTH: "0"`) {
					t.Errorf("a missing base must stop before the audit, with a hint:\nstdout:\n%s\nstderr:\n%s", res.stdout, res.stderr)
				}
			} else if want := "patchpatrol: auditing " + c.rangeWant + "\n"; !strings.Contains(res.stdout, want) {
				t.Errorf("stdout lacks %q:\n%s", want, res.stdout)
			}
			report := filepath.Join(r.dir, gitlabReport)
			_, statErr := os.Stat(filepath.Join(r.dir, "patchpatrol.sarif"))
			if (statErr == nil) != c.sarif {
				t.Errorf("patchpatrol.sarif written = %v, want %v", statErr == nil, c.sarif)
			}
			if c.code == 2 {
				return
			}
			b, err := os.ReadFile(report)
			if err != nil {
				t.Fatalf("no Code Quality report: %v", err)
			}
			var issues []struct {
				CheckName   string `json:"check_name"`
				Fingerprint string `json:"fingerprint"`
				Severity    string `json:"severity"`
				Description string `json:"description"`
				Location    struct {
					Path  string `json:"path"`
					Lines struct {
						Begin int `json:"begin"`
					} `json:"lines"`
				} `json:"location"`
			}
			if err := json.Unmarshal(b, &issues); err != nil {
				t.Fatalf("report is not an array of issues: %v\n%s", err, b)
			}
			fps := map[string]bool{}
			for _, is := range issues {
				if is.CheckName == "" || is.Fingerprint == "" || is.Severity == "" || is.Description == "" ||
					is.Location.Path == "" || is.Location.Lines.Begin < 1 || fps[is.Fingerprint] {
					t.Errorf("issue lacks a field GitLab requires, or repeats a fingerprint: %+v", is)
				}
				fps[is.Fingerprint] = true
			}
			if got, want := reportedFiles(t, report), c.files; !slices.Equal(got, want) {
				t.Errorf("report names %v, want %v", got, want)
			}
		})
	}
}

func nonEmpty(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

func evalSymlinks(t *testing.T, p string) string {
	t.Helper()
	q, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	return q
}
