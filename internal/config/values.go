package config

import (
	"fmt"
	"maps"
	"math"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/pathglob"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// textKind says how a string from the environment or a flag becomes a value.
type textKind int

const (
	textString textKind = iota
	textBool
	textNumber
	textList // comma-separated
)

// spec is one setting: its dotted key below [patchpatrol], how to validate
// and normalize a value, and where the value goes in Settings.
type spec struct {
	key   string
	text  textKind
	parse func(v any) (any, error)
	// apply stores a value parse returned. Nil for keys that are accepted
	// and ignored (device).
	apply func(s *Settings, v any)
	// elemKeys lists the keys of each table when the value is an array of
	// tables.
	elemKeys []string
}

func (sp *spec) fromText(raw string) (any, error) {
	var v any = raw
	switch sp.text {
	case textBool:
		switch strings.ToLower(strings.TrimSpace(raw)) {
		case "1", "true":
			v = true
		case "0", "false":
			v = false
		default:
			return nil, bad("must be 1, 0, true or false, got %s", describe(raw))
		}
	case textNumber:
		t := strings.TrimSpace(raw)
		if n, err := strconv.ParseInt(t, 10, 64); err == nil {
			v = n
		} else if f, err := strconv.ParseFloat(t, 64); err == nil {
			v = f
		}
	case textList:
		var l []any
		for _, p := range strings.Split(raw, ",") {
			if p = strings.TrimSpace(p); p != "" {
				l = append(l, p)
			}
		}
		v = l
	}
	return sp.parse(v)
}

// specs is the schema: every key PatchPatrol reads. It is never modified.
var specs = [...]spec{
	{key: "mode", parse: parseMode, apply: func(s *Settings, v any) { s.Mode, _ = v.(review.Mode) }},
	{key: "threshold", text: textNumber, parse: numberIn(0, 1),
		apply: func(s *Settings, v any) { s.Threshold, _ = v.(float64) }},
	{key: "soft_mode", text: textBool, parse: parseBool, apply: func(s *Settings, v any) { s.SoftMode, _ = v.(bool) }},
	{key: "backend", parse: parseBackend, apply: func(s *Settings, v any) { s.Backend, _ = v.(string) }},
	{key: "model", parse: parseString, apply: func(s *Settings, v any) { s.Model, _ = v.(string) }},
	{key: "device", parse: parseString},
	{key: "format", parse: parseFormat, apply: func(s *Settings, v any) { s.Format, _ = v.(string) }},
	{key: "require_ai", text: textBool, parse: parseBool, apply: func(s *Settings, v any) { s.RequireAI, _ = v.(bool) }},
	{key: "redact_secrets", text: textBool, parse: parseBool,
		apply: func(s *Settings, v any) { s.RedactSecrets, _ = v.(bool) }},
	{key: "max_file_size", text: textNumber, parse: intIn(1, math.MaxInt64, "a whole number of bytes greater than 0"),
		apply: func(s *Settings, v any) { s.MaxFileSize, _ = v.(int64) }},
	{key: "exclude", text: textList, parse: listOf("path globs", parseGlob),
		apply: func(s *Settings, v any) { s.Exclude = cloneStrings(v) }},
	{key: "baseline", parse: parsePath, apply: func(s *Settings, v any) { s.Baseline, _ = v.(string) }},
	{key: "base_url", parse: parseURL, apply: func(s *Settings, v any) { s.BaseURL, _ = v.(string) }},

	{key: "security.enforce_owasp_top10", text: textBool, parse: parseBool,
		apply: func(s *Settings, v any) { s.Security.EnforceOWASPTop10, _ = v.(bool) }},
	{key: "security.require_cwe_mapping", text: textBool, parse: parseBool,
		apply: func(s *Settings, v any) { s.Security.RequireCWEMapping, _ = v.(bool) }},
	{key: "security.compliance_frameworks", text: textList, parse: parseFrameworks,
		apply: func(s *Settings, v any) { s.Security.ComplianceFrameworks = cloneStrings(v) }},

	{key: "team.security_champion", parse: parseString,
		apply: func(s *Settings, v any) { s.Team.SecurityChampion, _ = v.(string) }},
	{key: "team.escalation_threshold", text: textNumber, parse: parseEscalation,
		apply: func(s *Settings, v any) { s.Team.EscalationThreshold, _ = v.(Escalation) }},

	{key: "prompts.custom_instructions", parse: parseString,
		apply: func(s *Settings, v any) { s.Prompts.CustomInstructions, _ = v.(string) }},

	{key: "env", parse: parseEnvTable, apply: func(s *Settings, v any) {
		m, _ := v.(map[string]string)
		s.Env = maps.Clone(m)
	}},

	{key: "message.max_subject", text: textNumber, parse: intIn(20, math.MaxInt32, "a whole number of at least 20"),
		apply: func(s *Settings, v any) { s.Message.MaxSubject = toInt(v) }},
	{key: "message.max_body", text: textNumber, parse: intIn(40, math.MaxInt32, "a whole number of at least 40"),
		apply: func(s *Settings, v any) { s.Message.MaxBody = toInt(v) }},
	{key: "message.conventional", text: textBool, parse: parseBool,
		apply: func(s *Settings, v any) { s.Message.Conventional, _ = v.(bool) }},
	{key: "message.conventional_types", text: textList, parse: listOf("commit types", parseCommitType),
		apply: func(s *Settings, v any) { s.Message.ConventionalTypes = cloneStrings(v) }},
	{key: "message.comment_char", parse: parseCommentChar,
		apply: func(s *Settings, v any) { s.Message.CommentChar, _ = v.(string) }},

	{key: "quality.max_function_lines", text: textNumber, parse: intIn(1, math.MaxInt32, "a whole number greater than 0"),
		apply: func(s *Settings, v any) { s.Quality.MaxFunctionLines = toInt(v) }},
	{key: "quality.max_complexity", text: textNumber, parse: intIn(1, math.MaxInt32, "a whole number greater than 0"),
		apply: func(s *Settings, v any) { s.Quality.MaxComplexity = toInt(v) }},
	{key: "quality.max_changed_lines", text: textNumber, parse: intIn(1, math.MaxInt32, "a whole number greater than 0"),
		apply: func(s *Settings, v any) { s.Quality.MaxChangedLines = toInt(v) }},
	{key: "quality.allow_print_in", text: textList, parse: listOf("path globs", parseGlob),
		apply: func(s *Settings, v any) { s.Quality.AllowPrintIn = cloneStrings(v) }},

	{key: "taint.sources", text: textList, parse: listOf("Python names", parseDottedName),
		apply: func(s *Settings, v any) { s.Taint.Sources = cloneStrings(v) }},
	{key: "taint.sanitizers", parse: parseSanitizerTable, apply: func(s *Settings, v any) {
		m, _ := v.(map[string][]string)
		s.Taint.Sanitizers = maps.Clone(m)
	}},

	{key: "rules.disable", text: textList, parse: listOf("rule ids", parseRuleID),
		apply: func(s *Settings, v any) { s.Rules.Disable = cloneStrings(v) }},
	{key: "rules.severity", parse: parseSeverityTable, apply: func(s *Settings, v any) {
		m, _ := v.(map[string]finding.Severity)
		s.Rules.Severity = maps.Clone(m)
	}},
	{key: "rules.ignore", parse: parseIgnore, elemKeys: []string{"path", "rules"}, apply: func(s *Settings, v any) {
		l, _ := v.([]IgnoreRule)
		s.Rules.Ignore = cloneIgnore(l)
	}},

	{key: "ai.temperature", text: textNumber, parse: numberIn(0, 2),
		apply: func(s *Settings, v any) { s.AI.Temperature, _ = v.(float64) }},
	{key: "ai.max_new_tokens", text: textNumber, parse: intIn(1, math.MaxInt32, "a whole number greater than 0"),
		apply: func(s *Settings, v any) { s.AI.MaxNewTokens = toInt(v) }},
	{key: "ai.top_p", text: textNumber, parse: numberIn(0, 1),
		apply: func(s *Settings, v any) { s.AI.TopP, _ = v.(float64) }},
	{key: "ai.timeout", parse: parseTimeout, apply: func(s *Settings, v any) { s.AI.Timeout, _ = v.(time.Duration) }},
	{key: "ai.concurrency", text: textNumber, parse: intIn(1, 16, "a whole number between 1 and 16"),
		apply: func(s *Settings, v any) { s.AI.Concurrency = toInt(v) }},
	{key: "ai.context_window", text: textNumber, parse: intIn(1, math.MaxInt32, "a whole number of tokens greater than 0"),
		apply: func(s *Settings, v any) { s.AI.ContextWindow = toInt(v) }},

	{key: "dependencies.allow", text: textList, parse: listOf("package names", parsePackageName),
		apply: func(s *Settings, v any) { s.Dependencies.Allow = cloneStrings(v) }},
	{key: "dependencies.osv_url", parse: parseURL, apply: func(s *Settings, v any) { s.Dependencies.OSVURL, _ = v.(string) }},
	{key: "dependencies.offline", text: textBool, parse: parseBool,
		apply: func(s *Settings, v any) { s.Dependencies.Offline, _ = v.(bool) }},
	{key: "dependencies.require_advisories", text: textBool, parse: parseBool,
		apply: func(s *Settings, v any) { s.Dependencies.RequireAdvisories, _ = v.(bool) }},
}

func lookupSpec(key string) *spec {
	for i := range specs {
		if specs[i].key == key {
			return &specs[i]
		}
	}
	return nil
}

func toInt(v any) int {
	n, _ := v.(int64)
	return int(n)
}

// valueError is a bad value; sub locates it inside the setting's value (an
// element of a list, a key of a table).
type valueError struct {
	sub []seg
	msg string
}

func (e *valueError) Error() string { return e.msg }

func bad(format string, args ...any) error {
	return &valueError{msg: fmt.Sprintf(format, args...)}
}

func badAt(sub []seg, err error) error {
	if ve, ok := err.(*valueError); ok {
		return &valueError{sub: join(sub, ve.sub...), msg: ve.msg}
	}
	return &valueError{sub: sub, msg: err.Error()}
}

// describe renders a value for "got ..." in a message.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nothing"
	case string:
		if utf8.RuneCountInString(x) > 60 {
			x = string([]rune(x)[:57]) + "..."
		}
		return strconv.Quote(x)
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return formatFloat(x)
	case time.Time:
		return "a date"
	case time.Duration:
		return x.String()
	case []any, []map[string]any, []string:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%v", v)
}

// formatFloat writes a float so that it reads as one: 20.0, 0.8, 1e+06.
func formatFloat(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEnN") {
		s += ".0"
	}
	return s
}

// normalizeGo turns the Go values the CLI passes to Set into the shapes the
// TOML decoder produces (int64, float64, []any, map[string]any).
func normalizeGo(v any) any {
	switch x := v.(type) {
	case nil, string, bool, int64, float64, time.Duration, time.Time, finding.Severity, Escalation,
		[]IgnoreRule, map[string]finding.Severity, []any, map[string]any, []map[string]any:
		return v
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out
	case map[string]string:
		out := make(map[string]any, len(x))
		for k, s := range x {
			out[k] = s
		}
		return out
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return rv.String()
	case reflect.Bool:
		return rv.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if u := rv.Uint(); u <= math.MaxInt64 {
			return int64(u)
		}
	case reflect.Float32, reflect.Float64:
		return rv.Float()
	}
	return v
}

func parseBool(v any) (any, error) {
	if b, ok := v.(bool); ok {
		return b, nil
	}
	return nil, bad("must be true or false, got %s", describe(v))
}

func parseString(v any) (any, error) {
	if s, ok := v.(string); ok {
		return s, nil
	}
	return nil, bad("must be a string, got %s", describe(v))
}

// asNumber reads an integer or a finite float.
func asNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, false
		}
		return x, true
	}
	return 0, false
}

func numberIn(lo, hi float64) func(any) (any, error) {
	return func(v any) (any, error) {
		if f, ok := asNumber(v); ok && f >= lo && f <= hi {
			return f, nil
		}
		return nil, bad("must be a number between %s and %s, got %s",
			strconv.FormatFloat(lo, 'g', -1, 64), strconv.FormatFloat(hi, 'g', -1, 64), describe(v))
	}
}

// intIn accepts an integer, or a float with no fractional part, in [lo, hi];
// want describes the range for the message.
func intIn(lo, hi int64, want string) func(any) (any, error) {
	return func(v any) (any, error) {
		var n int64
		switch x := v.(type) {
		case int64:
			n = x
		case float64:
			if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
				return nil, bad("must be %s, got %s", want, describe(v))
			}
			n = int64(x)
		default:
			return nil, bad("must be %s, got %s", want, describe(v))
		}
		if n < lo || n > hi {
			return nil, bad("must be %s, got %s", want, describe(v))
		}
		return n, nil
	}
}

// listOf validates a list of strings element by element; elem returns the
// normalized element.
func listOf(what string, elem func(string) (string, error)) func(any) (any, error) {
	return func(v any) (any, error) {
		l, ok := v.([]any)
		if !ok {
			if s, isString := v.(string); isString {
				return nil, bad("must be a list of %s, got %s: write [%s]", what, describe(v), strconv.Quote(s))
			}
			return nil, bad("must be a list of %s, got %s", what, describe(v))
		}
		out := make([]string, 0, len(l))
		for i, e := range l {
			s, ok := e.(string)
			if !ok {
				return nil, badAt([]seg{idxSeg(i)}, bad("must be a string, got %s", describe(e)))
			}
			n, err := elem(s)
			if err != nil {
				return nil, badAt([]seg{idxSeg(i)}, err)
			}
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
		return out, nil
	}
}

func parseMode(v any) (any, error) {
	if m, ok := v.(review.Mode); ok {
		v = string(m)
	}
	if s, ok := v.(string); ok {
		if m, err := review.ParseMode(s); err == nil {
			return m, nil
		}
	}
	return nil, bad(`must be "security" or "code-quality", got %s`, describe(v))
}

func parseBackend(v any) (any, error) {
	s, ok := v.(string)
	if !ok {
		return nil, bad("must be a string naming a backend, got %s", describe(v))
	}
	switch b := strings.ToLower(strings.TrimSpace(s)); b {
	case "ollama", "openai", "anthropic", "gemini", "llama":
		return b, nil
	case "llama.cpp", "llamacpp", "llama-cpp":
		return "llama", nil
	case "none":
		return "", nil
	case "onnx":
		return nil, bad(`the ONNX backend is not supported: PatchPatrol's built-in engine needs no model; ` +
			`for a local model use "ollama" or "llama" (a llama.cpp server), for a hosted one "openai", "anthropic" or "gemini"`)
	}
	return nil, bad("unknown backend %s: use one of ollama, openai, anthropic, gemini, llama (llama.cpp server) or none",
		describe(v))
}

func parseFormat(v any) (any, error) {
	if s, ok := v.(string); ok {
		switch f := strings.ToLower(strings.TrimSpace(s)); f {
		case "text", "json", "sarif", "markdown", "gitlab", "html":
			return f, nil
		}
	}
	return nil, bad("must be one of text, json, sarif, markdown, gitlab, html, got %s", describe(v))
}

func parseGlob(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", bad("empty path glob: remove it or write a pattern such as \"tests/**\"")
	}
	if !pathglob.Valid(s) {
		return "", bad("bad path glob %s: check its brackets and backslashes", describe(s))
	}
	return s, nil
}

func parsePath(v any) (any, error) {
	s, ok := v.(string)
	if !ok || strings.TrimSpace(s) == "" || strings.ContainsRune(s, 0) {
		return nil, bad("must be a file path, got %s", describe(v))
	}
	return s, nil
}

func parseURL(v any) (any, error) {
	s, ok := v.(string)
	if !ok {
		return nil, bad("must be an http or https URL, got %s", describe(v))
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, bad("must be an http or https URL such as \"http://localhost:11434\", got %s", describe(v))
	}
	return u.String(), nil
}

// frameworks are the compliance frameworks PatchPatrol maps findings to.
var frameworks = [...]string{"SOC2", "PCI-DSS", "GDPR", "HIPAA", "ISO27001"}

// squash drops case and separators so "pci dss" and "ISO 27001" match.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == ' ' {
			return -1
		}
		return unicode.ToUpper(r)
	}, s)
}

func parseFramework(s string) (string, error) {
	for _, f := range frameworks {
		if squash(s) == squash(f) {
			return f, nil
		}
	}
	return "", bad("unknown compliance framework %s: use %s", describe(s), strings.Join(frameworks[:], ", "))
}

var parseFrameworks = listOf("compliance frameworks", parseFramework)

// parseSeverityName reads LOW..CRITICAL. NONE is refused: turning a rule off
// is rules.disable.
func parseSeverityName(s string) (finding.Severity, error) {
	sev, err := finding.ParseSeverity(s)
	if err != nil || sev == finding.None {
		return finding.None, bad("must be LOW, MEDIUM, HIGH or CRITICAL, got %s", describe(s))
	}
	return sev, nil
}

func parseEscalation(v any) (any, error) {
	const want = "must be a severity (LOW, MEDIUM, HIGH or CRITICAL) or a risk score between 0 and 1, got %s"
	switch x := v.(type) {
	case Escalation:
		if x.IsScore && x.Score >= 0 && x.Score <= 1 || !x.IsScore && x.Severity > finding.None && x.Severity <= finding.Critical {
			return x, nil
		}
		return nil, bad(want, x.String())
	case finding.Severity:
		if x > finding.None && x <= finding.Critical {
			return Escalation{Severity: x}, nil
		}
	case string:
		if sev, err := parseSeverityName(x); err == nil {
			return Escalation{Severity: sev}, nil
		}
		if f, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err == nil && f >= 0 && f <= 1 {
			return Escalation{Score: f, IsScore: true}, nil
		}
	case int64, float64:
		if f, ok := asNumber(x); ok && f >= 0 && f <= 1 {
			return Escalation{Score: f, IsScore: true}, nil
		}
	}
	return nil, bad(want, describe(v))
}

func parseTimeout(v any) (any, error) {
	const want = `must be a duration such as "60s" or a number of seconds greater than 0, got %s`
	var d time.Duration
	switch x := v.(type) {
	case time.Duration:
		d = x
	case string:
		t := strings.TrimSpace(x)
		if p, err := time.ParseDuration(t); err == nil {
			d = p
		} else if f, err := strconv.ParseFloat(t, 64); err == nil && f > 0 && f < 1e9 {
			d = time.Duration(f * float64(time.Second))
		}
	case int64, float64:
		if f, ok := asNumber(x); ok && f > 0 && f < 1e9 {
			d = time.Duration(f * float64(time.Second))
		}
	}
	if d <= 0 {
		return nil, bad(want, describe(v))
	}
	return d, nil
}

func parseCommentChar(v any) (any, error) {
	s, ok := v.(string)
	if ok && utf8.RuneCountInString(s) == 1 && s != string(utf8.RuneError) {
		r, _ := utf8.DecodeRuneInString(s)
		if !unicode.IsSpace(r) && !unicode.IsControl(r) {
			return s, nil
		}
	}
	return nil, bad(`must be a single visible character such as "#" or ";", got %s`, describe(v))
}

func parseCommitType(s string) (string, error) {
	t := strings.TrimSpace(s)
	if t == "" || strings.ContainsAny(t, " \t:()!") {
		return "", bad("bad commit type %s: use a single word such as \"feat\" or \"fix\"", describe(s))
	}
	return t, nil
}

// ruleID is a PatchPatrol id (PP201), a CWE (CWE-89) or another tool's code
// (Bandit B608, Ruff S608).
var ruleID = regexp.MustCompile(`^(?:CWE-[0-9]+|[A-Z]+[0-9]+)$`)

func parseRuleID(s string) (string, error) {
	id := strings.ToUpper(strings.TrimSpace(s))
	if !ruleID.MatchString(id) {
		return "", bad("bad rule id %s: use a PatchPatrol id (PP201), a CWE (CWE-89) or a Bandit/Ruff code (B608, S608)",
			describe(s))
	}
	return id, nil
}

// dottedName matches a qualified Python name: "myapp.web.current_payload".
var dottedName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)

func parseDottedName(s string) (string, error) {
	t := strings.TrimSpace(s)
	if !dottedName.MatchString(t) {
		return "", bad("bad Python name %s: write the qualified name of a function or object, such as \"myapp.web.current_payload\"", describe(s))
	}
	return t, nil
}

// TaintClassNames are the sink classes a configured sanitizer may protect.
// The Python engine owns the vocabulary; a test keeps the two lists equal.
var TaintClassNames = []string{"all", "code", "cookie", "deserialization", "header", "html", "ldap", "log", "nosql",
	"path", "redirect", "regex", "shell", "sql", "ssrf", "template", "trust", "xml", "xpath"}

// parseSanitizerTable reads [patchpatrol.taint.sanitizers]: qualified
// function names mapped to the sink classes their result is safe for.
func parseSanitizerTable(v any) (any, error) {
	x, ok := v.(map[string]any)
	if !ok {
		return nil, bad("must be a table of function names to sink classes, such as { \"myapp.security.clean_sql\" = [\"sql\"] }, got %s", describe(v))
	}
	out := make(map[string][]string, len(x))
	for _, k := range slices.Sorted(maps.Keys(x)) {
		name, err := parseDottedName(k)
		if err != nil {
			return nil, badAt([]seg{keySeg(k)}, err)
		}
		l, ok := x[k].([]any)
		if !ok || len(l) == 0 {
			return nil, badAt([]seg{keySeg(k)}, bad("must be a non-empty list of sink classes (%s), got %s", strings.Join(TaintClassNames, ", "), describe(x[k])))
		}
		var classes []string
		for i, e := range l {
			c, _ := e.(string)
			c = strings.ToLower(strings.TrimSpace(c))
			if !slices.Contains(TaintClassNames, c) {
				return nil, badAt([]seg{keySeg(k), {idx: i}}, bad("unknown sink class %s: use one of %s", describe(e), strings.Join(TaintClassNames, ", ")))
			}
			classes = append(classes, c)
		}
		out[name] = classes
	}
	return out, nil
}

func parseSeverityTable(v any) (any, error) {
	switch x := v.(type) {
	case map[string]finding.Severity:
		out := make(map[string]finding.Severity, len(x))
		for _, k := range slices.Sorted(maps.Keys(x)) {
			id, err := parseRuleID(k)
			if err != nil {
				return nil, badAt([]seg{keySeg(k)}, err)
			}
			if x[k] <= finding.None || x[k] > finding.Critical {
				return nil, badAt([]seg{keySeg(k)}, bad("must be LOW, MEDIUM, HIGH or CRITICAL, got %s", x[k]))
			}
			out[id] = x[k]
		}
		return out, nil
	case map[string]any:
		out := make(map[string]finding.Severity, len(x))
		for _, k := range slices.Sorted(maps.Keys(x)) {
			id, err := parseRuleID(k)
			if err != nil {
				return nil, badAt([]seg{keySeg(k)}, err)
			}
			name, ok := x[k].(string)
			if !ok {
				return nil, badAt([]seg{keySeg(k)}, bad("must be LOW, MEDIUM, HIGH or CRITICAL, got %s", describe(x[k])))
			}
			sev, err := parseSeverityName(name)
			if err != nil {
				return nil, badAt([]seg{keySeg(k)}, err)
			}
			out[id] = sev
		}
		return out, nil
	}
	return nil, bad(`must be a table of rule id = severity, such as { PP201 = "LOW" }, got %s`, describe(v))
}

// tablesOf returns the tables of an array of tables, whether written as
// [[...]] or as an inline array; ok is false for anything else.
func tablesOf(v any) ([]map[string]any, bool) {
	switch x := v.(type) {
	case []map[string]any:
		return x, true
	case []any:
		out := make([]map[string]any, 0, len(x))
		for _, e := range x {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, false
			}
			out = append(out, m)
		}
		return out, true
	}
	return nil, false
}

var parseRuleIDs = listOf("rule ids", parseRuleID)

// packageName is a distribution name as PEP 508 allows it.
var packageName = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$`)

func parsePackageName(s string) (string, error) {
	n := strings.TrimSpace(s)
	if !packageName.MatchString(n) {
		return "", bad("bad package name %s: use the name as published on PyPI, such as \"requests-oauthlib\"", describe(s))
	}
	return n, nil
}

func parseIgnore(v any) (any, error) {
	if l, ok := v.([]IgnoreRule); ok {
		var out []IgnoreRule
		for i, r := range l {
			rules := make([]any, len(r.Rules))
			for j, id := range r.Rules {
				rules[j] = id
			}
			n, err := parseIgnoreEntry(map[string]any{"path": r.Path, "rules": rules})
			if err != nil {
				return nil, badAt([]seg{idxSeg(i)}, err)
			}
			out = append(out, n)
		}
		return out, nil
	}
	tables, ok := tablesOf(v)
	if !ok {
		return nil, bad(`must be a list of tables such as [[patchpatrol.rules.ignore]] with path and rules, got %s`, describe(v))
	}
	out := make([]IgnoreRule, 0, len(tables))
	for i, t := range tables {
		n, err := parseIgnoreEntry(t)
		if err != nil {
			return nil, badAt([]seg{idxSeg(i)}, err)
		}
		out = append(out, n)
	}
	return out, nil
}

func parseIgnoreEntry(t map[string]any) (IgnoreRule, error) {
	p, ok := t["path"]
	if !ok {
		return IgnoreRule{}, bad(`missing path: add path = "glob" naming the files the rules are ignored in`)
	}
	ps, ok := p.(string)
	if !ok {
		return IgnoreRule{}, badAt([]seg{keySeg("path")}, bad("must be a path glob, got %s", describe(p)))
	}
	glob, err := parseGlob(ps)
	if err != nil {
		return IgnoreRule{}, badAt([]seg{keySeg("path")}, err)
	}
	r, ok := t["rules"]
	if !ok {
		return IgnoreRule{}, bad(`missing rules: add rules = ["PP201"]; to skip whole files use exclude`)
	}
	ids, err := parseRuleIDs(r)
	if err != nil {
		return IgnoreRule{}, badAt([]seg{keySeg("rules")}, err)
	}
	l := cloneStrings(ids)
	if len(l) == 0 {
		return IgnoreRule{}, badAt([]seg{keySeg("rules")},
			bad(`must name at least one rule, such as ["PP201"]; to skip whole files use exclude`))
	}
	return IgnoreRule{Path: glob, Rules: l}, nil
}

func cloneIgnore(l []IgnoreRule) []IgnoreRule {
	if l == nil {
		return nil
	}
	out := make([]IgnoreRule, len(l))
	for i, r := range l {
		out[i] = IgnoreRule{Path: r.Path, Rules: slices.Clone(r.Rules)}
	}
	return out
}

func parseEnvTable(v any) (any, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, bad(`must be a table of names and strings, got %s`, describe(v))
	}
	out := make(map[string]string, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		s, ok := m[k].(string)
		if !ok {
			return nil, badAt([]seg{keySeg(k)}, bad("must be a string, got %s", describe(m[k])))
		}
		out[k] = s
	}
	return out, nil
}
