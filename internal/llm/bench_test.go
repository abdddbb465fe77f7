package llm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/llm"
	"github.com/patchpatrol/patchpatrol/internal/llm/llmtest"
)

// BenchmarkAIReview times PatchPatrol's own work in one AI review, the model
// excluded: redaction, chunking, prompts, one HTTP round trip per chunk to an
// instant local server, validation and merging. The change has 10 files and
// 300 added lines, with 5 static findings as context; the cache is off. The
// README reports the median of -count=10.
func BenchmarkAIReview(b *testing.B) {
	var d strings.Builder
	for i := 0; i < 10; i++ {
		var lines []string
		for j := 0; j < 30; j++ {
			lines = append(lines, fmt.Sprintf("    result_%d = db.execute(\"SELECT * FROM t%d WHERE id = %%s\", (uid_%d,))", j, i, j))
		}
		d.WriteString(addedFile(fmt.Sprintf("pkg/mod%d.py", i), lines...))
	}
	files := parseDiff(b, d.String())
	var static []finding.Finding
	for i := 0; i < 5; i++ {
		static = append(static, finding.Finding{RuleID: "PP201", CWE: 89, Severity: finding.High, Path: fmt.Sprintf("pkg/mod%d.py", i),
			Line: 3, Title: "SQL query built from untrusted data", Fingerprint: fmt.Sprintf("%020d", i)})
	}
	for _, be := range []struct{ backend, model string }{{"ollama", "qwen2.5-coder:7b"}, {"anthropic", "claude-sonnet-4-5"}} {
		b.Run(be.backend, func(b *testing.B) {
			srv := llmtest.New(b, be.backend, be.model)
			r, err := llm.NewReviewer(connect(b, srv, 5*time.Second), llm.Spec{Backend: be.backend, Model: be.model},
				llm.Options{MaxTokens: 512, Concurrency: 4, Redact: redactor(b)}, nil)
			if err != nil {
				b.Fatal(err)
			}
			in := &llm.Input{Mode: "security", Target: "staged changes", Files: files, Static: static}
			b.ResetTimer()
			for b.Loop() {
				out, err := r.Review(context.Background(), in)
				if err != nil || len(out.Reviewed) != 10 {
					b.Fatalf("Review: %v", err)
				}
			}
		})
	}
}
