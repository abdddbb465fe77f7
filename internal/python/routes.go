package python

import (
	"bytes"
	"regexp"
	"strings"
)

// routeConv records, for the whole batch, which view parameters a URL
// pattern converts before the view runs: Django's
// path("notes/<int:note_id>/", views.delete_note) passes an int, so
// delete_note's note_id is a number wherever the view is defined. Keys are
// "view\x00param", where view is the function's or class's own name.
type routeConv map[string]bool

// djangoConverter matches a converter that admits no text of the client's
// choosing, and re_path groups that admit only digits.
var (
	djangoConverter = regexp.MustCompile(`<(int|uuid):(\w+)>`)
	digitGroup      = regexp.MustCompile(`\(\?P<(\w+)>(\\d|\[0-9\])[+*]?(\{\d+(,\d*)?\})?\)`)
)

// routeConverters scans the modules for URL patterns. It reads syntax only,
// so it runs once before the analysis, whatever order modules are analysed
// in.
func routeConverters(mods []*Module) routeConv {
	out := routeConv{}
	for _, m := range mods {
		t := m.Tree
		if !bytes.Contains(t.Src, []byte("<int:")) && !bytes.Contains(t.Src, []byte("<uuid:")) && !bytes.Contains(t.Src, []byte("(?P<")) {
			continue
		}
		for id := NodeID(0); int(id) < len(t.Nodes); id++ {
			if t.Kind(id) != KindCall {
				continue
			}
			name := t.Text(t.Child(id, FieldFunction))
			if i := strings.LastIndexByte(name, '.'); i >= 0 {
				name = name[i+1:]
			}
			if name != "path" && name != "re_path" && name != "url" {
				continue
			}
			var args []NodeID
			args = t.NamedChildren(t.Child(id, FieldArguments), args)
			if len(args) < 2 {
				continue
			}
			route, ok := t.StringValue(args[0])
			if !ok {
				continue
			}
			view := viewName(t.Text(args[1]))
			if view == "" {
				continue
			}
			for _, m := range djangoConverter.FindAllStringSubmatch(route, -1) {
				out[view+"\x00"+m[2]] = true
			}
			for _, m := range digitGroup.FindAllStringSubmatch(route, -1) {
				out[view+"\x00"+m[1]] = true
			}
		}
	}
	return out
}

// viewName is the name a URL pattern's view expression refers to:
// "views.delete_note" is delete_note, "TicketView.as_view()" is TicketView.
func viewName(expr string) string {
	expr = strings.TrimSpace(expr)
	if i := strings.Index(expr, ".as_view("); i >= 0 {
		expr = expr[:i]
	}
	if i := strings.LastIndexByte(expr, '.'); i >= 0 {
		expr = expr[i+1:]
	}
	if !validQual(expr) {
		return ""
	}
	return expr
}

// convertedByRoute reports whether a URL pattern somewhere in the batch
// converts this view parameter to a number or a UUID.
func (a *batch) convertedByRoute(fn *Function, p Param) bool {
	if len(a.routes) == 0 {
		return false
	}
	if a.routes[fn.Name+"\x00"+p.Name] {
		return true
	}
	if fn.IsMethod() {
		cls := fn.Module.Tree.Text(fn.Module.Tree.Child(fn.Class, FieldName))
		return a.routes[cls+"\x00"+p.Name]
	}
	return false
}
