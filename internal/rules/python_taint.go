package rules

import "github.com/patchpatrol/patchpatrol/internal/finding"

const (
	owaspAccess = "https://owasp.org/Top10/A01_2021-Broken_Access_Control/"
	owaspSSRF   = "https://owasp.org/Top10/A10_2021-Server-Side_Request_Forgery_%28SSRF%29/"
	owaspDesign = "https://owasp.org/Top10/A04_2021-Insecure_Design/"
	owaspLog    = "https://owasp.org/Top10/A09_2021-Security_Logging_and_Monitoring_Failures/"
)

// taint builds a rule reported when untrusted data reaches a sink.
func taint(id, name, title, category string, cwe int, owasp finding.OWASP, sev finding.Severity, aliases []string, remediation string, doc Doc) *Rule {
	return &Rule{ID: id, Name: name, Title: title, Kind: finding.KindSecurity, Category: category, Severity: sev,
		Confidence: finding.ConfidenceHigh, CWE: cwe, OWASP: owasp, Engine: EnginePython, Status: Stable, Since: "v0.2.0",
		Aliases: aliases, Remediation: remediation, Doc: doc}
}

// Taint-tracked injection and access rules (PP204–PP216).
var (
	PathTraversal = taint("PP204", "path-traversal", "File path built from untrusted input", "path-traversal", 22, finding.A01, finding.High,
		nil, "Keep user input out of paths: take os.path.basename() or werkzeug's secure_filename(), or resolve the path and check it stays under the base directory.", Doc{
			Flags: "Request data reaching `open`, `io.open`, the `os` and `shutil` file functions, `pathlib.Path` operations, " +
				"Flask's `send_file`, `tarfile.open`/`zipfile.ZipFile`, and framework file responses; also archive member names " +
				"joined into extraction paths (zip slip). `os.path.basename`, `secure_filename`, `safe_join`, `send_from_directory`, " +
				"and an `os.path.realpath(...).startswith(base)` / `commonpath` / `is_relative_to` check make the path safe.",
			Why:        "`../` sequences or absolute paths let an attacker read or overwrite any file the process can reach (CWE-22).",
			Example:    "name = request.args[\"file\"]\nreturn open(os.path.join(UPLOADS, name)).read()",
			Fix:        "name = secure_filename(request.args[\"file\"])\nreturn open(os.path.join(UPLOADS, name)).read()",
			References: []string{cweRef("22"), owaspAccess, "https://werkzeug.palletsprojects.com/en/stable/utils/#werkzeug.utils.secure_filename"},
		})
	ArchiveExtraction = taint("PP205", "archive-extraction-unchecked", "Archive extracted without checking member paths", "path-traversal", 22, finding.A01, finding.Medium,
		[]string{"B202", "S202"}, "Extract with tarfile's filter=\"data\" (Python 3.12+), or check every member's resolved path stays inside the destination.", Doc{
			Flags: "`TarFile.extractall()` and `extract()` without a `filter` argument or a `members` list, on archives that are not constants. " +
				"(zipfile's own extraction strips `..` and absolute paths and is not flagged; member names joined by hand are PP204.)",
			Why:        "A tar member named `../../etc/cron.d/x` or a symlink member writes outside the destination directory (CWE-22).",
			Example:    "with tarfile.open(upload) as tar:\n    tar.extractall(dest)",
			Fix:        "with tarfile.open(upload) as tar:\n    tar.extractall(dest, filter=\"data\")",
			References: []string{cweRef("22"), "https://docs.python.org/3/library/tarfile.html#tarfile-extraction-filter"},
		})
	CrossSiteScripting = taint("PP206", "cross-site-scripting", "Untrusted input written into an HTML response", "xss", 79, finding.A03, finding.High,
		nil, "Render HTML through an autoescaping template (render_template), or escape values with markupsafe.escape / html.escape first.", Doc{
			Flags: "Request data in strings returned by Flask views, in `make_response`, `Response`, Django `HttpResponse`, " +
				"Starlette `HTMLResponse`, in `Markup(...)` and `mark_safe(...)`, and rendered through Jinja2 templates with " +
				"autoescaping off. `html.escape`, `markupsafe.escape` and Django's `escape` make a value safe for HTML; JSON " +
				"responses are not HTML.",
			Why:        "Script in the response runs in the victim's browser with the site's cookies and permissions (CWE-79).",
			Example:    "name = request.args.get(\"name\", \"\")\nreturn f\"<h1>Hello {name}</h1>\"",
			Fix:        "name = request.args.get(\"name\", \"\")\nreturn render_template(\"hello.html\", name=name)",
			References: []string{cweRef("79"), owaspInjection, "https://flask.palletsprojects.com/en/stable/security/#cross-site-scripting-xss"},
		})
	OpenRedirect = taint("PP207", "open-redirect", "Redirect to a URL taken from the request", "redirect", 601, finding.A01, finding.Medium,
		nil, "Redirect to url_for(...) targets, or check the URL with Django's url_has_allowed_host_and_scheme / a netloc allow-list first.", Doc{
			Flags: "Request data reaching Flask/Werkzeug `redirect`, Django `redirect`, `HttpResponseRedirect`, Starlette " +
				"`RedirectResponse`, Pyramid `HTTPFound`, and a `Location` header. Relative paths built behind a constant \"/\" " +
				"prefix, `url_for` targets, and URLs checked with `url_has_allowed_host_and_scheme` or against an allowed netloc are safe.",
			Why:        "A trusted domain that forwards to any URL makes phishing links look legitimate and can leak tokens in the URL (CWE-601).",
			Example:    "return redirect(request.args[\"next\"])",
			Fix:        "nxt = request.args.get(\"next\", \"/\")\nif not url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.host}):\n    nxt = \"/\"\nreturn redirect(nxt)",
			References: []string{cweRef("601"), owaspAccess},
		})
	ServerSideRequestForgery = taint("PP208", "server-side-request-forgery", "Outgoing request to a URL taken from the request", "ssrf", 918, finding.A10, finding.High,
		nil, "Fetch only URLs whose scheme and host come from an allow-list; never let the client choose the host.", Doc{
			Flags: "Request data in the URL or host of `requests`, `httpx`, `urllib.request.urlopen`/`Request`, `http.client` connections, " +
				"`aiohttp` and `urllib3` calls. A URL whose scheme and host are fixed constants, or whose host was checked against " +
				"an allow-list, is safe.",
			Why:        "The server becomes a proxy into the internal network: cloud metadata endpoints, admin services, localhost (CWE-918).",
			Example:    "url = request.args[\"url\"]\nreturn requests.get(url, timeout=5).text",
			Fix:        "path = request.args[\"path\"]\nreturn requests.get(\"https://api.example.com/\" + quote(path), timeout=5).text",
			References: []string{cweRef("918"), owaspSSRF},
		})
	LDAPInjection = taint("PP209", "ldap-injection", "LDAP filter or DN built from untrusted input", "injection", 90, finding.A03, finding.High,
		nil, "Escape values with ldap.filter.escape_filter_chars / ldap3.utils.conv.escape_filter_chars (and escape_dn_chars for DNs).", Doc{
			Flags:      "Request data in the base DN or filter of python-ldap `search*` calls and ldap3 `Connection.search`.",
			Why:        "Filter metacharacters (`*`, `(`, `)`, `|`) change the query: authentication bypass and directory disclosure (CWE-90).",
			Example:    "conn.search_s(BASE, ldap.SCOPE_SUBTREE, f\"(uid={request.form['user']})\")",
			Fix:        "user = escape_filter_chars(request.form[\"user\"])\nconn.search_s(BASE, ldap.SCOPE_SUBTREE, f\"(uid={user})\")",
			References: []string{cweRef("90"), owaspInjection},
		})
	XPathInjection = taint("PP210", "xpath-injection", "XPath expression built from untrusted input", "injection", 643, finding.A03, finding.High,
		nil, "Pass values as XPath variables (tree.xpath(\"//user[@name=$name]\", name=value)) instead of formatting them into the expression.", Doc{
			Flags:      "Request data in the expression of lxml's `xpath`, `XPath`, `ETXPath` and ElementTree's `find`, `findall`, `findtext`, `iterfind`.",
			Why:        "Quotes in the input rewrite the query and can return or authenticate any node (CWE-643).",
			Example:    "root.xpath(f\"//user[@name='{request.args['name']}']\")",
			Fix:        "root.xpath(\"//user[@name=$name]\", name=request.args[\"name\"])",
			References: []string{cweRef("643"), owaspInjection, "https://lxml.de/xpathxslt.html#the-xpath-method"},
		})
	LogInjection = taint("PP211", "log-injection", "Untrusted input written to a log without removing line breaks", "logging", 117, finding.A09, finding.Medium,
		nil, "Strip or escape CR and LF (value.replace(\"\\r\", \"\").replace(\"\\n\", \"\")) or log repr(value).", Doc{
			Flags:      "Request data in the message or arguments of `logging` calls, loggers from `logging.getLogger` and `app.logger`. Values passed through `repr()`, `json.dumps()` or a replace of `\\n`/`\\r` are safe.",
			Why:        "Injected line breaks forge log entries and can hide an attack from whoever reads the logs (CWE-117).",
			Example:    "log.info(\"login failed for %s\", request.form[\"user\"])",
			Fix:        "user = request.form[\"user\"].replace(\"\\r\", \"\").replace(\"\\n\", \"\")\nlog.info(\"login failed for %s\", user)",
			References: []string{cweRef("117"), owaspLog},
		})
	HeaderInjection = taint("PP212", "header-injection", "HTTP response header set from untrusted input", "injection", 113, finding.A03, finding.Medium,
		nil, "Allow only known header values, or remove CR and LF from the value first.", Doc{
			Flags:      "Request data stored in response headers: `response.headers[...] = ...`, `headers.add/set`, Django `response[...] = ...`, and `headers=` of response constructors.",
			Why:        "CR/LF in a header value splits the response: injected headers, cookies or a whole forged body (CWE-113).",
			Example:    "resp.headers[\"X-Request-Id\"] = request.args[\"id\"]",
			Fix:        "resp.headers[\"X-Request-Id\"] = str(uuid.UUID(request.args[\"id\"]))",
			References: []string{cweRef("113"), owaspInjection},
		})
	RegexInjection = taint("PP213", "regex-injection", "Regular expression built from untrusted input", "injection", 730, finding.A03, finding.Medium,
		nil, "Escape the input with re.escape(), or match it as plain text.", Doc{
			Flags:      "Request data used as the pattern of `re.compile`, `re.match`, `re.search`, `re.fullmatch`, `re.findall`, `re.finditer`, `re.sub` and `re.split`.",
			Why:        "A crafted pattern can backtrack for minutes (ReDoS) or match far more than intended (CWE-730).",
			Example:    "re.search(request.args[\"q\"], text)",
			Fix:        "re.search(re.escape(request.args[\"q\"]), text)",
			References: []string{cweRef("730"), owaspInjection},
		})
	TemplateInjection = taint("PP214", "template-injection", "Template source built from untrusted input", "injection", 1336, finding.A03, finding.Critical,
		nil, "Keep templates constant and pass user data only as render variables.", Doc{
			Flags:      "Request data used as the template source of Flask's `render_template_string`, `jinja2.Template`, `Environment.from_string`, Django's `Template`, Mako and Tornado templates.",
			Why:        "Template expressions run code on the server: `{{ config }}` and `{{ ''.__class__... }}` lead to remote code execution (CWE-1336).",
			Example:    "return render_template_string(\"<p>\" + request.args[\"msg\"] + \"</p>\")",
			Fix:        "return render_template_string(\"<p>{{ msg }}</p>\", msg=request.args[\"msg\"])",
			References: []string{cweRef("1336"), owaspInjection},
		})
	NoSQLInjection = taint("PP215", "nosql-injection", "MongoDB query built from untrusted input", "injection", 943, finding.A03, finding.High,
		nil, "Build filters from scalar values converted to the expected type; never pass request JSON as a filter or into $where.", Doc{
			Flags:      "Request data in pymongo/motor query methods (`find`, `find_one`, `update_*`, `delete_*`, `aggregate`, …): as a whole filter, inside `$where`, or as a structured value from a JSON body (which may hold operators such as `$ne`).",
			Why:        "Operators smuggled into a filter (`{\"$ne\": null}`) bypass checks; `$where` runs JavaScript on the server (CWE-943).",
			Example:    "users.find_one({\"name\": request.json[\"name\"], \"pw\": request.json[\"pw\"]})",
			Fix:        "users.find_one({\"name\": str(request.json[\"name\"])})",
			References: []string{cweRef("943"), owaspInjection},
		})
	TrustBoundary = taint("PP216", "trust-boundary-violation", "Untrusted input stored in the session", "trust-boundary", 501, finding.A04, finding.Medium,
		nil, "Validate and convert values before storing them in the session; store identifiers the server issued, not client data.", Doc{
			Flags:      "Request data stored in Flask's `session` or Django's `request.session` without being converted or checked.",
			Why:        "Code that reads the session trusts it; client data placed there crosses the trust boundary unchecked (CWE-501).",
			Example:    "session[\"role\"] = request.form[\"role\"]",
			Fix:        "role = request.form[\"role\"]\nif role in {\"viewer\", \"editor\"}:\n    session[\"role\"] = role",
			References: []string{cweRef("501"), owaspDesign},
		})
)

// pythonTaintRules are the taint-tracked rules added with the analyzer.
var pythonTaintRules = []*Rule{PathTraversal, ArchiveExtraction, CrossSiteScripting, OpenRedirect, ServerSideRequestForgery,
	LDAPInjection, XPathInjection, LogInjection, HeaderInjection, RegexInjection, TemplateInjection, NoSQLInjection, TrustBoundary}
