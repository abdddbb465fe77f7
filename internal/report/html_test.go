package report

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/audit"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// The single-review page is in TestGolden and TestDeterministic through
// variants(); these tests cover the audit page, the escaping, the charts
// and the coverage statements.

func renderAuditHTML(t *testing.T, doc *audit.Document) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteAuditHTML(&buf, doc, Options{ToolVersion: "0.1.0-test"}); err != nil {
		t.Fatalf("WriteAuditHTML: %v", err)
	}
	return buf.String()
}

func htmlAuditCases() []struct {
	name string
	doc  func() *audit.Document
} {
	return []struct {
		name string
		doc  func() *audit.Document
	}{{"audit", htmlAuditDoc}, {"audit-empty", htmlEmptyAuditDoc}, {"audit-many", htmlManyAuditDoc}}
}

// TestAuditHTMLGolden compares the audit page with testdata/<case>.html.golden.
// Refresh with: go test ./internal/report -update
func TestAuditHTMLGolden(t *testing.T) {
	for _, c := range htmlAuditCases() {
		t.Run(c.name, func(t *testing.T) {
			got := renderAuditHTML(t, c.doc())
			if again := renderAuditHTML(t, c.doc()); again != got {
				t.Fatal("two renderings of the same audit differ")
			}
			path := filepath.Join("testdata", c.name+".html.golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v; run: go test ./internal/report -update", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s; review the change, then run: go test ./internal/report -update", path)
			}
		})
	}
}

func TestAuditHTMLBadInput(t *testing.T) {
	if err := WriteAuditHTML(&bytes.Buffer{}, nil, Options{}); !errors.Is(err, errNoAudit) {
		t.Errorf("nil document: %v, want errNoAudit", err)
	}
	if err := WriteAuditHTML(failWriter{}, htmlAuditDoc(), Options{}); err == nil {
		t.Error("a failing writer: no error")
	}
	if err := WriteAuditHTML(&bytes.Buffer{}, &audit.Document{}, Options{}); err != nil {
		t.Errorf("zero document: %v", err)
	}
	doc := htmlAuditDoc()
	doc.Summary.IssuesPerCommit = math.NaN()
	doc.Summary.RiskiestCommits[0].Score = math.Inf(1)
	out := renderAuditHTML(t, doc)
	if strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
		t.Error("a non-finite number is printed as NaN or Inf")
	}
}

// TestHTMLSections checks that each page carries the parts a reader relies
// on, with the numbers of the fixture.
func TestHTMLSections(t *testing.T) {
	out := render(t, "html", Options{}, blockedResult())
	for _, want := range []string{
		`id="verdict"`, `id="coverage"`, `id="findings"`, `id="not-counted"`, `id="context"`,
		"SECURITY RISK", "Blocked: the commit is stopped (hard mode)", "<strong>0.80</strong>", "approved when risk ≤ 0.50",
		"Security issues in the change (4)", "Not counted (2 suppressed, 3 outside the change)",
		// coverage: what was and was not reviewed, and why
		`<span class="status partial">partial</span>`, "1 file was not reviewed", "static/logo.png</td><td>binary",
		"app/legacy.py: syntax error", "<dt>Engines</dt><dd>builtin, ai</dd>", "<dt>Commit message</dt><dd>reviewed</dd>",
		// one finding, every field
		`id="f2"`, "PP201", "CWE-89", "A03:2021-Injection", "app/db.py:23, column 9", "SOC2, PCI-DSS, GDPR, HIPAA",
		"cur.execute(f&#34;SELECT * FROM users WHERE id = {uid}&#34;)", "line 12:11", "uid reaches cursor.execute",
		"Use a parameterized query", "3f2a9c01d4e5b6a7c8d9",
		// what does not count, and why
		"suppressed (nosec): table name comes from a constant", "outside the change (context)",
		"@security-team", "ai engine: response truncated",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("review page lacks %q", want)
		}
	}
	res := softResult()
	res.Findings[0].Example = "digest = hmac.new(key, msg, hashlib.sha256)\n    .hexdigest()"
	out = render(t, "html", Options{}, res)
	if !strings.Contains(out, "<pre class=\"example\"><code>digest = hmac.new(key, msg, hashlib.sha256)\n    .hexdigest()</code></pre>") {
		t.Error("the example fix is not shown with its lines and indentation")
	}

	out = renderAuditHTML(t, htmlAuditDoc())
	for _, want := range []string{
		`id="summary"`, `id="coverage"`, `id="trend"`, `id="cwes"`, `id="files"`, `id="riskiest-commits"`, `id="commits"`,
		`<svg viewBox="0 0 760 300"`, `aria-labelledby="chart-trend-title"`, `<title id="chart-trend-title">Findings per week by severity</title>`,
		"2026-W48: 2 HIGH", "CWE-328: 2", `<a href="#commit-1">c0ffee0</a>`, `<details class="commit" id="commit-1">`,
		"1 commit was not reviewed", "This commit has no review result", "The review of 1 commit covered no file",
		`id="c1-f1"`, `id="c5-verdict"`, "commit 7e57ab1: diff too large",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("audit page lacks %q", want)
		}
	}
}

// TestHTMLUniqueIDs: links and aria references need ids that are unique on
// the page, also when an audit shows many reviews.
func TestHTMLUniqueIDs(t *testing.T) {
	id := regexp.MustCompile(` id="([^"]*)"`)
	pages := map[string]string{"blocked": render(t, "html", Options{}, blockedResult()), "audit": renderAuditHTML(t, htmlAuditDoc())}
	for name, out := range pages {
		seen := map[string]bool{}
		for _, m := range id.FindAllStringSubmatch(out, -1) {
			if seen[m[1]] {
				t.Errorf("%s: id %q is used twice", name, m[1])
			}
			seen[m[1]] = true
		}
		for _, m := range regexp.MustCompile(`(?:href="#|aria-labelledby="|aria-describedby=")([^"]*)"`).FindAllStringSubmatch(out, -1) {
			for _, ref := range strings.Fields(m[1]) {
				if !seen[ref] {
					t.Errorf("%s: reference to a missing id %q", name, ref)
				}
			}
		}
		if len(seen) < 10 {
			t.Errorf("%s: only %d ids found", name, len(seen))
		}
	}
}

// TestHTMLCoverageStatus: a result must never look complete when it is not.
func TestHTMLCoverageStatus(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(*review.Result)
		status string
		caveat string
	}{
		{"complete", func(*review.Result) {}, "complete", ""},
		{"nothing reviewed", func(r *review.Result) { r.Coverage = review.Coverage{Engines: []string{"builtin"}} },
			"nothing reviewed", "No file and no commit message was reviewed"},
		{"only the message", func(r *review.Result) {
			r.Coverage = review.Coverage{MessageReviewed: true, Engines: []string{"builtin"}}
		}, "complete", ""},
		{"skipped files", func(r *review.Result) {
			r.Coverage.FilesSkipped = []review.Skip{{File: "a.bin", Reason: "binary"}, {File: "b.py"}}
		}, "partial", "2 files were not reviewed"},
		{"notes", func(r *review.Result) { r.Coverage.Notes = []string{"advisories unavailable"} },
			"partial", "Parts of the review were incomplete"},
		{"no engine", func(r *review.Result) { r.Coverage.Engines = nil }, "partial", "No engine is recorded"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := cleanResult()
			c.edit(res)
			out := render(t, "html", Options{}, res)
			banner := out[strings.Index(out, `id="verdict"`):strings.Index(out, `id="coverage"`)]
			if !strings.Contains(banner, ">"+c.status+"</span>") {
				t.Errorf("verdict banner does not say %q:\n%s", c.status, banner)
			}
			if c.caveat != "" && !strings.Contains(out, c.caveat) {
				t.Errorf("page lacks the caveat %q", c.caveat)
			}
			if c.caveat == "" && strings.Contains(out, `role="note"`) {
				t.Error("a complete review carries a caveat")
			}
			if strings.Contains(out, "No security issues in the change.") == (c.status != "complete") {
				t.Errorf("status %s: the no-issues line does not say whether it covers everything", c.status)
			}
		})
	}
}

// TestHTMLSecrets: the page shows the masked value it was given and nothing
// else, even with the raw secret in a file at the finding's path.
func TestHTMLSecrets(t *testing.T) {
	const raw = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "app"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "app", "settings.py"), []byte("AWS_SECRET = \""+raw+"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	res := blockedResult()
	res.Findings[0].Snippet = `AWS_SECRET = "wJal<redacted>"`
	out := render(t, "html", Options{}, res)
	for _, part := range []string{raw, raw[4:], "EXAMPLEKEY"} {
		if strings.Contains(out, part) {
			t.Fatalf("html output contains the raw secret (%q)", part)
		}
	}
	if !strings.Contains(out, "AWS_SECRET = &#34;wJal&lt;redacted&gt;&#34;") {
		t.Error("html does not carry the masked snippet, escaped")
	}
}

// htmlHostile is text from the code under review that tries every way out of
// its context: ending the style sheet, a title, an attribute or the SVG,
// opening a script, an image with a handler, a comment or a template action,
// and bidi overrides, ANSI escapes and zero-width characters that would make
// code read differently than it runs.
const htmlHostile = "</style></title></textarea></svg><script>alert(1)</script>\"><img src=x onerror=alert(2)>" +
	"' onmouseover='alert(3)' <!-- <svg onload=alert(4)> javascript:alert(5) {{.}} &amp; \n\tnext line " +
	"\u202Egnp.exe\u2066 \x1b[31mred\u200b"

// htmlMutateStrings replaces every non-empty plain string reachable from v
// (fields, slices, pointers, map keys) with f(s). Named string types such as
// the mode, verdict and scope are left alone: they steer the logic.
func htmlMutateStrings(v reflect.Value, f func(string) string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			htmlMutateStrings(v.Elem(), f)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).CanSet() {
				htmlMutateStrings(v.Field(i), f)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			htmlMutateStrings(v.Index(i), f)
		}
	case reflect.Map:
		if v.IsNil() || v.Type().Key().Kind() != reflect.String {
			return
		}
		m := reflect.MakeMap(v.Type())
		keys := v.MapKeys()
		strs := make([]string, len(keys))
		for i, k := range keys {
			strs[i] = k.String()
		}
		idx := make([]int, len(keys))
		for i := range idx {
			idx[i] = i
		}
		// Visit keys in a fixed order so both mutations number them alike.
		htmlSortByString(idx, strs)
		for _, i := range idx {
			nk := reflect.New(v.Type().Key()).Elem()
			nk.SetString(f(strs[i]))
			m.SetMapIndex(nk, v.MapIndex(keys[i]))
		}
		v.Set(m)
	case reflect.String:
		if v.Len() > 0 && (v.Type() == reflect.TypeOf("") || v.Type() == reflect.TypeOf(finding.OWASP(""))) {
			v.SetString(f(v.String()))
		}
	}
}

func htmlSortByString(idx []int, s []string) {
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && s[idx[j]] < s[idx[j-1]]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
}

// htmlNumbered returns a mutation that writes prefix plus a counter, so map keys
// stay distinct.
func htmlNumbered(prefix string) func(string) string {
	n := 0
	return func(string) string { n++; return fmt.Sprintf("%s %d", prefix, n) }
}

// TestHTMLHostileText renders every string of a result and of an audit as
// hostile text and as plain text: the tag structure of the two pages must be
// the same (no element or attribute came from the data), the style sheet
// unchanged, and no bidi or control character left raw.
func TestHTMLHostileText(t *testing.T) {
	pages := []struct {
		name string
		page func(f func(string) string) string
	}{
		{"review", func(f func(string) string) string {
			res := blockedResult()
			htmlMutateStrings(reflect.ValueOf(res), f)
			for i := range res.Findings {
				res.Findings[i].Title += " title" // keep Title != Message in both renderings
			}
			return render(t, "html", Options{ToolVersion: "0.1.0-test"}, res)
		}},
		{"audit", func(f func(string) string) string {
			doc := htmlAuditDoc()
			htmlMutateStrings(reflect.ValueOf(doc), f)
			return renderAuditHTML(t, doc)
		}},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			// Plain text as long as the hostile text once made visible, so
			// that shortened labels and thinned axes come out alike.
			plain := p.page(htmlNumbered(strings.Repeat("p", len([]rune(htmlLine(htmlHostile))))))
			bad := p.page(htmlNumbered(htmlHostile))
			if !strings.Contains(bad, "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(2)&gt;") {
				t.Fatal("the hostile text is not in the page, escaped: the test checks nothing")
			}
			want, got := htmlTags(plain), htmlTags(bad)
			if !reflect.DeepEqual(want, got) {
				for i := range min(len(want), len(got)) {
					if want[i] != got[i] {
						t.Fatalf("tag %d is %q with hostile text, %q with plain text", i, got[i], want[i])
					}
				}
				t.Fatalf("%d tags with hostile text, %d with plain text", len(got), len(want))
			}
			if n := strings.Count(strings.ToLower(bad), "</style"); n != 1 {
				t.Errorf("%d </style in the page, want 1", n)
			}
			if strings.Contains(strings.ToLower(bad), "<script") {
				t.Error("the page contains <script")
			}
			for _, r := range []rune{'\u202E', '\u2066', '\x1b', '\u200b', '\r'} {
				if strings.ContainsRune(bad, r) {
					t.Errorf("the page carries %U raw", r)
				}
			}
			if !strings.Contains(bad, "⟨U&#43;202E⟩gnp.exe⟨U&#43;2066⟩") {
				t.Error("the bidi override is not shown as a visible marker")
			}
		})
	}
}

// htmlTags lists the tags of a page as an HTML tokenizer sees them: "<name
// attr attr>" for a start tag with its attribute names, "</name>" for an end
// tag, "<!-->" for a comment, "<!>" for a declaration, and the whole text of
// the raw-text elements (style, script, textarea), which end only at their
// end tag. Text between tags is left out.
func htmlTags(doc string) []string {
	var out []string
	lower := strings.ToLower(doc)
	letter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	for i := 0; i < len(doc); {
		j := strings.IndexByte(doc[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := doc[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				return append(out, "unterminated comment")
			}
			out = append(out, "<!-->")
			i += 4 + end + 3
		case strings.HasPrefix(rest, "<!") || strings.HasPrefix(rest, "<?"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				return append(out, "unterminated declaration")
			}
			out = append(out, "<!>")
			i += end + 1
		case len(rest) > 2 && rest[1] == '/' && letter(rest[2]), len(rest) > 1 && letter(rest[1]):
			tag, n := htmlTag(rest)
			out = append(out, tag)
			i += n
			name := strings.Trim(strings.Fields(tag + " ")[0], "<>")
			if name == "style" || name == "script" || name == "textarea" {
				end := strings.Index(lower[i:], "</"+name)
				if end < 0 {
					return append(out, "unterminated "+name)
				}
				out = append(out, "raw:"+doc[i:i+end])
				i += end
			}
		default:
			i++
		}
	}
	return out
}

// htmlTag reads one tag at the start of s and returns it as "<name a b>" and
// its length in bytes.
func htmlTag(s string) (string, int) {
	i := 1
	end := false
	if s[i] == '/' {
		end = true
		i++
	}
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	start := i
	for i < len(s) && !space(s[i]) && s[i] != '/' && s[i] != '>' {
		i++
	}
	name := strings.ToLower(s[start:i])
	var attrs []string
	for i < len(s) && s[i] != '>' {
		if space(s[i]) || s[i] == '/' {
			i++
			continue
		}
		a := i
		for i < len(s) && !space(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/' {
			i++
		}
		attrs = append(attrs, strings.ToLower(s[a:i]))
		for i < len(s) && space(s[i]) {
			i++
		}
		if i < len(s) && s[i] == '=' {
			i++
			for i < len(s) && space(s[i]) {
				i++
			}
			if i < len(s) && (s[i] == '"' || s[i] == '\'') {
				q := s[i]
				k := strings.IndexByte(s[i+1:], q)
				if k < 0 {
					return "unterminated attribute", len(s)
				}
				i += k + 2
			} else {
				for i < len(s) && !space(s[i]) && s[i] != '>' {
					i++
				}
			}
		}
	}
	if i < len(s) {
		i++ // '>'
	}
	if end {
		return "</" + name + ">", i
	}
	if len(attrs) == 0 {
		return "<" + name + ">", i
	}
	return "<" + name + " " + strings.Join(attrs, " ") + ">", i
}

// TestHTMLTags makes sure the structure check above can fail: an injected
// element, an injected attribute and a broken-out style sheet all change it.
func TestHTMLTags(t *testing.T) {
	base := `<p class="a">x &lt;b&gt; y</p><style>p{}</style>`
	cases := []struct{ name, doc string }{
		{"element", `<p class="a">x <b> y</p><style>p{}</style>`},
		{"attribute", `<p class="a" onclick="x">x &lt;b&gt; y</p><style>p{}</style>`},
		{"attribute breaking a quote", `<p class="a" x="" onclick="x">x &lt;b&gt; y</p><style>p{}</style>`},
		{"style", `<p class="a">x &lt;b&gt; y</p><style>p{}</style><style>x</style>`},
		{"style text", `<p class="a">x &lt;b&gt; y</p><style>p{color:red}</style>`},
		{"comment", `<p class="a">x <!-- y</p><style>p{}</style> -->`},
	}
	want := htmlTags(base)
	if got := fmt.Sprint(want); got != `[<p class> </p> <style> raw:p{} </style>]` {
		t.Fatalf("htmlTags(%q) = %s", base, got)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if reflect.DeepEqual(htmlTags(c.doc), want) {
				t.Errorf("htmlTags does not tell %q from %q", c.doc, base)
			}
		})
	}
}

// TestHTMLNoExternalReferences: nothing in a page may make a request, even
// one a browser would make without JavaScript.
func TestHTMLNoExternalReferences(t *testing.T) {
	pages := map[string]string{"audit": renderAuditHTML(t, htmlAuditDoc()), "audit-empty": renderAuditHTML(t, htmlEmptyAuditDoc())}
	for _, tc := range testCases() {
		pages[tc.name] = render(t, "html", Options{}, tc.res())
	}
	csp := `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'">`
	forbidden := regexp.MustCompile(`(?i)https?:|//[a-z0-9]|\bsrc\s*=|srcset|url\(|@import|<link|<script|<iframe|<object|<embed|<img|<base|<form|xlink:href`)
	href := regexp.MustCompile(`href="([^"]*)"`)
	for name, out := range pages {
		t.Run(name, func(t *testing.T) {
			if !strings.Contains(out, csp) {
				t.Error("the page lacks its Content-Security-Policy")
			}
			if m := forbidden.FindString(out); m != "" {
				t.Errorf("the page contains %q", m)
			}
			for _, m := range href.FindAllStringSubmatch(out, -1) {
				if !strings.HasPrefix(m[1], "#") {
					t.Errorf("link %q is not within the page", m[1])
				}
			}
		})
	}
}

// TestSVGCharts checks every chart with no, one and many data points: all
// coordinates finite and inside the viewBox, an accessible title and
// description, and the empty message exactly when there is nothing to draw.
func TestSVGCharts(t *testing.T) {
	sev := []svgSeries{{"CRITICAL", "sev-critical"}, {"HIGH", "sev-high"}, {"LOW", "sev-low"}}
	many := make([]svgStack, 365)
	for i := range many {
		many[i] = svgStack{Label: fmt.Sprintf("2026-%03d", i), Values: []int{i % 2, i % 5, i * 13 % 7}}
	}
	var manyItems []svgItem
	for i := 0; i < 50; i++ {
		manyItems = append(manyItems, svgItem{Label: strings.Repeat("deep/", 20) + strconv.Itoa(i) + ".py", Value: 1000 - i})
	}
	cases := []struct {
		name  string
		chart svgChart
		empty bool
		rects int // at least
	}{
		{"stacked none", svgStackedBars("a", "T", sev, nil, "none"), true, 0},
		{"stacked all zero", svgStackedBars("a", "T", sev, []svgStack{{"d1", []int{0, 0, 0}}, {"d2", nil}}, "none"), true, 0},
		{"stacked one", svgStackedBars("a", "T", sev, []svgStack{{"2026-W48", []int{1, 2, 0}}}, "none"), false, 2},
		{"stacked negative and extra values", svgStackedBars("a", "T", sev, []svgStack{{"d", []int{-4, 3, 1, 9}}}, "none"), false, 2},
		{"stacked many", svgStackedBars("a", "T", sev, many, "none"), false, 365},
		{"stacked huge", svgStackedBars("a", "T", sev, []svgStack{{"d", []int{math.MaxInt32, 1, 0}}}, "none"), false, 2},
		{"bars none", svgHorizontalBars("b", "T", nil, false, "none"), true, 0},
		{"bars one zero", svgHorizontalBars("b", "T", []svgItem{{Label: "CWE-89", Value: 0}}, false, "none"), false, 1},
		{"bars one", svgHorizontalBars("b", "T", []svgItem{{Label: "CWE-89", Value: 3}}, false, "none"), false, 1},
		{"bars many", svgHorizontalBars("b", "T", manyItems, true, "none"), false, 50},
		{"gauge", svgGauge("g", "T", 0.8, 0.5, false), false, 3},
		{"gauge NaN", svgGauge("g", "T", math.NaN(), math.NaN(), true), false, 3},
		{"gauge out of range", svgGauge("g", "T", math.Inf(1), -3, false), false, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ch := c.chart
			if ch.Title == "" || ch.Desc == "" || ch.Width <= 0 || ch.Height <= 0 {
				t.Errorf("title %q, desc %q, size %dx%d", ch.Title, ch.Desc, ch.Width, ch.Height)
			}
			if (ch.Empty != "") != c.empty {
				t.Errorf("empty message %q, want empty=%v", ch.Empty, c.empty)
			}
			if len(ch.Rects) < c.rects {
				t.Errorf("%d rects, want at least %d", len(ch.Rects), c.rects)
			}
			check := func(what, v string, limit int) {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < -0.5 || f > float64(limit)+0.5 {
					t.Errorf("%s = %q, not a number within 0..%d", what, v, limit)
				}
			}
			for _, r := range ch.Rects {
				check("rect x", r.X, ch.Width)
				check("rect y", r.Y, ch.Height)
				check("rect width", r.W, ch.Width)
				check("rect height", r.H, ch.Height)
			}
			for _, l := range ch.Lines {
				check("line x1", l.X1, ch.Width)
				check("line x2", l.X2, ch.Width)
				check("line y1", l.Y1, ch.Height)
				check("line y2", l.Y2, ch.Height)
			}
			for _, x := range ch.Texts {
				check("text x", x.X, ch.Width)
				check("text y", x.Y, ch.Height)
			}
		})
	}
	t.Run("labels thinned", func(t *testing.T) {
		ch := svgStackedBars("a", "T", sev, many, "none")
		labels := 0
		for _, x := range ch.Texts {
			if strings.HasPrefix(x.Text, "2026-") {
				labels++
			}
		}
		if labels == 0 || labels > 40 {
			t.Errorf("%d x labels for 365 bars", labels)
		}
	})
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1)} {
		if got := svgNum(f); got != "0" {
			t.Errorf("svgNum(%v) = %q, want 0", f, got)
		}
	}
	if got := svgNum(12.345); got != "12.3" {
		t.Errorf("svgNum(12.345) = %q", got)
	}
}

// TestHTMLPagesFinite renders pages whose numbers are not finite and checks
// every numeric SVG attribute on the page.
func TestHTMLPagesFinite(t *testing.T) {
	res := cleanResult()
	res.Score, res.Threshold = math.NaN(), math.Inf(1)
	pages := []string{render(t, "html", Options{}, res)}
	for _, c := range htmlAuditCases() {
		pages = append(pages, renderAuditHTML(t, c.doc()))
	}
	attr := regexp.MustCompile(`\s(x|y|x1|y1|x2|y2|width|height)="([^"]*)"`)
	for i, out := range pages {
		n := 0
		for _, m := range attr.FindAllStringSubmatch(out, -1) {
			n++
			if f, err := strconv.ParseFloat(m[2], 64); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				t.Errorf("page %d: %s=%q", i, m[1], m[2])
			}
		}
		if n == 0 {
			t.Errorf("page %d: no SVG coordinates found; the check checks nothing", i)
		}
	}
}

func TestHTMLVisible(t *testing.T) {
	cases := []struct {
		name, in  string
		multiline bool
		want      string
	}{
		{"plain", "a b", false, "a b"},
		{"collapse", " a \n\t b ", false, "a b"},
		{"bidi", "a\u202Eb", false, "a⟨U+202E⟩b"},
		{"escape", "\x1b[0m", false, "⟨U+001B⟩[0m"},
		{"zero width", "a\u200bb", false, "a⟨U+200B⟩b"},
		{"block keeps lines", "if x:\r\n\treturn 1\n", true, "if x:\n\treturn 1\n"},
		{"block lone CR", "a\rb", true, "a⟨U+000D⟩b"},
		{"block bidi", "x\u2067y", true, "x⟨U+2067⟩y"},
		{"markup is left to the template", "<b>&", false, "<b>&"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := htmlVisible(c.in, c.multiline); got != c.want {
				t.Errorf("htmlVisible(%q, %v) = %q, want %q", c.in, c.multiline, got, c.want)
			}
		})
	}
}
