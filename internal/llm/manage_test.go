package llm_test

import (
	"context"
	"testing"
	"time"

	"github.com/patchpatrol/patchpatrol/internal/llm"
	"github.com/patchpatrol/patchpatrol/internal/llm/llmtest"
)

func TestOllamaManagement(t *testing.T) {
	srv := llmtest.New(t, "ollama", "qwen2.5-coder:7b")
	o := llm.NewOllama(srv.BaseURL(), nil, 2*time.Second)
	ctx := context.Background()

	models, err := o.List(ctx)
	if err != nil || len(models) != 1 || models[0].Name != "qwen2.5-coder:7b" || models[0].Size == 0 {
		t.Fatalf("List = %+v, %v", models, err)
	}
	var steps []llm.PullProgress
	if err := o.Pull(ctx, "qwen2.5-coder:1.5b", func(p llm.PullProgress) { steps = append(steps, p) }); err != nil {
		t.Fatalf("Pull: %v", err)
	}
	if len(steps) < 5 || steps[len(steps)-1].Status != "success" {
		t.Errorf("progress %+v: want the streamed steps ending in success", steps)
	}
	sawBytes := false
	for _, s := range steps {
		if s.Total > 0 && s.Completed == s.Total {
			sawBytes = true
		}
	}
	if !sawBytes {
		t.Error("no progress step carried byte counts")
	}
	cases := []struct {
		name string
		run  func() error
		kind llm.ErrorKind
	}{
		{"pull unknown", func() error { return o.Pull(ctx, "missing:1b", nil) }, llm.ErrNotFound},
		{"test installed", func() error { return o.Test(ctx, "qwen2.5-coder:1.5b") }, -1},
		{"test server only", func() error { return o.Test(ctx, "") }, -1},
		{"remove", func() error { return o.Remove(ctx, "qwen2.5-coder:1.5b") }, -1},
		{"remove again", func() error { return o.Remove(ctx, "qwen2.5-coder:1.5b") }, llm.ErrNotFound},
		{"test removed", func() error { return o.Test(ctx, "qwen2.5-coder:1.5b") }, llm.ErrNotFound},
		{"unreachable", func() error { return llm.NewOllama("http://127.0.0.1:1", nil, time.Second).Test(ctx, "") }, llm.ErrUnreachable},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.run()
			if c.kind < 0 {
				if err != nil {
					t.Errorf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || llm.KindOf(err) != c.kind {
				t.Errorf("error %v (kind %d); want kind %d", err, llm.KindOf(err), c.kind)
			}
		})
	}
}

func TestTesters(t *testing.T) {
	for _, b := range backends {
		t.Run(b.backend, func(t *testing.T) {
			srv := llmtest.New(t, b.backend, b.model)
			p := connect(t, srv, time.Second)
			tester, ok := p.(llm.Tester)
			if !ok {
				t.Fatalf("%T is not a Tester", p)
			}
			if err := tester.Test(context.Background(), b.model); err != nil {
				t.Errorf("Test(%s): %v", b.model, err)
			}
		})
	}
}

func TestWrongModel(t *testing.T) {
	for _, b := range backends {
		t.Run(b.backend, func(t *testing.T) {
			srv := llmtest.New(t, b.backend, b.model)
			p := connect(t, srv, time.Second)
			_, err := p.Review(context.Background(), llm.Request{Model: "no-such-model", Prompt: "x", MaxTokens: 10, NumCtx: 4096,
				Schema: []byte(llm.AnswerSchema)})
			if llm.KindOf(err) != llm.ErrNotFound {
				t.Errorf("Review with an unknown model = %v; want a not-found error", err)
			}
		})
	}
}
