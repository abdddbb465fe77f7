package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Provider is one model backend. Review sends one prompt and returns the
// model's answer text; it never retries on a bad answer (the Reviewer does)
// but does retry 429 and 5xx replies with backoff.
type Provider interface {
	Review(ctx context.Context, req Request) (Response, error)
}

// Request is one model call.
type Request struct {
	System string
	Prompt string
	// Schema is the JSON schema the answer must follow; backends that can
	// constrain their output to it do so.
	Schema      json.RawMessage
	Model       string
	Temperature float64
	TopP        float64
	MaxTokens   int // answer length limit
	NumCtx      int // context window to ask for (Ollama's options.num_ctx); 0: the server's default
}

// Response is a model's answer.
type Response struct {
	Text         string
	FinishReason string // as the backend said it: "stop", "length", "max_tokens", "MAX_TOKENS", ...
	// Truncated is set when the backend says the answer hit the length
	// limit: the text is incomplete.
	Truncated    bool
	InputTokens  int
	OutputTokens int
}

// Model is one model a backend has installed or offers.
type Model struct {
	Name     string
	Size     int64 // bytes on disk, 0 when unknown
	Modified time.Time
	Details  string // family, parameters, quantization when known
}

// Lister lists the models a backend has.
type Lister interface {
	List(ctx context.Context) ([]Model, error)
}

// PullProgress is one step of a download.
type PullProgress struct {
	Status    string
	Digest    string
	Total     int64
	Completed int64
}

// Puller downloads a model, reporting progress.
type Puller interface {
	Pull(ctx context.Context, model string, progress func(PullProgress)) error
}

// Remover deletes an installed model.
type Remover interface {
	Remove(ctx context.Context, model string) error
}

// Tester checks that the backend is reachable, the credentials work and,
// when model is not empty, that the model is available.
type Tester interface {
	Test(ctx context.Context, model string) error
}

// ErrorKind classifies provider failures so callers can explain them.
type ErrorKind int

// Error kinds.
const (
	ErrOther       ErrorKind = iota
	ErrUnreachable           // connection refused, DNS, TLS
	ErrTimeout               // the request or the answer took too long
	ErrAuth                  // 401, 403, or no key
	ErrNotFound              // 404: model or endpoint
	ErrRateLimit             // 429 after the retries
	ErrServer                // 5xx after the retries
	ErrBadRequest            // 400, 422: the server rejected what was sent
	ErrBadAnswer             // the reply was not in the documented format
)

// Error is a failed provider call. Its message names the backend, says what
// went wrong and how to fix it.
type Error struct {
	Backend string
	Kind    ErrorKind
	Status  int    // HTTP status, 0 when none
	Msg     string // what the server or the transport said
	Fix     string // what the user can do
	Err     error
}

func (e *Error) Error() string {
	s := e.Backend + ": " + e.Msg
	if e.Fix != "" {
		s += ": " + e.Fix
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the kind of a provider error, ErrOther for other errors.
func KindOf(err error) ErrorKind {
	var pe *Error
	if errors.As(err, &pe) {
		return pe.Kind
	}
	return ErrOther
}

// fixFor is the standard advice for an error kind on a backend.
func fixFor(backend string, kind ErrorKind, base string) string {
	switch kind {
	case ErrUnreachable:
		switch backend {
		case "ollama":
			return "start it with `ollama serve` or set OLLAMA_HOST"
		case "openai", "llama":
			return "start the server (for llama.cpp: `llama-server -m MODEL.gguf --port 8080`) or set --base-url / OPENAI_BASE_URL"
		}
		return "check the network, or use a local model with `--backend ollama`"
	case ErrTimeout:
		return "raise --timeout (or [patchpatrol.ai] timeout), or use a smaller model"
	case ErrAuth:
		switch backend {
		case "anthropic":
			return "set ANTHROPIC_API_KEY, or use a local model with `--backend ollama`"
		case "gemini":
			return "set GEMINI_API_KEY (or GOOGLE_API_KEY), or use a local model with `--backend ollama`"
		case "openai", "llama":
			return "set OPENAI_API_KEY, or use a local model with `--backend ollama`"
		}
		return "check the server's credentials"
	case ErrNotFound:
		if backend == "ollama" {
			return "download it with `patchpatrol download-model MODEL` (or `ollama pull MODEL`); `patchpatrol list-models` shows what is installed"
		}
		return "check the model name (`patchpatrol list-models`) and the base URL " + base
	case ErrRateLimit:
		return "wait and try again, or lower [patchpatrol.ai] concurrency"
	case ErrServer:
		return "the server failed; try again later"
	case ErrBadRequest:
		return "the server rejected the request; check the model name and that the server supports structured output"
	}
	return ""
}

func newError(backend string, kind ErrorKind, status int, msg, base string, err error) *Error {
	return &Error{Backend: backend, Kind: kind, Status: status, Msg: msg, Fix: fixFor(backend, kind, base), Err: err}
}

// errorf is a provider error with a formatted message and no status.
func errorf(backend string, kind ErrorKind, format string, args ...any) *Error {
	return &Error{Backend: backend, Kind: kind, Msg: fmt.Sprintf(format, args...), Fix: fixFor(backend, kind, "")}
}
