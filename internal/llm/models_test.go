package llm

import "testing"

func TestResolve(t *testing.T) {
	cases := []struct {
		model, backend string
		want           string
		ok, err        bool
	}{
		{"", "", "", false, false},
		{"", "ollama", "", false, false},
		{"quality", "", "ollama:qwen2.5-coder:7b", true, false},
		{"cloud", "", "gemini:gemini-2.5-flash", true, false},
		{"ollama:qwen2.5-coder:7b", "", "ollama:qwen2.5-coder:7b", true, false},
		{"openai:gpt-4.1-mini", "openai", "openai:gpt-4.1-mini", true, false},
		{"gpt-4.1-mini", "openai", "openai:gpt-4.1-mini", true, false},
		{"gpt-4.1-mini", "", "", false, true},
		{"quality", "gemini", "", false, true},
		{"x", "onnx", "", false, true},
		{"x", "bogus", "", false, true},
		{"ollama:", "", "", false, true},
		{"openai:gpt", "gemini", "", false, true},
	}
	for _, c := range cases {
		t.Run(c.model+"/"+c.backend, func(t *testing.T) {
			spec, ok, err := Resolve(c.model, c.backend)
			if (err != nil) != c.err || ok != c.ok || (ok && spec.String() != c.want) {
				t.Errorf("Resolve(%q, %q) = %v, %v, %v", c.model, c.backend, spec, ok, err)
			}
		})
	}
}
