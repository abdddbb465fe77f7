package llm

import (
	"fmt"
	"sort"
	"strings"
)

// Backends are the model providers PatchPatrol speaks to. "llama" is the
// original PatchPatrol's name for a llama.cpp server, which speaks the OpenAI
// protocol.
var Backends = []string{"ollama", "openai", "anthropic", "gemini", "llama"}

// Alias is a short model name, as in the original PatchPatrol.
type Alias struct {
	Name     string
	Backend  string
	Model    string
	Purpose  string
	Location string // "local" or "cloud"
}

// Aliases returns the alias table, sorted by name.
func Aliases() []Alias {
	a := []Alias{
		{"ci", "ollama", "qwen2.5-coder:1.5b", "Fast CI/CD reviews", "local"},
		{"dev", "ollama", "qwen2.5-coder:3b", "Development workflow", "local"},
		{"quality", "ollama", "qwen2.5-coder:7b", "High-quality analysis", "local"},
		{"minimal", "ollama", "qwen2.5-coder:0.5b", "Smallest and fastest", "local"},
		{"cloud", "gemini", "gemini-2.5-flash", "Fast cloud reviews", "cloud"},
		{"premium", "anthropic", "claude-sonnet-4-5", "Premium cloud analysis", "cloud"},
	}
	sort.Slice(a, func(i, j int) bool { return a[i].Name < a[j].Name })
	return a
}

// Spec is a resolved model choice.
type Spec struct {
	Backend string
	Model   string
	Alias   string // the alias it came from, if any
}

func (s Spec) String() string { return s.Backend + ":" + s.Model }

// ValidBackend reports whether b names a supported backend.
func ValidBackend(b string) bool {
	for _, x := range Backends {
		if x == b {
			return true
		}
	}
	return false
}

// Resolve turns --model and --backend into a Spec. The model may be an alias
// ("quality"), "provider:model" ("ollama:qwen2.5-coder:7b"), or a plain model
// name with --backend. An empty model means no model: ok is false.
func Resolve(model, backend string) (spec Spec, ok bool, err error) {
	model = strings.TrimSpace(model)
	backend = strings.ToLower(strings.TrimSpace(backend))
	if backend != "" && !ValidBackend(backend) {
		if backend == "onnx" {
			return Spec{}, false, fmt.Errorf("backend %q is not supported: run local models with --backend ollama or an OpenAI-compatible server (--backend openai)", backend)
		}
		return Spec{}, false, fmt.Errorf("unknown backend %q: use one of %s", backend, strings.Join(Backends, ", "))
	}
	if model == "" {
		return Spec{}, false, nil
	}
	for _, a := range Aliases() {
		if a.Name == model {
			b := a.Backend
			if backend != "" && backend != b {
				return Spec{}, false, fmt.Errorf("model alias %q is a %s model, but --backend is %s: drop --backend or name a %s model", model, b, backend, backend)
			}
			return Spec{Backend: b, Model: a.Model, Alias: a.Name}, true, nil
		}
	}
	if p, rest, found := strings.Cut(model, ":"); found && ValidBackend(p) {
		if rest == "" {
			return Spec{}, false, fmt.Errorf("model %q names no model after %q: write %s:<model>", model, p+":", p)
		}
		if backend != "" && backend != p {
			return Spec{}, false, fmt.Errorf("model %q is for %s, but --backend is %s", model, p, backend)
		}
		return Spec{Backend: p, Model: rest}, true, nil
	}
	if backend == "" {
		return Spec{}, false, fmt.Errorf("model %q needs a backend: use an alias (%s), write provider:model (for example ollama:%s), or add --backend",
			model, aliasNames(), model)
	}
	return Spec{Backend: backend, Model: model}, true, nil
}

func aliasNames() string {
	var n []string
	for _, a := range Aliases() {
		n = append(n, a.Name)
	}
	return strings.Join(n, ", ")
}

// modelInfo is what PatchPatrol assumes about a known model: its context
// window in tokens and, for hosted models, the list price in US dollars per
// million input and output tokens. Prices are estimates copied from the
// providers' public price lists (standard tier, prompts under 200k tokens)
// and go out of date; they feed --dry-run's cost estimate only.
type modelInfo struct {
	prefix        string // matches the model name or a longer, dated name
	window        int
	inUSD, outUSD float64
}

// knownModels is the table, most specific prefix first.
var knownModels = [...]modelInfo{
	{"qwen2.5-coder", 32768, 0, 0},
	{"qwen3-coder", 262144, 0, 0},
	{"codellama", 16384, 0, 0},
	{"deepseek-coder-v2", 131072, 0, 0},
	{"llama3.1", 131072, 0, 0},
	{"llama3.2", 131072, 0, 0},
	{"gemini-2.5-flash-lite", 1048576, 0.10, 0.40},
	{"gemini-2.5-flash", 1048576, 0.30, 2.50},
	{"gemini-2.5-pro", 1048576, 1.25, 10.00},
	{"gemini-2.0-flash", 1048576, 0.10, 0.40},
	{"claude-haiku-4-5", 200000, 1.00, 5.00},
	{"claude-sonnet-4-5", 200000, 3.00, 15.00},
	{"claude-sonnet-4", 200000, 3.00, 15.00},
	{"claude-opus-4-1", 200000, 15.00, 75.00},
	{"claude-3-5-haiku", 200000, 0.80, 4.00},
	{"gpt-4.1-nano", 1047576, 0.10, 0.40},
	{"gpt-4.1-mini", 1047576, 0.40, 1.60},
	{"gpt-4.1", 1047576, 2.00, 8.00},
	{"gpt-4o-mini", 128000, 0.15, 0.60},
	{"gpt-4o", 128000, 2.50, 10.00},
}

// defaultWindows are assumed for models the table does not know.
func defaultWindow(backend string) int {
	switch backend {
	case "anthropic":
		return 200000
	case "gemini":
		return 1048576
	case "openai":
		return 128000
	}
	return 8192 // ollama and llama.cpp models of unknown size: be modest
}

func lookupModel(model string) (modelInfo, bool) {
	for _, m := range knownModels {
		if strings.HasPrefix(model, m.prefix) {
			return m, true
		}
	}
	return modelInfo{}, false
}

// ContextWindow returns the context window PatchPatrol assumes for a model,
// in tokens.
func ContextWindow(s Spec) int {
	if m, ok := lookupModel(s.Model); ok {
		return m.window
	}
	return defaultWindow(s.Backend)
}

// Price returns the assumed list price of a hosted model in US dollars per
// million input and output tokens; ok is false for local or unknown models.
func Price(s Spec) (in, out float64, ok bool) {
	if s.Backend == "ollama" || s.Backend == "llama" {
		return 0, 0, false
	}
	m, found := lookupModel(s.Model)
	if !found || (m.inUSD == 0 && m.outUSD == 0) {
		return 0, 0, false
	}
	return m.inUSD, m.outUSD, true
}
