package llm

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Config is what Connect needs to reach a backend. Keys come from Getenv
// only: the caller decides whether a trusted config's [patchpatrol.env]
// table is consulted after the real environment.
type Config struct {
	Spec    Spec
	BaseURL string // --base-url, or a trusted config's base_url; "" reads the backend's variable
	Getenv  func(string) string
	HTTP    *http.Client
	Timeout time.Duration // per request attempt
}

// Endpoint says where a backend is and which variable the key came from
// (never the key itself).
type Endpoint struct {
	Backend string
	BaseURL string
	KeyVar  string // "" when no key is used
	// Source says where BaseURL came from: "--base-url", an environment
	// variable, or "default".
	Source string
}

// Loopback reports whether the endpoint is on this machine.
func (e Endpoint) Loopback() bool { return IsLoopback(e.BaseURL) }

// Cloud reports whether code sent to the endpoint leaves this machine for a
// hosted model (anything that is not loopback).
func (e Endpoint) Cloud() bool { return !e.Loopback() }

// IsLoopback reports whether a URL's host is localhost or a loopback address.
func IsLoopback(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	h := u.Hostname()
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// baseVars are the variables each backend reads its URL from, in order.
func baseVars(backend string) []string {
	switch backend {
	case "ollama":
		return []string{"OLLAMA_HOST"}
	case "openai", "llama":
		return []string{"OPENAI_BASE_URL"}
	case "anthropic":
		return []string{"ANTHROPIC_BASE_URL"}
	case "gemini":
		return []string{"GOOGLE_GEMINI_BASE_URL", "GEMINI_BASE_URL"}
	}
	return nil
}

func keyVars(backend string) []string {
	switch backend {
	case "openai", "llama":
		return []string{"OPENAI_API_KEY"}
	case "anthropic":
		return []string{"ANTHROPIC_API_KEY"}
	case "gemini":
		return []string{"GEMINI_API_KEY", "GOOGLE_API_KEY"}
	}
	return nil
}

func defaultURL(backend string) string {
	switch backend {
	case "ollama":
		return DefaultOllamaURL
	case "openai":
		return DefaultOpenAIURL
	case "llama":
		return DefaultLlamaURL
	case "anthropic":
		return DefaultAnthropicURL
	case "gemini":
		return DefaultGeminiURL
	}
	return ""
}

// Resolve finds where the backend is and which key it uses, without
// connecting.
func (cfg Config) Resolve() (Endpoint, string, error) {
	getenv := cfg.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	b := cfg.Spec.Backend
	if !ValidBackend(b) {
		return Endpoint{}, "", fmt.Errorf("unknown backend %q: use one of %s", b, strings.Join(Backends, ", "))
	}
	ep := Endpoint{Backend: b, BaseURL: strings.TrimSpace(cfg.BaseURL), Source: "--base-url"}
	if ep.BaseURL == "" {
		ep.Source = "default"
		for _, v := range baseVars(b) {
			if s := strings.TrimSpace(getenv(v)); s != "" {
				ep.BaseURL, ep.Source = s, v
				break
			}
		}
	}
	if b == "ollama" {
		u, err := OllamaURL(ep.BaseURL)
		if err != nil {
			return Endpoint{}, "", err
		}
		ep.BaseURL = u
	} else if ep.BaseURL == "" {
		ep.BaseURL = defaultURL(b)
	}
	u, err := url.Parse(ep.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Endpoint{}, "", fmt.Errorf("%s: base URL %q (from %s) is not an http or https URL", b, ep.BaseURL, ep.Source)
	}
	ep.BaseURL = strings.TrimRight(ep.BaseURL, "/")
	key := ""
	for _, v := range keyVars(b) {
		if s := strings.TrimSpace(getenv(v)); s != "" {
			key, ep.KeyVar = s, v
			break
		}
	}
	if key == "" {
		switch {
		case b == "anthropic" || b == "gemini":
			return ep, "", &Error{Backend: b, Kind: ErrAuth, Msg: strings.Join(keyVars(b), " or ") + " is not set",
				Fix: fixFor(b, ErrAuth, "")}
		case b == "openai" && strings.Contains(ep.BaseURL, "api.openai.com"):
			return ep, "", &Error{Backend: b, Kind: ErrAuth, Msg: "OPENAI_API_KEY is not set",
				Fix: "set OPENAI_API_KEY, or point --base-url at a local OpenAI-compatible server"}
		}
	}
	return ep, key, nil
}

// Connect returns the provider for cfg.Spec and where it is.
func Connect(cfg Config) (Provider, Endpoint, error) {
	ep, key, err := cfg.Resolve()
	if err != nil {
		return nil, ep, err
	}
	switch ep.Backend {
	case "ollama":
		return NewOllama(ep.BaseURL, cfg.HTTP, cfg.Timeout), ep, nil
	case "openai", "llama":
		return NewOpenAI(ep.Backend, ep.BaseURL, key, cfg.HTTP, cfg.Timeout), ep, nil
	case "anthropic":
		return NewAnthropic(ep.BaseURL, key, cfg.HTTP, cfg.Timeout), ep, nil
	case "gemini":
		return NewGemini(ep.BaseURL, key, cfg.HTTP, cfg.Timeout), ep, nil
	}
	return nil, ep, fmt.Errorf("unknown backend %q", ep.Backend)
}
