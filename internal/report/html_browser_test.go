package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// requireBrowser makes TestHTMLInBrowser fail instead of skipping when no
// browser is installed (set it in CI jobs that install chromium).
const requireBrowser = "PATCHPATROL_REQUIRE_BROWSER"

// htmlBrowser finds a Chromium to run headless: Debian's chromium package
// installs /usr/bin/chromium.
func htmlBrowser() string {
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestHTMLInBrowser opens the review page and the audit page in headless
// Chromium, from files, with every host name unresolvable, and checks the
// DOM the browser built: every section and chart is there, the hostile
// finding stayed text, and the browser's network log shows no request made
// by the page. A control page with an external image shows that the network
// check can fail.
func TestHTMLInBrowser(t *testing.T) {
	required := os.Getenv(requireBrowser) == "1"
	if testing.Short() && !required {
		t.Skip("starts a browser; skipped with -short")
	}
	bin := htmlBrowser()
	if bin == "" {
		if required {
			t.Fatalf("%s=1 but no chromium found: install it (apt-get install -y chromium)", requireBrowser)
		}
		t.Skipf("no chromium installed; set %s=1 to make this a failure", requireBrowser)
	}
	dir := t.TempDir()

	res := blockedResult()
	f := &res.Findings[1]
	f.Message = `uid reaches execute </style><script>alert(1)</script>"><img src=x onerror=alert(2)> ` + "\u202Egnp.exe"
	f.Snippet = `cur.execute(f"SELECT {uid}") # </pre><img src=x onerror=alert(3)>`
	f.Path = `app/"><svg onload=alert(4)>.py`
	var review, auditPage bytes.Buffer
	if err := (&HTML{opts: Options{ToolVersion: "0.1.0-test"}}).Write(&review, res); err != nil {
		t.Fatal(err)
	}
	doc := htmlAuditDoc()
	doc.Commits[0].Subject = `<img src=x onerror=alert(5)> Add admin export`
	if err := WriteAuditHTML(&auditPage, doc, Options{ToolVersion: "0.1.0-test"}); err != nil {
		t.Fatal(err)
	}
	control := `<!DOCTYPE html><title>control</title><img src="http://patchpatrol-control.invalid/x.png"><p id="control">x</p>`

	checkSafe := func(t *testing.T, dom string) {
		for _, bad := range []*regexp.Regexp{regexp.MustCompile(`(?i)<script`), regexp.MustCompile(`(?i)<img`),
			regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+=`), regexp.MustCompile(`(?i)<iframe|<object|<embed|<link`)} {
			if m := bad.FindString(dom); m != "" {
				t.Errorf("the DOM contains %q", m)
			}
		}
		if n := strings.Count(dom, "<style>"); n != 1 {
			t.Errorf("the DOM has %d style elements, want 1", n)
		}
	}
	pages := []struct {
		name, html string
		check      func(t *testing.T, dom string, pageRequests []string)
	}{
		{"review", review.String(), func(t *testing.T, dom string, reqs []string) {
			checkSafe(t, dom)
			for _, want := range []string{`id="verdict"`, `id="coverage"`, `id="findings"`, `id="not-counted"`,
				"SECURITY RISK", "static/logo.png", "&lt;script&gt;alert(1)&lt;/script&gt;", "onerror=alert(3)&gt;",
				`<svg class="gauge"`} {
				if !strings.Contains(dom, want) {
					t.Errorf("the DOM lacks %q", want)
				}
			}
			if n := strings.Count(dom, `<article class="finding`); n != 4 {
				t.Errorf("%d finding cards, want 4", n)
			}
			if len(reqs) > 0 {
				t.Errorf("the page made requests: %q", reqs)
			}
		}},
		{"audit", auditPage.String(), func(t *testing.T, dom string, reqs []string) {
			checkSafe(t, dom)
			for _, id := range []string{"summary", "coverage", "trend", "cwes", "files", "riskiest-commits", "commits",
				"chart-trend", "chart-cwe", "chart-files", "chart-severity"} {
				if !strings.Contains(dom, `id="`+id+`"`) {
					t.Errorf("the DOM lacks the element with id %q", id)
				}
			}
			if n := strings.Count(dom, "<svg"); n < 4+4 { // four charts, and a gauge per reviewed commit
				t.Errorf("%d svg elements, want at least 8", n)
			}
			if n := strings.Count(dom, "<rect"); n < 20 {
				t.Errorf("%d rect elements, want at least 20", n)
			}
			if n := strings.Count(dom, `<details class="commit"`); n != 5 {
				t.Errorf("%d commit details, want 5", n)
			}
			if !strings.Contains(dom, "&lt;img src=x onerror=alert(5)&gt; Add admin export") {
				t.Error("the hostile commit subject is not in the DOM as text")
			}
			if len(reqs) > 0 {
				t.Errorf("the page made requests: %q", reqs)
			}
		}},
		{"control", control, func(t *testing.T, dom string, reqs []string) {
			if !strings.Contains(dom, `id="control"`) {
				t.Errorf("the control page did not load: %s", dom)
			}
			found := false
			for _, r := range reqs {
				found = found || strings.Contains(r, "patchpatrol-control.invalid")
			}
			if !found {
				t.Errorf("the network log does not show the control page's image request (%q): the check is blind", reqs)
			}
		}},
	}
	// The browsers run side by side (not as parallel subtests, which
	// -parallel would cap at GOMAXPROCS); the checks run after.
	type run struct {
		dom, netlog string
		took        time.Duration
		err         error
	}
	runs := make([]run, len(pages))
	var wg sync.WaitGroup
	for i, p := range pages {
		file := filepath.Join(dir, p.name+".html")
		if err := os.WriteFile(file, []byte(p.html), 0o644); err != nil {
			t.Fatal(err)
		}
		runs[i].netlog = filepath.Join(dir, p.name+".netlog.json")
		wg.Add(1)
		go func(r *run, name string) {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
				"--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND",
				"--user-data-dir="+filepath.Join(dir, name+"-profile"), "--log-net-log="+r.netlog,
				"--dump-dom", "file://"+file)
			cmd.WaitDelay = 5 * time.Second
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			if err := cmd.Run(); err != nil {
				r.err = fmt.Errorf("%s: %v\n%s", bin, err, stderr.String())
			}
			r.took, r.dom = time.Since(start), stdout.String()
		}(&runs[i], p.name)
	}
	wg.Wait()
	for i, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			r := runs[i]
			if r.err != nil {
				t.Fatal(r.err)
			}
			t.Logf("chromium took %v", r.took.Round(time.Millisecond))
			p.check(t, r.dom, pageRequests(t, r.netlog))
		})
	}
}

// pageRequests reads a Chromium net log and returns the URLs of the network
// requests a page started. The browser's own background requests (update
// checks, account probes) have no initiating origin and are left out; a
// page's requests carry its origin ("null" or "file://" for a file).
func pageRequests(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read the net log: %v", err)
	}
	s := string(b)
	if !json.Valid(b) {
		// Chromium may leave the log unterminated when it exits quickly.
		s = strings.TrimRight(s, " \n\r\t,") + "]}"
	}
	var log struct {
		Constants struct {
			LogEventTypes map[string]int `json:"logEventTypes"`
		} `json:"constants"`
		Events []struct {
			Type   int `json:"type"`
			Params struct {
				URL       string `json:"url"`
				Initiator string `json:"initiator"`
			} `json:"params"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(s), &log); err != nil {
		t.Fatalf("parse the net log: %v", err)
	}
	start, ok := log.Constants.LogEventTypes["URL_REQUEST_START_JOB"]
	if !ok {
		t.Fatal("the net log has no URL_REQUEST_START_JOB event type: unknown Chromium net log format")
	}
	var out []string
	for _, e := range log.Events {
		if e.Type == start && e.Params.URL != "" && e.Params.Initiator != "not an origin" {
			out = append(out, e.Params.URL)
		}
	}
	return out
}
