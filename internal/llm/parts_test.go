package llm

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestParseAnswer(t *testing.T) {
	v, err := NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	good := `{"score": 0.4, "verdict": "revise", "comments": ["x"]}`
	cases := []struct {
		name    string
		text    string
		verdict string
		issues  int
		err     string
	}{
		{"bare", good, "revise", 0, ""},
		{"fenced", "```json\n" + good + "\n```", "revise", 0, ""},
		{"fence without info string", "```\n" + good + "\n```", "revise", 0, ""},
		{"prose around", "Sure! Here it is: " + good + " Hope that helps {not json}", "revise", 0, ""},
		{"braces inside strings", `{"score": 0.1, "verdict": "approve", "comments": ["use {} and \"}\""]}`, "approve", 0, ""},
		{"verdict case and synonym", `{"score": 0.9, "verdict": "Request Changes", "comments": []}`, "revise", 0, ""},
		{"issues alias and numeric cwe", `{"score": 0.9, "verdict": "security_risk", "comments": [],
			"issues": [{"description": "d", "cwe": 89, "line": "12", "severity": "high", "file": null}]}`, "security_risk", 1, ""},
		{"comments as a string", `{"score": 0.2, "verdict": "approve", "comments": "fine"}`, "approve", 0, ""},
		{"extra fields are fine", `{"score": 0.2, "verdict": "approve", "comments": [], "model_notes": {"a": 1}}`, "approve", 0, ""},
		{"empty", "", "", 0, "no JSON object"},
		{"prose only", "Looks good to me.", "", 0, "no JSON object"},
		{"array", `[1, 2]`, "", 0, "no JSON object"},
		{"truncated", good[:20], "", 0, "invalid JSON"},
		{"missing verdict", `{"score": 0.2, "comments": []}`, "", 0, "verdict"},
		{"unknown verdict", `{"score": 0.2, "verdict": "maybe", "comments": []}`, "", 0, "verdict"},
		{"score out of range", `{"score": 7, "verdict": "approve", "comments": []}`, "", 0, "score"},
		{"issue without description", `{"score": 0.2, "verdict": "approve", "comments": [], "security_issues": [{"line": 3}]}`, "", 0, "description"},
		{"negative line", `{"score": 0.2, "verdict": "approve", "comments": [], "security_issues": [{"description": "d", "line": -3}]}`, "", 0, "line"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := v.Parse(c.text)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("Parse = %+v, %v; want an error about %q", a, err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if a.Verdict != c.verdict || len(a.Issues) != c.issues {
				t.Errorf("Parse = %+v; want verdict %s and %d issue(s)", a, c.verdict, c.issues)
			}
			if c.issues > 0 && (a.Issues[0].CWE != "CWE-89" || a.Issues[0].Line != 12 || a.Issues[0].Severity != "HIGH") {
				t.Errorf("issue %+v not normalised", a.Issues[0])
			}
		})
	}
}

func TestOllamaURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", "http://127.0.0.1:11434"},
		{"localhost", "http://localhost:11434"},
		{"0.0.0.0", "http://127.0.0.1:11434"},
		{":8080", "http://127.0.0.1:8080"},
		{"example.com:9999", "http://example.com:9999"},
		{"http://gpu-box:11434/", "http://gpu-box:11434"},
		{"https://ollama.example.com", "https://ollama.example.com:443"},
		{"http://proxy/ollama", "http://proxy:80/ollama"},
		{"[::1]:5000", "http://[::1]:5000"},
		{"::", "http://[::1]:11434"},
		{"ftp://x", ""},
		{"http://host:notaport", ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := OllamaURL(c.in)
			if c.want == "" {
				if err == nil {
					t.Errorf("OllamaURL(%q) = %q; want an error", c.in, got)
				}
				return
			}
			if err != nil || got != c.want {
				t.Errorf("OllamaURL(%q) = %q, %v; want %q", c.in, got, err, c.want)
			}
		})
	}
}

func TestResolveEndpoint(t *testing.T) {
	cases := []struct {
		name    string
		spec    Spec
		base    string
		env     map[string]string
		want    string
		keyVar  string
		loop    bool
		errKind ErrorKind
		err     bool
	}{
		{"ollama default", Spec{"ollama", "m", ""}, "", nil, "http://127.0.0.1:11434", "", true, 0, false},
		{"ollama host", Spec{"ollama", "m", ""}, "", map[string]string{"OLLAMA_HOST": "gpu:1234"}, "http://gpu:1234", "", false, 0, false},
		{"flag beats env", Spec{"ollama", "m", ""}, "http://localhost:9", map[string]string{"OLLAMA_HOST": "gpu:1234"}, "http://localhost:9", "", true, 0, false},
		{"openai needs a key", Spec{"openai", "gpt-4.1-mini", ""}, "", nil, "", "", false, ErrAuth, true},
		{"openai key", Spec{"openai", "gpt-4.1-mini", ""}, "", map[string]string{"OPENAI_API_KEY": "k"}, "https://api.openai.com/v1", "OPENAI_API_KEY", false, 0, false},
		{"local openai server without key", Spec{"openai", "m", ""}, "", map[string]string{"OPENAI_BASE_URL": "http://127.0.0.1:8000/v1/"}, "http://127.0.0.1:8000/v1", "", true, 0, false},
		{"llama default", Spec{"llama", "m", ""}, "", nil, "http://127.0.0.1:8080/v1", "", true, 0, false},
		{"anthropic without key", Spec{"anthropic", "c", ""}, "", nil, "", "", false, ErrAuth, true},
		{"anthropic", Spec{"anthropic", "c", ""}, "", map[string]string{"ANTHROPIC_API_KEY": "k"}, "https://api.anthropic.com", "ANTHROPIC_API_KEY", false, 0, false},
		{"gemini google key", Spec{"gemini", "g", ""}, "", map[string]string{"GOOGLE_API_KEY": "k"}, "https://generativelanguage.googleapis.com", "GOOGLE_API_KEY", false, 0, false},
		{"gemini prefers GEMINI_API_KEY", Spec{"gemini", "g", ""}, "", map[string]string{"GOOGLE_API_KEY": "a", "GEMINI_API_KEY": "b"}, "https://generativelanguage.googleapis.com", "GEMINI_API_KEY", false, 0, false},
		{"bad base", Spec{"openai", "m", ""}, "file:///etc/passwd", nil, "", "", false, 0, true},
		{"bad backend", Spec{"onnx", "m", ""}, "", nil, "", "", false, 0, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ep, _, err := Config{Spec: c.spec, BaseURL: c.base, Getenv: func(k string) string { return c.env[k] }}.Resolve()
			if c.err {
				if err == nil {
					t.Fatalf("Resolve = %+v; want an error", ep)
				}
				if c.errKind != 0 && KindOf(err) != c.errKind {
					t.Errorf("error kind %d, want %d: %v", KindOf(err), c.errKind, err)
				}
				return
			}
			if err != nil || ep.BaseURL != c.want || ep.KeyVar != c.keyVar || ep.Loopback() != c.loop {
				t.Errorf("Resolve = %+v, %v; want %s key %q loopback %v", ep, err, c.want, c.keyVar, c.loop)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	cases := []struct {
		name  string
		hdr   map[string]string
		body  string
		want  time.Duration
		asked bool
	}{
		{"seconds", map[string]string{"Retry-After": "3"}, "", 3 * time.Second, true},
		{"milliseconds win", map[string]string{"Retry-After": "3", "Retry-After-Ms": "250"}, "", 250 * time.Millisecond, true},
		{"gemini RetryInfo", nil, `{"error": {"code": 429, "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "17s"}]}}`, 17 * time.Second, true},
		{"past date", map[string]string{"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, "", 0, true},
		{"garbage", map[string]string{"Retry-After": "soon"}, "not json", 0, false},
		{"none", nil, "", 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range c.hdr {
				h.Set(k, v)
			}
			got, asked := retryAfter(h, []byte(c.body))
			if got != c.want || asked != c.asked {
				t.Errorf("retryAfter = %s, %v; want %s, %v", got, asked, c.want, c.asked)
			}
		})
	}
}

func TestServerMessage(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"ollama", `{"error": "model 'x' not found"}`, "model 'x' not found"},
		{"openai", `{"error": {"message": "Rate limit", "type": "requests", "code": "rate_limit_exceeded"}}`, "Rate limit"},
		{"anthropic", `{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}`, "Overloaded"},
		{"gemini", `{"error": {"code": 400, "message": "API key not valid.", "status": "INVALID_ARGUMENT"}}`, "API key not valid."},
		{"html", `<html>bad gateway</html>`, "<html>bad gateway</html>"},
		{"empty", ``, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := serverMessage([]byte(c.body)); got != c.want {
				t.Errorf("serverMessage = %q, want %q", got, c.want)
			}
		})
	}
}

func TestGeminiSchema(t *testing.T) {
	var s map[string]any
	if err := json.Unmarshal([]byte(AnswerSchema), &s); err != nil {
		t.Fatal(err)
	}
	g := geminiSchema(s)
	b, _ := json.Marshal(g)
	for _, bad := range []string{"$schema", `"object"`, `"string"`} {
		if strings.Contains(string(b), bad) {
			t.Errorf("converted schema still holds %s: %s", bad, b)
		}
	}
	issues := g["properties"].(map[string]any)["security_issues"].(map[string]any)
	if issues["type"] != "ARRAY" || issues["items"].(map[string]any)["type"] != "OBJECT" {
		t.Errorf("security_issues converted to %v", issues)
	}
	n := geminiSchema(map[string]any{"type": []any{"null", "integer"}})
	if n["type"] != "INTEGER" || n["nullable"] != true {
		t.Errorf("type list converted to %v", n)
	}
}

// TestRetryStopsOnLongWait: a Retry-After longer than the wait limit ends the
// retries at once, with the wait in the message.
func TestRetryStopsOnLongWait(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(429)
		_, _ = w.Write([]byte(`{"error": {"message": "quota"}}`))
	}))
	defer srv.Close()
	c := newClient("openai", srv.URL, nil, time.Second, nil)
	err := c.do(context.Background(), http.MethodGet, "/x", nil, nil)
	var pe *Error
	if !errors.As(err, &pe) || pe.Kind != ErrRateLimit || !strings.Contains(pe.Msg, "1h0m0s") || calls != 1 {
		t.Errorf("do = %v after %d call(s); want one call and a rate-limit error naming the wait", err, calls)
	}
}

func TestEstimateAndPrice(t *testing.T) {
	if EstimateTokens("") != 0 || EstimateTokens("abc") != 1 || EstimateTokens("abcd") != 2 {
		t.Error("EstimateTokens rounds wrong")
	}
	cases := []struct {
		spec   Spec
		window int
		priced bool
	}{
		{Spec{"ollama", "qwen2.5-coder:7b", ""}, 32768, false},
		{Spec{"ollama", "mystery", ""}, 8192, false},
		{Spec{"gemini", "gemini-2.5-flash", ""}, 1048576, true},
		{Spec{"gemini", "gemini-2.5-flash-lite", ""}, 1048576, true},
		{Spec{"anthropic", "claude-sonnet-4-5-20250929", ""}, 200000, true},
		{Spec{"openai", "gpt-4.1-mini", ""}, 1047576, true},
		{Spec{"openai", "my-finetune", ""}, 128000, false},
		{Spec{"llama", "gpt-4.1", ""}, 1047576, false},
	}
	for _, c := range cases {
		t.Run(c.spec.String(), func(t *testing.T) {
			_, _, ok := Price(c.spec)
			if w := ContextWindow(c.spec); w != c.window || ok != c.priced {
				t.Errorf("window %d priced %v; want %d %v", w, ok, c.window, c.priced)
			}
		})
	}
	in, out, _ := Price(Spec{"gemini", "gemini-2.5-flash-lite", ""})
	if in != 0.10 || out != 0.40 {
		t.Errorf("flash-lite matched the flash price: %v %v", in, out)
	}
}
