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
