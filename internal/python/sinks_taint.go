package python

import (
	"regexp"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// taintSink is a sink that only request data (and, for the code-execution
// classes, local input) makes dangerous; non-constant values of unknown origin
// are not reported.
func taintSink(r *rules.Rule, cs Class, arg int, kw, what string) *sinkSpec {
	return &sinkSpec{rule: r, class: cs, arg: arg, kw: kw, unknown: unkIgnore, what: what, remoteOnly: true}
}

// fixedHostURL matches a URL prefix whose scheme and host are constants:
// "https://api.example.com/" or "https://api.example.com?".
var fixedHostURL = regexp.MustCompile(`(?i)^[a-z][a-z0-9+.-]*://[^/?#\s{}]+[/?#]`)

// safeURL reports whether the constant prefix of a URL fixes where it goes.
func safeURL(v *Value) bool {
	return v != nil && fixedHostURL.MatchString(v.Prefix)
}

// safeRedirect reports whether a redirect target stays on this site: a path
// with a constant first segment ("/account/" + x), or a fixed host.
func safeRedirect(v *Value) bool {
	if v == nil {
		return false
	}
	p := v.Prefix
	if safeURL(v) {
		return true
	}
	return len(p) >= 2 && p[0] == '/' && p[1] != '/' && p[1] != '\\'
}

// htmlContent reports whether a response constructor's content type, when
// given as a constant, is HTML (the default of the frameworks' responses).
func htmlContent(c *call) bool {
	for _, kw := range []string{"content_type", "mimetype", "media_type"} {
		if v, ok := c.kw[kw]; ok {
			s, isStr := v.Str()
			return !isStr || strings.Contains(strings.ToLower(s), "html")
		}
	}
	// make_response(body, {"Content-Type": "text/plain"}) and headers=.
	heads := append([]*Value{c.kw["headers"]}, c.pos[min(1, len(c.pos)):]...)
	for _, h := range heads {
		if h == nil {
			continue
		}
		for k, v := range h.Elems {
			if strings.EqualFold(k, "s:content-type") {
				s, isStr := v.Str()
				return !isStr || strings.Contains(strings.ToLower(s), "html")
			}
		}
	}
	return true
}

// explicitHTML holds for responses whose default type is text (aiohttp's
// text=) only when they declare HTML.
func explicitHTML(c *call) bool {
	for _, kw := range []string{"content_type", "mimetype"} {
		if v, ok := c.kw[kw]; ok {
			s, isStr := v.Str()
			return !isStr || strings.Contains(strings.ToLower(s), "html")
		}
	}
	return false
}

// notUpload skips uploaded file objects: zipfile and tarfile read them as
// files, not as paths.
func notUpload(c *call) bool {
	v, _ := c.arg(0, "")
	return v == nil || v.Src == nil || !v.Src.Upload
}

func addTaintQualSinks(m map[string][]*sinkSpec) {
	add := func(qual string, specs ...*sinkSpec) { m[qual] = append(m[qual], specs...) }
	path := func(q string, args ...int) {
		for _, i := range args {
			add(q, taintSink(rules.PathTraversal, ClassPath, i, "", q+"()"))
		}
	}
	add("builtins.open", taintSink(rules.PathTraversal, ClassPath, 0, "file", "open()"))
	for _, q := range []string{"io.open", "codecs.open", "os.open", "os.remove", "os.unlink", "os.rmdir", "os.removedirs",
		"os.mkdir", "os.makedirs", "os.listdir", "os.scandir", "os.stat", "os.lstat", "os.chmod", "os.chown", "os.truncate",
		"os.utime", "os.readlink", "os.path.getsize", "os.path.getmtime", "os.path.getatime", "os.path.getctime",
		"shutil.unpack_archive", "shutil.rmtree", "shelve.open", "fileinput.input", "aiofiles.open"} {
		path(q, 0)
	}
	for _, q := range []string{"tarfile.open", "zipfile.ZipFile", "tarfile.TarFile"} {
		s := taintSink(rules.PathTraversal, ClassPath, 0, "", q+"()")
		s.when = notUpload
		add(q, s)
	}
	for _, q := range []string{"os.rename", "os.replace", "os.symlink", "os.link", "shutil.copy", "shutil.copy2",
		"shutil.copyfile", "shutil.copytree", "shutil.move"} {
		path(q, 0, 1)
	}
	for _, q := range []string{"flask.send_file", "flask.helpers.send_file"} {
		add(q, taintSink(rules.PathTraversal, ClassPath, 0, "path_or_file", "send_file()"))
	}
	for _, q := range []string{"flask.send_from_directory", "flask.helpers.send_from_directory"} {
		// The file name is joined safely; only the directory is dangerous.
		add(q, taintSink(rules.PathTraversal, ClassPath, 0, "directory", "send_from_directory()"))
	}
	for _, q := range []string{"sanic.response.file", "sanic.file", "sanic.response.file_stream", "sanic.file_stream"} {
		add(q, taintSink(rules.PathTraversal, ClassPath, 0, "location", q[strings.LastIndexByte(q, '.')+1:]+"()"))
	}
	for _, q := range []string{"starlette.responses.FileResponse", "fastapi.responses.FileResponse", "aiohttp.web.FileResponse"} {
		add(q, taintSink(rules.PathTraversal, ClassPath, 0, "path", "FileResponse()"))
	}

	html := func(q string, arg int, kw string) {
		s := taintSink(rules.CrossSiteScripting, ClassHTML, arg, kw, q+"()")
		s.when = htmlContent
		s.applies = notRetypedLater
		add(q, s)
	}
	for _, q := range []string{"flask.make_response", "flask.helpers.make_response"} {
		html(q, 0, "")
	}
	for _, q := range []string{"flask.Response", "werkzeug.wrappers.Response", "werkzeug.Response", "werkzeug.wrappers.response.Response"} {
		html(q, 0, "response")
	}
	for _, q := range []string{"django.http.HttpResponse", "django.http.response.HttpResponse"} {
		html(q, 0, "content")
	}
	for _, q := range []string{"pyramid.response.Response", "pyramid.request.Response"} {
		html(q, 0, "body")
		s := taintSink(rules.CrossSiteScripting, ClassHTML, -1, "text", q+"()")
		s.when = htmlContent
		add(q, s)
	}
	for _, q := range []string{"aiohttp.web.Response", "aiohttp.web_response.Response"} {
		for _, kw := range []string{"text", "body"} {
			s := taintSink(rules.CrossSiteScripting, ClassHTML, -1, kw, "web.Response()")
			s.when = explicitHTML
			add(q, s)
		}
	}
	for _, q := range []string{"sanic.response.html", "sanic.html", "sanic.response.HTTPResponse"} {
		s := taintSink(rules.CrossSiteScripting, ClassHTML, 0, "body", q+"()")
		if strings.HasSuffix(q, "HTTPResponse") {
			s.when = explicitHTML
		}
		add(q, s)
	}
	for _, q := range []string{"starlette.responses.HTMLResponse", "fastapi.responses.HTMLResponse"} {
		add(q, taintSink(rules.CrossSiteScripting, ClassHTML, 0, "content", "HTMLResponse()"))
	}
	for _, q := range []string{"markupsafe.Markup", "flask.Markup", "jinja2.Markup", "django.utils.safestring.mark_safe",
		"django.utils.safestring.SafeString", "django.utils.safestring.SafeText"} {
		add(q, taintSink(rules.CrossSiteScripting, ClassHTML, 0, "", q[strings.LastIndexByte(q, '.')+1:]+"()"))
	}

	redirect := func(q string, arg int, kw string) {
		s := taintSink(rules.OpenRedirect, ClassRedirect, arg, kw, q[strings.LastIndexByte(q, '.')+1:]+"()")
		s.safe = safeRedirect
		add(q, s)
	}
	for _, q := range []string{"flask.redirect", "flask.helpers.redirect", "werkzeug.utils.redirect", "werkzeug.redirect", "quart.redirect"} {
		redirect(q, 0, "location")
	}
	redirect("django.shortcuts.redirect", 0, "to")
	redirect("bottle.redirect", 0, "url")
	redirect("sanic.response.redirect", 0, "to")
	redirect("sanic.redirect", 0, "to")
	for _, q := range []string{"django.http.HttpResponseRedirect", "django.http.HttpResponsePermanentRedirect",
		"django.http.response.HttpResponseRedirect", "django.http.response.HttpResponsePermanentRedirect"} {
		redirect(q, 0, "redirect_to")
	}
	for _, q := range []string{"starlette.responses.RedirectResponse", "fastapi.responses.RedirectResponse"} {
		redirect(q, 0, "url")
	}
	for _, q := range []string{"pyramid.httpexceptions.HTTPFound", "pyramid.httpexceptions.HTTPSeeOther",
		"pyramid.httpexceptions.HTTPTemporaryRedirect", "aiohttp.web.HTTPFound", "aiohttp.web.HTTPSeeOther"} {
		redirect(q, 0, "location")
	}

	ssrf := func(q string, arg int, kw string) {
		s := taintSink(rules.ServerSideRequestForgery, ClassSSRF, arg, kw, q+"()")
		s.safe = safeURL
		add(q, s)
	}
	for _, lib := range []string{"requests", "httpx"} {
		for _, verb := range []string{"get", "post", "put", "patch", "delete", "head", "options", "stream"} {
			ssrf(lib+"."+verb, 0, "url")
		}
		ssrf(lib+".request", 1, "url")
	}
	for _, q := range []string{"urllib.request.urlopen", "urllib.request.Request", "urllib.request.urlretrieve",
		"urllib.urlopen", "urllib2.urlopen", "urllib2.Request", "six.moves.urllib.request.urlopen"} {
		ssrf(q, 0, "url")
	}
	for _, q := range []string{"http.client.HTTPConnection", "http.client.HTTPSConnection", "httplib.HTTPConnection"} {
		add(q, taintSink(rules.ServerSideRequestForgery, ClassSSRF, 0, "host", q+"()"))
	}
	ssrf("urllib3.request", 1, "url")

	for _, q := range []string{"re.compile", "re.match", "re.search", "re.fullmatch", "re.findall", "re.finditer",
		"re.sub", "re.subn", "re.split", "regex.compile", "regex.match", "regex.search", "regex.fullmatch", "regex.findall",
		"regex.sub", "regex.split"} {
		add(q, taintSink(rules.RegexInjection, ClassRegex, 0, "pattern", q+"()"))
	}

	ssti := func(q string, kw string) {
		add(q, &sinkSpec{rule: rules.TemplateInjection, class: ClassTemplate, arg: 0, kw: kw, unknown: unkIgnore, what: q + "()"})
	}
	ssti("flask.render_template_string", "source")
	ssti("flask.templating.render_template_string", "source")
	ssti("quart.render_template_string", "source")
	ssti("jinja2.Template", "source")
	ssti("bottle.template", "tpl")
	ssti("bottle.SimpleTemplate", "source")
	ssti("django.template.Template", "template_string")
	ssti("mako.template.Template", "text")
	ssti("tornado.template.Template", "template_string")

	for _, q := range []string{"lxml.etree.XPath", "lxml.etree.ETXPath"} {
		add(q, taintSink(rules.XPathInjection, ClassXPath, 0, "path", q+"()"))
	}
	for _, q := range []string{"lxml.etree.fromstring", "lxml.etree.XML", "lxml.etree.parse", "lxml.etree.iterparse",
		"lxml.objectify.fromstring", "lxml.objectify.parse"} {
		s := taintSink(rules.XMLExternalEntities, ClassXML, 0, "", q+"()")
		s.when = func(c *call) bool { v, _ := c.arg(1, "parser"); return v == nil }
		add(q, s)
	}

	// ldap3.Connection(server, user=<DN>): a DN built from input.
	add("ldap3.Connection", taintSink(rules.LDAPInjection, ClassLDAP, 1, "user", "ldap3.Connection(user=...)"))
	for _, lvl := range []string{"debug", "info", "warning", "warn", "error", "critical", "exception", "fatal", "log"} {
		add("logging."+lvl, &sinkSpec{rule: rules.LogInjection, class: ClassLog, allPos: true, unknown: unkIgnore, what: "logging." + lvl + "()", remoteOnly: true})
	}
}

// loggerRecv matches receivers that are loggers: logging.getLogger(...)
// results and names such as log, logger, self.logger, app.logger.
var loggerRecv = regexp.MustCompile(`(?i)(^|\.)(_?log|_?logger|_?LOG|_?LOGGER|structlog\w*)$`)

func isLogger(f *frame, c *call) bool {
	if strings.HasPrefix(c.recv.Qual, "logging.getLogger") || strings.HasPrefix(c.recv.Qual, "structlog.") ||
		strings.HasSuffix(c.recv.Qual, ".logger") {
		return true
	}
	return loggerRecv.MatchString(f.t.Text(f.t.Child(c.fnNode, FieldObject)))
}

func importsPrefix(m *Module, prefixes ...string) bool {
	for _, q := range m.Imports {
		for _, p := range prefixes {
			if q == p || strings.HasPrefix(q, p+".") {
				return true
			}
		}
	}
	return false
}

var mongoRecv = regexp.MustCompile(`(?i)(collection|coll|mongo|\bdb\b|\bdb\.|_col$|users|orders|items|docs|documents)`)

func isMongoCollection(f *frame, c *call) bool {
	q := c.recv.Qual
	if strings.HasPrefix(q, "pymongo.") || strings.HasPrefix(q, "motor.") || strings.HasPrefix(q, "flask_pymongo.") {
		return true
	}
	if !importsPrefix(f.m, "pymongo", "motor", "flask_pymongo", "mongoengine") {
		return false
	}
	return mongoRecv.MatchString(f.t.Text(f.t.Child(c.fnNode, FieldObject)))
}

// nosqlFilter is dangerous when the whole filter comes from the request,
// when $where holds request text, or when a value is structured request
// data (JSON may carry operators such as {"$ne": null}).
func nosqlFilter(v *Value) *Value {
	if v == nil {
		return nil
	}
	if v.Elems == nil && v.Rest == nil {
		return v // the whole filter
	}
	if w, ok := v.Elems["s:$where"]; ok {
		return w
	}
	var buf [16]string
	for _, k := range elemKeys(v.Elems, buf[:0]) {
		e := v.Elems[k]
		if e.Src != nil && e.Src.Structured && e.Elems == nil {
			return e
		}
		if inner := nosqlFilter(e); inner != nil && inner != e && inner.Tainted(ClassNoSQL) {
			return inner
		}
	}
	return nil
}

func addTaintMethodSinks(m map[string][]*sinkSpec) map[string][]*sinkSpec {
	add := func(name string, specs ...*sinkSpec) { m[name] = append(m[name], specs...) }
	// pathlib.Path methods: the path is the receiver.
	onPath := func(f *frame, c *call) bool { return c.recv.Qual == "@path" }
	for _, meth := range []string{"open", "read_text", "read_bytes", "write_text", "write_bytes", "unlink", "rmdir",
		"mkdir", "touch", "iterdir", "rename", "replace", "glob", "rglob", "symlink_to", "hardlink_to"} {
		add(meth, &sinkSpec{rule: rules.PathTraversal, class: ClassPath, recv: true, unknown: unkIgnore,
			what: "Path." + meth + "()", remoteOnly: true, applies: onPath})
	}
	// asyncpg connections and pools (fetch/fetchrow/fetchval) and the
	// databases package (fetch_all/fetch_one/fetch_val/iterate/execute_many)
	// take the query first. The names are common, so only SQL-looking text
	// counts.
	for _, meth := range []string{"fetch", "fetchrow", "fetchval", "fetch_all", "fetch_one", "fetch_val", "iterate", "execute_many"} {
		add(meth, &sinkSpec{rule: rules.SQLQueryBuilt, class: ClassSQL, arg: 0, kw: "query", unknown: unkIgnore, what: meth + "()", remoteOnly: true,
			applies: func(f *frame, c *call) bool {
				v, _ := c.arg(0, "query")
				return v != nil && (sqlText.MatchString(v.Frag) || sqlText.MatchString(v.Prefix))
			}})
	}
	// Falcon responses: resp.set_header / append_header.
	for _, meth := range []string{"set_header", "append_header"} {
		add(meth, &sinkSpec{rule: rules.HeaderInjection, class: ClassHeader, arg: 1, kw: "value", unknown: unkIgnore, what: "resp." + meth + "()", remoteOnly: true,
			applies: func(f *frame, c *call) bool { return f.m.frameworks["falcon"] }})
	}
	// Logger methods.
	for _, lvl := range []string{"debug", "info", "warning", "warn", "error", "critical", "exception", "fatal"} {
		add(lvl, &sinkSpec{rule: rules.LogInjection, class: ClassLog, allPos: true, unknown: unkIgnore,
			what: "logger." + lvl + "()", remoteOnly: true, applies: isLogger})
	}
	// python-ldap: search_s(base, scope, filterstr, ...); ldap3: search(base, filter).
	pyldap := func(f *frame, c *call) bool {
		return strings.HasPrefix(c.recv.Qual, "ldap.") || (importsPrefix(f.m, "ldap") && !importsPrefix(f.m, "ldap3"))
	}
	ldap3 := func(f *frame, c *call) bool {
		return strings.HasPrefix(c.recv.Qual, "ldap3.") || importsPrefix(f.m, "ldap3")
	}
	for _, meth := range []string{"search", "search_s", "search_st", "search_ext", "search_ext_s"} {
		add(meth,
			&sinkSpec{rule: rules.LDAPInjection, class: ClassLDAP, arg: 0, kw: "base", unknown: unkIgnore, what: meth + "()", remoteOnly: true, applies: pyldap},
			&sinkSpec{rule: rules.LDAPInjection, class: ClassLDAP, arg: 2, kw: "filterstr", unknown: unkIgnore, what: meth + "()", remoteOnly: true, applies: pyldap})
	}
	for _, meth := range []string{"simple_bind_s", "simple_bind", "bind_s", "bind", "delete_s", "delete", "modify_s", "modify",
		"add_s", "add", "rename_s", "modrdn_s", "compare_s", "compare", "delete_ext_s", "modify_ext_s", "add_ext_s"} {
		add(meth, &sinkSpec{rule: rules.LDAPInjection, class: ClassLDAP, arg: 0, kw: "who", unknown: unkIgnore, what: meth + "()", remoteOnly: true,
			applies: func(f *frame, c *call) bool { return strings.HasPrefix(c.recv.Qual, "ldap") }})
	}
	add("search",
		&sinkSpec{rule: rules.LDAPInjection, class: ClassLDAP, arg: 0, kw: "search_base", unknown: unkIgnore, what: "Connection.search()", remoteOnly: true, applies: ldap3},
		&sinkSpec{rule: rules.LDAPInjection, class: ClassLDAP, arg: 1, kw: "search_filter", unknown: unkIgnore, what: "Connection.search()", remoteOnly: true, applies: ldap3})
	// XPath: lxml's xpath() anywhere lxml is used; ElementTree path methods on
	// parsed documents.
	add("xpath", &sinkSpec{rule: rules.XPathInjection, class: ClassXPath, arg: 0, kw: "_path", unknown: unkIgnore, what: "xpath()", remoteOnly: true,
		applies: func(f *frame, c *call) bool {
			return importsPrefix(f.m, "lxml") || strings.Contains(c.recv.Qual, "lxml")
		}})
	for _, meth := range []string{"find", "findall", "findtext", "iterfind"} {
		add(meth, &sinkSpec{rule: rules.XPathInjection, class: ClassXPath, arg: 0, kw: "path", unknown: unkIgnore, what: meth + "()", remoteOnly: true,
			applies: func(f *frame, c *call) bool {
				q := c.recv.Qual
				return strings.Contains(q, "ElementTree") || strings.Contains(q, "etree") || strings.Contains(q, "lxml")
			}})
	}
	// Jinja2 templates without autoescaping render request data as HTML:
	// the rendered text keeps the data (sources.go, renderedTemplate), and
	// the response that serves it is the sink.
	add("from_string", &sinkSpec{rule: rules.TemplateInjection, class: ClassTemplate, arg: 0, kw: "source", unknown: unkIgnore, what: "from_string()",
		applies: func(f *frame, c *call) bool {
			q := c.recv.Qual
			return strings.HasPrefix(q, "@jinja") || strings.Contains(q, "jinja2") || strings.Contains(q, "django.template") || strings.Contains(q, "Environment")
		}})
	// Request handlers that write responses themselves.
	add("write", &sinkSpec{rule: rules.CrossSiteScripting, class: ClassHTML, arg: 0, kw: "chunk", unknown: unkIgnore, what: "write()", remoteOnly: true,
		applies: func(f *frame, c *call) bool {
			obj := f.t.Text(f.t.Child(c.fnNode, FieldObject))
			if v, _ := c.arg(0, "chunk"); v != nil && v.Elems != nil {
				return false // Tornado writes dicts as JSON
			}
			return (obj == "self" && f.m.frameworks["tornado"]) || (strings.HasSuffix(obj, ".wfile") && servesHTML(f))
		}})
	add("send_header", &sinkSpec{rule: rules.HeaderInjection, class: ClassHeader, arg: 1, kw: "value", unknown: unkIgnore, what: "send_header()", remoteOnly: true})
	// An uploaded file saved under a name taken from the request.
	add("save", &sinkSpec{rule: rules.PathTraversal, class: ClassPath, arg: 0, kw: "dst", unknown: unkIgnore, what: "FileStorage.save()", remoteOnly: true,
		applies: func(f *frame, c *call) bool {
			return c.recv.Src != nil && c.recv.Src.Upload
		}})
	// Tornado: self.redirect(url).
	add("redirect", &sinkSpec{rule: rules.OpenRedirect, class: ClassRedirect, arg: 0, kw: "url", unknown: unkIgnore, what: "redirect()", remoteOnly: true, safe: safeRedirect,
		applies: func(f *frame, c *call) bool { return f.m.frameworks["tornado"] && strings.HasSuffix(c.recv.Qual, "()") }})
	// HTTP clients held in variables: requests.Session(), httpx.Client().
	for _, verb := range []string{"get", "post", "put", "patch", "delete", "head", "options", "request", "stream", "urlopen"} {
		argi := 0
		if verb == "request" || verb == "stream" {
			argi = 1 // client.request(method, url), httpx's client.stream(method, url)
		}
		add(verb, &sinkSpec{rule: rules.ServerSideRequestForgery, class: ClassSSRF, arg: argi, kw: "url", unknown: unkIgnore, what: verb + "()", remoteOnly: true, safe: safeURL,
			applies: func(f *frame, c *call) bool {
				q := c.recv.Qual
				if strings.HasSuffix(q, "(base_url)") {
					// A client with a constant base_url: a path that starts
					// with one "/" stays on that host.
					if u, _ := c.arg(argi, "url"); u != nil && strings.HasPrefix(u.Prefix, "/") && !strings.HasPrefix(u.Prefix, "//") {
						return false
					}
				}
				for _, p := range []string{"requests.Session", "requests.session", "httpx.Client", "httpx.AsyncClient", "aiohttp.ClientSession", "urllib3.PoolManager", "urllib3.HTTPConnectionPool"} {
					if strings.HasPrefix(q, p) {
						return true
					}
				}
				return false
			}})
	}
	// MongoDB collections.
	for _, meth := range []string{"find", "find_one", "find_one_and_delete", "find_one_and_replace", "find_one_and_update",
		"update_one", "update_many", "delete_one", "delete_many", "count_documents", "aggregate", "distinct", "replace_one",
		"count", "remove", "update"} {
		add(meth, &sinkSpec{rule: rules.NoSQLInjection, class: ClassNoSQL, arg: 0, kw: "filter", unknown: unkIgnore, what: meth + "()", remoteOnly: true,
			applies: isMongoCollection, pick: nosqlFilter})
	}
	// Response headers set by method.
	for _, meth := range []string{"add", "set", "setdefault", "add_header", "set_header"} {
		add(meth, &sinkSpec{rule: rules.HeaderInjection, class: ClassHeader, arg: 1, kw: "value", unknown: unkIgnore, what: "headers." + meth + "()", remoteOnly: true,
			applies: func(f *frame, c *call) bool {
				obj := f.t.Text(f.t.Child(c.fnNode, FieldObject))
				return strings.HasSuffix(obj, "headers") || (c.method == "set_header" && f.m.frameworks["tornado"])
			}})
	}
	return m
}

// notRetypedLater reports whether a response built by this call keeps its
// HTML type: "resp = make_response(x)" followed by resp.mimetype =
// "text/plain" (or content_type, or a Content-Type header) serves text.
func notRetypedLater(f *frame, c *call) bool {
	t := f.t
	asg := t.N(c.node).Parent
	if t.Kind(asg) != KindAssignment || f.fn == nil {
		return true
	}
	name := t.Text(t.Child(asg, FieldLeft))
	body := f.fn.Body()
	end := t.subtreeEnd(body)
	for id := asg; id < end; id++ {
		if t.Kind(id) != KindAssignment {
			continue
		}
		left := t.Text(t.Child(id, FieldLeft))
		switch left {
		case name + ".mimetype", name + ".content_type", name + `.headers["Content-Type"]`, name + `.headers['Content-Type']`:
			if v, ok := t.StringValue(t.Child(id, FieldRight)); ok && !strings.Contains(strings.ToLower(v), "html") {
				return false
			}
		}
	}
	return true
}

// servesHTML reports whether the enclosing function declares an HTML
// response (a Content-Type of text/html somewhere in it).
func servesHTML(f *frame) bool {
	if f.fn == nil {
		return false
	}
	return strings.Contains(strings.ToLower(f.t.Text(f.fn.Node)), "text/html")
}
