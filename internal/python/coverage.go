package python

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// Sinks and checks of the rules that complete the coverage of Bandit's and
// CodeQL's classes (PP217–PP228, PP306).

// infoSinks are the responses that must not carry exception details.
var infoSinks = map[string]bool{
	"flask.jsonify": true, "flask.make_response": true, "flask.Response": true, "werkzeug.wrappers.Response": true,
	"django.http.HttpResponse": true, "django.http.JsonResponse": true, "django.http.HttpResponseBadRequest": true,
	"django.http.HttpResponseServerError": true, "starlette.responses.JSONResponse": true, "starlette.responses.HTMLResponse": true,
	"starlette.responses.PlainTextResponse": true, "fastapi.responses.JSONResponse": true, "fastapi.responses.HTMLResponse": true,
	"fastapi.responses.PlainTextResponse": true, "aiohttp.web.Response": true, "aiohttp.web.json_response": true,
	"pyramid.response.Response": true, "fastapi.HTTPException": true, "starlette.exceptions.HTTPException": true,
	"rest_framework.response.Response": true, "sanic.response.json": true, "sanic.response.text": true,
	"quart.jsonify": true, "quart.make_response": true, "bottle.HTTPResponse": true, "falcon.HTTPBadRequest": true,
}

var (
	storedName    = regexp.MustCompile(`(?i)(^|_|\.)(password|passwd|pwd|passphrase|credit_?card|card_number|cvv|ssn)$`)
	sensitiveName = regexp.MustCompile(`(?i)(^|_|\.)(password|passwd|pwd|passphrase|secret|secret_key|token|access_token|refresh_token|api_?key|private_key|credit_?card|card_number|cvv|ssn)$`)
	hostLike      = regexp.MustCompile(`(?i)^[a-z0-9-]+(\.[a-z0-9-]+)+$`)
	urlName       = regexp.MustCompile(`(?i)(url|uri|host|domain|origin|referr?er|redirect|next|link|target|callback|netloc|return_to)`)
	scriptFilter  = regexp.MustCompile(`(?i)(<\\?/?script|(?:^|[^a-z]|\\[sb])on(?:\\w|\[a-z\]|\[a-z0-9\]|\[a-za-z\])[+*]|\bon[a-z]+\s*=|javascript:)`)
	wildcardCmd   = regexp.MustCompile(`(?:^|[;&|]\s*)(?:sudo\s+)?(tar|chown|chmod|rsync|zip|7z)\b[^;&|]*\s[^\s;&|'"]*\*`)
)

// checkCoverage runs the coverage rules on one call.
func (a *batch) checkCoverage(f *frame, c *call) {
	q := c.qual
	t := f.t
	if infoSinks[q] {
		vals := append([]*Value{}, c.pos...)
		for _, v := range c.kw {
			vals = append(vals, v)
		}
		for _, v := range vals {
			a.reportInfo(f, c.node, v)
		}
	}
	if q == "lxml.etree.XMLParser" || q == "lxml.etree.HTMLParser" || q == "lxml.html.HTMLParser" {
		if v, ok := c.kw["huge_tree"]; ok && v.Const == true {
			a.report(f.m, c.node, rules.XMLBomb, finding.Medium, finding.ConfidenceHigh,
				"huge_tree=True turns off libxml2's limits on entity expansion and depth", nil)
		}
	}
	// PP219: requests without a timeout.
	if strings.Count(q, ".") == 1 && strings.HasPrefix(q, "requests.") || strings.HasPrefix(c.recv.qual(), "requests.Session()") || strings.HasPrefix(c.recv.qual(), "requests.session()") {
		switch c.name() {
		case "get", "post", "put", "patch", "delete", "head", "options", "request":
			if _, ok := c.kw["timeout"]; !ok && c.kw["**"] == nil {
				a.report(f.m, c.node, rules.RequestWithoutTimeout, finding.Low, finding.ConfidenceHigh,
					describeCallee(f, c)+" has no timeout and can hang forever", nil)
			}
		}
	}
	// PP220 and PP224: constant patterns of the re module.
	if strings.HasPrefix(q, "re.") || strings.HasPrefix(q, "regex.") {
		if p, _ := c.arg(0, "pattern"); p != nil {
			if pat, ok := p.Str(); ok {
				if nestedQuantifier(pat) {
					a.report(f.m, c.node, rules.ReDoS, finding.Medium, finding.ConfidenceMedium,
						fmt.Sprintf("pattern %q nests quantifiers: matching can take exponential time", truncateStr(pat, 60)), nil)
				}
				if (strings.HasSuffix(q, ".sub") || strings.HasSuffix(q, ".compile") || strings.HasSuffix(q, ".subn")) && scriptFilter.MatchString(pat) {
					a.report(f.m, c.node, rules.BadHTMLFilter, finding.Medium, finding.ConfidenceMedium,
						"a regular expression filters HTML; it will miss variants of the tag", nil)
				}
			}
		}
	}
	// PP221: secrets in logs.
	if strings.HasPrefix(q, "logging.") && isLogLevel(c.name()) || c.recv != nil && isLogLevel(c.method) && isLogger(f, c) ||
		q == "builtins.print" && !isTestPath(f.m.Path) {
		for _, n := range c.posNodes {
			if name := sensitiveExpr(t, n); name != "" {
				a.report(f.m, c.node, rules.SensitiveDataLogged, finding.Medium, finding.ConfidenceMedium,
					fmt.Sprintf("%s is written to the log", name), nil)
				break
			}
		}
	}
	// PP222 and PP225: cookies.
	if c.method == "set_cookie" {
		key, _ := c.arg(0, "key")
		val, valNode := c.arg(1, "value")
		if name := storedExpr(t, valNode); name != "" {
			a.report(f.m, c.node, rules.SensitiveDataStored, finding.Medium, finding.ConfidenceMedium,
				name+" is stored in a cookie in clear text", nil)
		} else if k, _ := key.Str(); storedName.MatchString(k) && val != nil && val.Const == nil {
			a.report(f.m, c.node, rules.SensitiveDataStored, finding.Medium, finding.ConfidenceMedium,
				fmt.Sprintf("the %q cookie holds a credential in clear text", k), nil)
		}
		for _, v := range []*Value{key, val} {
			if _, signed := c.kw["secret"]; signed && v == val && f.m.frameworks["bottle"] {
				break // Bottle signs and encodes the value: it cannot add attributes
			}
			if v != nil && v.Taint.Remote()&ClassCookie != 0 {
				a.reportTaint(f, f.m, c.node, &sinkSpec{rule: rules.CookieInjection, class: ClassCookie, what: "set_cookie()"}, ClassCookie, v, nil)
				break
			}
		}
	}
	if c.method == "write" && c.recv != nil && c.recv.Qual == "@file" && len(c.posNodes) > 0 {
		if name := storedExpr(t, c.posNodes[0]); name != "" {
			a.report(f.m, c.node, rules.SensitiveDataStored, finding.Medium, finding.ConfidenceMedium,
				name+" is written to a file in clear text", nil)
		}
	}
	// PP226: models and datasets without a pinned revision.
	switch c.name() {
	case "from_pretrained", "hf_hub_download", "snapshot_download", "load_dataset":
		if importsPrefix(f.m, "transformers", "huggingface_hub", "datasets", "diffusers", "sentence_transformers") {
			_, pinned := c.kw["revision"]
			if repo, _ := c.arg(0, "repo_id"); repo != nil && !pinned {
				if id, ok := repo.Str(); ok {
					if strings.Count(id, "/") == 1 && !localModelPath(id) {
						a.report(f.m, c.node, rules.UnpinnedModelDownload, finding.Medium, finding.ConfidenceMedium,
							fmt.Sprintf("%q is downloaded without a pinned revision", id), nil)
					}
				} else if repo.Const == nil && !repo.Norm && repo.Qual != "@path" && !localModelPath(repo.Prefix) {
					// A repository chosen at run time: whatever it names is
					// fetched at its latest revision.
					a.report(f.m, c.node, rules.UnpinnedModelDownload, finding.Medium, finding.ConfidenceLow,
						fmt.Sprintf("%s names a repository chosen at run time, downloaded without a pinned revision", describe(t, c.posNodesOr(0, "repo_id"))), nil)
				}
			}
		}
	}
	// PP228: wildcards in shell commands.
	switch {
	case q == "os.system" || q == "os.popen" || q == "subprocess.getoutput" || q == "subprocess.getstatusoutput",
		strings.HasPrefix(q, "subprocess.") && shellTrue(c):
		if cmd, _ := c.arg(0, "args"); cmd != nil {
			text, ok := cmd.Str()
			if !ok {
				text = cmd.Prefix
			}
			if wildcardCmd.MatchString(text) {
				a.report(f.m, c.node, rules.WildcardInjection, finding.Low, finding.ConfidenceMedium,
					"the shell expands * into file names that the command may read as options", nil)
			}
		}
	}
	if c.method == "pam_authenticate" && f.fn != nil && !strings.Contains(f.t.Text(f.fn.Node), "pam_acct_mgmt") {
		a.report(f.m, c.node, rules.PAMWithoutAccountCheck, finding.High, finding.ConfidenceMedium,
			"pam_authenticate without pam_acct_mgmt lets expired or locked accounts in", nil)
	}
	// PP306: clear-text protocols.
	switch q {
	case "telnetlib.Telnet", "telnetlib3.open_connection":
		a.report(f.m, c.node, rules.CleartextProtocol, finding.Medium, finding.ConfidenceHigh, "Telnet sends credentials and data in clear text", nil)
	case "ftplib.FTP":
		a.report(f.m, c.node, rules.CleartextProtocol, finding.Medium, finding.ConfidenceHigh, "FTP sends credentials and data in clear text", nil)
	case "pysnmp.hlapi.CommunityData", "pysnmp.entity.rfc3413.oneliner.cmdgen.CommunityData":
		a.report(f.m, c.node, rules.CleartextProtocol, finding.Medium, finding.ConfidenceHigh, "SNMPv1/v2c community strings travel in clear text", nil)
	case "pysnmp.hlapi.UsmUserData":
		_, auth := c.kw["authKey"]
		_, priv := c.kw["privKey"]
		if !auth && len(c.pos) < 2 || !priv && len(c.pos) < 3 {
			a.report(f.m, c.node, rules.CleartextProtocol, finding.Medium, finding.ConfidenceMedium, "SNMPv3 without authentication and privacy keys is not encrypted", nil)
		}
	case "logging.config.listen":
		a.report(f.m, c.node, rules.CodeEvaluated, finding.Medium, finding.ConfidenceHigh,
			"logging.config.listen() accepts configuration over a socket, which can run code", nil)
	}
}

func (v *Value) qual() string {
	if v == nil {
		return ""
	}
	return v.Qual
}

func isLogLevel(m string) bool {
	switch m {
	case "debug", "info", "warning", "warn", "error", "critical", "exception", "fatal", "log":
		return true
	}
	return false
}

// sensitiveExpr returns the name of a password-like value an argument
// prints as is (a name, an attribute, a subscript, or inside an f-string),
// or "".
func sensitiveExpr(t *Tree, id NodeID) string {
	if id == None {
		return ""
	}
	id = t.Unparen(id)
	switch t.Kind(id) {
	case KindIdentifier, KindAttribute:
		txt := t.Text(id)
		if sensitiveName.MatchString(txt) {
			return txt
		}
	case KindSubscript:
		if k, ok := t.StringValue(t.Child(id, FieldSubscript)); ok && sensitiveName.MatchString(k) {
			return t.Text(id)
		}
	case KindString:
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			if t.Kind(c) == KindInterpolation {
				if name := sensitiveExpr(t, t.Child(c, FieldExpression)); name != "" {
					return name
				}
			}
		}
	}
	return ""
}

// reportInfo reports exception details that reach a response.
func (a *batch) reportInfo(f *frame, node NodeID, v *Value) {
	if v == nil {
		return
	}
	d := v.derived()
	if d.Taint.Remote()&ClassInfo != 0 {
		a.reportTaint(f, f.m, node, &sinkSpec{rule: rules.StackTraceExposure, class: ClassInfo, what: "the response"}, ClassInfo, d, nil)
	}
}

// nestedQuantifier reports a regular expression with a repeated group
// whose body repeats too: the shape of catastrophic backtracking.
func nestedQuantifier(pat string) bool {
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		return false
	}
	var unbounded func(r *syntax.Regexp) bool
	unbounded = func(r *syntax.Regexp) bool {
		switch r.Op {
		case syntax.OpStar, syntax.OpPlus:
			return true
		case syntax.OpRepeat:
			if r.Max == -1 || r.Max > 10 {
				return true
			}
		}
		for _, s := range r.Sub {
			if unbounded(s) {
				return true
			}
		}
		return false
	}
	var walk func(r *syntax.Regexp) bool
	walk = func(r *syntax.Regexp) bool {
		switch r.Op {
		case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
			if r.Op != syntax.OpRepeat || r.Max == -1 || r.Max > 10 {
				for _, s := range r.Sub {
					if s.Op == syntax.OpCapture || s.Op == syntax.OpConcat || s.Op == syntax.OpAlternate {
						if unbounded(s) && !separatedRepeats(s) {
							return true
						}
					}
				}
			}
		}
		for _, s := range r.Sub {
			if walk(s) {
				return true
			}
		}
		return false
	}
	return walk(re)
}

// separatedRepeats reports whether each turn of a repeated group is marked
// off by a required character that its inner repetitions cannot match, as
// in (?:\.[a-z]+)* or ([a-z]+,)*: the input then splits into turns one way
// only, and matching is linear.
func separatedRepeats(body *syntax.Regexp) bool {
	for body.Op == syntax.OpCapture && len(body.Sub) == 1 {
		body = body.Sub[0]
	}
	if body.Op != syntax.OpConcat || len(body.Sub) < 2 {
		return false
	}
	var seps [][]rune
	for _, e := range []*syntax.Regexp{body.Sub[0], body.Sub[len(body.Sub)-1]} {
		if set, ok := charSet(e); ok {
			seps = append(seps, set)
		}
	}
	if len(seps) == 0 {
		return false
	}
	var prev []rune // the previous element's set when it is a repetition
	for _, e := range body.Sub {
		switch e.Op {
		case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat, syntax.OpQuest:
			set, ok := charSet(e.Sub[0])
			if !ok {
				return false // a complex inner repetition: assume the worst
			}
			if prev != nil && !disjointRanges(prev, set) {
				return false // \s*[^,]*: one turn splits many ways
			}
			prev = set
			disjointFromOne := false
			for _, sep := range seps {
				if disjointRanges(set, sep) {
					disjointFromOne = true
				}
			}
			if !disjointFromOne {
				return false
			}
		default:
			prev = nil
		}
	}
	return true
}

// charSet returns the characters a single-character node matches, as
// rune ranges (lo, hi pairs).
func charSet(r *syntax.Regexp) ([]rune, bool) {
	switch r.Op {
	case syntax.OpLiteral:
		if len(r.Rune) != 1 || r.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []rune{r.Rune[0], r.Rune[0]}, true
	case syntax.OpCharClass:
		return r.Rune, true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return []rune{0, 0x10FFFF}, true
	}
	return nil, false
}

func disjointRanges(a, b []rune) bool {
	for i := 0; i+1 < len(a); i += 2 {
		for j := 0; j+1 < len(b); j += 2 {
			if a[i] <= b[j+1] && b[j] <= a[i+1] {
				return false
			}
		}
	}
	return true
}

func truncateStr(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// checkURLComparison reports URL checks done with substrings (PP223).
func (a *batch) checkURLComparison(f *frame, id NodeID, operands []NodeID, ops []string) {
	t := f.t
	if len(operands) != 2 || len(ops) != 1 || ops[0] != "in" {
		return
	}
	host, ok := t.StringValue(operands[0])
	if !ok || !hostLike.MatchString(host) || !urlName.MatchString(t.Text(operands[1])) {
		return
	}
	a.report(f.m, id, rules.IncompleteURLCheck, finding.Medium, finding.ConfidenceMedium,
		fmt.Sprintf("%q in %s also holds for https://%s.evil.example and ?next=%s", host, describe(t, operands[1]), host, host), nil)
}

// checkURLPrefix reports startswith/endswith host checks (PP223).
func (a *batch) checkURLPrefix(f *frame, c *call) {
	if c.method != "startswith" && c.method != "endswith" || len(c.pos) != 1 {
		return
	}
	arg, ok := c.pos[0].Str()
	if !ok || !urlName.MatchString(f.t.Text(f.t.Child(c.fnNode, FieldObject))) {
		return
	}
	switch c.method {
	case "startswith":
		if rest, ok := strings.CutPrefix(strings.ToLower(arg), "https://"); ok || strings.HasPrefix(strings.ToLower(arg), "http://") {
			if !ok {
				rest = arg[len("http://"):]
			}
			if hostLike.MatchString(rest) {
				a.report(f.m, c.node, rules.IncompleteURLCheck, finding.Medium, finding.ConfidenceMedium,
					fmt.Sprintf("startswith(%q) also accepts %s.evil.example; end the prefix with \"/\"", arg, arg), nil)
			}
		}
	case "endswith":
		if hostLike.MatchString(arg) && !strings.HasPrefix(arg, ".") {
			a.report(f.m, c.node, rules.IncompleteURLCheck, finding.Medium, finding.ConfidenceMedium,
				fmt.Sprintf("endswith(%q) also accepts evil%s; compare the hostname exactly or check for \".%s\"", arg, arg, arg), nil)
		}
	}
}

// bidiControls are the Unicode bidirectional embedding, override and
// isolate characters (PP227).
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// trojanSource reports lines holding bidirectional control characters.
func trojanSource(m *Module) []finding.Finding {
	src := m.Tree.Src
	if !containsBidi(src) {
		return nil
	}
	var out []finding.Finding
	for line := 1; line <= m.Tree.LineCount(); line++ {
		text := m.Tree.LineText(line)
		for col, r := range text {
			if isBidiControl(r) {
				f := rules.TrojanSource.NewFinding(m.Path, line, col+1,
					fmt.Sprintf("U+%04X changes how the line displays: it may not do what it looks like", r))
				f.Engine = "builtin"
				f.Snippet = strings.Map(func(r rune) rune {
					if isBidiControl(r) {
						return '?'
					}
					return r
				}, text)
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// containsBidi is a fast check: every bidi control starts with 0xE2 in UTF-8.
func containsBidi(src []byte) bool {
	for i := 0; i+2 < len(src); i++ {
		if src[i] == 0xE2 && (src[i+1] == 0x80 || src[i+1] == 0x81) {
			if r, _ := utf8.DecodeRune(src[i:]); isBidiControl(r) {
				return true
			}
		}
	}
	return false
}

// storedExpr is sensitiveExpr for what must never be stored in clear text:
// passwords and card data.
func storedExpr(t *Tree, id NodeID) string {
	name := sensitiveExpr(t, id)
	if name == "" || !storedName.MatchString(name) {
		return ""
	}
	return name
}

// localModelPath reports a model name that is a local path, not a Hub
// repository.
func localModelPath(id string) bool {
	return strings.HasPrefix(id, ".") || strings.HasPrefix(id, "/") || strings.HasPrefix(id, "~")
}
