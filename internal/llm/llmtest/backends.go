package llmtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// ---- Ollama: /api/chat, /api/tags, /api/pull, /api/delete, /api/version ----

func (s *Server) ollamaError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func (s *Server) ollama(w http.ResponseWriter, r *http.Request, body []byte, idx int) {
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/api/version":
		writeJSON(w, 200, map[string]string{"version": "0.12.0"})
	case r.Method == http.MethodGet && r.URL.Path == "/api/tags":
		var models []map[string]any
		for _, m := range s.installed() {
			models = append(models, map[string]any{"name": m, "model": m, "modified_at": timestamp,
				"size": 4683087332, "digest": strings.Repeat("ab", 32),
				"details": map[string]any{"format": "gguf", "family": "qwen2", "parameter_size": "7.6B", "quantization_level": "Q4_K_M"}})
		}
		writeJSON(w, 200, map[string]any{"models": models})
	case r.Method == http.MethodPost && r.URL.Path == "/api/pull":
		s.ollamaPull(w, body)
	case r.Method == http.MethodDelete && r.URL.Path == "/api/delete":
		m, err := decodeObject(body)
		if err != nil || str(m, "model") == "" {
			s.problem(w, "/api/delete wants {\"model\": NAME}, got %s", body)
			return
		}
		name := str(m, "model")
		s.mu.Lock()
		found := false
		for i, x := range s.models {
			if x == name {
				s.models = append(s.models[:i], s.models[i+1:]...)
				found = true
				break
			}
		}
		s.mu.Unlock()
		if !found {
			s.ollamaError(w, 404, fmt.Sprintf("model '%s' not found", name))
			return
		}
		w.WriteHeader(200)
	case r.Method == http.MethodPost && r.URL.Path == "/api/chat":
		s.ollamaChat(w, r, body, idx)
	default:
		http.NotFound(w, r)
	}
}

func (s *Server) ollamaPull(w http.ResponseWriter, body []byte) {
	m, err := decodeObject(body)
	if err != nil || str(m, "model") == "" {
		s.problem(w, "/api/pull wants {\"model\": NAME}, got %s", body)
		return
	}
	name := str(m, "model")
	w.Header().Set("Content-Type", "application/x-ndjson")
	enc := json.NewEncoder(w)
	fl, _ := w.(http.Flusher)
	send := func(v any) {
		_ = enc.Encode(v)
		if fl != nil {
			fl.Flush()
		}
	}
	if strings.HasPrefix(name, "missing") {
		send(map[string]any{"status": "pulling manifest"})
		send(map[string]any{"error": "pull model manifest: file does not exist"})
		return
	}
	send(map[string]any{"status": "pulling manifest"})
	digest := "sha256:" + strings.Repeat("5f", 32)
	const total = 1000
	for done := 0; done <= total; done += 250 {
		send(map[string]any{"status": "pulling " + digest[7:19], "digest": digest, "total": total, "completed": done})
	}
	send(map[string]any{"status": "verifying sha256 digest"})
	send(map[string]any{"status": "writing manifest"})
	send(map[string]any{"status": "success"})
	s.mu.Lock()
	s.models = append(s.models, name)
	s.mu.Unlock()
}

func (s *Server) ollamaChat(w http.ResponseWriter, r *http.Request, body []byte, idx int) {
	m, err := decodeObject(body)
	if err != nil {
		s.problem(w, "/api/chat body is not JSON: %v", err)
		return
	}
	if stream, ok := m["stream"].(bool); !ok || stream {
		s.problem(w, "/api/chat: stream must be false, got %v", m["stream"])
		return
	}
	if !isSchema(obj(m, "format")) {
		s.problem(w, "/api/chat: format must be the answer's JSON schema, got %v", m["format"])
		return
	}
	opts := obj(m, "options")
	if n, ok := num(opts, "num_ctx"); !ok || n < 2048 {
		s.problem(w, "/api/chat: options.num_ctx must size the context (>= 2048), got %v", opts["num_ctx"])
		return
	}
	if n, ok := num(opts, "num_predict"); !ok || n <= 0 {
		s.problem(w, "/api/chat: options.num_predict must be set, got %v", opts["num_predict"])
		return
	}
	system, prompt, ok := chatTexts(list(m, "messages"))
	if !ok {
		s.problem(w, "/api/chat: messages must be [system?, user] with string content")
		return
	}
	s.setTexts(idx, system, prompt)
	if str(m, "model") != s.Model {
		s.ollamaError(w, 404, fmt.Sprintf("model '%s' not found", str(m, "model")))
		return
	}
	f := s.nextFault()
	switch f {
	case Slow:
		s.wait(r)
	case RateLimited:
		w.Header().Set("Retry-After", "0")
		s.ollamaError(w, 429, "too many requests")
		return
	case ServerError:
		s.ollamaError(w, 500, "llama runner process has terminated: exit status 2")
		return
	}
	text, cut := s.answerFor(f, system, prompt)
	reason := "stop"
	if cut {
		reason = "length"
	}
	writeJSON(w, 200, map[string]any{"model": s.Model, "created_at": timestamp,
		"message": map[string]any{"role": "assistant", "content": text}, "done": true, "done_reason": reason,
		"total_duration": 123456789, "load_duration": 1234, "prompt_eval_count": len(prompt) / 4,
		"prompt_eval_duration": 1000, "eval_count": len(text) / 4, "eval_duration": 1000})
}

// chatTexts reads [{"role": "system"}, {"role": "user"}] messages.
func chatTexts(msgs []any) (system, prompt string, ok bool) {
	for _, x := range msgs {
		m, isObj := x.(map[string]any)
		if !isObj {
			return "", "", false
		}
		c, isStr := m["content"].(string)
		if !isStr {
			return "", "", false
		}
		switch str(m, "role") {
		case "system", "developer":
			system = c
		case "user":
			prompt = c
		default:
			return "", "", false
		}
	}
	return system, prompt, prompt != ""
}

// ---- OpenAI chat completions ----

func (s *Server) openaiError(w http.ResponseWriter, status int, typ, code, msg string) {
	writeJSON(w, status, map[string]any{"error": map[string]any{"message": msg, "type": typ, "param": nil, "code": code}})
}

func (s *Server) openai(w http.ResponseWriter, r *http.Request, body []byte, idx int) {
	if s.Key != "" && r.Header.Get("Authorization") != "Bearer "+s.Key {
		s.openaiError(w, 401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.")
		return
	}
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/v1/models":
		writeJSON(w, 200, map[string]any{"object": "list", "data": []any{
			map[string]any{"id": s.Model, "object": "model", "created": 1700000000, "owned_by": "llmtest"}}})
	case r.Method == http.MethodPost && r.URL.Path == "/v1/chat/completions":
		s.openaiChat(w, r, body, idx)
	default:
		s.openaiError(w, 404, "invalid_request_error", "unknown_url", "Unknown request URL: "+r.Method+" "+r.URL.Path)
	}
}

func (s *Server) openaiChat(w http.ResponseWriter, r *http.Request, body []byte, idx int) {
	m, err := decodeObject(body)
	if err != nil {
		s.problem(w, "/v1/chat/completions body is not JSON: %v", err)
		return
	}
	if r.Header.Get("Content-Type") != "application/json" {
		s.problem(w, "Content-Type must be application/json, got %q", r.Header.Get("Content-Type"))
		return
	}
	rf := obj(m, "response_format")
	js := obj(rf, "json_schema")
	if str(rf, "type") != "json_schema" || str(js, "name") == "" || !isSchema(obj(js, "schema")) {
		s.problem(w, "response_format must be {type: json_schema, json_schema: {name, schema}}, got %v", m["response_format"])
		return
	}
	_, hasMax := num(m, "max_tokens")
	_, hasMaxC := num(m, "max_completion_tokens")
	if !hasMax && !hasMaxC {
		s.problem(w, "max_tokens or max_completion_tokens must be set")
		return
	}
	system, prompt, ok := chatTexts(list(m, "messages"))
	if !ok {
		s.problem(w, "messages must be [system?, user] with string content")
		return
	}
	s.setTexts(idx, system, prompt)
	if str(m, "model") != s.Model {
		s.openaiError(w, 404, "invalid_request_error", "model_not_found", fmt.Sprintf("The model `%s` does not exist or you do not have access to it.", str(m, "model")))
		return
	}
	f := s.nextFault()
	switch f {
	case Slow:
		s.wait(r)
	case RateLimited:
		w.Header().Set("Retry-After", "0")
		w.Header().Set("Retry-After-Ms", "10")
		s.openaiError(w, 429, "requests", "rate_limit_exceeded", "Rate limit reached for requests")
		return
	case ServerError:
		s.openaiError(w, 500, "server_error", "", "The server had an error while processing your request.")
		return
	}
	text, cut := s.answerFor(f, system, prompt)
	reason := "stop"
	if cut {
		reason = "length"
	}
	writeJSON(w, 200, map[string]any{"id": "chatcmpl-llmtest", "object": "chat.completion", "created": 1700000000,
		"model": s.Model, "choices": []any{map[string]any{"index": 0,
			"message":       map[string]any{"role": "assistant", "content": text, "refusal": nil},
			"logprobs":      nil,
			"finish_reason": reason}},
		"usage": map[string]any{"prompt_tokens": len(prompt) / 4, "completion_tokens": len(text) / 4,
			"total_tokens": (len(prompt) + len(text)) / 4}})
}

// ---- Anthropic messages ----

func (s *Server) anthropicError(w http.ResponseWriter, status int, typ, msg string) {
	w.Header().Set("request-id", "req_llmtest")
	writeJSON(w, status, map[string]any{"type": "error", "error": map[string]any{"type": typ, "message": msg}})
}

func (s *Server) anthropic(w http.ResponseWriter, r *http.Request, body []byte, idx int) {
	if r.Header.Get("x-api-key") != s.Key {
		s.anthropicError(w, 401, "authentication_error", "invalid x-api-key")
		return
	}
	if r.Header.Get("anthropic-version") != "2023-06-01" {
		s.problem(w, "anthropic-version header must be 2023-06-01, got %q", r.Header.Get("anthropic-version"))
		return
	}
	switch {
	case r.Method == http.MethodGet && (r.URL.Path == "/v1/models" || r.URL.Path == "/v1/models/"+s.Model):
		model := map[string]any{"type": "model", "id": s.Model, "display_name": "Test model", "created_at": timestamp}
		if r.URL.Path == "/v1/models" {
			writeJSON(w, 200, map[string]any{"data": []any{model}, "has_more": false, "first_id": s.Model, "last_id": s.Model})
		} else {
			writeJSON(w, 200, model)
		}
	case r.Method == http.MethodPost && r.URL.Path == "/v1/messages":
		s.anthropicMessages(w, r, body, idx)
	default:
		s.anthropicError(w, 404, "not_found_error", "Not found: "+r.URL.Path)
	}
}

func (s *Server) anthropicMessages(w http.ResponseWriter, r *http.Request, body []byte, idx int) {
	m, err := decodeObject(body)
	if err != nil {
		s.problem(w, "/v1/messages body is not JSON: %v", err)
		return
	}
	if n, ok := num(m, "max_tokens"); !ok || n <= 0 {
		s.problem(w, "max_tokens is required")
		return
	}
	if _, ok := m["top_p"]; ok {
		if _, t := m["temperature"]; t {
			s.anthropicError(w, 400, "invalid_request_error", "`temperature` and `top_p` cannot both be specified for this model. Please use only one.")
			return
		}
	}
	tools := list(m, "tools")
	if len(tools) != 1 {
		s.problem(w, "want exactly one tool, got %d", len(tools))
		return
	}
	tool, _ := tools[0].(map[string]any)
	choice := obj(m, "tool_choice")
	if str(choice, "type") != "tool" || str(choice, "name") != str(tool, "name") || !isSchema(obj(tool, "input_schema")) {
		s.problem(w, "tool_choice must force the one tool, whose input_schema is the answer schema; got %v / %v", m["tool_choice"], tool)
		return
	}
	msgs := list(m, "messages")
	if len(msgs) != 1 {
		s.problem(w, "want one user message, got %d", len(msgs))
		return
	}
	_, prompt, ok := chatTexts(msgs)
	if !ok {
		s.problem(w, "messages must be one user message with string content")
		return
	}
	system := str(m, "system")
	s.setTexts(idx, system, prompt)
	if str(m, "model") != s.Model {
		s.anthropicError(w, 404, "not_found_error", "model: "+str(m, "model"))
		return
	}
	f := s.nextFault()
	switch f {
	case Slow:
		s.wait(r)
	case RateLimited:
		w.Header().Set("retry-after", "0")
		s.anthropicError(w, 429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit")
		return
	case ServerError:
		s.anthropicError(w, 500, "api_error", "Internal server error")
		return
	}
	text, cut := s.answerFor(f, system, prompt)
	var content []any
	stop := "tool_use"
	switch {
	case cut:
		// The tool input was cut off: the API returns what it has.
		content = []any{map[string]any{"type": "tool_use", "id": "toolu_llmtest", "name": str(tool, "name"), "input": map[string]any{}}}
		stop = "max_tokens"
	case f == InvalidJSON || f == Fenced:
		// A gateway that ignores tool_choice answers in text.
		content = []any{map[string]any{"type": "text", "text": text}}
		stop = "end_turn"
	default:
		var input any
		if err := json.Unmarshal([]byte(text), &input); err != nil {
			s.tb.Errorf("llmtest anthropic: Answer is not JSON: %v", err)
		}
		content = []any{map[string]any{"type": "tool_use", "id": "toolu_llmtest", "name": str(tool, "name"), "input": input}}
	}
	writeJSON(w, 200, map[string]any{"id": "msg_llmtest", "type": "message", "role": "assistant", "model": s.Model,
		"content": content, "stop_reason": stop, "stop_sequence": nil,
		"usage": map[string]any{"input_tokens": len(prompt) / 4, "output_tokens": len(text) / 4}})
}

// ---- Gemini generateContent ----

func (s *Server) geminiError(w http.ResponseWriter, status int, st, msg string, details ...any) {
	e := map[string]any{"code": status, "message": msg, "status": st}
	if len(details) > 0 {
		e["details"] = details
	}
	writeJSON(w, status, map[string]any{"error": e})
}

func (s *Server) gemini(w http.ResponseWriter, r *http.Request, body []byte, idx int) {
	if r.Header.Get("x-goog-api-key") != s.Key {
		s.geminiError(w, 400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.")
		return
	}
	switch {
	case r.Method == http.MethodGet && (r.URL.Path == "/v1beta/models" || r.URL.Path == "/v1beta/models/"+s.Model):
		model := map[string]any{"name": "models/" + s.Model, "displayName": "Test model", "inputTokenLimit": 1048576,
			"outputTokenLimit": 65536, "supportedGenerationMethods": []string{"generateContent"}}
		if r.URL.Path == "/v1beta/models" {
			writeJSON(w, 200, map[string]any{"models": []any{model}})
		} else {
			writeJSON(w, 200, model)
		}
	case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/v1beta/models/") && strings.HasSuffix(r.URL.Path, ":generateContent"):
		s.geminiGenerate(w, r, body, idx)
	default:
		s.geminiError(w, 404, "NOT_FOUND", "Requested entity was not found.")
	}
}

func (s *Server) geminiGenerate(w http.ResponseWriter, r *http.Request, body []byte, idx int) {
	m, err := decodeObject(body)
	if err != nil {
		s.problem(w, "generateContent body is not JSON: %v", err)
		return
	}
	gc := obj(m, "generationConfig")
	if str(gc, "responseMimeType") != "application/json" {
		s.problem(w, "generationConfig.responseMimeType must be application/json, got %v", gc["responseMimeType"])
		return
	}
	rs := obj(gc, "responseSchema")
	if str(rs, "type") != "OBJECT" || !isSchema(rs) {
		s.problem(w, "generationConfig.responseSchema must be the answer schema with type OBJECT, got %v", gc["responseSchema"])
		return
	}
	if bad := unknownSchemaKeys(rs); bad != "" {
		// The real API answers 400 "Invalid JSON payload received. Unknown name".
		s.problem(w, "responseSchema holds %q, which Gemini's Schema object does not have", bad)
		return
	}
	contents := list(m, "contents")
	if len(contents) != 1 {
		s.problem(w, "want one content, got %d", len(contents))
		return
	}
	c, _ := contents[0].(map[string]any)
	parts := list(c, "parts")
	if str(c, "role") != "user" || len(parts) != 1 {
		s.problem(w, "contents[0] must be {role: user, parts: [{text}]}")
		return
	}
	p0, _ := parts[0].(map[string]any)
	prompt := str(p0, "text")
	system := ""
	if si := obj(m, "systemInstruction"); si != nil {
		if sp := list(si, "parts"); len(sp) == 1 {
			x, _ := sp[0].(map[string]any)
			system = str(x, "text")
		}
	}
	s.setTexts(idx, system, prompt)
	if r.URL.Path != "/v1beta/models/"+s.Model+":generateContent" {
		s.geminiError(w, 404, "NOT_FOUND", "models/"+strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/v1beta/models/"), ":generateContent")+" is not found for API version v1beta")
		return
	}
	f := s.nextFault()
	switch f {
	case Slow:
		s.wait(r)
	case RateLimited:
		s.geminiError(w, 429, "RESOURCE_EXHAUSTED", "You exceeded your current quota.",
			map[string]any{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "0.01s"})
		return
	case ServerError:
		s.geminiError(w, 500, "INTERNAL", "An internal error has occurred.")
		return
	}
	text, cut := s.answerFor(f, system, prompt)
	reason := "STOP"
	if cut {
		reason = "MAX_TOKENS"
	}
	writeJSON(w, 200, map[string]any{"candidates": []any{map[string]any{
		"content": map[string]any{"parts": []any{map[string]any{"text": text}}, "role": "model"}, "finishReason": reason, "index": 0}},
		"usageMetadata": map[string]any{"promptTokenCount": len(prompt) / 4, "candidatesTokenCount": len(text) / 4,
			"totalTokenCount": (len(prompt) + len(text)) / 4}, "modelVersion": s.Model})
}

// geminiSchemaKey reports whether k is a field of Gemini's Schema object.
func geminiSchemaKey(k string) bool {
	switch k {
	case "type", "format", "title", "description", "nullable", "enum", "maxItems", "minItems", "properties",
		"required", "minProperties", "maxProperties", "minLength", "maxLength", "pattern", "example", "anyOf",
		"propertyOrdering", "default", "items", "minimum", "maximum":
		return true
	}
	return false
}

func unknownSchemaKeys(v map[string]any) string {
	for k, x := range v {
		if !geminiSchemaKey(k) {
			return k
		}
		switch k {
		case "items":
			if o, ok := x.(map[string]any); ok {
				if bad := unknownSchemaKeys(o); bad != "" {
					return bad
				}
			}
		case "properties":
			if props, ok := x.(map[string]any); ok {
				for _, p := range props {
					if o, ok := p.(map[string]any); ok {
						if bad := unknownSchemaKeys(o); bad != "" {
							return bad
						}
					}
				}
			}
		}
	}
	return ""
}
