package python

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestTSDump prints tree-sitter's tree (every kept node, with fields and
// byte ranges) of the source in $SRC or the file $SRCF; it is a tool for
// working on the hand-written parser and skips without them.
func TestTSDump(t *testing.T) {
	src := os.Getenv("SRC")
	if f := os.Getenv("SRCF"); f != "" {
		b, _ := os.ReadFile(f)
		src = string(b)
	}
	if src == "" {
		t.Skip()
	}
	p, _ := NewParser()
	tr, _ := p.parseTreeSitter(context.Background(), []byte(src), make([]uint64, 1+len(src)/64))
	var b strings.Builder
	var walk func(id NodeID, d int)
	walk = func(id NodeID, d int) {
		n := tr.N(id)
		name := n.Kind.String()
		if !n.Named {
			name = "'" + tr.Text(id) + "'"
		}
		f := ""
		if n.Field != FieldNone {
			f = n.Field.String() + ": "
		}
		fmt.Fprintf(&b, "%s%s%s [%d,%d) %q\n", strings.Repeat("  ", d), f, name, n.Start, n.End, trunc(tr.Text(id)))
		for c := tr.First(id); c != None; c = tr.N(c).NextSibling {
			walk(c, d+1)
		}
	}
	walk(0, 0)
	fmt.Print(b.String())
	fmt.Printf("punct: %b\n", tr.punct)
}

func trunc(s string) string {
	if len(s) > 30 {
		return s[:30] + "…"
	}
	return s
}

// TestHandDbg shows where the hand-written parser gives up on $HSRC or the
// file $HSRCF, or the first difference from tree-sitter's tree; it skips
// without them.
func TestHandDbg(t *testing.T) {
	src := os.Getenv("HSRC")
	if f := os.Getenv("HSRCF"); f != "" {
		b, _ := os.ReadFile(f)
		src = string(b)
	}
	if src == "" {
		t.Skip()
	}
	p, _ := NewParser()
	punct := make([]uint64, 1+len(src)/64)
	_, at := hparseAt([]byte(src), punct, nil)
	if at >= 0 {
		ls := strings.LastIndexByte(src[:at], '\n') + 1
		le := strings.IndexByte(src[at:], '\n')
		if le < 0 {
			le = len(src) - at
		}
		fmt.Printf("bail at %d: %q\n", at, src[ls:at+le])
	}
	diff, bailed, skip := compareHand(t, p, []byte(src))
	fmt.Println(diff, bailed, skip)
}
