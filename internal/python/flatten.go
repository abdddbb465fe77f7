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

typedef struct {
	uint32_t start, end, depth;
	uint16_t sym, field;
	uint8_t flags;
} pp_raw;

enum { PP_MISSING = 2 };

// pp_flatten writes the tree in pre-order into out (at most cap nodes) and
// returns the total number of nodes, so a caller whose buffer was too small
// can grow it and call again. One call replaces a cgo round trip per node.
// Whether a node is named follows from its symbol, so Go looks that up in the
// grammar's table instead of asking per node.
static int64_t pp_flatten(const TSTree *tree, pp_raw *out, int64_t cap) {
	TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
	int64_t n = 0;
	uint32_t depth = 0;
	for (;;) {
		if (n < cap) {
			TSNode node = ts_tree_cursor_current_node(&c);
			pp_raw *p = &out[n];
			p->start = ts_node_start_byte(node);
			p->end = ts_node_end_byte(node);
			p->depth = depth;
			p->sym = ts_node_symbol(node);
			p->field = ts_tree_cursor_current_field_id(&c);
			p->flags = ts_node_is_missing(node) ? PP_MISSING : 0;
		}
		n++;
		if (ts_tree_cursor_goto_first_child(&c)) {
			depth++;
			continue;
		}
		while (!ts_tree_cursor_goto_next_sibling(&c)) {
			if (!ts_tree_cursor_goto_parent(&c)) {
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

type rawNode = C.pp_raw

const rawMissing = C.PP_MISSING

// cparser is one tree-sitter parser and its cancellation flag, both in C
// memory. It is used by one goroutine at a time.
type cparser struct {
	p    *C.TSParser
	flag *C.size_t
	buf  []rawNode // reused across files; parse's result aliases it
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
func (c *cparser) parse(ctx context.Context, src []byte) ([]rawNode, error) {
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
	// Python source averages about one node per four bytes; the buffer is
	// kept between files, so it is allocated (and zeroed) only when a file
	// needs more than any before it.
	if want := len(src)/3 + 64; cap(c.buf) < want {
		c.buf = make([]rawNode, want)
	}
	buf := c.buf[:cap(c.buf)]
	for {
		n := int(C.pp_flatten(t, (*C.pp_raw)(unsafe.Pointer(&buf[0])), C.int64_t(len(buf))))
		if n <= len(buf) {
			return buf[:n], nil
		}
		c.buf = make([]rawNode, n)
		buf = c.buf
	}
}
