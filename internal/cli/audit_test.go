package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// historyRepo builds a twelve-commit history with real git: vulnerable and
// safe Python, a root commit, a binary file, a deletion, a merge, an edit of
// a file that already has a finding, and a secret in a commit message.
func historyRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, ".cache"))
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	for _, k := range []string{"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	dir := t.TempDir()
	git := func(author, date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		name, email := "Nobody", "nobody@example.com"
		if author != "" {
			name, email = author, strings.ToLower(author)+"@example.com"
		}
		if date == "" {
			date = "2024-03-01T09:00:00Z"
		}
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME="+name, "GIT_AUTHOR_EMAIL="+email, "GIT_AUTHOR_DATE="+date,
			"GIT_COMMITTER_NAME="+name, "GIT_COMMITTER_EMAIL="+email, "GIT_COMMITTER_DATE="+date)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	commit := func(author, day, msg string) {
		t.Helper()
		date := "2024-03-" + day + "T10:00:00Z"
		git(author, date, "add", "-A")
		git(author, date, "commit", "-q", "--allow-empty", "-m", msg)
	}
	git("", "", "init", "-q", "-b", "main")

	write("README.md", "# Shop\n")
	write("app/__init__.py", "VERSION = \"1.0\"\n")
	commit("Alice", "01", "Initial commit")

	write("app/db.py", `import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/user")
def user():
    name = request.args.get("name")
    conn = sqlite3.connect("app.db")
    cur = conn.cursor()
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
    return str(cur.fetchall())
`)
	commit("Bob", "02", "Add the user lookup")

	write("app/ping.py", `import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args["host"]
    os.system("ping -c 1 " + host)
    return "ok"
`)
	commit("Carol", "03", "Add a ping endpoint")

	write("app/config.py", "AWS_ACCESS_KEY_ID = \"AKIAQ3EGVP4BXJ7KD2NZ\"\nREGION = \"eu-west-1\"\n")
	commit("Alice", "04", "Add the cloud settings")

	write("app/safe.py", `import sqlite3


def find(conn: sqlite3.Connection, name: str):
    cur = conn.cursor()
    cur.execute("SELECT * FROM users WHERE name = ?", (name,))
    return cur.fetchall()
`)
	commit("Bob", "05", "Add a parameterized query")

	write("static/logo.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
	commit("Carol", "06", "Add the logo")

	git("Alice", "2024-03-07T10:00:00Z", "rm", "-q", "app/config.py")
	commit("Alice", "07", "Remove the cloud settings")

	git("", "", "checkout", "-q", "-b", "side")
	write("app/shell.py", `import subprocess


def archive(path: str) -> None:
    subprocess.run(["tar", "czf", "out.tgz", path], check=True)
`)
	commit("Dave", "08", "Add archiving")
	git("", "", "checkout", "-q", "main")

	write("README.md", "# Shop\n\nA small shop.\n")
	commit("Bob", "09", "Describe the shop")

	git("Alice", "2024-03-10T10:00:00Z", "merge", "-q", "--no-ff", "-m", "Merge branch side", "side")

	write("app/ping.py", `import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args["host"]
    os.system("ping -c 1 " + host)
    return "ok"


@app.route("/health")
def health():
    return "up"
`)
	commit("Carol", "11", "Add a health check")

	write("docs/notes.txt", "Deployment notes.\n")
	commit("Dave", "12", "Add deployment notes\n\nThe CI token is ghp_R7k2Lq9Xv4Tz8Wm3Nb6Hc1Jd5Fg0Sa2Pe4Yu7\n")
	return dir
}

// runCLI runs one command line in dir and returns the exit code and output.
func runCLI(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), args, IO{Stdin: bytes.NewReader(nil), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(k string) string {
			if k == "NO_COLOR" {
				return "1"
			}
			return os.Getenv(k)
		}, Dir: dir})
	return code, stdout.String(), stderr.String()
}

type auditDocJSON struct {
	Summary struct {
		CommitsAnalyzed     int            `json:"commits_analyzed"`
		CommitsWithFindings int            `json:"commits_with_findings"`
		FindingsTotal       int            `json:"findings_total"`
		BySeverity          map[string]int `json:"findings_by_severity"`
		ByCWE               map[string]int `json:"findings_by_cwe"`
		ByOWASP             map[string]int `json:"findings_by_owasp"`
		ByFile              map[string]int `json:"findings_by_file"`
		ByAuthor            map[string]int `json:"findings_by_author"`
		ByRule              map[string]int `json:"findings_by_rule"`
		IssuesPerCommit     float64        `json:"issues_per_commit"`
		TrendBucket         string         `json:"trend_bucket"`
		Trend               []struct {
			Period     string         `json:"period"`
			Commits    int            `json:"commits"`
			BySeverity map[string]int `json:"by_severity"`
		} `json:"trend"`
		Riskiest []struct {
			ShortSHA string `json:"short_sha"`
			Subject  string `json:"subject"`
			Findings int    `json:"findings"`
		} `json:"riskiest_commits"`
		Shard string   `json:"shard"`
		Notes []string `json:"notes"`
	} `json:"summary"`
	Commits []struct {
		SHA     string `json:"sha"`
		Subject string `json:"subject"`
		Author  string `json:"author"`
		Date    string `json:"date"`
		Result  struct {
			Severity string `json:"severity"`
			Issues   []struct {
				RuleID string `json:"rule_id"`
				File   string `json:"file"`
				Line   int    `json:"line"`
			} `json:"security_issues"`
			Outside  []json.RawMessage `json:"outside_change"`
			Coverage struct {
				FilesReviewed int `json:"files_reviewed"`
				FilesSkipped  []struct {
					File   string `json:"file"`
					Reason string `json:"reason"`
				} `json:"files_skipped"`
			} `json:"coverage"`
		} `json:"result"`
	} `json:"commits"`
}

func TestAuditHistory(t *testing.T) {
	dir := historyRepo(t)
	code, out, stderr := runCLI(t, dir, "audit", "--mode", "security", "-n", "20", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc auditDocJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}

	// Per commit: the rules reported (rule@file:line), the files reviewed and
	// the files skipped, newest first.
	type want struct {
		subject  string
		issues   []string
		reviewed int
		skipped  []string
		outside  int
	}
	wants := []want{
		{subject: "Add deployment notes", issues: []string{"PP103@commit " + short(doc.Commits[0].SHA) + ":3"}, reviewed: 1},
		{subject: "Add a health check", reviewed: 1, outside: 1},
		{subject: "Merge branch side", reviewed: 1},
		{subject: "Describe the shop", reviewed: 1},
		{subject: "Add archiving", reviewed: 1},
		{subject: "Remove the cloud settings", skipped: []string{"app/config.py: deleted"}},
		{subject: "Add the logo", skipped: []string{"static/logo.png: binary"}},
		{subject: "Add a parameterized query", reviewed: 1},
		{subject: "Add the cloud settings", issues: []string{"PP101@app/config.py:1"}, reviewed: 1},
		{subject: "Add a ping endpoint", issues: []string{"PP202@app/ping.py:11"}, reviewed: 1},
		{subject: "Add the user lookup", issues: []string{"PP201@app/db.py:13"}, reviewed: 1},
		{subject: "Initial commit", reviewed: 2},
	}
	if len(doc.Commits) != len(wants) {
		t.Fatalf("%d commits, want %d", len(doc.Commits), len(wants))
	}
	for i, w := range wants {
		c := doc.Commits[i]
		if c.Subject != w.subject {
			t.Errorf("commit %d: subject %q, want %q", i, c.Subject, w.subject)
			continue
		}
		var got []string
		for _, is := range c.Result.Issues {
			got = append(got, is.RuleID+"@"+is.File+":"+strconv.Itoa(is.Line))
		}
		if !reflect.DeepEqual(got, w.issues) {
			t.Errorf("%s: issues %v, want %v", w.subject, got, w.issues)
		}
		if c.Result.Coverage.FilesReviewed != w.reviewed {
			t.Errorf("%s: %d files reviewed, want %d", w.subject, c.Result.Coverage.FilesReviewed, w.reviewed)
		}
		var skipped []string
		for _, s := range c.Result.Coverage.FilesSkipped {
			skipped = append(skipped, s.File+": "+s.Reason)
		}
		if !reflect.DeepEqual(skipped, w.skipped) {
			t.Errorf("%s: skipped %v, want %v", w.subject, skipped, w.skipped)
		}
		if len(c.Result.Outside) != w.outside {
			t.Errorf("%s: %d findings outside the change, want %d", w.subject, len(c.Result.Outside), w.outside)
		}
		if len(c.SHA) != 40 {
			t.Errorf("%s: sha %q is not a full id", w.subject, c.SHA)
		}
	}

	s := doc.Summary
	if s.CommitsAnalyzed != 12 || s.CommitsWithFindings != 4 || s.FindingsTotal != 4 || s.IssuesPerCommit != 0.33 {
		t.Errorf("summary counts: analyzed %d, with findings %d, total %d, per commit %.2f; want 12, 4, 4, 0.33",
			s.CommitsAnalyzed, s.CommitsWithFindings, s.FindingsTotal, s.IssuesPerCommit)
	}
	checkMap(t, "by severity", s.BySeverity, map[string]int{"CRITICAL": 2, "HIGH": 2, "MEDIUM": 0, "LOW": 0})
	checkMap(t, "by CWE", s.ByCWE, map[string]int{"CWE-89": 1, "CWE-78": 1, "CWE-798": 2})
	checkMap(t, "by file", s.ByFile, map[string]int{"app/db.py": 1, "app/ping.py": 1, "app/config.py": 1, "(commit message)": 1})
	checkMap(t, "by author", s.ByAuthor, map[string]int{"Bob": 1, "Carol": 1, "Alice": 1, "Dave": 1})
	checkMap(t, "by rule", s.ByRule, map[string]int{"PP201": 1, "PP202": 1, "PP101": 1, "PP103": 1})
	if s.ByOWASP["A03:2021-Injection"] != 2 {
		t.Errorf("by OWASP %v: want 2 injections", s.ByOWASP)
	}
	if s.TrendBucket != "day" || len(s.Trend) != 12 || s.Trend[0].Period != "2024-03-01" || s.Trend[1].BySeverity["HIGH"] != 1 {
		t.Errorf("trend %s %+v", s.TrendBucket, s.Trend)
	}
	var risky []string
	for _, r := range s.Riskiest {
		risky = append(risky, r.Subject)
	}
	// Scores: the AWS key and the token are CRITICAL (0.95), then come the
	// two HIGH ones (0.80); ties go by commit id.
	if len(risky) != 4 {
		t.Fatalf("riskiest commits %v", risky)
	}
	top2 := []string{risky[0], risky[1]}
	sort.Strings(top2)
	if !reflect.DeepEqual(top2, []string{"Add deployment notes", "Add the cloud settings"}) {
		t.Errorf("riskiest commits %v: want the two CRITICAL ones first", risky)
	}
	if len(s.Notes) == 0 || !strings.Contains(strings.Join(s.Notes, "\n"), "embedded engine only") {
		t.Errorf("notes %v: want the embedded-engine note", s.Notes)
	}

	// Soft by default; --hard exits 1 because commits are not approved.
	if code, _, _ := runCLI(t, dir, "audit", "--mode", "security", "-n", "20", "--hard", "-q"); code != ExitBlocked {
		t.Errorf("--hard: exit %d, want %d", code, ExitBlocked)
	}
	// Paths narrow the commits and their changes.
	code, out, _ = runCLI(t, dir, "audit", "--mode", "security", "--format", "json", "-n", "20", "--", "app/ping.py")
	var narrow auditDocJSON
	if err := json.Unmarshal([]byte(out), &narrow); err != nil || code != 0 {
		t.Fatalf("paths: exit %d, %v", code, err)
	}
	if narrow.Summary.CommitsAnalyzed != 2 || narrow.Summary.FindingsTotal != 1 {
		t.Errorf("paths: %d commits, %d findings; want 2, 1", narrow.Summary.CommitsAnalyzed, narrow.Summary.FindingsTotal)
	}
}

func short(sha string) string {
	if len(sha) < 7 {
		return sha
	}
	return sha[:7]
}

func checkMap(t *testing.T, what string, got, want map[string]int) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: %v, want %v", what, got, want)
	}
}

// TestAuditShardMerge: three shards merged equal the whole audit, in JSON
// byte for byte, and in SARIF result for result.
func TestAuditShardMerge(t *testing.T) {
	dir := historyRepo(t)
	out := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		if code, _, stderr := runCLI(t, dir, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	p := func(name string) string { return filepath.Join(out, name) }
	run("audit", "--mode", "security", "-n", "20", "--format", "json", "-o", p("whole.json"))
	run("audit", "--mode", "security", "-n", "20", "--format", "sarif", "-o", p("whole.sarif"))
	shardCommits := 0
	for _, i := range []string{"1", "2", "3"} {
		run("audit", "--mode", "security", "-n", "20", "--shard", i+"/3", "--format", "json", "-o", p("s"+i+".json"))
		run("audit", "--mode", "security", "-n", "20", "--shard", i+"/3", "--format", "sarif", "-o", p("s"+i+".sarif"))
		var d auditDocJSON
		if err := json.Unmarshal(readFile(t, p("s"+i+".json")), &d); err != nil {
			t.Fatal(err)
		}
		if d.Summary.Shard != i+"/3" {
			t.Errorf("shard %s: summary.shard %q", i, d.Summary.Shard)
		}
		shardCommits += len(d.Commits)
		if len(d.Commits) == 12 {
			t.Errorf("shard %s has every commit", i)
		}
	}
	if shardCommits != 12 {
		t.Errorf("the shards hold %d commits, want 12", shardCommits)
	}
	// Merge in another order than the shards' numbers.
	run("merge", p("s3.json"), p("s1.json"), p("s2.json"), "-o", p("merged.json"))
	if a, b := readFile(t, p("whole.json")), readFile(t, p("merged.json")); !bytes.Equal(a, b) {
		t.Errorf("merged JSON differs from the whole audit:\n%s", firstDiff(string(a), string(b)))
	}
	run("merge", p("s2.json"), p("s3.json"), p("s1.json"), "--format", "sarif", "-o", p("merged-doc.sarif"))
	if a, b := readFile(t, p("whole.sarif")), readFile(t, p("merged-doc.sarif")); !bytes.Equal(a, b) {
		t.Errorf("SARIF of the merged JSON differs from the whole audit's:\n%s", firstDiff(string(a), string(b)))
	}
	run("merge", p("s1.sarif"), p("s2.sarif"), p("s3.sarif"), "-o", p("merged.sarif"))
	whole, merged := sarifResults(t, p("whole.sarif")), sarifResults(t, p("merged.sarif"))
	if len(whole) != 4 || !reflect.DeepEqual(whole, merged) {
		t.Errorf("SARIF results:\nwhole  %v\nmerged %v", whole, merged)
	}

	// A commit twice, identical: kept once with a warning.
	code, stdout, stderr := runCLI(t, dir, "merge", p("s1.json"), p("s1.json"), p("s2.json"), p("s3.json"))
	if code != 0 || !strings.Contains(stderr, "kept once") {
		t.Errorf("duplicate shard: exit %d, stderr %q", code, stderr)
	}
	if stdout != string(readFile(t, p("whole.json"))) {
		t.Errorf("duplicate shard changed the merged report")
	}
	// Mixed kinds and unreadable files are usage errors.
	if code, _, stderr := runCLI(t, dir, "merge", p("s1.json"), p("s1.sarif")); code != ExitUsage || !strings.Contains(stderr, "one kind") {
		t.Errorf("mixed kinds: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, dir, "merge", p("nope.json")); code != ExitUsage || !strings.Contains(stderr, "nope.json") {
		t.Errorf("missing file: exit %d, %q", code, stderr)
	}
	// A missing shard is merged with a warning.
	if code, _, stderr := runCLI(t, dir, "merge", p("s1.json"), p("s3.json")); code != 0 || !strings.Contains(stderr, "2/3 missing") {
		t.Errorf("missing shard: exit %d, %q", code, stderr)
	}
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sarifResults lists each result as rule, location and fingerprint, sorted.
func sarifResults(t *testing.T, p string) []string {
	t.Helper()
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Fingerprints map[string]string `json:"partialFingerprints"`
				Properties   map[string]string `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(readFile(t, p), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%s: %d runs, want 1", p, len(log.Runs))
	}
	var out []string
	for _, r := range log.Runs[0].Results {
		loc := ""
		if len(r.Locations) > 0 {
			loc = r.Locations[0].PhysicalLocation.ArtifactLocation.URI + ":" + strconv.Itoa(r.Locations[0].PhysicalLocation.Region.StartLine)
		}
		out = append(out, r.RuleID+" "+loc+" "+r.Fingerprints["patchpatrol/v1"]+" "+r.Properties["commit"])
	}
	sort.Strings(out)
	return out
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n  whole:  " + al[i] + "\n  merged: " + bl[i]
		}
	}
	return "lengths differ"
}
