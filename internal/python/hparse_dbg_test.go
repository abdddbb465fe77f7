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
	src := debugSource(t, "SRC", "SRCF")
	p := mustParser(t)
	defer p.Close()
	tr, err := p.parseTreeSitter(context.Background(), []byte(src), make([]uint64, 1+len(src)/64))
	if err != nil {
		t.Fatal(err)
	}
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
	src := debugSource(t, "HSRC", "HSRCF")
	p := mustParser(t)
	defer p.Close()
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

// debugSource returns the source a debugging test works on: the text in
// $srcVar, or the file named in $fileVar; the test skips without either.
func debugSource(t *testing.T, srcVar, fileVar string) string {
	t.Helper()
	src := os.Getenv(srcVar)
	if f := os.Getenv(fileVar); f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("%s: %v", fileVar, err)
		}
		src = string(b)
	}
	if src == "" {
		t.Skipf("set %s to some Python source or %s to a file", srcVar, fileVar)
	}
	return src
}
