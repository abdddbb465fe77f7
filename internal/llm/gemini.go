package llm

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultGeminiURL is the Gemini API.
const DefaultGeminiURL = "https://generativelanguage.googleapis.com"

// Gemini speaks the Gemini API: POST /v1beta/models/{model}:generateContent
// with responseMimeType application/json and the answer schema, converted to
// the OpenAPI subset Gemini reads, as responseSchema.
type Gemini struct {
	c *client
}

var (
	_ Provider = (*Gemini)(nil)
	_ Tester   = (*Gemini)(nil)
)

// NewGemini returns a client for the Gemini API at base.
func NewGemini(base, key string, hc *http.Client, timeout time.Duration) *Gemini {
	header := func(h http.Header) { h.Set("x-goog-api-key", key) }
	return &Gemini{c: newClient("gemini", base, hc, timeout, header)}
}

type geminiPart struct {
	Text    string `json:"text"`
	Thought bool   `json:"thought,omitempty"`
}

type geminiContent struct {
	Role  string       `json:"role,omitempty"`
	Parts []geminiPart `json:"parts"`
}

type geminiConfig struct {
	Temperature      float64        `json:"temperature"`
	TopP             float64        `json:"topP,omitempty"`
	MaxOutputTokens  int            `json:"maxOutputTokens,omitempty"`
	ResponseMimeType string         `json:"responseMimeType,omitempty"`
	ResponseSchema   map[string]any `json:"responseSchema,omitempty"`
}

type geminiRequest struct {
	SystemInstruction *geminiContent  `json:"systemInstruction,omitempty"`
	Contents          []geminiContent `json:"contents"`
	GenerationConfig  geminiConfig    `json:"generationConfig"`
}

type geminiResponse struct {
	Candidates []struct {
		Content      geminiContent `json:"content"`
		FinishReason string        `json:"finishReason"`
	} `json:"candidates"`
	PromptFeedback struct {
		BlockReason string `json:"blockReason"`
	} `json:"promptFeedback"`
	UsageMetadata struct {
		PromptTokenCount     int `json:"promptTokenCount"`
		CandidatesTokenCount int `json:"candidatesTokenCount"`
	} `json:"usageMetadata"`
}

// Review implements Provider.
func (g *Gemini) Review(ctx context.Context, req Request) (Response, error) {
	body := geminiRequest{
		Contents: []geminiContent{{Role: "user", Parts: []geminiPart{{Text: req.Prompt}}}},
		GenerationConfig: geminiConfig{Temperature: req.Temperature, TopP: req.TopP,
			MaxOutputTokens: req.MaxTokens},
	}
	if req.System != "" {
		body.SystemInstruction = &geminiContent{Parts: []geminiPart{{Text: req.System}}}
	}
	if len(req.Schema) > 0 {
		var s map[string]any
		if err := json.Unmarshal(req.Schema, &s); err == nil {
			body.GenerationConfig.ResponseMimeType = "application/json"
			body.GenerationConfig.ResponseSchema = geminiSchema(s)
		}
	}
	var out geminiResponse
	path := "/v1beta/models/" + url.PathEscape(strings.TrimPrefix(req.Model, "models/")) + ":generateContent"
	if err := g.c.do(ctx, http.MethodPost, path, body, &out); err != nil {
		return Response{}, err
	}
	if len(out.Candidates) == 0 {
		if out.PromptFeedback.BlockReason != "" {
			return Response{}, errorf("gemini", ErrBadAnswer, "the prompt was blocked (%s)", out.PromptFeedback.BlockReason)
		}
		return Response{}, errorf("gemini", ErrBadAnswer, "generateContent answered without candidates")
	}
	c := out.Candidates[0]
	var text strings.Builder
	for _, p := range c.Content.Parts {
		if !p.Thought {
			text.WriteString(p.Text)
		}
	}
	return Response{Text: text.String(), FinishReason: c.FinishReason, Truncated: c.FinishReason == "MAX_TOKENS",
		InputTokens: out.UsageMetadata.PromptTokenCount, OutputTokens: out.UsageMetadata.CandidatesTokenCount}, nil
}

// Test implements Tester with GET /v1beta/models or /v1beta/models/{model}.
func (g *Gemini) Test(ctx context.Context, model string) error {
	path := "/v1beta/models"
	if model != "" {
		path += "/" + url.PathEscape(strings.TrimPrefix(model, "models/"))
	}
	var out json.RawMessage
	return g.c.do(ctx, http.MethodGet, path, nil, &out)
}

// geminiSchema converts a JSON schema to Gemini's Schema object: upper-case
// types, a type list becomes its first non-null type (nullable when null is
// listed), and keywords Gemini does not read are dropped.
func geminiSchema(s map[string]any) map[string]any {
	out := map[string]any{}
	switch t := s["type"].(type) {
	case string:
		out["type"] = strings.ToUpper(t)
	case []any:
		for _, x := range t {
			if xs, _ := x.(string); xs == "null" {
				out["nullable"] = true
			} else if _, set := out["type"]; !set && xs != "" {
				out["type"] = strings.ToUpper(xs)
			}
		}
	}
	for _, k := range []string{"description", "enum", "format", "nullable", "required", "minItems", "maxItems", "minimum", "maximum"} {
		if v, ok := s[k]; ok {
			out[k] = v
		}
	}
	if items, ok := s["items"].(map[string]any); ok {
		out["items"] = geminiSchema(items)
	}
	if props, ok := s["properties"].(map[string]any); ok {
		p := map[string]any{}
		for k, v := range props {
			if m, ok := v.(map[string]any); ok {
				p[k] = geminiSchema(m)
			}
		}
		out["properties"] = p
	}
	return out
}
