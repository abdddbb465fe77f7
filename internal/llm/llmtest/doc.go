// Package llmtest runs local HTTP servers that speak the wire protocols of
// the model backends PatchPatrol supports (Ollama's native API, OpenAI chat
// completions, Anthropic messages, Gemini generateContent), for tests.
//
// It takes in a backend name and a script of faults, and gives out an
// httptest server that checks every request's shape (path, method, headers,
// body fields), records it, and answers in the backend's documented format:
// a good answer, or slow, 429 with Retry-After, 500, invalid JSON, fenced
// JSON, or an answer cut off at the length limit. It must never be used
// outside tests, and never listen on anything but the loopback interface.
package llmtest
