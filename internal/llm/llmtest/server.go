package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Fault is how the server answers one review request.
type Fault int

// Faults, applied to review requests in the order given to Fail; once the
// script is used up the server answers well.
const (
	OK          Fault = iota
	Slow              // wait Delay (or until the client gives up) before answering
	RateLimited       // 429 with Retry-After: 0 in the backend's error format
	ServerError       // 500 in the backend's error format
	InvalidJSON       // 200, but the answer text is prose, not JSON
	Fenced            // 200, the answer wrapped in a ```json fence and prose
	Truncated         // 200, the answer cut off, with the backend's length finish reason
	BadSchema         // 200, JSON that breaks the answer schema (verdict "maybe")
)

func (f Fault) String() string {
	return [...]string{"ok", "slow", "rate-limited", "server-error", "invalid-json", "fenced", "truncated", "bad-schema"}[f]
}

// Recorded is one request the server received.
type Recorded struct {
	Method string
	Path   string
	Header http.Header
	Body   []byte
	// System and Prompt are the texts of a review request.
	System string
	Prompt string
}

// Server is a fake backend.
type Server struct {
	*httptest.Server
	Backend string
	// Key is the API key the server expects ("" accepts none).
	Key string
	// Model is the model name the server serves; review requests for any
	// other model get the backend's 404.
	Model string
	// Delay is how long Slow waits.
	Delay time.Duration
	// Answer returns the answer JSON for a prompt; nil gives DefaultAnswer or
	// DefaultQualityAnswer by the mode the system prompt names.
	Answer func(system, prompt string) string

	tb       testing.TB
	mu       sync.Mutex
	faults   []Fault
	requests []Recorded
	reviews  int
	models   []string // Ollama: installed models
}

// DefaultAnswer approves with no issues: a low risk in security mode,
// DefaultQualityAnswer a high quality in code-quality mode.
const (
	DefaultAnswer        = `{"score": 0.1, "verdict": "approve", "severity": "NONE", "comments": ["Looks fine."], "security_issues": []}`
	DefaultQualityAnswer = `{"score": 0.95, "verdict": "approve", "severity": "NONE", "comments": ["Looks fine."], "security_issues": []}`
)

// New starts a fake server for backend ("ollama", "openai", "llama",
// "anthropic", "gemini") on the loopback interface; it is closed when the
// test ends.
func New(tb testing.TB, backend, model string) *Server {
	tb.Helper()
	s := &Server{Backend: backend, Model: model, Delay: 3 * time.Second, tb: tb, models: []string{model}}
	switch backend {
	case "anthropic":
		s.Key = "test-anthropic-key"
	case "gemini":
		s.Key = "test-gemini-key"
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.Close)
	return s
}

// URL returns the base URL a client is configured with: Ollama's root,
// OpenAI's /v1, Anthropic's and Gemini's root.
func (s *Server) BaseURL() string {
	if s.Backend == "openai" || s.Backend == "llama" {
		return s.Server.URL + "/v1"
	}
	return s.Server.URL
}

// Fail scripts the answers to the next review requests.
func (s *Server) Fail(faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, faults...)
}

// Requests returns every request received so far.
func (s *Server) Requests() []Recorded {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Recorded(nil), s.requests...)
}

// Reviews returns the number of review requests received.
func (s *Server) Reviews() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reviews
}

// SetInstalled sets the models an Ollama server lists.
func (s *Server) SetInstalled(models ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.models = append([]string(nil), models...)
}

func (s *Server) installed() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.models...)
}

func (s *Server) nextFault() Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reviews++
	if len(s.faults) == 0 {
		return OK
	}
	f := s.faults[0]
	s.faults = s.faults[1:]
	return f
}

func (s *Server) record(r *http.Request, body []byte) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Recorded{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone(), Body: body})
	return len(s.requests) - 1
}

func (s *Server) setTexts(i int, system, prompt string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[i].System, s.requests[i].Prompt = system, prompt
}

// problem reports a request that breaks the protocol: the test fails and the
// client gets a 400 it cannot mistake for success.
func (s *Server) problem(w http.ResponseWriter, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	s.tb.Errorf("llmtest %s: bad request: %s", s.Backend, msg)
	writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]any{"message": "llmtest: " + msg, "type": "invalid_request_error"}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 32<<20))
	idx := s.record(r, body)
	switch s.Backend {
	case "ollama":
		s.ollama(w, r, body, idx)
	case "openai", "llama":
		s.openai(w, r, body, idx)
	case "anthropic":
		s.anthropic(w, r, body, idx)
	case "gemini":
		s.gemini(w, r, body, idx)
	default:
		http.NotFound(w, r)
	}
}

// answerFor returns the answer text for a fault, and whether it is cut off.
func (s *Server) answerFor(f Fault, system, prompt string) (string, bool) {
	ans := DefaultAnswer
	if strings.Contains(system, "Mode: code-quality") {
		ans = DefaultQualityAnswer
	}
	if s.Answer != nil {
		ans = s.Answer(system, prompt)
	}
	switch f {
	case InvalidJSON:
		return "I reviewed the change and it looks good to me overall.", false
	case Fenced:
		return "Here is my review:\n```json\n" + ans + "\n```\nLet me know if you need more.", false
	case Truncated:
		return ans[:len(ans)/2], true
	case BadSchema:
		return `{"score": 0.2, "verdict": "maybe", "comments": []}`, false
	}
	return ans, false
}

// wait sleeps for Slow until Delay passes or the client goes away.
func (s *Server) wait(r *http.Request) {
	select {
	case <-time.After(s.Delay):
	case <-r.Context().Done():
	}
}

func decodeObject(body []byte) (map[string]any, error) {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, err
	}
	return m, nil
}

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func num(m map[string]any, k string) (float64, bool) {
	f, ok := m[k].(float64)
	return f, ok
}

func obj(m map[string]any, k string) map[string]any {
	o, _ := m[k].(map[string]any)
	return o
}

func list(m map[string]any, k string) []any {
	l, _ := m[k].([]any)
	return l
}

// isSchema reports whether v looks like the answer's JSON schema.
func isSchema(v map[string]any) bool {
	props := obj(v, "properties")
	return v != nil && strings.EqualFold(str(v, "type"), "object") && props != nil && props["verdict"] != nil && props["score"] != nil
}

// timestamp is a fixed time for reply bodies.
const timestamp = "2025-01-02T03:04:05Z"
