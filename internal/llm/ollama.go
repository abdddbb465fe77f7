package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultOllamaURL is where Ollama listens unless OLLAMA_HOST says otherwise.
const DefaultOllamaURL = "http://127.0.0.1:11434"

// Ollama speaks Ollama's native API: POST /api/chat with `format` set to the
// answer's JSON schema and `options.num_ctx` sized to the prompt (the
// OpenAI-compatible endpoint ignores the context size and truncates the
// prompt silently), and /api/tags, /api/pull, /api/delete, /api/version for
// model management.
type Ollama struct {
	c *client
}

var (
	_ Provider = (*Ollama)(nil)
	_ Lister   = (*Ollama)(nil)
	_ Puller   = (*Ollama)(nil)
	_ Remover  = (*Ollama)(nil)
	_ Tester   = (*Ollama)(nil)
)

// NewOllama returns a client for the Ollama server at base.
func NewOllama(base string, hc *http.Client, timeout time.Duration) *Ollama {
	return &Ollama{c: newClient("ollama", base, hc, timeout, nil)}
}

// OllamaURL turns an OLLAMA_HOST value into a base URL the way Ollama reads
// it: "host", "host:port", ":port", "[::1]:port" (http, port 11434 by
// default) or "http(s)://host[:port][/path]" (port 80 or 443 by default); a
// wildcard host (0.0.0.0, ::) means this machine. Empty gives the default.
func OllamaURL(host string) (string, error) {
	raw := strings.TrimSpace(host)
	if raw == "" {
		return DefaultOllamaURL, nil
	}
	scheme, rest, explicit := strings.Cut(raw, "://")
	port := "11434"
	switch {
	case !explicit:
		scheme, rest = "http", raw
	case scheme == "http":
		port = "80"
	case scheme == "https":
		port = "443"
	}
	path := ""
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		rest, path = rest[:i], strings.TrimRight(rest[i:], "/")
	}
	h, p, err := net.SplitHostPort(rest)
	if err != nil {
		h = strings.Trim(rest, "[]")
	} else {
		port = p
	}
	switch h {
	case "", "0.0.0.0":
		h = "127.0.0.1"
	case "::":
		h = "::1"
	}
	u, err := url.Parse(scheme + "://" + net.JoinHostPort(h, port) + path)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return "", fmt.Errorf("OLLAMA_HOST %q is not a host[:port] or an http(s) URL: set it like 127.0.0.1:11434", host)
	}
	return u.String(), nil
}

type ollamaMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type ollamaOptions struct {
	Temperature float64 `json:"temperature"`
	TopP        float64 `json:"top_p,omitempty"`
	NumCtx      int     `json:"num_ctx,omitempty"`
	NumPredict  int     `json:"num_predict,omitempty"`
}

type ollamaChatRequest struct {
	Model    string          `json:"model"`
	Messages []ollamaMessage `json:"messages"`
	Stream   bool            `json:"stream"`
	Format   json.RawMessage `json:"format,omitempty"`
	Options  ollamaOptions   `json:"options"`
}

type ollamaChatResponse struct {
	Model           string        `json:"model"`
	Message         ollamaMessage `json:"message"`
	Done            bool          `json:"done"`
	DoneReason      string        `json:"done_reason"`
	PromptEvalCount int           `json:"prompt_eval_count"`
	EvalCount       int           `json:"eval_count"`
}

// Review implements Provider.
func (o *Ollama) Review(ctx context.Context, req Request) (Response, error) {
	body := ollamaChatRequest{
		Model:  req.Model,
		Stream: false,
		Format: req.Schema,
		Options: ollamaOptions{Temperature: req.Temperature, TopP: req.TopP, NumCtx: req.NumCtx,
			NumPredict: req.MaxTokens},
	}
	if req.System != "" {
		body.Messages = append(body.Messages, ollamaMessage{Role: "system", Content: req.System})
	}
	body.Messages = append(body.Messages, ollamaMessage{Role: "user", Content: req.Prompt})
	var out ollamaChatResponse
	if err := o.c.do(ctx, http.MethodPost, "/api/chat", body, &out); err != nil {
		return Response{}, err
	}
	if !out.Done {
		return Response{}, errorf("ollama", ErrBadAnswer, "/api/chat answered with done=false to a request without streaming")
	}
	return Response{Text: out.Message.Content, FinishReason: out.DoneReason, Truncated: out.DoneReason == "length",
		InputTokens: out.PromptEvalCount, OutputTokens: out.EvalCount}, nil
}

// List implements Lister with GET /api/tags.
func (o *Ollama) List(ctx context.Context) ([]Model, error) {
	var out struct {
		Models []struct {
			Name       string    `json:"name"`
			Model      string    `json:"model"`
			ModifiedAt time.Time `json:"modified_at"`
			Size       int64     `json:"size"`
			Details    struct {
				Family            string `json:"family"`
				ParameterSize     string `json:"parameter_size"`
				QuantizationLevel string `json:"quantization_level"`
			} `json:"details"`
		} `json:"models"`
	}
	if err := o.c.do(ctx, http.MethodGet, "/api/tags", nil, &out); err != nil {
		return nil, err
	}
	models := make([]Model, 0, len(out.Models))
	for _, m := range out.Models {
		name := m.Name
		if name == "" {
			name = m.Model
		}
		var det []string
		for _, d := range []string{m.Details.Family, m.Details.ParameterSize, m.Details.QuantizationLevel} {
			if d != "" {
				det = append(det, d)
			}
		}
		models = append(models, Model{Name: name, Size: m.Size, Modified: m.ModifiedAt, Details: strings.Join(det, " ")})
	}
	return models, nil
}

// Pull implements Puller with POST /api/pull, streaming progress.
func (o *Ollama) Pull(ctx context.Context, model string, progress func(PullProgress)) error {
	body := map[string]any{"model": model, "stream": true}
	success := false
	err := o.c.stream(ctx, http.MethodPost, "/api/pull", body, func(line []byte) error {
		var p struct {
			Status    string `json:"status"`
			Digest    string `json:"digest"`
			Total     int64  `json:"total"`
			Completed int64  `json:"completed"`
			Error     string `json:"error"`
		}
		if err := json.Unmarshal(line, &p); err != nil {
			return errorf("ollama", ErrBadAnswer, "/api/pull sent a line that is not JSON: %q", clip(string(line), 80))
		}
		if p.Error != "" {
			kind := ErrOther
			if strings.Contains(p.Error, "not found") || strings.Contains(p.Error, "does not exist") {
				kind = ErrNotFound
			}
			return &Error{Backend: "ollama", Kind: kind, Msg: "pull " + model + ": " + p.Error,
				Fix: "check the name on https://ollama.com/library (for example qwen2.5-coder:7b)"}
		}
		if p.Status == "success" {
			success = true
		}
		if progress != nil {
			progress(PullProgress{Status: p.Status, Digest: p.Digest, Total: p.Total, Completed: p.Completed})
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !success {
		return errorf("ollama", ErrBadAnswer, "pull %s ended without \"success\": run it again", model)
	}
	return nil
}

// Remove implements Remover with DELETE /api/delete.
func (o *Ollama) Remove(ctx context.Context, model string) error {
	err := o.c.do(ctx, http.MethodDelete, "/api/delete", map[string]string{"model": model}, nil)
	var pe *Error
	if errors.As(err, &pe) && pe.Kind == ErrNotFound {
		pe.Msg = fmt.Sprintf("model %s is not installed", model)
		pe.Fix = "`patchpatrol list-models` shows what is installed"
	}
	return err
}

// Test implements Tester: the server answers /api/version and, when model
// is given, has it installed.
func (o *Ollama) Test(ctx context.Context, model string) error {
	var v struct {
		Version string `json:"version"`
	}
	if err := o.c.do(ctx, http.MethodGet, "/api/version", nil, &v); err != nil {
		return err
	}
	if model == "" {
		return nil
	}
	models, err := o.List(ctx)
	if err != nil {
		return err
	}
	for _, m := range models {
		if sameOllamaModel(m.Name, model) {
			return nil
		}
	}
	return &Error{Backend: "ollama", Kind: ErrNotFound, Msg: fmt.Sprintf("model %s is not installed on %s", model, o.c.base),
		Fix: fmt.Sprintf("download it with `patchpatrol download-model %s` (or `ollama pull %s`)", model, model)}
}

// sameOllamaModel compares names the way Ollama resolves them: a name
// without a tag means ":latest".
func sameOllamaModel(a, b string) bool {
	norm := func(s string) string {
		if !strings.Contains(s, ":") {
			s += ":latest"
		}
		return s
	}
	return norm(a) == norm(b)
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}
