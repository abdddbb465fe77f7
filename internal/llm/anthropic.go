package llm

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"time"
)

// DefaultAnthropicURL is Anthropic's API.
const DefaultAnthropicURL = "https://api.anthropic.com"

// anthropicVersion is the API version header every request carries.
const anthropicVersion = "2023-06-01"

// reviewTool is the tool the model is forced to call: its input is the
// answer, so the answer is structured without a JSON mode.
const reviewTool = "submit_review"

// Anthropic speaks the Messages API: POST /v1/messages with the answer
// schema as the input_schema of one tool and tool_choice forcing that tool.
// Only temperature is sent, not top_p: current Claude models reject requests
// that set both.
type Anthropic struct {
	c *client
}

var (
	_ Provider = (*Anthropic)(nil)
	_ Tester   = (*Anthropic)(nil)
)

// NewAnthropic returns a client for the Messages API at base.
func NewAnthropic(base, key string, hc *http.Client, timeout time.Duration) *Anthropic {
	header := func(h http.Header) {
		h.Set("x-api-key", key)
		h.Set("anthropic-version", anthropicVersion)
	}
	return &Anthropic{c: newClient("anthropic", base, hc, timeout, header)}
}

type anthropicTool struct {
	Name        string          `json:"name"`
	Description string          `json:"description"`
	InputSchema json.RawMessage `json:"input_schema"`
}

type anthropicRequest struct {
	Model       string             `json:"model"`
	MaxTokens   int                `json:"max_tokens"`
	System      string             `json:"system,omitempty"`
	Messages    []openaiMessage    `json:"messages"`
	Temperature float64            `json:"temperature"`
	Tools       []anthropicTool    `json:"tools,omitempty"`
	ToolChoice  *map[string]string `json:"tool_choice,omitempty"`
}

type anthropicResponse struct {
	Type    string `json:"type"`
	Content []struct {
		Type  string          `json:"type"`
		Text  string          `json:"text"`
		Name  string          `json:"name"`
		Input json.RawMessage `json:"input"`
	} `json:"content"`
	StopReason string `json:"stop_reason"`
	Usage      struct {
		InputTokens  int `json:"input_tokens"`
		OutputTokens int `json:"output_tokens"`
	} `json:"usage"`
}

// Review implements Provider.
func (a *Anthropic) Review(ctx context.Context, req Request) (Response, error) {
	maxTokens := req.MaxTokens
	if maxTokens <= 0 {
		maxTokens = 1024 // required by the API
	}
	body := anthropicRequest{Model: req.Model, MaxTokens: maxTokens, System: req.System, Temperature: req.Temperature,
		Messages: []openaiMessage{{Role: "user", Content: req.Prompt}}}
	if len(req.Schema) > 0 {
		body.Tools = []anthropicTool{{Name: reviewTool, Description: "Submit the review of the change.", InputSchema: req.Schema}}
		body.ToolChoice = &map[string]string{"type": "tool", "name": reviewTool}
	}
	var out anthropicResponse
	if err := a.c.do(ctx, http.MethodPost, "/v1/messages", body, &out); err != nil {
		return Response{}, err
	}
	resp := Response{FinishReason: out.StopReason, Truncated: out.StopReason == "max_tokens",
		InputTokens: out.Usage.InputTokens, OutputTokens: out.Usage.OutputTokens}
	for _, c := range out.Content {
		if c.Type == "tool_use" && c.Name == reviewTool && len(c.Input) > 0 {
			resp.Text = string(c.Input)
			return resp, nil
		}
	}
	for _, c := range out.Content {
		if c.Type == "text" {
			resp.Text += c.Text
		}
	}
	if resp.Text == "" && !resp.Truncated {
		return Response{}, errorf("anthropic", ErrBadAnswer, "the answer has neither a %s tool call nor text (stop_reason %q)", reviewTool, out.StopReason)
	}
	return resp, nil
}

// Test implements Tester with GET /v1/models, or GET /v1/models/{model}.
func (a *Anthropic) Test(ctx context.Context, model string) error {
	path := "/v1/models"
	if model != "" {
		path += "/" + url.PathEscape(model)
	}
	var out json.RawMessage
	return a.c.do(ctx, http.MethodGet, path, nil, &out)
}
