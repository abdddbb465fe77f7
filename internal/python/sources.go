package python

import (
	"regexp"
	"strings"
)

// builtinNames are the builtins the analyzer gives meaning to.
var builtinNames = map[string]bool{
	"eval": true, "exec": true, "compile": true, "open": true, "input": true, "raw_input": true, "print": true,
	"breakpoint": true, "__import__": true, "int": true, "float": true, "bool": true, "str": true, "bytes": true,
	"repr": true, "len": true, "abs": true, "round": true, "hash": true, "ord": true, "chr": true, "isinstance": true,
	"format": true, "list": true, "tuple": true, "set": true, "dict": true, "frozenset": true, "sorted": true,
	"reversed": true, "enumerate": true, "zip": true, "min": true, "max": true, "sum": true, "any": true, "all": true,
	"range": true, "getattr": true, "setattr": true, "hasattr": true, "type": true, "id": true, "iter": true,
	"next": true, "map": true, "filter": true, "exit": true, "quit": true, "bytearray": true, "complex": true,
	"execfile": true, "callable": true, "vars": true, "globals": true, "locals": true, "super": true, "object": true,
	"memoryview": true, "divmod": true, "pow": true, "hex": true, "oct": true, "bin": true, "ascii": true,
}

// requestQuals are module-level request proxies of web frameworks.
var requestQuals = map[string]bool{
	"flask.request": true, "quart.request": true, "bottle.request": true, "werkzeug.local.request": true,
	"flask.globals.request": true,
}

// requestData are the attributes of a request object that hold client data,
// across Flask, Django, DRF, Starlette/FastAPI, Pyramid, aiohttp and Tornado.
var requestData = map[string]bool{
	"args": true, "form": true, "values": true, "json": true, "cookies": true, "headers": true, "files": true,
	"data": true, "view_args": true, "GET": true, "POST": true, "COOKIES": true, "META": true, "body": true,
	"FILES": true, "params": true, "matchdict": true, "json_body": true, "query_params": true, "path_params": true,
	"query_string": true, "query": true, "match_info": true, "content": true, "stream": true, "environ": true,
	"url": true, "full_path": true, "path": true, "base_url": true, "url_root": true, "host_url": true, "text": true,
	"raw_post_data": true, "arguments": true, "body_arguments": true, "query_arguments": true, "uri": true,
	"rel_url": true, "host": true, "referrer": true, "user_agent": true, "remote_user": true, "authorization": true,
	"POST_data": true, "media": true, "bounded_stream": true, "forms": true, "content_type": true, "mimetype": true, "charset": true, "range": true, "if_match": true,
}

// requestMethods are request methods returning client data.
var requestMethods = map[string]bool{
	"get_json": true, "get_data": true, "json": true, "form": true, "body": true, "text": true, "read": true,
	"post": true, "get_full_path": true, "build_absolute_uri": true, "get_host": true, "getlist": true,
	"get_argument": true, "get_arguments": true, "get_query_argument": true, "get_query_arguments": true,
	"get_body_argument": true, "get_body_arguments": true, "get_cookie": true, "readline": true, "readlines": true,
	"stream": true, "iter_content": true,
	// Falcon.
	"get_param": true, "get_param_as_list": true, "get_header": true, "get_cookie_values": true, "get_media": true,
}

// numericRequestMethods convert request data before returning it (Falcon's
// req.get_param_as_int): the result is a number, a UUID or a date.
var numericRequestMethods = map[string]bool{
	"get_param_as_int": true, "get_param_as_float": true, "get_param_as_bool": true, "get_param_as_uuid": true,
	"get_param_as_date": true, "get_param_as_datetime": true,
}

func (a *batch) isRequest(v *Value) bool {
	return v != nil && (v.Qual == "@request" || requestQuals[v.Qual] || a.opts.taint.sources[v.Qual])
}

func remote(what string, line int) *Value {
	v := &Value{Unsafe: AllClasses, Qual: "@data", Src: &Source{What: what, Line: line}}
	v.Taint.remote = requestClasses
	return v
}

func local(what string, line int) *Value {
	v := &Value{Unsafe: AllClasses, Qual: "@local", Src: &Source{What: what, Line: line}}
	v.Taint.local = AllClasses
	return v
}

// attribute is the value of obj.attr.
func (a *batch) attribute(f *frame, node NodeID, obj *Value, attr string) *Value {
	line := f.t.Line(node)
	if a.isRequest(obj) {
		switch {
		case requestData[attr]:
			v := remote("request."+attr, line)
			v.Src.Structured = attr == "json" || attr == "json_body"
			v.Src.Upload = attr == "files" || attr == "FILES"
			if attr == "path_params" || attr == "match_info" || attr == "matchdict" {
				if conv := a.convertedPathParams(f.fn); len(conv) > 0 {
					// Parameters the route's pattern converts are numbers.
					c := &Value{Elems: map[string]*Value{}, Rest: v, Src: v.Src}
					for _, p := range conv {
						c.Elems["s:"+p] = cleanValue
					}
					return finishContainer(c)
				}
			}
			return v
		case attr == "session":
			return &Value{Qual: "@session"}
		case requestMethods[attr]:
			return &Value{Qual: "@request." + attr}
		}
		return &Value{Qual: "@request." + attr, Unsafe: AllClasses}
	}
	switch obj.Qual {
	case "stat":
		if mode, ok := statModes[attr]; ok {
			return constValue(mode)
		}
	case "sys":
		if attr == "argv" {
			return local("sys.argv", line)
		}
		if attr == "stdin" {
			return local("sys.stdin", line)
		}
	case "os":
		if attr == "environ" || attr == "environb" {
			return local("os.environ", line)
		}
	case "self.request", "@selfrequest":
	case "@request.user", "@model":
		// Primary and foreign keys of the authenticated user or of a model
		// instance: numbers the database assigned.
		if attr == "pk" || attr == "id" || strings.HasSuffix(attr, "_id") {
			return cleanValue
		}
	}
	if e, ok := obj.Elems["a:"+attr]; ok {
		return e // a field the constructor set
	}
	if v := a.propertyValue(f, node, obj, attr); v != nil {
		return v
	}
	if obj.Qual == "@path" {
		switch attr {
		case "name", "stem", "suffix":
			// The last component of a path: no separator left in it.
			d := obj.carry()
			return (&Value{Unsafe: d.Unsafe, Taint: d.Taint, Src: d.Src}).sanitize(ClassPath)
		}
	}
	if parsedArgs(obj) && a.constrainedArgs(f.m)[attr] {
		return cleanValue // argparse allowed only listed choices or numbers
	}
	if v := a.classAttr(f, obj, attr); v != nil {
		return v
	}
	if v := a.handlerAttr(f, obj, attr, line); v != nil {
		return v
	}
	if obj.Qual != "" && !strings.HasPrefix(obj.Qual, "@") {
		if m := a.module(obj.Qual, f.m); m != nil && m != f.m {
			// A module-level name of another analysed module.
			if v := a.importedValue(obj.Qual+"."+attr, f.m); v != nil {
				return v
			}
		}
		// What is left depends on the names alone: values are immutable,
		// so the batch hands out one per name.
		return a.named(obj.Qual, attr)
	}
	if obj.ParsedFrom > 0 {
		d := obj.carry()
		v := &Value{Unsafe: d.Unsafe, Taint: d.Taint, Src: d.Src}
		if obj.Qual == "@urlparse" && (attr == "netloc" || attr == "hostname") {
			// Remember which URL this is the host of, for allow-list checks
			// on a variable holding it.
			v.Qual, v.ParsedFrom = "@netloc", obj.ParsedFrom
		}
		return v
	}
	if obj.Const != nil {
		return cleanValue
	}
	d := obj.derived()
	if d == obj {
		d = &Value{Unsafe: obj.Unsafe, Taint: obj.Taint, Src: obj.Src}
	}
	return &Value{Unsafe: d.Unsafe | unknownIfOpaque(obj), Taint: d.Taint, Src: d.Src, Qual: dataQual(obj)}
}

// named returns the value of what the qualified name q refers to (attr ""),
// of its attribute attr, or of a call of it that nothing tainted flows into
// (attr "()"), when that is not defined in the analysed code.
// These depend on the names alone, and values are immutable: the batch
// hands out one per name.
func (a *batch) named(q, attr string) *Value {
	k := [2]string{q, attr}
	if v := a.names[k]; v != nil {
		return v
	}
	var v *Value
	switch attr {
	case "":
		v = &Value{Qual: q}
	case "()":
		v = &Value{Unsafe: AllClasses} // the result of a call of q: unknownCall
		if q != "" && !strings.HasPrefix(q, "@") {
			v.Qual = q + "()"
		}
	default:
		v = a.namedAttr(q, attr)
	}
	if a.names == nil {
		a.names = map[[2]string]*Value{}
	}
	a.names[k] = v
	return v
}

// namedAttr is the value of attribute attr of what the qualified name q
// refers to, when that is not an analysed module.
func (a *batch) namedAttr(q, attr string) *Value {
	qa := q + "." + attr
	if requestQuals[qa] || a.opts.taint.sources[qa] {
		return &Value{Qual: qa}
	}
	if strings.HasSuffix(q, "()") {
		// An attribute of an instance: unknown, unless it is a handler's
		// request (self.request in class-based views and Tornado).
		if attr == "request" {
			return &Value{Qual: "@request"}
		}
		return &Value{Qual: qa, Unsafe: AllClasses}
	}
	return &Value{Qual: qa}
}

func unknownIfOpaque(obj *Value) Class {
	if obj.Elems == nil && obj.Rest == nil && obj.Const == nil {
		return AllClasses
	}
	return 0
}

func dataQual(obj *Value) string {
	if obj.Qual == "@data" || obj.Qual == "@local" {
		return obj.Qual
	}
	return ""
}

// subscript is the value of obj[key].
func (a *batch) subscript(f *frame, node NodeID, obj *Value, key string) *Value {
	if obj.Qual != "" && !strings.HasPrefix(obj.Qual, "@") && obj.Elems == nil && obj.Rest == nil && obj.Const == nil {
		// An item of a library object keeps its type: client["db"]["coll"].
		d := obj.carry()
		return &Value{Qual: obj.Qual + "[]", Unsafe: d.Unsafe, Taint: d.Taint, Src: d.Src}
	}
	e := obj.elem(key)
	if e == nil {
		return unknownValue
	}
	return e
}

// statModes are the permission bits of the stat module, so that modes built
// from them fold to numbers.
var statModes = map[string]int64{
	"S_IRWXU": 0o700, "S_IRUSR": 0o400, "S_IWUSR": 0o200, "S_IXUSR": 0o100,
	"S_IRWXG": 0o070, "S_IRGRP": 0o040, "S_IWGRP": 0o020, "S_IXGRP": 0o010,
	"S_IRWXO": 0o007, "S_IROTH": 0o004, "S_IWOTH": 0o002, "S_IXOTH": 0o001,
	"S_ISUID": 0o4000, "S_ISGID": 0o2000, "S_ISVTX": 0o1000,
}

// archiveMember is a member name read from an archive: attacker-controlled
// when the archive is, and dangerous as a path.
func archiveMember(line int) *Value {
	v := &Value{Unsafe: AllClasses, Src: &Source{What: "an archive member name", Line: line}}
	v.Taint.remote = ClassPath
	return v
}

// exceptionDetails is a caught exception: its text is safe everywhere but in
// a response to the client, where it discloses internals.
func exceptionDetails(line int) *Value {
	v := &Value{Src: &Source{What: "exception details", Line: line}}
	v.Taint.remote = ClassInfo
	return v
}

// requestCall handles calls that return client data: request methods, input(),
// environment lookups.
func (a *batch) requestCall(f *frame, c *call) *Value {
	line := f.t.Line(c.node)
	q := c.qual
	if m, ok := strings.CutPrefix(q, "@request."); ok && numericRequestMethods[m] {
		return cleanValue
	}
	if m, ok := strings.CutPrefix(q, "@request."); ok && requestMethods[m] {
		v := remote("request."+m+"()", line)
		v.Src.Structured = m == "get_json" || m == "json"
		return v
	}
	switch q {
	case "traceback.format_exc", "traceback.format_exception", "traceback.format_tb", "traceback.format_stack",
		"traceback.format_exception_only":
		return exceptionDetails(line)
	case "builtins.input", "builtins.raw_input":
		return local("input()", line)
	case "os.getenv", "os.environ.get", "os.getenvb":
		return local("os.getenv()", line)
	}
	if c.recv != nil {
		switch c.method {
		case "recv", "recvfrom", "recv_into", "recvmsg", "makefile":
			if strings.HasPrefix(c.recv.Qual, "socket.") || strings.Contains(strings.ToLower(c.recv.Qual), "sock") ||
				importsPrefix(f.m, "socket", "socketserver", "ssl") {
				return remote("socket data", line)
			}
		case "get_argument", "get_arguments", "get_query_argument", "get_query_arguments", "get_body_argument", "get_body_arguments", "get_cookie":
			if f.m.frameworks["tornado"] {
				return remote("self."+c.method+"()", line)
			}
		}
	}
	return nil
}

// sanitizers maps functions to the sink classes their result is safe for.
var sanitizers = map[string]Class{
	"builtins.int": AllClasses, "builtins.float": AllClasses, "builtins.bool": AllClasses, "builtins.len": AllClasses,
	"builtins.abs": AllClasses, "builtins.round": AllClasses, "builtins.hash": AllClasses, "builtins.ord": AllClasses,
	"builtins.complex": AllClasses, "builtins.id": AllClasses, "builtins.isinstance": AllClasses,
	"builtins.callable": AllClasses, "builtins.hasattr": AllClasses, "builtins.hex": AllClasses, "builtins.oct": AllClasses,
	"builtins.bin": AllClasses, "builtins.divmod": AllClasses,
	"uuid.UUID": AllClasses, "decimal.Decimal": AllClasses, "ipaddress.ip_address": AllClasses,
	"ipaddress.ip_network": AllClasses, "ipaddress.IPv4Address": AllClasses, "ipaddress.IPv6Address": AllClasses,
	"datetime.datetime.strptime": AllClasses, "datetime.date.fromisoformat": AllClasses, "datetime.datetime.fromisoformat": AllClasses,
	"shlex.quote": ClassShell, "pipes.quote": ClassShell, "shlex.join": ClassShell,
	// HTML escaping leaves template syntax ({{ }}, {% %}, ${ }) intact, so it
	// does not protect a template source.
	"html.escape": ClassHTML, "markupsafe.escape": ClassHTML, "cgi.escape": ClassHTML,
	"flask.escape": ClassHTML, "jinja2.escape": ClassHTML,
	"django.utils.html.escape": ClassHTML, "django.utils.html.conditional_escape": ClassHTML,
	"bleach.clean": ClassHTML, "xml.sax.saxutils.escape": ClassHTML | ClassXPath,
	"markupsafe.Markup.escape": ClassHTML,
	"os.path.basename":         ClassPath, "posixpath.basename": ClassPath, "ntpath.basename": ClassPath,
	// secure_filename keeps ASCII letters, digits, "_", "-" and ".": no
	// separator, line break, quote or markup survives it.
	"werkzeug.utils.secure_filename": ClassPath | ClassHeader | ClassLog | ClassHTML,
	"werkzeug.secure_filename":       ClassPath | ClassHeader | ClassLog | ClassHTML,
	"werkzeug.security.safe_join":    ClassPath, "werkzeug.utils.safe_join": ClassPath, "flask.safe_join": ClassPath,
	"django.utils._os.safe_join":      ClassPath,
	"re.escape":                       ClassRegex,
	"ldap.filter.escape_filter_chars": ClassLDAP, "ldap3.utils.conv.escape_filter_chars": ClassLDAP,
	"ldap.dn.escape_dn_chars": ClassLDAP, "ldap3.utils.dn.escape_rdn": ClassLDAP,
	"urllib.parse.quote": ClassHeader | ClassLog, "urllib.parse.quote_plus": ClassHeader | ClassLog,
	"urllib.parse.urlencode":  ClassHeader | ClassLog,
	"psycopg2.sql.Identifier": ClassSQL, "psycopg2.sql.Literal": ClassSQL, "psycopg.sql.Identifier": ClassSQL,
	"psycopg.sql.Literal": ClassSQL, "sqlalchemy.bindparam": ClassSQL, "MySQLdb.escape_string": ClassSQL,
	"pymysql.converters.escape_string": ClassSQL, "sqlalchemy.sql.expression.bindparam": ClassSQL,
	"json.dumps": ClassLog | ClassHeader, "builtins.repr": ClassLog | ClassHeader, "builtins.ascii": ClassLog | ClassHeader,
	"flask.url_for": AllClasses, "django.urls.reverse": AllClasses, "django.shortcuts.resolve_url": AllClasses,
	"secrets.token_hex": AllClasses, "secrets.token_urlsafe": AllClasses,
}

// propagators are library functions whose result carries their arguments'
// data (decoders, path joins, parsers).
var propagators = map[string]bool{
	"base64.b64decode": true, "base64.b64encode": true, "base64.urlsafe_b64decode": true, "base64.urlsafe_b64encode": true,
	"base64.b32decode": true, "base64.b16decode": true, "base64.decodebytes": true, "base64.standard_b64decode": true,
	"binascii.unhexlify": true, "binascii.a2b_base64": true, "codecs.decode": true, "codecs.encode": true,
	"json.loads": true, "json.load": true, "ujson.loads": true, "orjson.loads": true, "simplejson.loads": true,
	"urllib.parse.unquote": true, "urllib.parse.unquote_plus": true, "urllib.parse.parse_qs": true,
	"urllib.parse.parse_qsl": true, "urllib.parse.urljoin": true, "urllib.parse.urlunparse": true,
	"os.path.join": true, "posixpath.join": true, "os.path.expanduser": true, "os.path.dirname": true,
	"os.path.splitext": true, "os.path.split": true, "os.fsencode": true, "os.fsdecode": true,
	"builtins.str": true, "builtins.bytes": true, "builtins.bytearray": true, "builtins.format": true,
	"builtins.list": true, "builtins.tuple": true, "builtins.set": true, "builtins.frozenset": true, "builtins.dict": true,
	"builtins.sorted": true, "builtins.reversed": true, "builtins.min": true, "builtins.max": true, "builtins.iter": true,
	"builtins.next": true, "builtins.enumerate": true, "builtins.zip": true, "builtins.filter": true, "builtins.map": true,
	"builtins.chr": true,
	"copy.copy":    true, "copy.deepcopy": true, "gzip.decompress": true, "zlib.decompress": true, "bz2.decompress": true,
	"lzma.decompress": true, "textwrap.dedent": true, "textwrap.indent": true, "unicodedata.normalize": true,
	"string.capwords": true, "html.unescape": true, "xml.sax.saxutils.unescape": true,
	"typing.cast": true, "shlex.split": true,
	"markdown.markdown": true, "markdown2.markdown": true, "mistune.html": true, "mistune.markdown": true,
	"xml.etree.ElementTree.fromstring": true, "xml.etree.ElementTree.XML": true, "xml.etree.ElementTree.parse": true,
	"lxml.etree.fromstring": true, "lxml.etree.XML": true, "lxml.etree.parse": true, "lxml.html.fromstring": true,
	"defusedxml.ElementTree.fromstring": true, "defusedxml.lxml.fromstring": true, "xml.dom.minidom.parseString": true,
}

// normalizers return normalised paths (for prefix checks).
var normalizers = map[string]bool{
	"os.path.realpath": true, "os.path.abspath": true, "os.path.normpath": true, "posixpath.realpath": true,
	"posixpath.abspath": true, "posixpath.normpath": true, "os.path.normcase": true,
}

// libraryCall gives known library functions their meaning.
func (a *batch) libraryCall(f *frame, c *call) *Value {
	q := c.qual
	if cs, ok := sanitizers[q]; ok {
		v := joinArgs(c)
		if cs == AllClasses || v == nil {
			return cleanValue
		}
		return v.sanitize(cs)
	}
	if normalizers[q] {
		v := joinArgs(c).derived()
		return &Value{Unsafe: v.Unsafe, Taint: v.Taint, Src: v.Src, Frag: v.Frag, Norm: true}
	}
	if isURLParse(q) {
		v := joinArgs(c).derived()
		out := &Value{Unsafe: v.Unsafe, Taint: v.Taint, Src: v.Src, Qual: "@urlparse"}
		if len(c.posNodes) > 0 {
			out.ParsedFrom = c.posNodes[0]
		}
		return out
	}
	switch q {
	case "builtins.compile":
		// A code object compiled from constant source runs only that.
		if src, _ := c.arg(0, "source"); src != nil && src.Const != nil {
			return &Value{Qual: "@code"}
		}
	case "functools.partial":
		// partial(fn, *args, **kw): fn with some arguments bound, kept as
		// "p:i" and "k:name" elements so that a call adds them.
		if len(c.pos) > 0 {
			fnv := c.pos[0]
			out := &Value{Qual: fnv.Qual, Fn: fnv.Fn, Lambda: fnv.Lambda, Elems: map[string]*Value{partialMark: cleanValue}}
			for i, v := range c.pos[1:] {
				out.Elems["p:"+itoa(int64(i))] = v
			}
			for k, v := range c.kw {
				if k != "**" {
					out.Elems["k:"+k] = v
				}
			}
			return out
		}
	case "builtins.map":
		// map(re.escape, terms): each element went through the function.
		if len(c.pos) == 2 {
			if cs, ok := sanitizers[c.pos[0].Qual]; ok {
				el := c.pos[1].anyElem()
				if cs == AllClasses || el == nil {
					el = cleanValue
				} else {
					el = el.sanitize(cs)
				}
				return finishContainer(&Value{Elems: map[string]*Value{}, Rest: el})
			}
		}
	case "aiohttp.ClientSession", "httpx.Client", "httpx.AsyncClient":
		if b, ok := c.kw["base_url"]; ok && safeURL(concat(b, constValue("/"))) {
			return &Value{Qual: q + "(base_url)"}
		}
	case "django.shortcuts.get_object_or_404":
		// A model instance loaded from the database: its keys are numbers.
		return &Value{Qual: "@model", Unsafe: AllClasses}
	case "tempfile.gettempdir", "tempfile.gettempdirb":
		// The shared temporary directory: a fixed name inside it can be
		// pre-created or symlinked by another local user, as under /tmp.
		return constValue("/tmp")
	case "jinja2.Environment", "jinja2.environment.Environment", "jinja2.Template":
		// Jinja2 does not autoescape unless told to.
		esc, ok := c.kw["autoescape"]
		if ok && (esc.Const == nil || esc.Const == true) {
			if q == "jinja2.Template" {
				return &Value{Qual: "@jinja-escaped"}
			}
			return &Value{Qual: "@jinja-escaped-env"}
		}
		if q == "jinja2.Template" {
			return &Value{Qual: "@jinja-unescaped"}
		}
		return &Value{Qual: "@jinja-unescaped-env"}
	case "tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open", "zipfile.ZipFile":
		d := joinArgs(c).carry()
		return &Value{Qual: q + "()", Unsafe: d.Unsafe, Taint: d.Taint, Src: d.Src}
	case "re.compile", "regex.compile":
		if v, _ := c.arg(0, "pattern"); v != nil {
			if s, ok := v.Str(); ok {
				return &Value{Qual: "@re:" + s}
			}
		}
		return &Value{Qual: "re.Pattern()"}
	case "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.PurePosixPath":
		v := joinArgs(c)
		out := mixedOf(v)
		out.Qual = "@path"
		if v != nil && v.Const != nil {
			out.Const, out.Unsafe = nil, 0
			out.Prefix, _ = v.Str()
		}
		return out
	case "builtins.open", "io.open", "codecs.open":
		// What a file holds is not known: not a constant, not request data.
		return &Value{Qual: "@file", Unsafe: AllClasses}
	case "psycopg2.sql.SQL", "psycopg.sql.SQL":
		// Composable SQL: the template itself must be safe; what .format()
		// adds is quoted by Identifier and Literal.
		if v, _ := c.arg(0, "string"); v != nil && !v.IsConst() {
			return v
		}
		return &Value{Qual: "@pgsql"}
	case "builtins.getattr":
		if len(c.pos) > 0 {
			return c.pos[0].derived()
		}
	case "os.urandom", "secrets.token_bytes", "uuid.uuid4", "uuid.uuid1", "time.time", "time.monotonic",
		"datetime.datetime.now", "datetime.datetime.utcnow", "datetime.date.today", "builtins.range":
		return cleanValue
	}
	if propagators[q] {
		v := joinArgs(c)
		if v == nil {
			return cleanValue
		}
		if strings.Contains(q, "etree") || strings.Contains(q, "ElementTree") || strings.Contains(q, "minidom") || q == "lxml.html.fromstring" {
			// A parsed document: its content carries the input's taint and
			// its methods (find, xpath) are the parser's.
			out := mixedOf(v)
			out.Qual = q + "()"
			return out
		}
		if strings.HasSuffix(q, ".loads") || strings.HasSuffix(q, ".load") {
			// Parsed JSON may hold objects, not only strings.
			out := mixedOf(v)
			if out.Src != nil {
				src := *out.Src
				src.Structured = true
				out.Src = &src
			}
			return out
		}
		if q == "builtins.str" || q == "builtins.format" {
			if v.Const != nil {
				return constValue(constString(v.Const))
			}
			d := v.carry()
			src := d.Src
			if src != nil && src.Structured {
				plain := *src
				plain.Structured = false // str() of parsed JSON is a string
				src = &plain
			}
			return &Value{Unsafe: d.Unsafe, Taint: d.Taint, Src: src, Frag: d.Frag, Built: v.Built, Prefix: v.Prefix}
		}
		switch q {
		case "builtins.enumerate":
			if len(c.pos) > 0 {
				out := finishContainer(&Value{Elems: map[string]*Value{}, Rest: c.pos[0].anyElem()})
				out.Qual = "builtins.enumerate()"
				return out
			}
		case "builtins.list", "builtins.tuple", "builtins.set", "builtins.frozenset", "builtins.sorted":
			if len(c.pos) == 1 && constContainer(c.pos[0]) && !isMapping(c.pos[0]) {
				// A copy of an allow-list is an allow-list.
				return c.pos[0]
			}
		}
		if strings.HasPrefix(q, "builtins.") && (v.Elems != nil || v.Rest != nil) {
			return finishContainer(&Value{Elems: map[string]*Value{}, Rest: v.anyElem()})
		}
		if q == "os.path.join" || q == "posixpath.join" {
			return concatArgs(c)
		}
		if q == "urllib.parse.urljoin" {
			v := concatArgs(c)
			if len(c.pos) > 1 && c.pos[1].Const == nil {
				// An absolute or scheme-relative URL replaces the base:
				// the base fixes nothing.
				out := *v
				out.Prefix = ""
				return &out
			}
			return v
		}
		return mixedOf(v)
	}
	return nil
}

func joinArgs(c *call) *Value {
	var v *Value
	for _, p := range c.pos {
		v = join(v, p)
	}
	for k, p := range c.kw {
		if k != "**" {
			v = join(v, p)
		}
	}
	return v
}

func concatArgs(c *call) *Value {
	parts := make([]*Value, 0, 2*len(c.pos))
	for i, p := range c.pos {
		if i > 0 {
			parts = append(parts, constValue("/"))
		}
		parts = append(parts, p)
	}
	return concat(parts...)
}

func mixedOf(v *Value) *Value {
	if v == nil {
		return cleanValue
	}
	d := v.carry()
	return &Value{Unsafe: d.Unsafe, Taint: d.Taint, Src: d.Src, Frag: d.Frag}
}

// cleanMethods return numbers or booleans.
var cleanMethods = map[string]bool{
	"isdigit": true, "isalpha": true, "isalnum": true, "isnumeric": true, "isdecimal": true, "isspace": true,
	"islower": true, "isupper": true, "istitle": true, "isidentifier": true, "isascii": true, "isprintable": true,
	"startswith": true, "endswith": true, "count": true, "find": true, "rfind": true, "index": true, "rindex": true,
	"__len__": true, "exists": true, "is_file": true, "is_dir": true, "hexdigest": true, "digest": true,
	"total_seconds": true, "timestamp": true, "isoformat": true, "is_relative_to": true, "is_absolute": true,
}

// methodCall gives meaning to methods of strings, containers and paths.
func (a *batch) methodCall(f *frame, c *call) *Value {
	recv := c.recv
	m := c.method
	if cleanMethods[m] {
		return cleanValue
	}
	if tmpl, ok := recv.Str(); ok {
		switch m {
		case "format":
			kw := map[string]*Value{}
			for k, v := range c.kw {
				kw[k] = v
			}
			return formatMethod(tmpl, c.pos, kw)
		case "format_map":
			if len(c.pos) == 1 {
				return formatMethod(tmpl, nil, mappingFields(tmpl, c.pos[0]))
			}
		case "join":
			if len(c.pos) == 1 {
				it := c.pos[0]
				if constContainerOrdered(it) {
					return joinConst(tmpl, it)
				}
				el := it.anyElem()
				return concat(constValue(tmpl), el, constValue(tmpl))
			}
		case "replace", "strip", "lower", "upper", "encode", "title", "lstrip", "rstrip":
			return constLike(recv)
		}
		return constLike(recv)
	}
	if recv.Qual == "@pgsql" && (m == "format" || m == "join") {
		// sql.SQL("... {} ...").format(sql.Identifier(x)): composed, not
		// formatted; plain strings are passed as sql.Literal by psycopg.
		v := joinArgs(c)
		if v == nil {
			return &Value{Qual: "@pgsql"}
		}
		out := v.sanitize(ClassSQL)
		out.Qual = "@pgsql"
		return out
	}
	if recv.Qual == "string.Template()" && (m == "substitute" || m == "safe_substitute") {
		// string.Template("...$name...").substitute(mapping, **kw).
		var v *Value
		for _, p := range c.pos {
			v = join(v, p.anyElem())
		}
		if kw := c.kw["**"]; kw != nil {
			v = join(v, kw)
		}
		out := concat(recv.derived(), joinArgs(c), v)
		out.Built = true
		return out
	}
	if v := renderedTemplate(recv, c); v != nil {
		return v
	}
	if isMarkup(recv.Qual) {
		switch m {
		case "format", "join", "format_map", "__mod__":
			// Markup escapes what it interpolates.
			v := concat(recv.derived(), joinArgs(c)).sanitize(ClassHTML)
			v.Qual = recv.Qual
			return v
		}
	}
	if strings.HasPrefix(recv.Qual, "@jinja") && strings.HasSuffix(recv.Qual, "-env") {
		switch m {
		case "from_string", "get_template", "select_template", "get_or_select_template":
			if m == "get_template" && len(c.pos) > 0 {
				// A plain-text template (a mail body, a CSV) is not HTML.
				if name, ok := c.pos[0].Str(); ok && textTemplate(name) {
					return &Value{Qual: "@jinja-text"}
				}
			}
			return &Value{Qual: strings.TrimSuffix(recv.Qual, "-env")}
		}
	}
	if strings.HasPrefix(recv.Qual, "zipfile.") || strings.HasPrefix(recv.Qual, "tarfile.") {
		switch m {
		case "namelist", "getnames", "infolist", "getmembers":
			member := archiveMember(f.t.Line(c.node))
			return finishContainer(&Value{Elems: map[string]*Value{}, Rest: member})
		case "next", "getmember", "getinfo":
			return archiveMember(f.t.Line(c.node))
		}
	}
	switch m {
	case "get", "pop", "setdefault":
		if recv.Elems != nil || recv.Rest != nil {
			key := ""
			if len(c.pos) > 0 {
				if s, ok := c.pos[0].Str(); ok {
					key = "s:" + s
				} else if n, ok := c.pos[0].Const.(int64); ok {
					key = itoa(n)
				}
			}
			v := recv.elem(key)
			if len(c.pos) > 1 {
				v = join(v, c.pos[1])
			}
			return v
		}
		if ty, ok := c.kw["type"]; ok && (ty.Qual == "builtins.int" || ty.Qual == "builtins.float" || ty.Qual == "builtins.bool") {
			return cleanValue
		}
	case "replace":
		v := recv.derived()
		if old, _ := c.arg(0, ""); old != nil {
			if s, ok := old.Str(); ok && (strings.Contains(s, "\n") || strings.Contains(s, "\r")) {
				v = v.sanitize(ClassLog | ClassHeader)
			}
		}
		if nw, _ := c.arg(1, ""); nw != nil {
			v = mixed(v, nw)
		}
		return keepString(recv, v)
	case "keys":
		if isMapping(recv) && recv.Rest == nil {
			out := &Value{Elems: make(map[string]*Value, len(recv.Elems))}
			i := 0
			for k := range recv.Elems {
				out.Elems[itoa(int64(i))] = constValue(strings.TrimPrefix(k, "s:"))
				i++
			}
			return out
		}
		return finishContainer(&Value{Elems: map[string]*Value{}, Rest: recv.anyElem()})
	case "split", "rsplit", "splitlines", "partition", "rpartition", "items", "values", "copy", "to_dict", "dict", "getlist", "lists":
		e := recv.anyElem()
		if m == "splitlines" {
			// A line holds no line break of any kind: safe in a log line
			// or a header (split("\n") would leave carriage returns).
			e = e.sanitize(ClassLog | ClassHeader)
		}
		if m == "items" {
			e = finishContainer(&Value{Elems: map[string]*Value{"1": recv.anyElem()}, Rest: cleanValue})
		}
		return finishContainer(&Value{Elems: map[string]*Value{}, Rest: e})
	case "strip", "lstrip", "rstrip", "lower", "upper", "title", "capitalize", "casefold", "swapcase", "encode",
		"decode", "center", "ljust", "rjust", "zfill", "expandtabs", "removeprefix", "removesuffix", "translate",
		"format_map", "read", "read_text", "read_bytes", "readline", "readlines", "as_posix", "__str__", "normalize":
		return keepString(recv, recv.derived())
	case "resolve", "absolute":
		if recv.Qual == "@path" || strings.HasPrefix(recv.Qual, "pathlib.") {
			d := recv.carry()
			return &Value{Unsafe: d.Unsafe, Taint: d.Taint, Src: d.Src, Qual: "@path", Norm: true}
		}
	case "joinpath", "with_name", "with_suffix", "with_stem", "parent", "relative_to":
		if recv.Qual == "@path" {
			out := mixedOf(join(recv, joinArgs(c)))
			out.Qual = "@path"
			return out
		}
	case "join":
		// sep.join(items) with a separator that is not a constant.
		if len(c.pos) == 1 {
			return concat(recv, c.pos[0].anyElem())
		}
	case "format":
		return concat(recv.derived(), joinArgs(c))
	case "append", "extend", "add", "update", "insert", "write", "close", "flush", "sort", "clear", "remove", "discard":
		return constValue(noneValue)
	}
	return nil
}

// formatField matches the root name of a replacement field.
var formatField = regexp.MustCompile(`\{([A-Za-z_]\w*)`)

// mappingFields gives the named fields of a str.format_map template the
// mapping's values: its element for a known key, anything it may hold
// otherwise.
func mappingFields(tmpl string, mapping *Value) map[string]*Value {
	kw := map[string]*Value{}
	for _, m := range formatField.FindAllStringSubmatch(tmpl, -1) {
		kw[m[1]] = mapping.elem("s:" + m[1])
	}
	return kw
}

// renderedTemplate is what a Jinja2 template's render() returns: the data
// passed in, HTML-escaped unless the environment does not autoescape. A
// text template's output is not HTML.
func renderedTemplate(recv *Value, c *call) *Value {
	switch c.method {
	case "render", "render_async", "generate", "stream":
	default:
		return nil
	}
	var classes Class
	switch recv.Qual {
	case "@jinja-unescaped":
		classes = 0
	case "@jinja-escaped", "@jinja-text":
		classes = ClassHTML
	default:
		return nil
	}
	v := joinArgs(c)
	if kw := c.kw["**"]; kw != nil {
		v = join(v, kw.anyElem())
	}
	for _, p := range c.pos {
		v = join(v, p.anyElem()) // render({"name": ...})
	}
	if v == nil {
		return &Value{Built: true}
	}
	out := v.derived()
	if classes != 0 {
		out = out.sanitize(classes)
	}
	return &Value{Unsafe: out.Unsafe, Taint: out.Taint, Src: out.Src, Built: true}
}

func keepString(recv, v *Value) *Value {
	if recv.Built || recv.Frag != "" {
		out := *v
		out.Built = recv.Built
		out.Frag = recv.Frag
		out.Prefix = recv.Prefix
		return &out
	}
	return v
}

// constLike is the result of a method that maps a constant string to
// another: still safe, though no longer a known constant.
func constLike(recv *Value) *Value {
	return &Value{Frag: recv.Frag}
}

func constContainerOrdered(v *Value) bool {
	if v == nil || v.Elems == nil || v.Rest != nil {
		return false
	}
	for i := 0; i < len(v.Elems); i++ {
		e, ok := v.Elems[itoa(int64(i))]
		if !ok {
			return false
		}
		if _, ok := e.Str(); !ok {
			return false
		}
	}
	return true
}

func joinConst(sep string, v *Value) *Value {
	parts := make([]*Value, 0, 2*len(v.Elems))
	for i := 0; i < len(v.Elems); i++ {
		if i > 0 {
			parts = append(parts, constValue(sep))
		}
		parts = append(parts, v.Elems[itoa(int64(i))])
	}
	return concat(parts...)
}

// isMarkup reports whether q names a Markup instance (HTML that is already
// safe).
func isMarkup(q string) bool {
	switch q {
	case "markupsafe.Markup()", "flask.Markup()", "jinja2.Markup()", "jinja2.utils.Markup()":
		return true
	}
	return false
}

// configuredCall applies the project's own taint vocabulary
// ([patchpatrol.taint]) to a call, before the analyser looks inside the
// callee: a configured source returns request data and a configured
// sanitizer clears the classes it protects, whatever their bodies do.
func (a *batch) configuredCall(f *frame, c *call) *Value {
	q := c.qual
	if q == "" {
		return nil
	}
	if cs, ok := a.opts.taint.sanitizers[q]; ok {
		v := joinArgs(c)
		if cs == AllClasses || v == nil {
			return cleanValue
		}
		return v.sanitize(cs)
	}
	if a.opts.taint.sources[q] {
		return remote(q+"()", f.t.Line(c.node))
	}
	return nil
}

// textTemplate reports whether a template's file name says it renders text
// that is not HTML.
func textTemplate(name string) bool {
	name = strings.ToLower(name)
	for _, ext := range []string{".txt", ".text", ".md", ".csv", ".json", ".yaml", ".yml", ".ini", ".cfg", ".conf", ".sql", ".sh", ".eml", ".ics", ".txt.j2", ".txt.jinja", ".txt.jinja2"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}
