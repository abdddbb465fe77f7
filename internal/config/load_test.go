package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// writeRepo creates a temporary repository root holding the given files.
func writeRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadString loads body as the repository's .patchpatrol.toml.
func loadString(t *testing.T, body string) (*File, []Warning, error) {
	t.Helper()
	return Load(writeRepo(t, map[string]string{FileName: body}), "")
}

func TestOriginalExamples(t *testing.T) {
	t.Run("basic", func(t *testing.T) {
		f, warns, err := Load(".", filepath.Join("testdata", "original-basic.toml"))
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		s := Defaults()
		s.ApplyFile(f)
		if s.Backend != "gemini" || s.Model != "gemini-2.0-flash-exp" || s.Threshold != 0.8 || s.SoftMode {
			t.Errorf("settings = backend %q model %q threshold %v soft %v", s.Backend, s.Model, s.Threshold, s.SoftMode)
		}
		if s.Prompts.CustomInstructions != "Focus on security and performance..." {
			t.Errorf("custom_instructions = %q", s.Prompts.CustomInstructions)
		}
		if len(s.Env) != 0 {
			t.Errorf("ApplyFile took repository credentials: %v", s.Env)
		}
		if got := f.Untrusted.Env["gemini_api_key"]; got != "your-api-key" {
			t.Errorf("Untrusted.Env[gemini_api_key] = %q", got)
		}
		wantWarn := map[string]int{"patchpatrol.device": 5, "patchpatrol.env": 11}
		if len(warns) != len(wantWarn) {
			t.Fatalf("warnings = %v, want %d", warns, len(wantWarn))
		}
		for _, w := range warns {
			if line, ok := wantWarn[w.Key]; !ok || w.Line != line {
				t.Errorf("unexpected warning %s", w)
			}
		}
		if !strings.Contains(warns[0].Message, "ignored") || !strings.Contains(warns[1].Message, "credentials are ignored") {
			t.Errorf("warning texts: %q / %q", warns[0].Message, warns[1].Message)
		}
	})
	t.Run("security", func(t *testing.T) {
		f, warns, err := Load(".", filepath.Join("testdata", "original-security.toml"))
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		if len(warns) != 0 {
			t.Errorf("warnings: %v", warns)
		}
		s := Defaults()
		s.ApplyFile(f)
		if s.Mode != review.ModeSecurity || s.Threshold != 0.7 || s.Backend != "gemini" || s.Model != "cloud" {
			t.Errorf("settings = %+v", s)
		}
		if !s.Security.EnforceOWASPTop10 || !s.Security.RequireCWEMapping {
			t.Errorf("security = %+v", s.Security)
		}
		if want := []string{"SOC2", "PCI-DSS", "GDPR", "HIPAA"}; !reflect.DeepEqual(s.Security.ComplianceFrameworks, want) {
			t.Errorf("frameworks = %v", s.Security.ComplianceFrameworks)
		}
		if s.Team.SecurityChampion != "@security-team" || s.Team.EscalationThreshold != (Escalation{Severity: finding.High}) {
			t.Errorf("team = %+v", s.Team)
		}
		src := ConfigSource(filepath.Join("testdata", "original-security.toml"))
		if s.Sources["team.escalation_threshold"] != src || s.Sources["format"] != SourceDefault {
			t.Errorf("sources: %v", s.Sources)
		}
	})
}

// TestEveryKey loads one valid value for every key and checks where it lands.
func TestEveryKey(t *testing.T) {
	cases := []struct {
		name string
		key  string
		body string // after "[patchpatrol]\n"
		get  func(*Settings) any
		want any
	}{
		{"mode security", "mode", `mode = "security"`, func(s *Settings) any { return s.Mode }, review.ModeSecurity},
		{"mode code-quality", "mode", `mode = "code-quality"`, func(s *Settings) any { return s.Mode }, review.ModeQuality},
		{"mode quality alias", "mode", `mode = "quality"`, func(s *Settings) any { return s.Mode }, review.ModeQuality},
		{"threshold float", "threshold", `threshold = 0.25`, func(s *Settings) any { return s.Threshold }, 0.25},
		{"threshold int", "threshold", `threshold = 1`, func(s *Settings) any { return s.Threshold }, 1.0},
		{"threshold zero", "threshold", `threshold = 0`, func(s *Settings) any { return s.Threshold }, 0.0},
		{"soft_mode", "soft_mode", `soft_mode = true`, func(s *Settings) any { return s.SoftMode }, true},
		{"backend ollama", "backend", `backend = "ollama"`, func(s *Settings) any { return s.Backend }, "ollama"},
		{"backend openai", "backend", `backend = "openai"`, func(s *Settings) any { return s.Backend }, "openai"},
		{"backend anthropic", "backend", `backend = "Anthropic"`, func(s *Settings) any { return s.Backend }, "anthropic"},
		{"backend llama", "backend", `backend = "llama"`, func(s *Settings) any { return s.Backend }, "llama"},
		{"backend llama.cpp", "backend", `backend = "llama.cpp"`, func(s *Settings) any { return s.Backend }, "llama"},
		{"model", "model", `model = "qwen2.5-coder:7b"`, func(s *Settings) any { return s.Model }, "qwen2.5-coder:7b"},
		{"format sarif", "format", `format = "sarif"`, func(s *Settings) any { return s.Format }, "sarif"},
		{"format markdown", "format", `format = "markdown"`, func(s *Settings) any { return s.Format }, "markdown"},
		{"require_ai", "require_ai", `require_ai = true`, func(s *Settings) any { return s.RequireAI }, true},
		{"redact_secrets off", "redact_secrets", `redact_secrets = false`, func(s *Settings) any { return s.RedactSecrets }, false},
		{"max_file_size", "max_file_size", `max_file_size = 2_097_152`, func(s *Settings) any { return s.MaxFileSize }, int64(2097152)},
		{"max_file_size whole float", "max_file_size", `max_file_size = 1e6`, func(s *Settings) any { return s.MaxFileSize }, int64(1000000)},
		{"exclude", "exclude", `exclude = ["vendor/**", "*.min.js", "vendor/**"]`,
			func(s *Settings) any { return s.Exclude }, []string{"vendor/**", "*.min.js"}},
		{"baseline", "baseline", `baseline = ".patchpatrol-baseline.json"`,
			func(s *Settings) any { return s.Baseline }, ".patchpatrol-baseline.json"},
		{"enforce_owasp_top10", "security.enforce_owasp_top10", "[patchpatrol.security]\nenforce_owasp_top10 = true",
			func(s *Settings) any { return s.Security.EnforceOWASPTop10 }, true},
		{"require_cwe_mapping", "security.require_cwe_mapping", "[patchpatrol.security]\nrequire_cwe_mapping = true",
			func(s *Settings) any { return s.Security.RequireCWEMapping }, true},
		{"compliance normalized", "security.compliance_frameworks",
			"[patchpatrol.security]\ncompliance_frameworks = [\"soc2\", \"pci dss\", \"Iso27001\", \"hipaa\", \"gdpr\"]",
			func(s *Settings) any { return s.Security.ComplianceFrameworks },
			[]string{"SOC2", "PCI-DSS", "ISO27001", "HIPAA", "GDPR"}},
		{"security_champion", "team.security_champion", "[patchpatrol.team]\nsecurity_champion = \"@alice\"",
			func(s *Settings) any { return s.Team.SecurityChampion }, "@alice"},
		{"escalation name", "team.escalation_threshold", "[patchpatrol.team]\nescalation_threshold = \"critical\"",
			func(s *Settings) any { return s.Team.EscalationThreshold }, Escalation{Severity: finding.Critical}},
		{"escalation score", "team.escalation_threshold", "[patchpatrol.team]\nescalation_threshold = 0.85",
			func(s *Settings) any { return s.Team.EscalationThreshold }, Escalation{Score: 0.85, IsScore: true}},
		{"escalation score int", "team.escalation_threshold", "[patchpatrol.team]\nescalation_threshold = 1",
			func(s *Settings) any { return s.Team.EscalationThreshold }, Escalation{Score: 1, IsScore: true}},
		{"custom_instructions", "prompts.custom_instructions", "[patchpatrol.prompts]\ncustom_instructions = '''\nBe brief.\n'''",
			func(s *Settings) any { return s.Prompts.CustomInstructions }, "Be brief.\n"},
		{"max_subject", "message.max_subject", "[patchpatrol.message]\nmax_subject = 50",
			func(s *Settings) any { return s.Message.MaxSubject }, 50},
		{"max_body", "message.max_body", "[patchpatrol.message]\nmax_body = 100",
			func(s *Settings) any { return s.Message.MaxBody }, 100},
		{"conventional", "message.conventional", "[patchpatrol.message]\nconventional = true",
			func(s *Settings) any { return s.Message.Conventional }, true},
		{"conventional_types", "message.conventional_types", "[patchpatrol.message]\nconventional_types = [\"feat\", \"fix\", \"sec\"]",
			func(s *Settings) any { return s.Message.ConventionalTypes }, []string{"feat", "fix", "sec"}},
		{"comment_char", "message.comment_char", "[patchpatrol.message]\ncomment_char = \";\"",
			func(s *Settings) any { return s.Message.CommentChar }, ";"},
		{"max_function_lines", "quality.max_function_lines", "[patchpatrol.quality]\nmax_function_lines = 80",
			func(s *Settings) any { return s.Quality.MaxFunctionLines }, 80},
		{"max_complexity", "quality.max_complexity", "[patchpatrol.quality]\nmax_complexity = 15",
			func(s *Settings) any { return s.Quality.MaxComplexity }, 15},
		{"max_changed_lines", "quality.max_changed_lines", "[patchpatrol.quality]\nmax_changed_lines = 1000",
			func(s *Settings) any { return s.Quality.MaxChangedLines }, 1000},
		{"allow_print_in", "quality.allow_print_in", "[patchpatrol.quality]\nallow_print_in = [\"tools/**\"]",
			func(s *Settings) any { return s.Quality.AllowPrintIn }, []string{"tools/**"}},
		{"allow_print_in empty", "quality.allow_print_in", "[patchpatrol.quality]\nallow_print_in = []",
			func(s *Settings) any { return s.Quality.AllowPrintIn }, []string{}},
		{"rules.disable", "rules.disable", "[patchpatrol.rules]\ndisable = [\"PP201\", \"cwe-89\", \"B608\", \"s608\"]",
			func(s *Settings) any { return s.Rules.Disable }, []string{"PP201", "CWE-89", "B608", "S608"}},
		{"rules.severity", "rules.severity", "[patchpatrol.rules.severity]\nPP201 = \"low\"\nCWE-798 = \"CRITICAL\"",
			func(s *Settings) any { return s.Rules.Severity },
			map[string]finding.Severity{"PP201": finding.Low, "CWE-798": finding.Critical}},
		{"rules.ignore tables", "rules.ignore",
			"[[patchpatrol.rules.ignore]]\npath = \"tests/**\"\nrules = [\"PP201\", \"CWE-89\"]\n" +
				"[[patchpatrol.rules.ignore]]\npath = \"scripts/*.py\"\nrules = [\"B602\"]",
			func(s *Settings) any { return s.Rules.Ignore },
			[]IgnoreRule{{Path: "tests/**", Rules: []string{"PP201", "CWE-89"}}, {Path: "scripts/*.py", Rules: []string{"B602"}}}},
		{"rules.ignore inline", "rules.ignore", "rules.ignore = [{ path = \"a/**\", rules = [\"pp101\"] }]",
			func(s *Settings) any { return s.Rules.Ignore }, []IgnoreRule{{Path: "a/**", Rules: []string{"PP101"}}}},
		{"ai.temperature", "ai.temperature", "[patchpatrol.ai]\ntemperature = 1.5",
			func(s *Settings) any { return s.AI.Temperature }, 1.5},
		{"ai.max_new_tokens", "ai.max_new_tokens", "[patchpatrol.ai]\nmax_new_tokens = 1024",
			func(s *Settings) any { return s.AI.MaxNewTokens }, 1024},
		{"ai.top_p", "ai.top_p", "[patchpatrol.ai]\ntop_p = 0.5",
			func(s *Settings) any { return s.AI.TopP }, 0.5},
		{"ai.timeout string", "ai.timeout", "[patchpatrol.ai]\ntimeout = \"2m30s\"",
			func(s *Settings) any { return s.AI.Timeout }, 150 * time.Second},
		{"ai.timeout seconds", "ai.timeout", "[patchpatrol.ai]\ntimeout = 45",
			func(s *Settings) any { return s.AI.Timeout }, 45 * time.Second},
		{"ai.timeout fractional", "ai.timeout", "[patchpatrol.ai]\ntimeout = 1.5",
			func(s *Settings) any { return s.AI.Timeout }, 1500 * time.Millisecond},
		{"ai.concurrency", "ai.concurrency", "[patchpatrol.ai]\nconcurrency = 16",
			func(s *Settings) any { return s.AI.Concurrency }, 16},
		{"ai.context_window", "ai.context_window", "[patchpatrol.ai]\ncontext_window = 32768",
			func(s *Settings) any { return s.AI.ContextWindow }, 32768},
		{"dotted key", "security.enforce_owasp_top10", "security.enforce_owasp_top10 = true",
			func(s *Settings) any { return s.Security.EnforceOWASPTop10 }, true},
		{"inline table", "ai.concurrency", "ai = { concurrency = 2 }",
			func(s *Settings) any { return s.AI.Concurrency }, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, warns, err := loadString(t, "[patchpatrol]\n"+tc.body+"\n")
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if len(warns) != 0 {
				t.Errorf("warnings: %v", warns)
			}
			if _, ok := f.Lookup(tc.key); !ok {
				t.Errorf("File.Lookup(%q) found nothing; keys %v", tc.key, f.Keys())
			}
			s := Defaults()
			s.ApplyFile(f)
			if got := tc.get(s); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s = %#v, want %#v", tc.key, got, tc.want)
			}
			if s.Sources[tc.key] != ConfigSource(FileName) {
				t.Errorf("Sources[%s] = %q", tc.key, s.Sources[tc.key])
			}
		})
	}
}

func TestUntrustedKeys(t *testing.T) {
	f, warns, err := loadString(t, "[patchpatrol]\nbase_url = \"http://evil.example:8080/v1\"\n"+
		"[patchpatrol.env]\nopenai_api_key = \"sk-test\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if f.Untrusted.BaseURL != "http://evil.example:8080/v1" || f.Untrusted.Env["openai_api_key"] != "sk-test" {
		t.Fatalf("Untrusted = %+v", f.Untrusted)
	}
	if len(warns) != 2 || warns[0].Line != 2 || warns[1].Line != 3 {
		t.Errorf("warnings = %v", warns)
	}
	for _, w := range warns {
		if strings.Contains(w.String(), "sk-test") {
			t.Errorf("warning leaks the credential: %s", w)
		}
	}
	s := Defaults()
	s.ApplyFile(f)
	if s.BaseURL != "" || len(s.Env) != 0 {
		t.Fatalf("ApplyFile applied untrusted values: %q %v", s.BaseURL, s.Env)
	}
	s.ApplyUntrusted(f)
	if s.BaseURL != "http://evil.example:8080/v1" || s.Env["openai_api_key"] != "sk-test" {
		t.Errorf("ApplyUntrusted: %q %v", s.BaseURL, s.Env)
	}
	if s.Sources["base_url"] != ConfigSource(FileName) || s.Sources["env"] != ConfigSource(FileName) {
		t.Errorf("sources %q %q", s.Sources["base_url"], s.Sources["env"])
	}
	// A flag beats the repository even when ApplyUntrusted runs later.
	s2 := Defaults()
	if err := s2.Set("base_url", "http://localhost:11434", FlagSource("base-url")); err != nil {
		t.Fatal(err)
	}
	s2.ApplyUntrusted(f)
	if s2.BaseURL != "http://localhost:11434" {
		t.Errorf("repository base_url replaced the flag: %q", s2.BaseURL)
	}
}

// TestInvalidValues checks the message, key and line of every kind of bad
// value. Line 1 is [patchpatrol].
func TestInvalidValues(t *testing.T) {
	cases := []struct {
		name     string
		body     string
		wantKey  string
		wantLine int
		wantMsg  string
	}{
		{"threshold string", `threshold = "high"`, "threshold", 2, `must be a number between 0 and 1, got "high"`},
		{"threshold too big", `threshold = 1.5`, "threshold", 2, `must be a number between 0 and 1, got 1.5`},
		{"threshold negative", "\n\nthreshold = -1", "threshold", 4, `got -1`},
		{"threshold nan", `threshold = nan`, "threshold", 2, `got NaN`},
		{"mode", `mode = "strict"`, "mode", 2, `must be "security" or "code-quality", got "strict"`},
		{"soft_mode string", `soft_mode = "false"`, "soft_mode", 2, `must be true or false, got "false"`},
		{"backend onnx", `backend = "onnx"`, "backend", 2, `the ONNX backend is not supported`},
		{"backend unknown", `backend = "bard"`, "backend", 2, `unknown backend "bard": use one of ollama`},
		{"model number", `model = 7`, "model", 2, `must be a string, got 7`},
		{"device number", `device = 0`, "device", 2, `must be a string, got 0`},
		{"format", `format = "pdf"`, "format", 2, `must be one of text, json, sarif, markdown, gitlab, html, got "pdf"`},
		{"require_ai", `require_ai = 1`, "require_ai", 2, `must be true or false, got 1`},
		{"redact_secrets", `redact_secrets = "no"`, "redact_secrets", 2, `must be true or false`},
		{"max_file_size zero", `max_file_size = 0`, "max_file_size", 2, `must be a whole number of bytes greater than 0, got 0`},
		{"max_file_size fraction", `max_file_size = 1.5`, "max_file_size", 2, `got 1.5`},
		{"max_file_size string", `max_file_size = "1MB"`, "max_file_size", 2, `got "1MB"`},
		{"exclude string", `exclude = "vendor"`, "exclude", 2, `must be a list of path globs, got "vendor": write ["vendor"]`},
		{"exclude bad glob", "exclude = [\n  \"ok/**\",\n  \"bad[\",\n]", "exclude[1]", 4, `bad path glob "bad["`},
		{"exclude non-string", `exclude = ["a", 3]`, "exclude[1]", 2, `must be a string, got 3`},
		{"baseline absolute", `baseline = "/etc/passwd"`, "baseline", 2, `must be a relative path inside the repository`},
		{"baseline escapes", `baseline = "../other/baseline.json"`, "baseline", 2, `inside the repository`},
		{"base_url", `base_url = "ftp://x"`, "base_url", 2, `must be an http or https URL`},
		{"security table inside", "[patchpatrol.security]\nenforce_owasp_top10 = \"yes\"",
			"security.enforce_owasp_top10", 3, `must be true or false, got "yes"`},
		{"framework unknown", "[patchpatrol.security]\nrequire_cwe_mapping = true\ncompliance_frameworks = [\"SOC2\", \"FedRAMP\"]",
			"security.compliance_frameworks[1]", 4, `unknown compliance framework "FedRAMP": use SOC2, PCI-DSS, GDPR, HIPAA, ISO27001`},
		{"dotted key", "model = \"m\"\nsecurity.require_cwe_mapping = \"true\"",
			"security.require_cwe_mapping", 3, `must be true or false`},
		{"inline table", "soft_mode = true\nteam = { security_champion = \"@a\", escalation_threshold = \"urgent\" }",
			"team.escalation_threshold", 3, `must be a severity (LOW, MEDIUM, HIGH or CRITICAL) or a risk score between 0 and 1, got "urgent"`},
		{"escalation out of range", "[patchpatrol.team]\nescalation_threshold = 7", "team.escalation_threshold", 3, `got 7`},
		{"escalation none", "[patchpatrol.team]\nescalation_threshold = \"NONE\"", "team.escalation_threshold", 3, `got "NONE"`},
		{"table as scalar", `security = true`, "security", 2, `must be a table, [patchpatrol.security], got true`},
		{"scalar as table", "[patchpatrol.threshold]\nx = 1", "threshold", 2, `must be a number between 0 and 1, got a table`},
		{"env non-string", "[patchpatrol.env]\nkey = 1", "env.key", 3, `must be a string, got 1`},
		{"max_subject small", "[patchpatrol.message]\nmax_subject = 10", "message.max_subject", 3, `at least 20, got 10`},
		{"max_body small", "[patchpatrol.message]\nmax_body = 39", "message.max_body", 3, `at least 40, got 39`},
		{"comment_char long", "[patchpatrol.message]\ncomment_char = \"##\"", "message.comment_char", 3, `single visible character`},
		{"comment_char space", "[patchpatrol.message]\ncomment_char = \" \"", "message.comment_char", 3, `single visible character`},
		{"conventional_types", "[patchpatrol.message]\nconventional_types = [\"feat\", \"bug fix\"]",
			"message.conventional_types[1]", 3, `bad commit type "bug fix"`},
		{"max_complexity zero", "[patchpatrol.quality]\nmax_complexity = 0", "quality.max_complexity", 3, `greater than 0, got 0`},
		{"max_function_lines", "[patchpatrol.quality]\nmax_function_lines = -5", "quality.max_function_lines", 3, `got -5`},
		{"max_changed_lines", "[patchpatrol.quality]\nmax_changed_lines = true", "quality.max_changed_lines", 3, `got true`},
		{"allow_print_in glob", "[patchpatrol.quality]\nallow_print_in = [\"\"]", "quality.allow_print_in[0]", 3, `empty path glob`},
		{"disable bad id", "[patchpatrol.rules]\ndisable = [\"PP201\", \"sql-injection\"]", "rules.disable[1]", 3,
			`bad rule id "sql-injection": use a PatchPatrol id (PP201), a CWE (CWE-89) or a Bandit/Ruff code (B608, S608)`},
		{"severity bad name", "[patchpatrol.rules.severity]\nPP201 = \"LOW\"\nPP202 = \"severe\"", "rules.severity.PP202", 4,
			`must be LOW, MEDIUM, HIGH or CRITICAL, got "severe"`},
		{"severity bad id", "[patchpatrol.rules]\nseverity = { \"PP-1\" = \"LOW\" }", "rules.severity.PP-1", 3, `bad rule id "PP-1"`},
		{"ignore second entry", "[[patchpatrol.rules.ignore]]\npath = \"a/**\"\nrules = [\"PP1\"]\n\n" +
			"[[patchpatrol.rules.ignore]]\npath = \"b/**\"\nrules = [\"PP1\", \"nope\"]",
			"rules.ignore[1].rules[1]", 8, `bad rule id "nope"`},
		{"ignore missing rules", "[[patchpatrol.rules.ignore]]\npath = \"a/**\"", "rules.ignore[0]", 2, `missing rules`},
		{"ignore empty rules", "[[patchpatrol.rules.ignore]]\npath = \"a/**\"\nrules = []", "rules.ignore[0].rules", 4,
			`at least one rule`},
		{"ignore bad path", "[[patchpatrol.rules.ignore]]\nrules = [\"PP1\"]\npath = 3", "rules.ignore[0].path", 4,
			`must be a path glob, got 3`},
		{"ignore not tables", "[patchpatrol.rules]\nignore = \"tests\"", "rules.ignore", 3, `must be a list of tables`},
		{"temperature", "[patchpatrol.ai]\ntemperature = 2.5", "ai.temperature", 3, `between 0 and 2, got 2.5`},
		{"max_new_tokens", "[patchpatrol.ai]\nmax_new_tokens = 0", "ai.max_new_tokens", 3, `greater than 0, got 0`},
		{"top_p", "[patchpatrol.ai]\ntop_p = -0.1", "ai.top_p", 3, `between 0 and 1, got -0.1`},
		{"timeout", "[patchpatrol.ai]\ntimeout = \"soon\"", "ai.timeout", 3, `must be a duration such as "60s"`},
		{"timeout zero", "[patchpatrol.ai]\ntimeout = 0", "ai.timeout", 3, `got 0`},
		{"concurrency", "[patchpatrol.ai]\nconcurrency = 17", "ai.concurrency", 3, `between 1 and 16, got 17`},
		{"context_window", "[patchpatrol.ai]\ncontext_window = \"big\"", "ai.context_window", 3, `got "big"`},
		{"date", `threshold = 2024-01-01`, "threshold", 2, `got a date`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, _, err := loadString(t, "[patchpatrol]\n"+tc.body+"\n")
			if err == nil {
				t.Fatalf("Load succeeded with %v", f.Keys())
			}
			if f != nil {
				t.Errorf("Load returned a File with an error")
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %T %v is not *Error", err, err)
			}
			if ce.File != FileName || ce.Key != tc.wantKey || ce.Line != tc.wantLine {
				t.Errorf("got %s:%d key %q, want %s:%d key %q (%v)", ce.File, ce.Line, ce.Key, FileName, tc.wantLine, tc.wantKey, ce)
			}
			if !strings.Contains(ce.Message, tc.wantMsg) {
				t.Errorf("message %q lacks %q", ce.Message, tc.wantMsg)
			}
		})
	}
}

func TestErrorText(t *testing.T) {
	body := "[patchpatrol]\n" + strings.Repeat("# comment\n", 10) + "threshold = \"high\"\n"
	_, _, err := loadString(t, body)
	want := `.patchpatrol.toml:12: threshold: must be a number between 0 and 1, got "high"`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}

func TestSeveralErrors(t *testing.T) {
	_, _, err := loadString(t, "[patchpatrol]\nthreshold = 3\nmode = \"x\"\n[patchpatrol.ai]\ntop_p = 9\n")
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 errors, got %q", err)
	}
	for i, want := range []string{":2: threshold:", ":3: mode:", ":5: ai.top_p:"} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("error %d = %q, want %q", i, lines[i], want)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	cases := []struct {
		name     string
		body     string
		wantLine int
	}{
		{"missing equals", "[patchpatrol]\nthreshold 0.8\n", 2},
		{"unterminated string", "[patchpatrol]\nmodel = \"x\n", 2},
		{"duplicate key", "[patchpatrol]\nmode = \"security\"\n\nmode = \"security\"\n", 4},
		{"bad header", "[patchpatrol\n", 1},
		{"crlf missing value", "[patchpatrol]\r\nmodel = \r\n", 2},
		{"unclosed array", "[patchpatrol]\nexclude = [\"a\",\n\"b\",\n", 3}, // the last line with text
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := loadString(t, tc.body)
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v is not *Error", err)
			}
			if ce.Line != tc.wantLine || ce.File != FileName || !strings.Contains(ce.Message, "invalid TOML") {
				t.Errorf("got %v, want line %d", ce, tc.wantLine)
			}
		})
	}
}

func TestUnknownKeys(t *testing.T) {
	cases := []struct {
		name     string
		body     string
		wantKey  string
		wantLine int
		wantMsg  string
	}{
		{"typo top", "[patchpatrol]\nthresold = 0.5", "patchpatrol.thresold", 2, "(did you mean `threshold`?)"},
		{"case", "[patchpatrol]\nThreshold = 0.5", "patchpatrol.Threshold", 2, "(did you mean `threshold`?)"},
		{"dash", "[patchpatrol]\nsoft-mode = true", "patchpatrol.soft-mode", 2, "(did you mean `soft_mode`?)"},
		{"typo nested", "[patchpatrol]\nmode = \"security\"\n[patchpatrol.security]\nenforce_owasp_top_10 = true",
			"patchpatrol.security.enforce_owasp_top_10", 4, "(did you mean `enforce_owasp_top10`?)"},
		{"table typo", "[patchpatrol.secrity]\nrequire_cwe_mapping = true", "patchpatrol.secrity", 1, "(did you mean `security`?)"},
		{"dotted typo", "[patchpatrol]\nai.temprature = 0.1", "patchpatrol.ai.temprature", 2, "(did you mean `temperature`?)"},
		{"wrong table", "[patchpatrol.security]\nthreshold = 0.5", "patchpatrol.security.threshold", 2,
			"`threshold` belongs in [patchpatrol]"},
		{"no suggestion", "[patchpatrol]\ncolour = \"auto\"", "patchpatrol.colour", 2, "unknown key, ignored"},
		{"inside inline table", "[patchpatrol]\nmode = \"security\"\nai = { top_p = 0.5, temprature = 1 }",
			"patchpatrol.ai.temprature", 3, "(did you mean `temperature`?)"},
		{"ignore entry", "[[patchpatrol.rules.ignore]]\npath = \"a\"\nrules = [\"PP1\"]\n[[patchpatrol.rules.ignore]]\n" +
			"paths = \"b\"\npath = \"b\"\nrules = [\"PP2\"]", "patchpatrol.rules.ignore[1].paths", 5, "(did you mean `path`?)"},
		{"top level setting", "threshold = 0.5\n[patchpatrol]\nmode = \"security\"", "threshold", 1,
			"settings belong in the [patchpatrol] table"},
		{"top level typo", "[patchpatrl]\nmode = \"security\"", "patchpatrl", 1, "(did you mean `patchpatrol`?)"},
		{"pyproject style", "[tool.patchpatrol]\nmode = \"security\"", "tool.patchpatrol", 1, "the table is [patchpatrol]"},
		{"other top level", "[other]\nx = 1", "other", 1, "PatchPatrol reads only the [patchpatrol] table"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, warns, err := loadString(t, tc.body+"\n")
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if f == nil {
				t.Fatal("nil File")
			}
			if len(warns) != 1 {
				t.Fatalf("warnings = %v, want 1", warns)
			}
			w := warns[0]
			if w.File != FileName || w.Key != tc.wantKey || w.Line != tc.wantLine || !strings.Contains(w.Message, tc.wantMsg) {
				t.Errorf("warning %q (line %d key %q), want line %d key %q containing %q", w, w.Line, w.Key, tc.wantLine, tc.wantKey, tc.wantMsg)
			}
		})
	}
}

func TestDiscovery(t *testing.T) {
	const pp = "[patchpatrol]\nthreshold = 0.9\n"
	const py = "[project]\nname = \"x\"\n\n[tool.ruff]\nline-length = 100\n\n[tool.patchpatrol]\nthreshold = 0.4\n" +
		"[tool.patchpatrol.security]\nenforce_owasp_top10 = true\n"
	cases := []struct {
		name          string
		files         map[string]string
		explicit      string // relative to the repository
		wantName      string // "" means nil File
		wantThreshold float64
		wantWarnKey   string
		wantWarnLine  int
		wantErr       string
	}{
		{name: "nothing", files: nil},
		{name: "patchpatrol only", files: map[string]string{FileName: pp}, wantName: FileName, wantThreshold: 0.9},
		{name: "pyproject only", files: map[string]string{PyprojectName: py}, wantName: PyprojectName, wantThreshold: 0.4},
		{name: "pyproject without table", files: map[string]string{PyprojectName: "[project]\nname = \"x\"\n"}},
		{name: "pyproject near miss", files: map[string]string{PyprojectName: "[tool.patchpatro]\nthreshold = 0.1\n"},
			wantWarnKey: "tool.patchpatro", wantWarnLine: 1},
		{name: "both", files: map[string]string{FileName: pp, PyprojectName: py}, wantName: FileName, wantThreshold: 0.9,
			wantWarnKey: "tool.patchpatrol", wantWarnLine: 7},
		{name: "both, pyproject broken", files: map[string]string{FileName: pp, PyprojectName: "[tool\n"},
			wantName: FileName, wantThreshold: 0.9},
		{name: "both, pyproject without table", files: map[string]string{FileName: pp, PyprojectName: "[project]\n"},
			wantName: FileName, wantThreshold: 0.9},
		{name: "explicit wins", files: map[string]string{FileName: pp, "ci.toml": "[patchpatrol]\nthreshold = 0.1\n"},
			explicit: "ci.toml", wantName: "ci.toml", wantThreshold: 0.1},
		{name: "explicit pyproject", files: map[string]string{PyprojectName: py}, explicit: PyprojectName,
			wantName: PyprojectName, wantThreshold: 0.4},
		{name: "explicit pyproject without table", files: map[string]string{PyprojectName: "[project]\n"},
			explicit: PyprojectName, wantWarnKey: "tool.patchpatrol"},
		{name: "explicit missing", files: map[string]string{FileName: pp}, explicit: "nope.toml", wantErr: "config file not found"},
		{name: "pyproject error has its line", files: map[string]string{PyprojectName: py + "[tool.patchpatrol.ai]\nconcurrency = 0\n"},
			wantErr: "pyproject.toml:12: ai.concurrency: must be a whole number between 1 and 16, got 0"},
		{name: "discovered broken", files: map[string]string{FileName: "[patchpatrol\n"}, wantErr: ".patchpatrol.toml:1: invalid TOML"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			root := writeRepo(t, tc.files)
			explicit := ""
			if tc.explicit != "" {
				explicit = filepath.Join(root, tc.explicit)
			}
			f, warns, err := Load(root, explicit)
			if tc.wantErr != "" {
				var ce *Error
				if !errors.As(err, &ce) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v, want *Error containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if tc.wantName == "" {
				if f != nil {
					t.Fatalf("File = %s, want none", f.Name)
				}
			} else {
				if f == nil {
					t.Fatal("no File")
				}
				if filepath.Base(f.Name) != tc.wantName {
					t.Errorf("Name = %q, want %q", f.Name, tc.wantName)
				}
				s := Defaults()
				s.ApplyFile(f)
				if s.Threshold != tc.wantThreshold {
					t.Errorf("threshold = %v, want %v", s.Threshold, tc.wantThreshold)
				}
				if s.Sources["threshold"] != f.Source() {
					t.Errorf("source = %q", s.Sources["threshold"])
				}
			}
			if tc.wantWarnKey == "" {
				if len(warns) != 0 {
					t.Errorf("warnings: %v", warns)
				}
				return
			}
			if len(warns) != 1 || warns[0].Key != tc.wantWarnKey || warns[0].Line != tc.wantWarnLine {
				t.Errorf("warnings = %v, want one on %s line %d", warns, tc.wantWarnKey, tc.wantWarnLine)
			}
		})
	}
}

func TestPyprojectTable(t *testing.T) {
	root := writeRepo(t, map[string]string{PyprojectName: "[tool.patchpatrol]\nmode = \"security\"\n" +
		"[tool.patchpatrol.security]\ncompliance_frameworks = [\"GDPR\"]\nenforce_owasp = true\n"})
	f, warns, err := Load(root, "")
	if err != nil {
		t.Fatal(err)
	}
	if f.Table != "tool.patchpatrol" {
		t.Errorf("Table = %q", f.Table)
	}
	if len(warns) != 1 || warns[0].Key != "tool.patchpatrol.security.enforce_owasp" || warns[0].Line != 5 ||
		warns[0].File != PyprojectName {
		t.Errorf("warnings = %v", warns)
	}
	if f.Line("security.compliance_frameworks") != 4 {
		t.Errorf("Line = %d", f.Line("security.compliance_frameworks"))
	}
}

func TestReadErrors(t *testing.T) {
	t.Run("directory", func(t *testing.T) {
		root := t.TempDir()
		if err := os.Mkdir(filepath.Join(root, FileName), 0o755); err != nil {
			t.Fatal(err)
		}
		_, _, err := Load(root, "")
		var ce *Error
		if !errors.As(err, &ce) || !strings.Contains(ce.Message, "is a directory") {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("too large", func(t *testing.T) {
		root := writeRepo(t, map[string]string{FileName: "[patchpatrol]\n" + strings.Repeat("#\n", maxConfigSize)})
		_, _, err := Load(root, "")
		var ce *Error
		if !errors.As(err, &ce) || !strings.Contains(ce.Message, "larger than") {
			t.Errorf("error = %v", err)
		}
	})
}
