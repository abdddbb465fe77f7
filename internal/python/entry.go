package python

import (
	"fmt"
	"strings"
)

// entryKind says how a function receives untrusted input.
type entryKind uint8

const (
	entryUnknown entryKind = iota
	entryNone
	entryRoute  // a route handler: its parameters come from the URL or body
	entryDjango // a Django-style view: request first, URL kwargs after
)

var routeDecorators = map[string]bool{
	"route": true, "get": true, "post": true, "put": true, "delete": true, "patch": true, "head": true,
	"options": true, "api_route": true, "websocket": true, "view_config": true, "add_route": true,
}

// entryKindOf classifies a function by its decorators and parameters.
func entryKindOf(fn *Function) entryKind {
	t := fn.Module.Tree
	for _, d := range fn.Decorators {
		callee := d
		if t.Kind(d) == KindCall {
			callee = t.Child(d, FieldFunction)
		}
		name := t.Text(callee)
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name = name[i+1:]
		}
		if t.Kind(d) == KindCall && routeDecorators[name] && t.Kind(callee) == KindAttribute {
			return entryRoute
		}
		switch name {
		case "api_view", "require_http_methods", "require_GET", "require_POST", "require_safe", "csrf_exempt", "view_config":
			return entryDjango
		}
	}
	// def view(request, slug): in a module that uses Django or Pyramid.
	ps := fn.Params
	if fn.IsMethod() && len(ps) > 0 {
		ps = ps[1:]
	}
	if len(ps) > 0 && isRequestParam(ps[0]) && (fn.Module.frameworks["django"] || fn.Module.frameworks["rest_framework"] || fn.Module.frameworks["pyramid"]) {
		return entryDjango
	}
	return entryNone
}

func isRequestParam(p Param) bool {
	if p.Name == "request" || p.Name == "req" {
		return p.Annotation == "" || requestAnnotation(p.Annotation)
	}
	return requestAnnotation(p.Annotation)
}

func requestAnnotation(a string) bool {
	a = strings.TrimSpace(a)
	if i := strings.LastIndexByte(a, '.'); i >= 0 {
		a = a[i+1:]
	}
	switch a {
	case "Request", "HttpRequest", "WSGIRequest", "ASGIRequest", "BaseRequest":
		return true
	}
	return false
}

// paramValue is what a parameter holds at the start of its function.
func (a *batch) paramValue(fr *frame, fn *Function, i int, p Param) *Value {
	t := fn.Module.Tree
	if i == 0 && fn.IsMethod() && !fn.isStatic() {
		cls := t.Text(t.Child(fn.Class, FieldName))
		q := joinQual(fn.Module.Name, cls)
		if fn.isClassMethod() {
			return &Value{Qual: q}
		}
		return &Value{Qual: q + "()"}
	}
	if isRequestParam(p) {
		return &Value{Qual: "@request"}
	}
	if i == 0 && p.Name == "environ" && len(fn.Params) == 2 && fn.Params[1].Name == "start_response" {
		// A WSGI application: environ is the request.
		v := remote("the WSGI environ", t.Line(p.Node))
		v.Taint.m[labelParam0] = AllClasses
		return v
	}
	v := &Value{Taint: paramTaint(i)}
	if fn.entry == entryRoute || (fn.entry == entryDjango && i > 0) {
		if a.numericParam(fn, p) && !p.Star && !p.DoubleStar {
			// The framework converts the value before the handler runs.
			return cleanValue
		}
		if a.untrustedParam(fn, p) {
			v = &Value{Taint: paramTaint(i)}
			v.Taint.m[labelRemote] = requestClasses
			v.Src = &Source{What: fmt.Sprintf("request parameter %q", p.Name), Line: t.Line(p.Node)}
		}
	}
	if p.Star || p.DoubleStar {
		return finishContainer(&Value{Elems: map[string]*Value{}, Rest: v})
	}
	return v
}

// untrustedParam decides whether a route handler's parameter carries request
// data: typed numbers, dependencies and path converters that only admit
// numbers do not.
func (a *batch) untrustedParam(fn *Function, p Param) bool {
	t := fn.Module.Tree
	if a.numericParam(fn, p) {
		return false
	}
	if p.Default != None {
		d := t.Text(p.Default)
		if strings.HasPrefix(d, "Depends(") || strings.HasPrefix(d, "Security(") || strings.Contains(d, ".Depends(") {
			return false
		}
	}
	return true
}

// numericParam reports whether a route handler's parameter is converted to a
// number, a UUID or a date by the framework: by its annotation (FastAPI) or by
// a path converter (Flask's <int:item_id>).
func (a *batch) numericParam(fn *Function, p Param) bool {
	t := fn.Module.Tree
	switch strings.TrimSpace(p.Annotation) {
	case "int", "float", "bool", "UUID", "uuid.UUID", "datetime", "date", "datetime.date", "datetime.datetime", "Decimal",
		"decimal.Decimal", "PositiveInt", "NegativeInt", "NonNegativeInt", "conint", "PositiveFloat", "confloat":
		return true
	}
	for _, pre := range []string{"Annotated[int", "Annotated[float", "Annotated[bool", "Annotated[UUID", "Annotated[uuid.UUID"} {
		if strings.HasPrefix(p.Annotation, pre) {
			return true
		}
	}
	// Flask: /items/<int:item_id> passes an int.
	for _, d := range fn.Decorators {
		if t.Kind(d) != KindCall {
			continue
		}
		if arg := t.FirstNamed(t.Child(d, FieldArguments)); arg != None {
			if path, ok := t.StringValue(arg); ok {
				for _, conv := range []string{"int", "float", "uuid"} {
					if strings.Contains(path, "<"+conv+":"+p.Name+">") {
						return true
					}
				}
			}
		}
	}
	return false
}

func (fn *Function) hasDecorator(names ...string) bool {
	t := fn.Module.Tree
	for _, d := range fn.Decorators {
		txt := t.Text(d)
		for _, n := range names {
			if txt == n || strings.HasSuffix(txt, "."+n) {
				return true
			}
		}
	}
	return false
}

func (fn *Function) isStatic() bool      { return fn.hasDecorator("staticmethod") }
func (fn *Function) isClassMethod() bool { return fn.hasDecorator("classmethod") }
