package python

import (
	"fmt"
	"strings"
)

// Dump renders the subtree at id as an indented outline of named nodes with
// their fields and, for leaves, their text. It is for tests and debugging.
func (t *Tree) Dump(id NodeID) string {
	var b strings.Builder
	var walk func(id NodeID, depth int)
	walk = func(id NodeID, depth int) {
		n := t.N(id)
		if !n.Named {
			return
		}
		b.WriteString(strings.Repeat("  ", depth))
		if n.Field != FieldNone {
			b.WriteString(n.Field.String() + ": ")
		}
		b.WriteString(n.Kind.String())
		if t.First(id) == None || n.Kind == KindIdentifier || n.Kind == KindStringContent {
			fmt.Fprintf(&b, " %q", t.Text(id))
		}
		b.WriteByte('\n')
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			walk(c, depth+1)
		}
	}
	walk(id, 0)
	return b.String()
}
