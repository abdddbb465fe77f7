package python

import (
	"bytes"
	"sort"
	"unsafe"
)

// NodeID indexes Tree.Nodes. The root is 0; None (-1) means "no node".
type NodeID int32

// None is the absent node.
const None NodeID = -1

// Node is one syntax node, flattened out of tree-sitter so that the analysis
// runs in Go without a cgo call per node.
type Node struct {
	Kind        Kind
	Field       Field // the field this node fills in its parent, if any
	Named       bool
	Missing     bool // inserted by error recovery; has no text
	Start, End  uint32
	Parent      NodeID
	NextSibling NodeID
	// A node's first child, if any, is the node after it: nodes are in
	// pre-order (Tree.First).
}

// Tree is a parsed file: its source, its nodes in pre-order, and a line table.
type Tree struct {
	Src        []byte
	Nodes      []Node
	lineStarts []uint32
	// punct has a bit per line (0-based) that holds punctuation the
	// flattener left out of Nodes.
	punct []uint64
	// ErrorLines are the 1-based lines where the parser had to recover from a
	// syntax error.
	ErrorLines []int
}

func newTree(src []byte, nodes []Node, punct []uint64) *Tree {
	t := &Tree{Src: src, Nodes: nodes, punct: punct}
	for i := range t.Nodes {
		if n := &t.Nodes[i]; n.Kind == KindError || n.Missing {
			t.ErrorLines = append(t.ErrorLines, 0) // filled below once lines exist
			break
		}
	}
	t.lineStarts = make([]uint32, 1, len(src)/32+1)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		t.lineStarts = append(t.lineStarts, uint32(off))
	}
	if len(t.ErrorLines) > 0 {
		t.ErrorLines = t.ErrorLines[:0]
		seen := map[int]bool{}
		for i := range t.Nodes {
			if n := &t.Nodes[i]; n.Kind == KindError || n.Missing {
				l := t.Line(NodeID(i))
				if !seen[l] {
					seen[l] = true
					t.ErrorLines = append(t.ErrorLines, l)
				}
			}
		}
		sort.Ints(t.ErrorLines)
	}
	return t
}

// N returns the node with the given id.
func (t *Tree) N(id NodeID) *Node { return &t.Nodes[id] }

// Kind returns the kind of id, or KindAbsent for None.
func (t *Tree) Kind(id NodeID) Kind {
	if id == None {
		return KindAbsent
	}
	return t.Nodes[id].Kind
}

// Text returns the source text of a node. The string shares memory with the
// source, which is never modified.
func (t *Tree) Text(id NodeID) string {
	if id == None {
		return ""
	}
	n := &t.Nodes[id]
	if n.End <= n.Start || int(n.End) > len(t.Src) {
		return ""
	}
	b := t.Src[n.Start:n.End]
	return unsafe.String(&b[0], len(b))
}

// First returns the first child of id, or None.
func (t *Tree) First(id NodeID) NodeID {
	if c := id + 1; int(c) < len(t.Nodes) && t.Nodes[c].Parent == id {
		return c
	}
	return None
}

// Child returns the first child of id filling field f, or None.
func (t *Tree) Child(id NodeID, f Field) NodeID {
	if id == None {
		return None
	}
	for c := t.First(id); c != None; c = t.Nodes[c].NextSibling {
		if t.Nodes[c].Field == f {
			return c
		}
	}
	return None
}

// ChildrenByField appends every child of id filling field f.
func (t *Tree) ChildrenByField(id NodeID, f Field, out []NodeID) []NodeID {
	if id == None {
		return out
	}
	for c := t.First(id); c != None; c = t.Nodes[c].NextSibling {
		if t.Nodes[c].Field == f {
			out = append(out, c)
		}
	}
	return out
}

// NamedChildren appends the named, non-comment children of id.
func (t *Tree) NamedChildren(id NodeID, out []NodeID) []NodeID {
	if id == None {
		return out
	}
	for c := t.First(id); c != None; c = t.Nodes[c].NextSibling {
		n := &t.Nodes[c]
		if n.Named && n.Kind != KindComment {
			out = append(out, c)
		}
	}
	return out
}

// FirstNamed returns the first named, non-comment child of id, or None.
func (t *Tree) FirstNamed(id NodeID) NodeID {
	if id == None {
		return None
	}
	for c := t.First(id); c != None; c = t.Nodes[c].NextSibling {
		n := &t.Nodes[c]
		if n.Named && n.Kind != KindComment {
			return c
		}
	}
	return None
}

// HasToken reports whether id has an anonymous child token with the given text
// (such as "async" or "*").
func (t *Tree) HasToken(id NodeID, tok string) bool {
	for c := t.First(id); c != None; c = t.Nodes[c].NextSibling {
		if !t.Nodes[c].Named && t.Text(c) == tok {
			return true
		}
	}
	return false
}

// Line returns the 1-based line where id starts.
func (t *Tree) Line(id NodeID) int { return t.lineOf(t.Nodes[id].Start) }

// EndLine returns the 1-based line where id ends.
func (t *Tree) EndLine(id NodeID) int {
	n := &t.Nodes[id]
	end := n.End
	if end > n.Start && end > 0 && int(end-1) < len(t.Src) && t.Src[end-1] == '\n' {
		end--
	}
	return t.lineOf(end)
}

// Column returns the 1-based byte column where id starts.
func (t *Tree) Column(id NodeID) int {
	off := t.Nodes[id].Start
	l := t.lineOf(off)
	return int(off-t.lineStarts[l-1]) + 1
}

func (t *Tree) lineOf(off uint32) int {
	return sort.Search(len(t.lineStarts), func(i int) bool { return t.lineStarts[i] > off })
}

// LineText returns the text of a 1-based line without its newline.
func (t *Tree) LineText(line int) string {
	if line < 1 || line > len(t.lineStarts) {
		return ""
	}
	start := t.lineStarts[line-1]
	end := uint32(len(t.Src))
	if line < len(t.lineStarts) {
		end = t.lineStarts[line] - 1
	}
	s := string(t.Src[start:end])
	if n := len(s); n > 0 && s[n-1] == '\r' {
		s = s[:n-1]
	}
	return s
}

// LineCount returns the number of lines in the source.
func (t *Tree) LineCount() int { return len(t.lineStarts) }

// Ancestor returns the nearest ancestor of id (excluding id) of one of the
// given kinds, or None.
func (t *Tree) Ancestor(id NodeID, kinds ...Kind) NodeID {
	for p := t.Nodes[id].Parent; p != None; p = t.Nodes[p].Parent {
		for _, k := range kinds {
			if t.Nodes[p].Kind == k {
				return p
			}
		}
	}
	return None
}

// Unparen strips parentheses around an expression.
func (t *Tree) Unparen(id NodeID) NodeID {
	for id != None && t.Nodes[id].Kind == KindParenthesizedExpression {
		id = t.FirstNamed(id)
	}
	return id
}

// subtreeEnd returns the index just past the last node of id's subtree:
// nodes are stored in pre-order, so a subtree is one contiguous range.
func (t *Tree) subtreeEnd(id NodeID) NodeID {
	for n := id; n != None; n = t.Nodes[n].Parent {
		if s := t.Nodes[n].NextSibling; s != None {
			return s
		}
	}
	return NodeID(len(t.Nodes))
}
