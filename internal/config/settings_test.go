package config

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestDefaults(t *testing.T) {
	s := Defaults()
	if !s.RedactSecrets || s.MaxFileSize != 1<<20 || s.Quality.MaxFunctionLines != 60 || s.Quality.MaxComplexity != 10 ||
		s.Quality.MaxChangedLines != 400 || !slices.Equal(s.Quality.AllowPrintIn, rules.DefaultAllowPrintIn) {
		t.Errorf("defaults = %+v", s)
	}
	// The default is a copy: settings never write into the catalog's list.
	s.Quality.AllowPrintIn[0] = "changed/**"
	if rules.DefaultAllowPrintIn[0] == "changed/**" {
		t.Error("Defaults shares quality.allow_print_in with rules.DefaultAllowPrintIn")
	}
	if len(s.Sources) != len(settingKeys()) {
		t.Errorf("%d sources for %d keys", len(s.Sources), len(settingKeys()))
	}
	for k, src := range s.Sources {
		if src != SourceDefault {
			t.Errorf("Sources[%s] = %q", k, src)
		}
	}
	if _, ok := s.Sources["device"]; ok {
		t.Error("device, which is ignored, has a source")
	}
	// Defaults must be valid values of their own keys.
	for _, key := range []string{"threshold", "mode", "format", "max_file_size", "message.max_subject", "message.max_body",
		"ai.temperature", "ai.top_p", "ai.timeout", "ai.concurrency"} {
		t.Run(key, func(t *testing.T) {
			v := settingValue(s, key)
			if err := Defaults().Set(key, v, FlagSource("x")); err != nil {
				t.Errorf("default %v of %s is invalid: %v", v, key, err)
			}
		})
	}
	// Two Defaults share nothing.
	a, b := Defaults(), Defaults()
	a.Quality.AllowPrintIn[0] = "changed"
	if b.Quality.AllowPrintIn[0] == "changed" {
		t.Error("Defaults share a slice")
	}
}

// settingValue reads a few settings by key, for tests.
func settingValue(s *Settings, key string) any {
	switch key {
	case "threshold":
		return s.Threshold
	case "mode":
		return s.Mode
	case "format":
		return s.Format
	case "max_file_size":
		return s.MaxFileSize
	case "message.max_subject":
		return s.Message.MaxSubject
	case "message.max_body":
		return s.Message.MaxBody
	case "ai.temperature":
		return s.AI.Temperature
	case "ai.top_p":
		return s.AI.TopP
	case "ai.timeout":
		return s.AI.Timeout
	case "ai.concurrency":
		return s.AI.Concurrency
	}
	return nil
}

func TestApplyEnv(t *testing.T) {
	cases := []struct {
		name    string
		env     map[string]string
		check   func(*Settings) bool
		source  map[string]Source
		wantErr string // the variable named in the *Error
		errMsg  string
	}{
		{name: "empty", env: nil, check: func(s *Settings) bool { return s.Threshold == 0.7 }},
		{name: "all", env: map[string]string{
			"PATCHPATROL_MODE": "security", "PATCHPATROL_THRESHOLD": "0.55", "PATCHPATROL_SOFT": "1",
			"PATCHPATROL_BACKEND": "ollama", "PATCHPATROL_MODEL": "llama3", "PATCHPATROL_FORMAT": "json",
			"PATCHPATROL_REQUIRE_AI": "TRUE", "PATCHPATROL_BASELINE": "/tmp/base.json"},
			check: func(s *Settings) bool {
				return s.Mode == review.ModeSecurity && s.Threshold == 0.55 && s.SoftMode && s.Backend == "ollama" &&
					s.Model == "llama3" && s.Format == "json" && s.RequireAI && s.Baseline == "/tmp/base.json"
			},
			source: map[string]Source{"mode": "env:PATCHPATROL_MODE", "soft_mode": "env:PATCHPATROL_SOFT",
				"baseline": "env:PATCHPATROL_BASELINE", "exclude": SourceDefault}},
		{name: "blank is unset", env: map[string]string{"PATCHPATROL_THRESHOLD": "  "},
			check: func(s *Settings) bool { return s.Threshold == 0.7 }, source: map[string]Source{"threshold": SourceDefault}},
		{name: "threshold int", env: map[string]string{"PATCHPATROL_THRESHOLD": "1"},
			check: func(s *Settings) bool { return s.Threshold == 1 }},
		{name: "hard", env: map[string]string{"PATCHPATROL_HARD": "true"},
			check: func(s *Settings) bool { return !s.SoftMode }, source: map[string]Source{"soft_mode": "env:PATCHPATROL_HARD"}},
		{name: "not hard is soft", env: map[string]string{"PATCHPATROL_HARD": "0"},
			check: func(s *Settings) bool { return s.SoftMode }},
		{name: "soft and not hard agree", env: map[string]string{"PATCHPATROL_SOFT": "1", "PATCHPATROL_HARD": "false"},
			check: func(s *Settings) bool { return s.SoftMode }},
		{name: "soft and hard conflict", env: map[string]string{"PATCHPATROL_SOFT": "1", "PATCHPATROL_HARD": "1"},
			wantErr: "PATCHPATROL_HARD", errMsg: "conflicts with PATCHPATROL_SOFT"},
		{name: "bad threshold", env: map[string]string{"PATCHPATROL_THRESHOLD": "high", "PATCHPATROL_MODEL": "m"},
			wantErr: "PATCHPATROL_THRESHOLD", errMsg: `must be a number between 0 and 1, got "high"`,
			check: func(s *Settings) bool { return s.Model == "m" && s.Threshold == 0.7 }},
		{name: "bad bool", env: map[string]string{"PATCHPATROL_SOFT": "yes"},
			wantErr: "PATCHPATROL_SOFT", errMsg: `must be 1, 0, true or false, got "yes"`},
		{name: "bad require_ai", env: map[string]string{"PATCHPATROL_REQUIRE_AI": "2"},
			wantErr: "PATCHPATROL_REQUIRE_AI", errMsg: `got "2"`},
		{name: "bad mode", env: map[string]string{"PATCHPATROL_MODE": "paranoid"},
			wantErr: "PATCHPATROL_MODE", errMsg: `must be "security" or "code-quality"`},
		{name: "onnx", env: map[string]string{"PATCHPATROL_BACKEND": "onnx"},
			wantErr: "PATCHPATROL_BACKEND", errMsg: "ONNX backend is not supported"},
		{name: "bad format", env: map[string]string{"PATCHPATROL_FORMAT": "pdf"},
			wantErr: "PATCHPATROL_FORMAT", errMsg: `got "pdf"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := Defaults()
			err := s.ApplyEnv(envOf(tc.env))
			if tc.wantErr != "" {
				var ce *Error
				if !errors.As(err, &ce) {
					t.Fatalf("error %v is not *Error", err)
				}
				if ce.Key != tc.wantErr || ce.File != "" || !strings.Contains(ce.Message, tc.errMsg) {
					t.Errorf("error = %q (key %q), want key %q and %q", ce, ce.Key, tc.wantErr, tc.errMsg)
				}
				if !strings.HasPrefix(err.Error(), tc.wantErr+": ") {
					t.Errorf("error text %q does not start with the variable", err)
				}
			} else if err != nil {
				t.Fatalf("ApplyEnv: %v", err)
			}
			if tc.check != nil && !tc.check(s) {
				t.Errorf("settings wrong: %+v", s)
			}
			for k, want := range tc.source {
				if s.Sources[k] != want {
					t.Errorf("Sources[%s] = %q, want %q", k, s.Sources[k], want)
				}
			}
		})
	}
	t.Run("several errors", func(t *testing.T) {
		err := Defaults().ApplyEnv(envOf(map[string]string{"PATCHPATROL_MODE": "x", "PATCHPATROL_FORMAT": "y"}))
		if err == nil || !strings.Contains(err.Error(), "PATCHPATROL_MODE") || !strings.Contains(err.Error(), "PATCHPATROL_FORMAT") {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("nil getenv", func(t *testing.T) {
		if err := Defaults().ApplyEnv(nil); err != nil {
			t.Error(err)
		}
	})
}

func TestPrecedence(t *testing.T) {
	f, _, err := loadString(t, "[patchpatrol]\nthreshold = 0.2\nmodel = \"file-model\"\nformat = \"json\"\nbackend = \"gemini\"\n")
	if err != nil {
		t.Fatal(err)
	}
	env := envOf(map[string]string{"PATCHPATROL_THRESHOLD": "0.3", "PATCHPATROL_MODEL": "env-model"})
	apply := map[string]func(*Settings){
		"file": func(s *Settings) { s.ApplyFile(f) },
		"env": func(s *Settings) {
			if err := s.ApplyEnv(env); err != nil {
				t.Fatal(err)
			}
		},
		"flag": func(s *Settings) {
			if err := s.Set("threshold", 0.4, FlagSource("--threshold")); err != nil {
				t.Fatal(err)
			}
		},
	}
	orders := [][]string{{"file", "env", "flag"}, {"flag", "env", "file"}, {"env", "flag", "file"}}
	for _, order := range orders {
		t.Run(strings.Join(order, ","), func(t *testing.T) {
			s := Defaults()
			for _, step := range order {
				apply[step](s)
			}
			want := []struct {
				key string
				got any
				val any
				src Source
			}{
				{"threshold", s.Threshold, 0.4, "flag:--threshold"},
				{"model", s.Model, "env-model", "env:PATCHPATROL_MODEL"},
				{"format", s.Format, "json", "config:.patchpatrol.toml"},
				{"mode", s.Mode, review.ModeQuality, "default"},
			}
			for _, w := range want {
				if w.got != w.val || s.Sources[w.key] != w.src {
					t.Errorf("%s = %v from %q, want %v from %q", w.key, w.got, s.Sources[w.key], w.val, w.src)
				}
			}
		})
	}
}

func TestSet(t *testing.T) {
	cases := []struct {
		name  string
		key   string
		value any
		get   func(*Settings) any
		want  any
	}{
		{"float", "threshold", 0.9, func(s *Settings) any { return s.Threshold }, 0.9},
		{"float32", "threshold", float32(0.5), func(s *Settings) any { return s.Threshold }, 0.5},
		{"string number", "threshold", "0.25", func(s *Settings) any { return s.Threshold }, 0.25},
		{"mode type", "mode", review.ModeSecurity, func(s *Settings) any { return s.Mode }, review.ModeSecurity},
		{"bool", "soft_mode", true, func(s *Settings) any { return s.SoftMode }, true},
		{"bool text", "redact_secrets", "false", func(s *Settings) any { return s.RedactSecrets }, false},
		{"int", "ai.concurrency", 8, func(s *Settings) any { return s.AI.Concurrency }, 8},
		{"uint", "max_file_size", uint32(4096), func(s *Settings) any { return s.MaxFileSize }, int64(4096)},
		{"duration", "ai.timeout", 90 * time.Second, func(s *Settings) any { return s.AI.Timeout }, 90 * time.Second},
		{"duration text", "ai.timeout", "5m", func(s *Settings) any { return s.AI.Timeout }, 5 * time.Minute},
		{"list", "exclude", []string{"a/**", "b"}, func(s *Settings) any { return s.Exclude }, []string{"a/**", "b"}},
		{"list text", "rules.disable", "pp201, B608", func(s *Settings) any { return s.Rules.Disable }, []string{"PP201", "B608"}},
		{"severity", "team.escalation_threshold", finding.Medium,
			func(s *Settings) any { return s.Team.EscalationThreshold }, Escalation{Severity: finding.Medium}},
		{"score text", "team.escalation_threshold", "0.6",
			func(s *Settings) any { return s.Team.EscalationThreshold }, Escalation{Score: 0.6, IsScore: true}},
		{"severity map", "rules.severity", map[string]finding.Severity{"pp201": finding.Low},
			func(s *Settings) any { return s.Rules.Severity }, map[string]finding.Severity{"PP201": finding.Low}},
		{"ignore", "rules.ignore", []IgnoreRule{{Path: "t/**", Rules: []string{"cwe-89"}}},
			func(s *Settings) any { return s.Rules.Ignore }, []IgnoreRule{{Path: "t/**", Rules: []string{"CWE-89"}}}},
		{"base_url", "base_url", "http://localhost:8080", func(s *Settings) any { return s.BaseURL }, "http://localhost:8080"},
		{"backend none", "backend", "none", func(s *Settings) any { return s.Backend }, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := Defaults()
			src := FlagSource(tc.key)
			if err := s.Set(tc.key, tc.value, src); err != nil {
				t.Fatalf("Set: %v", err)
			}
			if got := tc.get(s); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s = %#v, want %#v", tc.key, got, tc.want)
			}
			if s.Sources[tc.key] != src {
				t.Errorf("source = %q", s.Sources[tc.key])
			}
		})
	}

	bad := []struct {
		name    string
		key     string
		value   any
		src     Source
		wantKey string
		wantMsg string
	}{
		{"unknown key", "treshold", 0.5, FlagSource("x"), "--x", "unknown setting (did you mean `threshold`?)"},
		{"ignored key", "device", "cuda", FlagSource("device"), "--device", "unknown setting"},
		{"range", "threshold", 2.0, FlagSource("threshold"), "--threshold", "must be a number between 0 and 1, got 2.0"},
		{"type", "soft_mode", 3, FlagSource("soft"), "--soft", "must be true or false, got 3"},
		{"list element", "exclude", []string{"ok", "[", "x"}, FlagSource("exclude"), "--exclude", `bad path glob "["`},
		{"env source", "threshold", "x", EnvSource("PATCHPATROL_THRESHOLD"), "PATCHPATROL_THRESHOLD", `got "x"`},
		{"config source", "ai.top_p", 3, ConfigSource("ci.toml"), "ai.top_p", "between 0 and 1"},
		{"ignore element", "rules.ignore", []IgnoreRule{{Path: "a"}, {Path: "b", Rules: []string{"?"}}}, SourceDefault,
			"rules.ignore[0].rules", "at least one rule"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			s := Defaults()
			before := *s
			err := s.Set(tc.key, tc.value, tc.src)
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v is not *Error", err)
			}
			if ce.Key != tc.wantKey || !strings.Contains(ce.Message, tc.wantMsg) {
				t.Errorf("error key %q message %q, want %q / %q", ce.Key, ce.Message, tc.wantKey, tc.wantMsg)
			}
			if s.Threshold != before.Threshold || s.SoftMode != before.SoftMode || len(s.Exclude) != 0 {
				t.Error("a rejected value was applied")
			}
		})
	}
}

func TestSetDoesNotAlias(t *testing.T) {
	l := []string{"a/**"}
	s := Defaults()
	if err := s.Set("exclude", l, FlagSource("exclude")); err != nil {
		t.Fatal(err)
	}
	l[0] = "changed"
	if s.Exclude[0] != "a/**" {
		t.Error("Settings share the caller's slice")
	}
	f, _, err := loadString(t, "[patchpatrol]\nexclude = [\"x\"]\n")
	if err != nil {
		t.Fatal(err)
	}
	a, b := Defaults(), Defaults()
	a.ApplyFile(f)
	b.ApplyFile(f)
	a.Exclude[0] = "changed"
	if b.Exclude[0] != "x" {
		t.Error("two Settings share the File's slice")
	}
}

func TestExplicitPath(t *testing.T) {
	env := envOf(map[string]string{ConfigPathEnv: "env.toml"})
	cases := []struct {
		name, flag string
		env        func(string) string
		want       string
	}{
		{"flag wins", "flag.toml", env, "flag.toml"},
		{"env", "", env, "env.toml"},
		{"none", "", envOf(nil), ""},
		{"nil getenv", "", nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ExplicitPath(tc.flag, tc.env); got != tc.want {
				t.Errorf("ExplicitPath = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestEscalationString(t *testing.T) {
	cases := []struct {
		e    Escalation
		want string
		zero bool
	}{
		{Escalation{}, "", true},
		{Escalation{Severity: finding.High}, "HIGH", false},
		{Escalation{Score: 0.5, IsScore: true}, "0.5", false},
		{Escalation{Score: 0, IsScore: true}, "0.0", false},
	}
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			if tc.e.String() != tc.want || tc.e.IsZero() != tc.zero {
				t.Errorf("%+v: String %q IsZero %v", tc.e, tc.e.String(), tc.e.IsZero())
			}
		})
	}
}

func TestWarningAndErrorText(t *testing.T) {
	cases := []struct {
		name string
		got  string
		want string
	}{
		{"warning", Warning{File: "pyproject.toml", Line: 3, Key: "tool.patchpatrol.x", Message: "unknown key"}.String(),
			"pyproject.toml:3: tool.patchpatrol.x: unknown key"},
		{"warning no line", Warning{File: "a.toml", Key: "k", Message: "m"}.String(), "a.toml: k: m"},
		{"env error", (&Error{Key: "PATCHPATROL_SOFT", Message: "m"}).Error(), "PATCHPATROL_SOFT: m"},
		{"file error", (&Error{File: "c.toml", Message: "config file not found"}).Error(), "c.toml: config file not found"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}
