package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultOpenAIURL is OpenAI's API; DefaultLlamaURL is where llama.cpp's
// llama-server listens by default.
const (
	DefaultOpenAIURL = "https://api.openai.com/v1"
	DefaultLlamaURL  = "http://127.0.0.1:8080/v1"
)

// OpenAI speaks the chat-completions protocol of OpenAI and of every
// compatible server (llama.cpp's llama-server, vLLM, LM Studio): POST
// {base}/chat/completions with response_format json_schema, falling back to
// a plain request once when a server rejects response_format.
type OpenAI struct {
	c       *client
	backend string
	// official: the request goes to api.openai.com, which wants
	// max_completion_tokens; other servers read max_tokens.
	official bool
}

var (
	_ Provider = (*OpenAI)(nil)
	_ Tester   = (*OpenAI)(nil)
)

// NewOpenAI returns a client for an OpenAI-compatible server at base (which
// ends in /v1 for most servers). key may be empty for local servers.
// backend is "openai" or "llama", for messages.
func NewOpenAI(backend, base, key string, hc *http.Client, timeout time.Duration) *OpenAI {
	header := func(h http.Header) {
		if key != "" {
			h.Set("Authorization", "Bearer "+key)
		}
	}
	official := false
	if u, err := url.Parse(base); err == nil && u.Hostname() == "api.openai.com" {
		official = true
	}
	return &OpenAI{c: newClient(backend, base, hc, timeout, header), backend: backend, official: official}
}

type openaiMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type openaiJSONSchema struct {
	Name   string          `json:"name"`
	Schema json.RawMessage `json:"schema"`
	Strict bool            `json:"strict"`
}

type openaiResponseFormat struct {
	Type       string            `json:"type"`
	JSONSchema *openaiJSONSchema `json:"json_schema,omitempty"`
}

type openaiRequest struct {
	Model               string                `json:"model"`
	Messages            []openaiMessage       `json:"messages"`
	Temperature         float64               `json:"temperature"`
	TopP                float64               `json:"top_p,omitempty"`
	MaxTokens           int                   `json:"max_tokens,omitempty"`
	MaxCompletionTokens int                   `json:"max_completion_tokens,omitempty"`
	ResponseFormat      *openaiResponseFormat `json:"response_format,omitempty"`
	Stream              bool                  `json:"stream"`
}

type openaiResponse struct {
	Choices []struct {
		Message struct {
			Content *string `json:"content"`
			Refusal *string `json:"refusal"`
		} `json:"message"`
		FinishReason string `json:"finish_reason"`
	} `json:"choices"`
	Usage struct {
		PromptTokens     int `json:"prompt_tokens"`
		CompletionTokens int `json:"completion_tokens"`
	} `json:"usage"`
}

// Review implements Provider.
func (o *OpenAI) Review(ctx context.Context, req Request) (Response, error) {
	body := openaiRequest{Model: req.Model, Temperature: req.Temperature, TopP: req.TopP}
	if o.official {
		body.MaxCompletionTokens = req.MaxTokens
	} else {
		body.MaxTokens = req.MaxTokens
	}
	if req.System != "" {
		body.Messages = append(body.Messages, openaiMessage{Role: "system", Content: req.System})
	}
	body.Messages = append(body.Messages, openaiMessage{Role: "user", Content: req.Prompt})
	if len(req.Schema) > 0 {
		// strict mode would demand every property be required; the answer
		// schema keeps the original's optional fields, so it is off and the
		// answer is validated here instead.
		body.ResponseFormat = &openaiResponseFormat{Type: "json_schema",
			JSONSchema: &openaiJSONSchema{Name: "patchpatrol_review", Schema: req.Schema}}
	}
	var out openaiResponse
	err := o.c.do(ctx, http.MethodPost, "/chat/completions", body, &out)
	var pe *Error
	if errors.As(err, &pe) && pe.Kind == ErrBadRequest && body.ResponseFormat != nil &&
		(strings.Contains(pe.Msg, "response_format") || strings.Contains(pe.Msg, "json_schema")) {
		body.ResponseFormat = nil
		err = o.c.do(ctx, http.MethodPost, "/chat/completions", body, &out)
	}
	if err != nil {
		return Response{}, err
	}
	if len(out.Choices) == 0 {
		return Response{}, errorf(o.backend, ErrBadAnswer, "/chat/completions answered without choices")
	}
	ch := out.Choices[0]
	if ch.Message.Refusal != nil && *ch.Message.Refusal != "" {
		return Response{}, errorf(o.backend, ErrBadAnswer, "the model refused: %s", oneLine(*ch.Message.Refusal))
	}
	text := ""
	if ch.Message.Content != nil {
		text = *ch.Message.Content
	}
	return Response{Text: text, FinishReason: ch.FinishReason, Truncated: ch.FinishReason == "length",
		InputTokens: out.Usage.PromptTokens, OutputTokens: out.Usage.CompletionTokens}, nil
}

// Test implements Tester with GET {base}/models; on OpenAI itself the model
// must be listed.
func (o *OpenAI) Test(ctx context.Context, model string) error {
	var out struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := o.c.do(ctx, http.MethodGet, "/models", nil, &out); err != nil {
		return err
	}
	if model == "" || !o.official {
		return nil
	}
	for _, m := range out.Data {
		if m.ID == model {
			return nil
		}
	}
	return &Error{Backend: o.backend, Kind: ErrNotFound, Msg: fmt.Sprintf("model %s is not available to this key", model),
		Fix: "check the model name, for example openai:gpt-4.1-mini"}
}
