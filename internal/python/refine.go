package python

import (
	"regexp"
	"strings"
)

// test evaluates a condition once and says whether it folds to a constant.
func (f *frame) test(cond NodeID) (truth, known bool) {
	v := f.eval(cond)
	if v.Const == nil {
		return false, false
	}
	return truthy(v.Const)
}

// refineIn returns the states in which cond holds and in which it does not,
// starting from e. Guards narrow what a name may hold: an allow-list
// membership test makes it safe, a validator makes it safe for what the
// validator protects, an equality test makes it a constant.
func (f *frame) refineIn(e *env, cond NodeID) (*env, *env) {
	t := f.t
	cond = t.Unparen(cond)
	switch t.Kind(cond) {
	case KindNotOperator:
		te, fe := f.refineIn(e, t.Child(cond, FieldArgument))
		return fe, te
	case KindBooleanOperator:
		op := t.Text(t.Child(cond, FieldOperator))
		left, right := t.Child(cond, FieldLeft), t.Child(cond, FieldRight)
		t1, f1 := f.refineIn(e, left)
		if op == "and" {
			t2, f2 := f.refineIn(t1, right)
			return t2, joinEnv(f1, f2)
		}
		t2, f2 := f.refineIn(f1, right)
		return joinEnv(t1, t2), f2
	case KindComparisonOperator:
		return f.refineCompare(e, cond)
	case KindCall, KindNamedExpression:
		// "if ALLOWED.get(x):" holds only for a key of ALLOWED.
		if key := f.mappingGetKey(e, cond); key != None {
			return f.narrow(e, key, AllClasses), e
		}
		if t.Kind(cond) != KindCall {
			break
		}
		if subj, cs := f.guardCall(e, cond); subj != None && cs != 0 {
			return f.narrow(e, subj, cs), e
		}
		if te := f.userGuard(e, cond); te != e {
			return te, e
		}
	case KindAttribute:
		// "if urlparse(url).netloc:" is true for absolute URLs.
		if subj := f.netlocSubject(e, cond); subj != None {
			return e, f.narrow(e, subj, ClassRedirect|ClassSSRF)
		}
	}
	return e, e
}

// narrow returns a copy of e in which the name or attribute path subj is safe
// for classes cs.
func (f *frame) narrow(e *env, subj NodeID, cs Class) *env {
	path := f.attrPath(subj)
	pure := false
	if path == "" {
		path = f.pureKey(subj)
		pure = true
	}
	if path == "" {
		return e
	}
	saved := f.env
	f.env = e
	cur := f.eval(subj)
	f.env = saved
	out := e.copy()
	out.narrowed = out.narrowed || pure
	if cs == AllClasses && cur.Const == nil {
		out.set(path, cleanValue)
	} else {
		out.set(path, cur.sanitize(cs))
	}
	return out
}

// setConst returns a copy of e in which subj holds constant c.
func (f *frame) setConst(e *env, subj NodeID, c any) *env {
	path := f.attrPath(subj)
	if path == "" {
		return e
	}
	out := e.copy()
	out.set(path, constValue(c))
	return out
}

func (f *frame) refineCompare(e *env, cond NodeID) (*env, *env) {
	t := f.t
	var ops []NodeID
	ops = t.NamedChildren(cond, ops)
	names := comparisonOps(t, cond)
	if len(ops) != 2 || len(names) != 1 {
		return e, e
	}
	left, right := ops[0], ops[1]
	saved := f.env
	f.env = e
	lv, rv := f.eval(left), f.eval(right)
	f.env = saved
	switch names[0] {
	case "in", "not in":
		// base in target.parents, target resolved: target is below base.
		if r := t.Unparen(right); t.Kind(r) == KindAttribute && t.Text(t.Child(r, FieldAttribute)) == "parents" {
			obj := t.Child(r, FieldObject)
			if f.evalIn(e, obj).Normalized() {
				inside := f.narrow(e, obj, ClassPath)
				if names[0] == "in" {
					return inside, e
				}
				return e, inside
			}
		}
		// urlparse(url).hostname in ALLOWED_HOSTS: url's host is fixed.
		if n := f.netlocSubject(e, left); n != None && constContainer(rv) {
			fixed := f.narrow(e, n, ClassRedirect|ClassSSRF)
			if names[0] == "in" {
				return fixed, e
			}
			return e, fixed
		}
		// "/" in name: where it is not, name is one path component, which
		// cannot leave the directory it is joined to.
		if sep, ok := lv.Str(); ok && sep == "/" && !rv.IsConst() {
			single := f.narrow(e, right, ClassPath)
			if names[0] == "in" {
				return e, single
			}
			return single, e
		}
		// x in ALLOWED, where ALLOWED holds only constants.
		if (constContainer(rv) || constantSets[rv.Qual]) && !lv.IsConst() {
			safe := f.narrow(e, left, AllClasses)
			if names[0] == "in" {
				return safe, e
			}
			return e, safe
		}
	case "==", "!=", "is", "is not":
		subj, other := left, rv
		if rv.Const == nil && lv.Const != nil {
			subj, other = right, lv
		}
		if _, isNone := other.Const.(noneType); isNone {
			// ALLOWED.get(x) is None: x is a key of ALLOWED on the other
			// branch.
			if key := f.mappingGetKey(e, subj); key != None {
				known := f.narrow(e, key, AllClasses)
				if names[0] == "is" || names[0] == "==" {
					return e, known
				}
				return known, e
			}
		}
		if n := f.netlocSubject(e, subj); n != None {
			// urlparse(url).netloc == "" / == "example.com": url's host is fixed.
			if other.Const != nil {
				fixed := f.narrow(e, n, ClassRedirect|ClassSSRF)
				if names[0] == "==" || names[0] == "is" {
					return fixed, e
				}
				return e, fixed
			}
		}
		if other.Const != nil && t.Kind(subj) == KindIdentifier || other.Const != nil && t.Kind(subj) == KindAttribute {
			if _, isNone := other.Const.(noneType); isNone && (names[0] == "==" || names[0] == "!=") {
				break
			}
			fixed := f.setConst(e, subj, other.Const)
			if names[0] == "==" || names[0] == "is" {
				return fixed, e
			}
			return e, fixed
		}
		// os.path.commonpath([base, p]) == base: p is inside base.
		if t.Kind(subj) == KindCall {
			saved := f.env
			f.env = e
			q := f.eval(t.Child(subj, FieldFunction)).Qual
			f.env = saved
			if q == "os.path.commonpath" || q == "posixpath.commonpath" || q == "os.path.commonprefix" {
				if arg := t.FirstNamed(t.Child(subj, FieldArguments)); arg != None {
					// Every normalised path in the list is inside the common
					// base when the check holds.
					var elems []NodeID
					safe := e
					for _, el := range t.NamedChildren(arg, elems) {
						if v := f.evalIn(e, el); v.Normalized() && !v.IsConst() {
							safe = f.narrow(safe, el, ClassPath)
						}
					}
					if safe != e {
						if names[0] == "==" {
							return safe, e
						}
						return e, safe
					}
				}
			}
		}
	}
	return e, e
}

// mappingGetKey returns x when id is M.get(x) (or a walrus binding it),
// with M a mapping whose keys are all constants and no default given: the
// result is None exactly when x is not one of those keys.
func (f *frame) mappingGetKey(e *env, id NodeID) NodeID {
	t := f.t
	id = t.Unparen(id)
	if t.Kind(id) == KindNamedExpression {
		id = t.Unparen(t.Child(id, FieldValue))
	}
	if t.Kind(id) != KindCall {
		return None
	}
	fnNode := t.Child(id, FieldFunction)
	if t.Kind(fnNode) != KindAttribute || t.Text(t.Child(fnNode, FieldAttribute)) != "get" {
		return None
	}
	var args []NodeID
	args = t.NamedChildren(t.Child(id, FieldArguments), args)
	if len(args) == 0 || len(args) > 2 || t.Kind(args[0]) == KindKeywordArgument {
		return None
	}
	if len(args) == 2 && t.Kind(args[1]) != KindNone {
		return None
	}
	m := f.evalIn(e, t.Child(fnNode, FieldObject))
	if !isMapping(m) || !constContainer(m) {
		return None
	}
	if v := f.evalIn(e, args[0]); v.IsConst() {
		return None
	}
	return args[0]
}

func (f *frame) evalIn(e *env, id NodeID) *Value {
	saved := f.env
	f.env = e
	v := f.eval(id)
	f.env = saved
	return v
}

// constantSets are library values that list fixed names: membership in
// one is an allow-list check.
var constantSets = map[string]bool{
	"zoneinfo.available_timezones()": true, "pytz.all_timezones": true, "pytz.all_timezones_set": true,
	"pytz.common_timezones": true, "pytz.common_timezones_set": true, "hashlib.algorithms_guaranteed": true,
	"hashlib.algorithms_available": true, "calendar.month_name": true, "calendar.day_name": true,
	"mimetypes.types_map": true, "http.HTTPStatus": true, "string.ascii_letters": true, "string.digits": true,
}

// constContainer reports whether v is a container whose every element is a
// known constant (an allow-list).
func constContainer(v *Value) bool {
	if v == nil || v.Elems == nil {
		if s, ok := v.Str(); ok && len(s) > 0 {
			return false // "x in 'abc'" is a substring test, not an allow-list
		}
		return false
	}
	if len(v.Elems) == 0 {
		return false
	}
	if isMapping(v) {
		// x in {"a": ..., "b": ...} tests the keys: all constant when no
		// key was computed.
		return v.Rest == nil
	}
	if v.Rest != nil && !v.Rest.IsConst() {
		return false
	}
	for _, e := range v.Elems {
		if !e.IsConst() {
			return false
		}
	}
	return true
}

// isMapping reports whether a container has known string keys, as a dict
// has (a list's are positions).
func isMapping(v *Value) bool {
	for k := range v.Elems {
		if strings.HasPrefix(k, "s:") {
			return true
		}
	}
	return false
}

// netlocSubject returns the URL variable behind "urlparse(url).netloc" or
// "parsed.netloc" (parsed = urlparse(url)), or None.
func (f *frame) netlocSubject(e *env, id NodeID) NodeID {
	t := f.t
	id = t.Unparen(id)
	if t.Kind(id) == KindIdentifier {
		// host = urlparse(url).hostname; if host in ALLOWED: ...
		if v := f.evalIn(e, id); v.Qual == "@netloc" && v.ParsedFrom > 0 {
			return v.ParsedFrom
		}
		return None
	}
	if t.Kind(id) != KindAttribute {
		return None
	}
	attr := t.Text(t.Child(id, FieldAttribute))
	if attr != "netloc" && attr != "hostname" {
		return None // a checked scheme still lets the URL name any host
	}
	obj := t.Child(id, FieldObject)
	if t.Kind(obj) == KindCall {
		q := f.evalIn(e, t.Child(obj, FieldFunction)).Qual
		if isURLParse(q) {
			return f.unwrapStr(e, t.FirstNamed(t.Child(obj, FieldArguments)))
		}
		return None
	}
	if v := f.evalIn(e, obj); v.ParsedFrom > 0 {
		return v.ParsedFrom
	}
	return None
}

// unwrapStr sees through str(x): urlparse(str(hook.url)) parses hook.url.
func (f *frame) unwrapStr(e *env, id NodeID) NodeID {
	t := f.t
	id = t.Unparen(id)
	if t.Kind(id) != KindCall {
		return id
	}
	if f.evalIn(e, t.Child(id, FieldFunction)).Qual != "builtins.str" {
		return id
	}
	var args []NodeID
	args = t.NamedChildren(t.Child(id, FieldArguments), args)
	if len(args) != 1 || t.Kind(args[0]) == KindKeywordArgument {
		return id
	}
	return args[0]
}

func isURLParse(q string) bool {
	switch q {
	case "urllib.parse.urlparse", "urllib.parse.urlsplit", "urlparse.urlparse", "urlparse.urlsplit", "six.moves.urllib.parse.urlparse",
		"requests.utils.urlparse", "requests.compat.urlparse", "requests.compat.urlsplit":
		return true
	}
	return false
}

// guardCall recognises validator calls and returns the validated argument and
// the classes it becomes safe for when the call returns true.
func (f *frame) guardCall(e *env, call NodeID) (NodeID, Class) {
	t := f.t
	fnNode := t.Child(call, FieldFunction)
	args := t.Child(call, FieldArguments)
	var argv []NodeID
	argv = t.NamedChildren(args, argv)
	first := None
	if len(argv) > 0 && t.Kind(argv[0]) != KindKeywordArgument {
		first = argv[0]
	}
	if t.Kind(fnNode) == KindAttribute {
		method := t.Text(t.Child(fnNode, FieldAttribute))
		recv := t.Child(fnNode, FieldObject)
		switch method {
		case "isdigit", "isnumeric", "isdecimal", "isalnum", "isalpha", "isidentifier":
			return recv, AllClasses
		case "startswith":
			// A normalised path checked against a base directory.
			if rv := f.evalIn(e, recv); rv.Normalized() {
				return recv, ClassPath
			}
			// A URL checked against a prefix that fixes scheme and host
			// ("https://app.example.com/"): it goes nowhere else.
			if first != None {
				if p, ok := f.evalIn(e, first).Str(); ok && fixedHostURL.MatchString(p) {
					return recv, ClassRedirect | ClassSSRF
				}
			}
		case "is_relative_to":
			if rv := f.evalIn(e, recv); rv.Normalized() {
				return recv, ClassPath
			}
		}
	}
	q := f.evalIn(e, fnNode).Qual
	switch q {
	case "builtins.isinstance":
		if len(argv) == 2 {
			types := t.Text(argv[1])
			safe := true
			for _, ty := range strings.FieldsFunc(types, func(r rune) bool { return r == '(' || r == ')' || r == ',' || r == ' ' }) {
				switch ty {
				case "int", "float", "bool", "complex", "uuid.UUID", "UUID", "datetime", "date", "Decimal", "decimal.Decimal":
				default:
					safe = false
				}
			}
			if safe {
				return first, AllClasses
			}
		}
	case "re.match", "re.fullmatch", "re.search", "regex.match", "regex.fullmatch":
		if len(argv) >= 2 {
			if pat, ok := t.StringValue(argv[0]); ok {
				if cs := safePattern(pat, patternMode(q)); cs != 0 {
					return argv[1], cs
				}
			}
		}
	case "django.utils.http.url_has_allowed_host_and_scheme", "django.utils.http.is_safe_url":
		return first, ClassRedirect | ClassSSRF
	}
	// A compiled pattern: PATTERN.fullmatch(x) where PATTERN = re.compile(...).
	if t.Kind(fnNode) == KindAttribute {
		method := t.Text(t.Child(fnNode, FieldAttribute))
		if method == "match" || method == "fullmatch" || method == "search" {
			rv := f.evalIn(e, t.Child(fnNode, FieldObject))
			if pat, ok := strings.CutPrefix(rv.Qual, "@re:"); ok && first != None {
				if cs := safePattern(pat, method); cs != 0 {
					return first, cs
				}
			}
		}
	}
	// A validator by name: is_safe_url(x), is_valid_filename(x), allowed_file(x).
	name := q
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	if name == "" && t.Kind(fnNode) == KindIdentifier {
		name = t.Text(fnNode)
	}
	if validatorName.MatchString(name) && first != None {
		return first, AllClasses
	}
	return None, 0
}

var validatorName = regexp.MustCompile(`^_?(is_(safe|valid|allowed|local|internal|trusted|relative|same_origin|same_site)|allowed|validate|valid)_?\w*$|_is_(safe|valid|allowed|local|internal|trusted)$`)

// safePattern reports which classes a regular expression makes a value safe
// for when it matches the whole value. mode says how the pattern is used:
// "fullmatch" (anchored at both ends), "match" (anchored at the start) or
// "search" (anchored only by ^ and $ in the pattern). Letters, digits, "_"
// and "-" are safe everywhere; "." (in a class or escaped) rules out paths;
// "/" rules out paths and URLs; a space rules out shell and query syntax;
// anything else, an unescaped ".", or a negated class makes it unsafe.
func safePattern(p, mode string) Class {
	hasStart := strings.HasPrefix(p, "^") || strings.HasPrefix(p, `\A`)
	hasEnd := strings.HasSuffix(p, "$") && !strings.HasSuffix(p, `\$`) || strings.HasSuffix(p, `\Z`) || strings.HasSuffix(p, `\z`)
	switch mode {
	case "search":
		if !hasStart || !hasEnd {
			return 0
		}
	case "match":
		if !hasEnd {
			return 0
		}
	}
	body := strings.TrimPrefix(strings.TrimPrefix(p, "^"), `\A`)
	if hasEnd {
		body = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(body, "$"), `\Z`), `\z`), "$")
	}
	cs := AllClasses
	const spaceUnsafe = ClassShell | ClassSQL | ClassLDAP | ClassXPath | ClassNoSQL | ClassHeader | ClassLog
	inClass := false
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\\' {
			if i+1 >= len(body) {
				return 0
			}
			i++
			switch body[i] {
			case 'd', 'w', '-', '_':
			case '.':
				cs &^= ClassPath
			case '/':
				cs &^= ClassPath | ClassRedirect | ClassSSRF
			default:
				return 0
			}
			continue
		}
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if inClass {
			switch {
			case alnum, c == '_', c == '-':
			case c == '.':
				cs &^= ClassPath
			case c == '/':
				cs &^= ClassPath | ClassRedirect | ClassSSRF
			case c == ' ':
				cs &^= spaceUnsafe
			case c == ']':
				inClass = false
			default:
				return 0
			}
			continue
		}
		switch {
		case alnum, c == '_', c == '-':
		case c == '[':
			if i+1 < len(body) && body[i+1] == '^' {
				return 0 // a negated class admits almost anything
			}
			inClass = true
		case strings.IndexByte("{}+*?,()|:", c) >= 0:
		case c == '/':
			cs &^= ClassPath | ClassRedirect | ClassSSRF
		default:
			return 0 // an unescaped dot, a quote, a metacharacter
		}
	}
	if inClass {
		return 0
	}
	return cs
}

// patternMode maps re.fullmatch / re.match / re.search to safePattern's mode.
func patternMode(q string) string {
	switch {
	case strings.HasSuffix(q, "fullmatch"):
		return "fullmatch"
	case strings.HasSuffix(q, "match"):
		return "match"
	}
	return "search"
}

// pureKey names a side-effect-free expression that reads request data
// (request.args.get("next"), request.headers["Origin"]) so a guard on it
// narrows the same expression when it is read again. It is "" for anything
// else.
func (f *frame) pureKey(id NodeID) string {
	if !f.isPure(id, 0) {
		return ""
	}
	t := f.t
	text := t.Text(id)
	if t.Kind(id) == KindCall {
		// x.get("k") and x["k"] read the same value.
		fn := t.Child(id, FieldFunction)
		var args []NodeID
		args = t.NamedChildren(t.Child(id, FieldArguments), args)
		if t.Text(t.Child(fn, FieldAttribute)) == "get" && len(args) >= 1 {
			text = t.Text(t.Child(fn, FieldObject)) + "[" + t.Text(args[0]) + "]"
		}
	}
	return "§" + strings.ReplaceAll(strings.Join(strings.Fields(text), ""), "'", "\"")
}

func (f *frame) isPure(id NodeID, depth int) bool {
	t := f.t
	if depth > 8 {
		return false
	}
	switch t.Kind(id) {
	case KindIdentifier:
		return depth > 0
	case KindAttribute:
		return f.isPure(t.Child(id, FieldObject), depth+1)
	case KindSubscript:
		return t.LiteralValue(t.Child(id, FieldSubscript)) != nil && f.isPure(t.Child(id, FieldValue), depth+1)
	case KindCall:
		fn := t.Child(id, FieldFunction)
		if t.Kind(fn) != KindAttribute {
			return false
		}
		switch t.Text(t.Child(fn, FieldAttribute)) {
		case "get", "getlist", "get_argument", "get_query_argument":
		default:
			return false
		}
		var args []NodeID
		for _, a := range t.NamedChildren(t.Child(id, FieldArguments), args) {
			if t.LiteralValue(a) == nil {
				return false
			}
		}
		return f.isPure(t.Child(fn, FieldObject), depth+1)
	}
	return false
}
