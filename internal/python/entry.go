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
	entryFalcon // a Falcon responder: on_get(self, req, resp, **uri_params)
	// entryTemplateTag is a Django template filter or tag: its arguments
	// are whatever the template passes, page data a user may have written.
	entryTemplateTag
)

// falconResponder matches Falcon's responder names: on_get, on_post,
// on_get_collection ...
func falconResponder(name string) bool {
	for _, verb := range []string{"get", "post", "put", "patch", "delete", "head", "options", "websocket"} {
		if name == "on_"+verb || strings.HasPrefix(name, "on_"+verb+"_") {
			return true
		}
	}
	return false
}

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
		if (name == "filter" || name == "simple_tag" || name == "inclusion_tag") && t.Kind(callee) == KindAttribute && fn.Module.frameworks["django"] {
			return entryTemplateTag
		}
		switch name {
		case "api_view", "require_http_methods", "require_GET", "require_POST", "require_safe", "csrf_exempt", "view_config":
			return entryDjango
		}
	}
	if fn.IsMethod() && fn.Module.frameworks["falcon"] && falconResponder(fn.Name) && len(fn.Params) >= 3 {
		return entryFalcon
	}
	if fn.IsMethod() && httpVerbs[fn.Name] && (fn.Module.frameworks["flask"] || fn.Module.frameworks["quart"]) && flaskViewClass(fn) {
		// A Flask MethodView: the method for each HTTP verb is the view,
		// with the route's parameters after self.
		return entryRoute
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

var httpVerbs = map[string]bool{"get": true, "post": true, "put": true, "patch": true, "delete": true, "head": true, "options": true}

// flaskViewClass reports whether a method's class derives from Flask's (or
// Quart's) MethodView or View, by its written base in a module that imports
// flask.views.
func flaskViewClass(fn *Function) bool {
	t := fn.Module.Tree
	if !strings.Contains(t.Text(t.Child(fn.Class, FieldSuperclasses)), "View") {
		return false
	}
	for _, q := range fn.Module.Imports {
		if strings.HasPrefix(q, "flask.views") || strings.HasPrefix(q, "quart.views") {
			return true
		}
	}
	return false
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
		return a.selfValue(fn, q+"()")
	}
	if isRequestParam(p) {
		return &Value{Qual: "@request"}
	}
	if i == 0 && p.Name == "environ" && len(fn.Params) == 2 && fn.Params[1].Name == "start_response" {
		// A WSGI application: environ is the request.
		v := remote("the WSGI environ", t.Line(p.Node))
		v.Taint.params = &paramOnly[0]
		return v
	}
	if fn.Parent == nil && convertedCLIParam(fn, p) {
		return cleanValue
	}
	if i == len(fn.Params)-1 && errorHandler(fn) && !isRequestParam(p) {
		// An error handler's exception: its text is the server's.
		return exceptionDetails(t.Line(p.Node))
	}
	v := &Value{Taint: paramTaint(i), Qual: annotatedType(fn.Module, p.Annotation)}
	if fn.entry == entryTemplateTag && !p.Star && !p.DoubleStar {
		return a.templateTagParam(fn, i, p)
	}
	if fn.entry == entryRoute || (fn.entry == entryDjango && i > 0) || (fn.entry == entryFalcon && i >= 3) {
		if a.numericParam(fn, p) && !p.Star && !p.DoubleStar {
			// The framework converts the value before the handler runs.
			return cleanValue
		}
		if a.untrustedParam(fn, p) {
			v = &Value{Taint: paramTaint(i)}
			v.Taint.remote = requestClasses
			v.Src = &Source{What: fmt.Sprintf("request parameter %q", p.Name), Line: t.Line(p.Node)}
			v.Src.Upload = strings.HasSuffix(p.Annotation, "UploadFile")
			if m := a.modelParam(fn, p, v); m != nil {
				return m
			}
		}
	}
	if p.Star || p.DoubleStar {
		out := &Value{Elems: map[string]*Value{}, Rest: v}
		if p.DoubleStar && fn.Name == "handle" && fn.IsMethod() {
			// A Django management command's options: those its
			// add_arguments constrains hold no text of the user's choosing.
			for dest := range a.constrainedArgs(fn.Module) {
				out.Elems["s:"+dest] = cleanValue
			}
		}
		return finishContainer(out)
	}
	return v
}

// typedClients are library types whose instances the sink rules recognise
// by their qualified name (sessions, connections, collections).
var typedClients = []string{
	"aiohttp.ClientSession", "aiohttp.client.ClientSession", "requests.Session", "requests.sessions.Session",
	"httpx.Client", "httpx.AsyncClient", "urllib3.PoolManager", "sqlite3.Connection", "sqlite3.Cursor",
	"pymongo.collection.Collection", "pymongo.database.Database", "pymongo.MongoClient", "motor.",
	"redis.Redis", "redis.client.Redis", "paramiko.SSHClient", "paramiko.client.SSHClient", "ldap3.Connection",
}

// annotatedType is the instance qualifier a parameter's annotation gives
// it ("aiohttp.ClientSession()"), for the library types the rules know.
func annotatedType(m *Module, ann string) string {
	ann = strings.Trim(strings.TrimSpace(ann), `"'`)
	if inner, ok := strings.CutPrefix(ann, "Optional["); ok {
		ann = strings.TrimSuffix(inner, "]")
	}
	ann, _, _ = strings.Cut(ann, " |")
	if ann == "" || !validQual(ann) {
		return ""
	}
	head, rest, _ := strings.Cut(ann, ".")
	q, ok := m.Imports[head]
	if !ok {
		return ""
	}
	if rest != "" {
		q += "." + rest
	}
	for _, c := range typedClients {
		if q == c || strings.HasSuffix(c, ".") && strings.HasPrefix(q, c) {
			return q + "()"
		}
	}
	return ""
}

// selfValue is self in a method: an instance of the class whose fields are
// the ones its __init__ (own or inherited) sets to values that do not
// depend on the constructor's arguments — constants, allow-listed values,
// library objects, request data — and that no code stores again (rebound).
// Other fields stay unknown until a call site supplies the instance.
func (a *batch) selfValue(fn *Function, qual string) *Value {
	self := &Value{Qual: qual}
	if fn.Name == "__init__" {
		return self
	}
	init := a.lookupMethod(classOf(fn), "__init__", false)
	if init == nil {
		return self
	}
	s := a.analyzeFunc(init)
	if s == nil {
		return self
	}
	for attr, v := range s.attrs {
		if a.rebound[attr] {
			continue
		}
		if !paramFree(v, 0) {
			if v.Qual == "" {
				continue
			}
			// Built from the constructor's arguments: its type (a parsed
			// document, a session, a path) is known, its data is not.
			v = &Value{Qual: v.Qual, Unsafe: AllClasses}
		}
		if self.Elems == nil {
			self.Elems = map[string]*Value{}
		}
		self.Elems["a:"+attr] = v
	}
	return self
}

// paramFree reports whether no part of v depends on the parameters of the
// function that computed it.
func paramFree(v *Value, depth int) bool {
	if v == nil {
		return true
	}
	if depth > 4 {
		return false
	}
	for i := 0; i < maxParams; i++ {
		if v.Taint.Param(i) != 0 {
			return false
		}
	}
	for _, e := range v.Elems {
		if !paramFree(e, depth+1) {
			return false
		}
	}
	return paramFree(v.Rest, depth+1)
}

// templateTagParam is what a Django template filter or tag receives: page
// data, except the context of a tag registered with takes_context=True,
// whose "request" entry is the request.
func (a *batch) templateTagParam(fn *Function, i int, p Param) *Value {
	t := fn.Module.Tree
	if numericAnnotation(p.Annotation) {
		return cleanValue
	}
	v := &Value{Taint: paramTaint(i)}
	v.Taint.remote = requestClasses
	v.Src = &Source{What: fmt.Sprintf("template tag argument %q", p.Name), Line: t.Line(p.Node)}
	if i == 0 && p.Name == "context" && fn.hasDecoratorArg("takes_context") {
		return finishContainer(&Value{Elems: map[string]*Value{"s:request": {Qual: "@request"}}, Rest: v})
	}
	return v
}

// hasDecoratorArg reports whether a decorator call passes keyword name=True.
func (fn *Function) hasDecoratorArg(name string) bool {
	t := fn.Module.Tree
	for _, d := range fn.Decorators {
		if t.Kind(d) != KindCall {
			continue
		}
		var args []NodeID
		for _, arg := range t.NamedChildren(t.Child(d, FieldArguments), args) {
			if t.Kind(arg) == KindKeywordArgument && t.Text(t.Child(arg, FieldName)) == name && t.Text(t.Child(arg, FieldValue)) == "True" {
				return true
			}
		}
	}
	return false
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
	if numericAnnotation(p.Annotation) || a.enumAnnotation(fn, p.Annotation) {
		return true
	}
	if (fn.entry == entryDjango || fn.entry == entryRoute) && a.convertedByRoute(fn, p) {
		return true
	}
	// Flask: /items/<int:item_id> passes an int.
	for _, d := range fn.Decorators {
		if t.Kind(d) != KindCall {
			continue
		}
		if arg := t.FirstNamed(t.Child(d, FieldArguments)); arg != None {
			if path, ok := t.StringValue(arg); ok && numericConverter(path, p.Name) {
				return true
			}
		}
	}
	return false
}

// numericConverter reports whether a route path converts the named parameter
// to a number or a UUID: Flask and Django "<int:id>", Sanic "<id:int>",
// Starlette, FastAPI and Falcon "{id:int}".
func numericConverter(path, name string) bool {
	for _, conv := range []string{"int", "float", "uuid", "number"} {
		for _, form := range []string{"<" + conv + ":" + name + ">", "<" + name + ":" + conv + ">", "{" + name + ":" + conv + "}", "{" + name + ":" + conv + "("} {
			if strings.Contains(path, form) {
				return true
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

// convertedCLIParam reports whether a click command's parameter is converted
// or restricted by click before the command runs: type=int, a click.Choice
// of constants, a range, a flag.
func convertedCLIParam(fn *Function, p Param) bool {
	t := fn.Module.Tree
	for _, d := range fn.Decorators {
		if t.Kind(d) != KindCall {
			continue
		}
		callee := t.Text(t.Child(d, FieldFunction))
		if !strings.HasSuffix(callee, ".option") && !strings.HasSuffix(callee, ".argument") && callee != "option" && callee != "argument" {
			continue
		}
		named, converted := false, false
		var args []NodeID
		for _, arg := range t.NamedChildren(t.Child(d, FieldArguments), args) {
			if s, ok := t.StringValue(arg); ok {
				if cliParamName(s) == p.Name {
					named = true
				}
				continue
			}
			if t.Kind(arg) != KindKeywordArgument {
				continue
			}
			val := t.Text(t.Child(arg, FieldValue))
			switch t.Text(t.Child(arg, FieldName)) {
			case "type":
				converted = convertingCLIType(val)
			case "is_flag", "count":
				converted = converted || val == "True"
			}
		}
		if named {
			return converted
		}
	}
	return false
}

// cliParamName is the Python name click gives an option or argument
// declaration: "--dry-run" is dry_run, "-n" alone is n, "name" is name.
func cliParamName(decl string) string {
	if strings.Contains(decl, "/") {
		decl = decl[:strings.IndexByte(decl, '/')] // --shout/--no-shout
	}
	decl = strings.TrimLeft(decl, "-")
	return strings.ReplaceAll(decl, "-", "_")
}

// convertingCLIType matches click parameter types whose values cannot carry
// text of the user's choosing.
func convertingCLIType(typ string) bool {
	switch typ {
	case "int", "float", "bool", "click.INT", "click.FLOAT", "click.BOOL", "click.UUID", "INT", "FLOAT", "BOOL", "UUID":
		return true
	}
	for _, p := range []string{"click.Choice(", "Choice(", "click.IntRange(", "IntRange(", "click.FloatRange(", "FloatRange(", "click.DateTime(", "DateTime("} {
		if strings.HasPrefix(typ, p) {
			return true
		}
	}
	return false
}

// numericAnnotation reports whether a type annotation admits only numbers,
// UUIDs, dates or booleans, which a framework or pydantic converts.
func numericAnnotation(a string) bool {
	a = strings.TrimSpace(a)
	switch a {
	case "int", "float", "bool", "UUID", "uuid.UUID", "datetime", "date", "datetime.date", "datetime.datetime", "Decimal",
		"decimal.Decimal", "PositiveInt", "NegativeInt", "NonNegativeInt", "NonPositiveInt", "PositiveFloat", "NegativeFloat",
		"NonNegativeFloat", "StrictInt", "StrictFloat", "StrictBool", "UUID4", "UUID1":
		return true
	}
	for _, pre := range []string{"Annotated[int", "Annotated[float", "Annotated[bool", "Annotated[UUID", "Annotated[uuid.UUID",
		"conint(", "confloat(", "condecimal(", "Optional[int]", "Optional[float]", "Optional[bool]", "int |", "float |"} {
		if strings.HasPrefix(a, pre) {
			return true
		}
	}
	return false
}

// enumAnnotation reports whether a type annotation names an Enum class of
// the analysed code: FastAPI accepts only the members' values.
func (a *batch) enumAnnotation(fn *Function, ann string) bool {
	m, name := a.annotatedClass(fn, ann)
	if m == nil {
		return false
	}
	bases := m.classBases(name)
	return strings.Contains(bases, "Enum")
}

// annotatedClass resolves a type annotation to a class of the analysed code.
func (a *batch) annotatedClass(fn *Function, ann string) (*Module, string) {
	ann = strings.TrimSpace(ann)
	if ann == "" || !plainDotted(ann) {
		return nil, ""
	}
	head, rest, _ := strings.Cut(ann, ".")
	q := joinQual(fn.Module.Name, ann)
	if imp, ok := fn.Module.Imports[head]; ok {
		q = imp
		if rest != "" {
			q += "." + rest
		}
	}
	cls := a.localClass(q)
	if cls == "" {
		return nil, ""
	}
	i := strings.LastIndexByte(cls, '.')
	m := a.module(cls[:i], fn.Module)
	if m == nil {
		return nil, ""
	}
	return m, cls[i+1:]
}

// modelParam is a route parameter annotated with a pydantic model (or a
// dataclass) of the analysed code: the framework validates the body into it,
// so numeric fields are numbers and the others carry the request's data.
func (a *batch) modelParam(fn *Function, p Param, tainted *Value) *Value {
	m, name := a.annotatedClass(fn, p.Annotation)
	if m == nil {
		return nil
	}
	t := m.Tree
	node := m.Classes[name]
	if bases := m.classBases(name); !strings.Contains(bases, "BaseModel") && !strings.Contains(bases, "Schema") {
		return nil
	}
	out := &Value{Elems: map[string]*Value{}, Rest: tainted, Taint: tainted.Taint, Src: tainted.Src}
	body := t.Child(node, FieldBody)
	for s := t.First(body); s != None; s = t.N(s).NextSibling {
		if t.Kind(s) != KindExpressionStatement {
			continue
		}
		asg := t.FirstNamed(s)
		typ := t.Child(asg, FieldType)
		left := t.Child(asg, FieldLeft)
		if t.Kind(asg) != KindAssignment || typ == None || t.Kind(left) != KindIdentifier {
			continue
		}
		if numericAnnotation(t.Text(typ)) || strings.HasPrefix(t.Text(typ), "Literal[") {
			out.Elems["a:"+t.Text(left)] = cleanValue
		} else {
			out.Elems["a:"+t.Text(left)] = tainted
		}
	}
	return out
}

// errorHandler reports whether a function is registered as a web
// framework's error handler: @app.exception_handler(...) (FastAPI,
// Starlette), @app.errorhandler(...) and @bp.app_errorhandler(...) (Flask).
func errorHandler(fn *Function) bool {
	t := fn.Module.Tree
	for _, d := range fn.Decorators {
		if t.Kind(d) != KindCall {
			continue
		}
		name := t.Text(t.Child(d, FieldFunction))
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name = name[i+1:]
		}
		switch name {
		case "exception_handler", "errorhandler", "app_errorhandler":
			return true
		}
	}
	return false
}
