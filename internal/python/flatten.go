package python

/*
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>

// The tree-sitter C API declarations this file needs, written from the API's
// documented header. The definitions are linked from
// github.com/tree-sitter/go-tree-sitter (version pinned in go.mod);
// TestFlattenMatchesBindings checks that results agree with the Go bindings.
typedef struct TSTree TSTree;
typedef struct TSParser TSParser;
typedef struct TSLanguage TSLanguage;
typedef struct { uint32_t row; uint32_t column; } TSPoint;
typedef struct { uint32_t context[4]; const void *id; const TSTree *tree; } TSNode;
typedef struct { const void *tree; const void *id; uint32_t context[3]; } TSTreeCursor;
typedef uint32_t (*DecodeFunction)(const uint8_t *string, uint32_t length, int32_t *code_point);
typedef struct {
	void *payload;
	const char *(*read)(void *payload, uint32_t byte_index, TSPoint position, uint32_t *bytes_read);
	int encoding; // TSInputEncodingUTF8 == 0
	DecodeFunction decode;
} TSInput;
typedef struct { void *payload; uint32_t current_byte_offset; bool has_error; } TSParseState;
typedef struct { void *payload; bool (*progress_callback)(TSParseState *state); } TSParseOptions;

TSParser *ts_parser_new(void);
void ts_parser_delete(TSParser *self);
bool ts_parser_set_language(TSParser *self, const TSLanguage *language);
void ts_parser_reset(TSParser *self);
TSTree *ts_parser_parse_with_options(TSParser *self, const TSTree *old_tree, TSInput input, TSParseOptions options);
void ts_tree_delete(TSTree *self);
TSNode ts_tree_root_node(const TSTree *self);
TSTreeCursor ts_tree_cursor_new(TSNode node);
void ts_tree_cursor_delete(TSTreeCursor *self);
bool ts_tree_cursor_goto_first_child(TSTreeCursor *self);
bool ts_tree_cursor_goto_next_sibling(TSTreeCursor *self);
bool ts_tree_cursor_goto_parent(TSTreeCursor *self);
TSNode ts_tree_cursor_current_node(const TSTreeCursor *self);
uint16_t ts_tree_cursor_current_field_id(const TSTreeCursor *self);
uint16_t ts_node_symbol(TSNode self);
uint32_t ts_node_start_byte(TSNode self);
uint32_t ts_node_end_byte(TSNode self);
TSPoint ts_node_start_point(TSNode self);
bool ts_node_is_missing(TSNode self);
void ts_set_allocator(void *(*new_malloc)(size_t), void *(*new_calloc)(size_t, size_t),
                      void *(*new_realloc)(void *, size_t), void (*new_free)(void *));

// pp_use_libc_allocator points tree-sitter's allocations straight at libc.
// The Go bindings route every allocation through a Go callback that ends in
// the same libc malloc, so memory from either path is interchangeable and the
// switch is safe at any moment; skipping the round trip is much faster.
static void pp_use_libc_allocator(void) { ts_set_allocator(malloc, calloc, realloc, free); }

typedef struct {
	const char *src;
	uint32_t len;
	volatile size_t *cancel;
} pp_input;

static const char *pp_read(void *payload, uint32_t byte, TSPoint pos, uint32_t *bytes_read) {
	pp_input *in = (pp_input *)payload;
	if (byte >= in->len) {
		*bytes_read = 0;
		return "";
	}
	*bytes_read = in->len - byte;
	return in->src + byte;
}

static bool pp_progress(TSParseState *st) {
	pp_input *in = (pp_input *)st->payload;
	return *in->cancel != 0;
}

// pp_parse parses one contiguous buffer; it returns NULL when *cancel is set.
static TSTree *pp_parse(TSParser *p, const char *src, uint32_t len, size_t *cancel) {
	pp_input in = {src, len, cancel};
	TSInput input = {&in, pp_read, 0, NULL};
	TSParseOptions opts = {&in, pp_progress};
	TSTree *t = ts_parser_parse_with_options(p, NULL, input, opts);
	if (t == NULL) ts_parser_reset(p);
	return t;
}

// pp_node has exactly the layout of the Go type Node (tree.go asserts it at
// compile time), so the flattener writes Go's nodes directly.
typedef struct {
	uint8_t kind;
	uint8_t field;
	uint8_t named;
	uint8_t missing;
	uint32_t start, end;
	int32_t parent, next_sibling;
} pp_node;

// pp_sym is what the flattener needs to know about one grammar symbol.
typedef struct {
	uint8_t kind;
	uint8_t named;
	uint8_t drop; // punctuation the analysis never reads: left out as a leaf without a field
} pp_sym;

enum { PP_ERROR_SYMBOL = 0xFFFF };

typedef struct { int32_t self, last; } pp_level;

// pp_flatten writes the tree in pre-order into out (at most cap nodes), with
// parent and next-sibling links, and returns the total number
// of nodes kept, so a caller whose buffer was too small can grow it and call
// again; it returns -1 when memory runs out. One call replaces a cgo round
// trip per node.
static int64_t pp_flatten(const TSTree *tree, pp_node *out, int64_t cap,
                          const pp_sym *syms, uint32_t nsym, uint8_t error_kind, uint8_t other_kind,
                          const uint8_t *fields, uint32_t nfield, uint64_t *punct, uint32_t nlines) {
	TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
	int64_t n = 0;
	uint32_t depth = 0, levels = 64;
	pp_level *lv = malloc(levels * sizeof *lv);
	if (lv == NULL) {
		ts_tree_cursor_delete(&c);
		return -1;
	}
	for (;;) {
		TSNode node = ts_tree_cursor_current_node(&c);
		uint16_t sym = ts_node_symbol(node);
		uint16_t fid = ts_tree_cursor_current_field_id(&c);
		uint8_t missing = ts_node_is_missing(node);
		bool down = ts_tree_cursor_goto_first_child(&c);
		pp_sym info = {other_kind, 0, 0};
		if (sym == PP_ERROR_SYMBOL) {
			info.kind = error_kind;
			info.named = 1;
		} else if (sym < nsym) {
			info = syms[sym];
		}
		if (!down && fid == 0 && !missing && info.drop) {
			// Left out; its line is remembered, so that a line holding
			// only punctuation still counts as code. (A named leaf that
			// is dropped is a line continuation, which always follows
			// code on its line.)
			if (!info.named) {
				uint32_t row = ts_node_start_point(node).row;
				if (row < nlines) punct[row / 64] |= (uint64_t)1 << (row % 64);
			}
		} else {
			int32_t id = (int32_t)n;
			if (n < cap) {
				pp_node *p = &out[n];
				p->kind = info.kind;
				p->field = fid < nfield ? fields[fid] : 0;
				p->named = info.named;
				p->missing = missing;
				p->start = ts_node_start_byte(node);
				p->end = ts_node_end_byte(node);
				p->next_sibling = -1;
				p->parent = depth == 0 ? -1 : lv[depth - 1].self;
				if (depth > 0) {
					pp_level *up = &lv[depth - 1];
					if (up->last >= 0) out[up->last].next_sibling = id;
					up->last = id;
				}
			}
			if (down) {
				if (depth + 1 >= levels) {
					pp_level *grown = realloc(lv, 2 * levels * sizeof *lv);
					if (grown == NULL) {
						free(lv);
						ts_tree_cursor_delete(&c);
						return -1;
					}
					lv = grown;
					levels *= 2;
				}
				lv[depth].self = id;
				lv[depth].last = -1;
			}
			n++;
		}
		if (down) {
			depth++;
			continue;
		}
		while (!ts_tree_cursor_goto_next_sibling(&c)) {
			if (!ts_tree_cursor_goto_parent(&c)) {
				free(lv);
				ts_tree_cursor_delete(&c);
				return n;
			}
			depth--;
		}
	}
}
*/
import "C"

import (
	"context"
	"errors"
	"math"
	"sync/atomic"
	"unsafe"
)

// symInfo mirrors pp_sym.
type symInfo struct {
	kind  Kind
	named uint8
	drop  uint8
}

// The flattener writes Nodes and reads symInfos through C types of the same
// layout; these constants fail to compile if the layouts ever differ.
const (
	_ = uint(unsafe.Sizeof(Node{}) - unsafe.Sizeof(C.pp_node{}))
	_ = uint(unsafe.Sizeof(C.pp_node{}) - unsafe.Sizeof(Node{}))
	_ = uint(unsafe.Offsetof(Node{}.Field) - unsafe.Offsetof(C.pp_node{}.field))
	_ = uint(unsafe.Offsetof(C.pp_node{}.field) - unsafe.Offsetof(Node{}.Field))
	_ = uint(unsafe.Offsetof(Node{}.Named) - unsafe.Offsetof(C.pp_node{}.named))
	_ = uint(unsafe.Offsetof(C.pp_node{}.named) - unsafe.Offsetof(Node{}.Named))
	_ = uint(unsafe.Offsetof(Node{}.Missing) - unsafe.Offsetof(C.pp_node{}.missing))
	_ = uint(unsafe.Offsetof(C.pp_node{}.missing) - unsafe.Offsetof(Node{}.Missing))
	_ = uint(unsafe.Offsetof(Node{}.Start) - unsafe.Offsetof(C.pp_node{}.start))
	_ = uint(unsafe.Offsetof(C.pp_node{}.start) - unsafe.Offsetof(Node{}.Start))
	_ = uint(unsafe.Offsetof(Node{}.End) - unsafe.Offsetof(C.pp_node{}.end))
	_ = uint(unsafe.Offsetof(C.pp_node{}.end) - unsafe.Offsetof(Node{}.End))
	_ = uint(unsafe.Offsetof(Node{}.Parent) - unsafe.Offsetof(C.pp_node{}.parent))
	_ = uint(unsafe.Offsetof(C.pp_node{}.parent) - unsafe.Offsetof(Node{}.Parent))
	_ = uint(unsafe.Offsetof(Node{}.NextSibling) - unsafe.Offsetof(C.pp_node{}.next_sibling))
	_ = uint(unsafe.Offsetof(C.pp_node{}.next_sibling) - unsafe.Offsetof(Node{}.NextSibling))
	_ = uint(unsafe.Sizeof(symInfo{}) - unsafe.Sizeof(C.pp_sym{}))
	_ = uint(unsafe.Sizeof(C.pp_sym{}) - unsafe.Sizeof(symInfo{}))
)

// cparser is one tree-sitter parser and its cancellation flag, both in C
// memory. It is used by one goroutine at a time.
type cparser struct {
	p    *C.TSParser
	flag *C.size_t
	buf  []Node // reused across files; parse's result aliases it
}

func newCParser(lang unsafe.Pointer) (*cparser, error) {
	C.pp_use_libc_allocator()
	p := C.ts_parser_new()
	if p == nil {
		return nil, errors.New("allocate a tree-sitter parser")
	}
	if !C.ts_parser_set_language(p, (*C.TSLanguage)(lang)) {
		C.ts_parser_delete(p)
		return nil, errors.New("tree-sitter rejected the Python grammar (ABI version mismatch)")
	}
	flag := (*C.size_t)(C.calloc(1, C.size_t(unsafe.Sizeof(C.size_t(0)))))
	return &cparser{p: p, flag: flag}, nil
}

func (c *cparser) close() {
	C.ts_parser_delete(c.p)
	C.free(unsafe.Pointer(c.flag))
}

// parse parses src and flattens the tree in two cgo calls. It returns
// ctx.Err() when ctx ends during the parse. The result is only valid until
// the next parse with the same cparser.
func (c *cparser) parse(ctx context.Context, src []byte, g *grammar, punct []uint64) ([]Node, error) {
	if len(src) > math.MaxUint32 {
		return nil, errors.New("file is larger than 4 GiB")
	}
	flag := (*uintptr)(unsafe.Pointer(c.flag))
	atomic.StoreUintptr(flag, 0)
	stop := context.AfterFunc(ctx, func() { atomic.StoreUintptr(flag, 1) })
	var ptr *C.char
	if len(src) > 0 {
		ptr = (*C.char)(unsafe.Pointer(&src[0]))
	}
	t := C.pp_parse(c.p, ptr, C.uint32_t(len(src)), c.flag)
	stop()
	if t == nil {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return nil, errors.New("tree-sitter returned no tree")
	}
	defer C.ts_tree_delete(t)
	// Python source averages about one kept node per six bytes; the buffer
	// is kept between files, so it is allocated (and zeroed) only when a
	// file needs more than any before it.
	if want := len(src)/4 + 64; cap(c.buf) < want {
		c.buf = make([]Node, want)
	}
	buf := c.buf[:cap(c.buf)]
	for {
		n := int(C.pp_flatten(t, (*C.pp_node)(unsafe.Pointer(&buf[0])), C.int64_t(len(buf)),
			(*C.pp_sym)(unsafe.Pointer(&g.syms[0])), C.uint32_t(len(g.syms)), C.uint8_t(KindError), C.uint8_t(KindOther),
			(*C.uint8_t)(unsafe.Pointer(&g.fields[0])), C.uint32_t(len(g.fields)),
			(*C.uint64_t)(unsafe.Pointer(&punct[0])), C.uint32_t(64*len(punct))))
		switch {
		case n < 0:
			return nil, errors.New("out of memory flattening the syntax tree")
		case n <= len(buf):
			return buf[:n], nil
		}
		c.buf = make([]Node, n)
		buf = c.buf
		clear(punct)
	}
}
