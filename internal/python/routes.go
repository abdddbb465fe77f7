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
	// braceConverter matches Starlette's "{id:int}" and aiohttp's
	// "{id:\d+}" placeholders.
	braceConverter = regexp.MustCompile(`\{(\w+):(?:int|uuid|float|\\d\+|\[0-9\]\+)\}`)
	digitGroup     = regexp.MustCompile(`\(\?P<(\w+)>(\\d|\[0-9\])[+*]?(\{\d+(,\d*)?\})?\)`)
)

// routeConverters scans the modules for URL patterns. It reads syntax only,
// so it runs once before the analysis, whatever order modules are analysed
// in.
func routeConverters(mods []*Module) routeConv {
	out := routeConv{}
	for _, m := range mods {
		t := m.Tree
		if !bytes.Contains(t.Src, []byte("<int:")) && !bytes.Contains(t.Src, []byte("<uuid:")) && !bytes.Contains(t.Src, []byte("(?P<")) &&
			!bytes.Contains(t.Src, []byte(":int}")) && !bytes.Contains(t.Src, []byte(":uuid}")) && !bytes.Contains(t.Src, []byte(":float}")) &&
			!bytes.Contains(t.Src, []byte(`:\d+}`)) && !bytes.Contains(t.Src, []byte(":[0-9]+}")) {
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
			if !routeCalls[name] {
				continue
			}
			var args []NodeID
			args = t.NamedChildren(t.Child(id, FieldArguments), args)
			if len(args) < 1 {
				continue
			}
			route, ok := t.StringValue(args[0])
			if !ok {
				continue
			}
			viewNode := None
			for _, arg := range args[1:] {
				if t.Kind(arg) == KindKeywordArgument {
					if k := t.Text(t.Child(arg, FieldName)); k == "endpoint" || k == "handler" || k == "view" || k == "view_func" {
						viewNode = t.Child(arg, FieldValue)
					}
				} else if viewNode == None && t.Kind(arg) != KindString {
					viewNode = arg // add_url_rule(rule, "endpoint", view)
				}
			}
			view := viewName(t.Text(viewNode))
			if viewNode == None || view == "" {
				continue
			}
			for _, m := range djangoConverter.FindAllStringSubmatch(route, -1) {
				out[view+"\x00"+m[2]] = true
			}
			for _, m := range digitGroup.FindAllStringSubmatch(route, -1) {
				out[view+"\x00"+m[1]] = true
			}
			for _, m := range braceConverter.FindAllStringSubmatch(route, -1) {
				out[view+"\x00"+m[1]] = true
			}
		}
	}
	return out
}

// routeCalls are the calls that map a URL pattern to a view: Django's
// path/re_path/url, Starlette's Route and WebSocketRoute, and the
// add_route/add_get... and get/post... helpers of Starlette, aiohttp and
// their routers.
var routeCalls = map[string]bool{
	"path": true, "re_path": true, "url": true, "Route": true, "WebSocketRoute": true,
	"add_route": true, "add_api_route": true, "add_url_rule": true, "add_websocket_route": true,
	"add_get": true, "add_post": true, "add_put": true, "add_patch": true, "add_delete": true, "add_view": true,
	"get": true, "post": true, "put": true, "patch": true, "delete": true, "view": true,
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

// convertedPathParams lists the URL parameters a pattern converts for the
// view fn, which reads them from the request (Starlette's path_params,
// aiohttp's match_info).
func (a *batch) convertedPathParams(fn *Function) []string {
	if len(a.routes) == 0 || fn == nil {
		return nil
	}
	names := []string{fn.Name}
	if fn.IsMethod() {
		names = append(names, fn.Module.Tree.Text(fn.Module.Tree.Child(fn.Class, FieldName)))
	}
	var out []string
	for k := range a.routes {
		view, param, _ := strings.Cut(k, "\x00")
		for _, n := range names {
			if view == n {
				out = append(out, param)
			}
		}
	}
	return out
}
