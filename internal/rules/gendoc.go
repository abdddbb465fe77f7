//go:build ignore

// Command gendoc writes docs/rules.md from the rule registry. Run it with
// `go generate ./internal/rules`. The build tag keeps it out of
// `go install ./...`, which pre-commit runs to install the hooks.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/patchpatrol/patchpatrol/internal/rules"
)

func main() {
	out := flag.String("o", "docs/rules.md", "output file")
	flag.Parse()
	if err := os.WriteFile(*out, rules.Markdown(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gendoc:", err)
		os.Exit(1)
	}
}
