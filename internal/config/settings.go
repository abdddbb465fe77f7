package config

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// Source says where a setting's value came from: "default",
// "config:<file>", "env:PATCHPATROL_X" or "flag:--x".
type Source string

// SourceDefault marks a value nobody set.
const SourceDefault Source = "default"

// ConfigSource is the source of a value read from a config file.
func ConfigSource(file string) Source { return Source("config:" + file) }

// EnvSource is the source of a value read from an environment variable.
func EnvSource(name string) Source { return Source("env:" + name) }

// FlagSource is the source of a value given as a flag, "x" or "--x".
func FlagSource(name string) Source { return Source("flag:--" + strings.TrimLeft(name, "-")) }

// rank orders sources by precedence. A value from a lower-ranked source never
// replaces one from a higher-ranked source, so Apply* and Set may be called
// in any order. Sources of any other form rank like flags.
func (src Source) rank() int {
	s := string(src)
	switch {
	case src == SourceDefault:
		return 0
	case strings.HasPrefix(s, "config:"):
		return 1
	case strings.HasPrefix(s, "env:"):
		return 2
	}
	return 3
}

// Escalation is the team's escalation threshold: a severity name, or a risk
// score in 0..1 when IsScore is set. The zero value means no escalation.
type Escalation struct {
	Severity finding.Severity // LOW..CRITICAL; None when unset or given as a score
	Score    float64          // meaningful when IsScore
	IsScore  bool
}

// IsZero reports whether no escalation threshold is set.
func (e Escalation) IsZero() bool { return !e.IsScore && e.Severity == finding.None }

// String renders "HIGH", "0.8" or "" for the zero value.
func (e Escalation) String() string {
	switch {
	case e.IsScore:
		return formatFloat(e.Score)
	case e.Severity == finding.None:
		return ""
	}
	return e.Severity.String()
}

// IgnoreRule is one [[patchpatrol.rules.ignore]] entry: findings of these
// rules (PatchPatrol ids, CWE-n or Bandit/Ruff codes, upper-cased; resolved
// against the catalog by review) do not count in files matching Path.
type IgnoreRule struct {
	Path  string
	Rules []string
}

// SecuritySettings is [patchpatrol.security].
type SecuritySettings struct {
	EnforceOWASPTop10    bool
	RequireCWEMapping    bool
	ComplianceFrameworks []string // SOC2, PCI-DSS, GDPR, HIPAA, ISO27001
}

// TeamSettings is [patchpatrol.team].
type TeamSettings struct {
	SecurityChampion    string
	EscalationThreshold Escalation
}

// PromptSettings is [patchpatrol.prompts].
type PromptSettings struct {
	CustomInstructions string
}

// MessageSettings is [patchpatrol.message], the commit-message checks.
type MessageSettings struct {
	MaxSubject        int
	MaxBody           int
	Conventional      bool
	ConventionalTypes []string
	CommentChar       string
}

// QualitySettings is [patchpatrol.quality].
type QualitySettings struct {
	MaxFunctionLines int
	MaxComplexity    int
	MaxChangedLines  int
	AllowPrintIn     []string // globs where print() is fine
}

// TaintSettings is [patchpatrol.taint]: the project's own taint sources and
// sanitizers for the Python engine.
type TaintSettings struct {
	Sources    []string            // qualified names whose results are request data
	Sanitizers map[string][]string // qualified name -> sink classes it protects
}

// RuleSettings is [patchpatrol.rules].
type RuleSettings struct {
	Disable  []string
	Severity map[string]finding.Severity
	Ignore   []IgnoreRule
}

// AISettings is [patchpatrol.ai], passed to the model provider.
type AISettings struct {
	Temperature   float64
	MaxNewTokens  int
	TopP          float64
	Timeout       time.Duration
	Concurrency   int
	ContextWindow int // 0: the model's own
}

// DependencySettings is [patchpatrol.dependencies], the dependency checks.
type DependencySettings struct {
	Allow             []string // names never reported as typo-squats
	OSVURL            string   // OSV API endpoint; "" is the public API
	Offline           bool     // advisories from the local database only
	RequireAdvisories bool     // in hard mode, exit 3 when advisories cannot be had
}

// Settings holds every effective setting. Sources maps each key ("threshold",
// "security.compliance_frameworks", "ai.timeout", ...) to where its value came
// from.
type Settings struct {
	Mode          review.Mode
	Threshold     float64
	SoftMode      bool
	Backend       string // "" (no model), ollama, openai, anthropic, gemini, llama
	Model         string
	Format        string // text, json, sarif, markdown, gitlab, html
	RequireAI     bool
	RedactSecrets bool
	MaxFileSize   int64 // bytes
	Exclude       []string
	Baseline      string

	// BaseURL and Env come from a repository only through ApplyUntrusted;
	// flags and the environment may set BaseURL directly.
	BaseURL string
	Env     map[string]string // [patchpatrol.env], e.g. gemini_api_key

	Security SecuritySettings
	Team     TeamSettings
	Prompts  PromptSettings
	Message  MessageSettings
	Quality  QualitySettings
	Taint    TaintSettings
	Rules    RuleSettings
	AI       AISettings

	Dependencies DependencySettings

	Sources map[string]Source
}

// Defaults returns the settings used when nothing is configured, every key
// sourced "default".
func Defaults() *Settings {
	s := &Settings{
		Mode:          review.ModeQuality,
		Threshold:     0.7,
		SoftMode:      true,
		Format:        "text",
		RedactSecrets: true,
		MaxFileSize:   1 << 20,
		Message: MessageSettings{
			MaxSubject: 72,
			MaxBody:    100,
			ConventionalTypes: []string{"feat", "fix", "docs", "style", "refactor", "perf", "test",
				"build", "ci", "chore", "revert"},
			CommentChar: "#",
		},
		Quality: QualitySettings{
			MaxFunctionLines: 60,
			MaxComplexity:    10,
			MaxChangedLines:  400,
			AllowPrintIn:     slices.Clone(rules.DefaultAllowPrintIn),
		},
		AI: AISettings{
			Temperature:  0.2,
			MaxNewTokens: 512,
			TopP:         0.9,
			Timeout:      60 * time.Second,
			Concurrency:  4,
		},
		Sources: make(map[string]Source),
	}
	for i := range specs {
		if specs[i].apply != nil {
			s.Sources[specs[i].key] = SourceDefault
		}
	}
	return s
}

// ApplyFile takes every trusted value of f, sourced "config:<file>". It
// leaves f.Untrusted alone. A nil f changes nothing.
func (s *Settings) ApplyFile(f *File) {
	if f == nil {
		return
	}
	src := f.Source()
	for _, v := range f.values {
		if sp := lookupSpec(v.key); sp != nil && sp.apply != nil {
			s.assign(sp, v.value, src)
		}
	}
}

// ApplyUntrusted takes the repository's base_url, [patchpatrol.env] and
// dependencies.osv_url. The
// CLI calls it only when the user trusts the repository (--trust-repo-config).
func (s *Settings) ApplyUntrusted(f *File) {
	if f == nil {
		return
	}
	src := f.Source()
	if f.Untrusted.BaseURL != "" {
		s.assign(lookupSpec("base_url"), f.Untrusted.BaseURL, src)
	}
	if len(f.Untrusted.Env) > 0 {
		s.assign(lookupSpec("env"), maps.Clone(f.Untrusted.Env), src)
	}
	if f.Untrusted.OSVURL != "" {
		s.assign(lookupSpec("dependencies.osv_url"), f.Untrusted.OSVURL, src)
	}
}

// envVars are the environment variables ApplyEnv reads, in order.
var envVars = [...]struct {
	name   string
	key    string
	invert bool
}{
	{"PATCHPATROL_MODE", "mode", false},
	{"PATCHPATROL_THRESHOLD", "threshold", false},
	{"PATCHPATROL_SOFT", "soft_mode", false},
	{"PATCHPATROL_HARD", "soft_mode", true},
	{"PATCHPATROL_BACKEND", "backend", false},
	{"PATCHPATROL_MODEL", "model", false},
	{"PATCHPATROL_FORMAT", "format", false},
	{"PATCHPATROL_REQUIRE_AI", "require_ai", false},
	{"PATCHPATROL_BASELINE", "baseline", false},
	{"PATCHPATROL_OSV_URL", "dependencies.osv_url", false},
}

// ConfigPathEnv names the environment variable that, like --config, points
// at an explicit config file.
const ConfigPathEnv = "PATCHPATROL_CONFIG"

// ExplicitPath returns the config path the user asked for: the --config flag
// value if set, else PATCHPATROL_CONFIG, else "" (discover).
func ExplicitPath(flagValue string, getenv func(string) string) string {
	if flagValue != "" || getenv == nil {
		return flagValue
	}
	return strings.TrimSpace(getenv(ConfigPathEnv))
}

// ApplyEnv reads the PATCHPATROL_* variables through getenv; an empty value
// counts as unset. Each bad value is an *Error naming the variable; good
// values are applied even when another variable is bad.
func (s *Settings) ApplyEnv(getenv func(string) string) error {
	if getenv == nil {
		return nil
	}
	var errs []error
	softFrom := ""
	softVal := false
	for _, ev := range envVars {
		raw := strings.TrimSpace(getenv(ev.name))
		if raw == "" {
			continue
		}
		sp := lookupSpec(ev.key)
		v, err := sp.fromText(raw)
		if err != nil {
			errs = append(errs, &Error{Key: ev.name, Message: err.Error(), Err: err})
			continue
		}
		if ev.invert {
			b, _ := v.(bool)
			v = !b
		}
		if ev.key == "soft_mode" {
			b, _ := v.(bool)
			if softFrom != "" && b != softVal {
				errs = append(errs, &Error{Key: ev.name, Message: "conflicts with " + softFrom +
					": set only one of PATCHPATROL_SOFT and PATCHPATROL_HARD"})
				continue
			}
			softFrom, softVal = ev.name, b
		}
		s.assign(sp, v, EnvSource(ev.name))
	}
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}

// Set gives key (a dotted key as in the config file, such as "threshold" or
// "ai.timeout") the value v from src; the CLI uses it for flags. v may be the
// setting's Go type (float64, bool, []string, time.Duration,
// finding.Severity, review.Mode, Escalation, []IgnoreRule, ...) or a string
// as typed on a command line. It validates like the config file and returns
// an *Error for an unknown key or a bad value; callers that validated already
// may ignore the result.
func (s *Settings) Set(key string, v any, src Source) error {
	sp := lookupSpec(key)
	if sp == nil || sp.apply == nil {
		msg := "unknown setting"
		if sug := suggest(key, settingKeys()); sug != "" {
			msg += " (did you mean `" + sug + "`?)"
		}
		return sourceError(src, key, nil, msg, nil)
	}
	v = normalizeGo(v)
	var err error
	if str, ok := v.(string); ok {
		v, err = sp.fromText(str)
	} else {
		v, err = sp.parse(v)
	}
	if err != nil {
		var ve *valueError
		var sub []seg
		if errors.As(err, &ve) {
			sub = ve.sub
		}
		return sourceError(src, key, sub, err.Error(), err)
	}
	s.assign(sp, v, src)
	return nil
}

// sourceError builds the *Error for a bad value from src: a flag or variable
// is named as such, a config value by file and key.
func sourceError(src Source, key string, sub []seg, msg string, cause error) *Error {
	e := &Error{Key: key, Message: msg, Err: cause}
	if len(sub) > 0 {
		e.Key = displayPath(join(keySegs(strings.Split(key, ".")...), sub...))
	}
	str := string(src)
	switch {
	case strings.HasPrefix(str, "flag:"):
		e.Key = strings.TrimPrefix(str, "flag:")
	case strings.HasPrefix(str, "env:"):
		e.Key = strings.TrimPrefix(str, "env:")
	case strings.HasPrefix(str, "config:"):
		e.File = strings.TrimPrefix(str, "config:")
	}
	return e
}

func (s *Settings) assign(sp *spec, v any, src Source) {
	if s.Sources == nil {
		s.Sources = make(map[string]Source)
	}
	if cur, ok := s.Sources[sp.key]; ok && cur.rank() > src.rank() {
		return
	}
	sp.apply(s, v)
	s.Sources[sp.key] = src
}

// settingKeys lists every key Set accepts.
func settingKeys() []string {
	var out []string
	for i := range specs {
		if specs[i].apply != nil {
			out = append(out, specs[i].key)
		}
	}
	return out
}

func cloneStrings(v any) []string {
	l, _ := v.([]string)
	return slices.Clone(l)
}
