package python

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// onReturn runs rules on a returned value: a Flask, Quart or Bottle view
// that returns request data in a string serves it as HTML.
func (a *batch) onReturn(f *frame, id NodeID, v *Value) {
	if f.fn == nil || v == nil {
		return
	}
	wsgi := len(f.fn.Params) == 2 && f.fn.Params[0].Name == "environ" && f.fn.Params[1].Name == "start_response"
	if wsgi {
		// A WSGI app returns an iterable of body chunks.
		if servesHTML(f) {
			if body := v.anyElem(); body != nil && body.Taint.Remote()&ClassHTML != 0 {
				a.reportTaint(f, f.m, id, &sinkSpec{rule: rules.CrossSiteScripting, class: ClassHTML, what: "the WSGI response body"}, ClassHTML, body, nil)
			}
		}
		return
	}
	if f.fn.entry != entryRoute && f.fn.entry != entryDjango {
		return
	}
	body0 := v
	if v.Elems != nil {
		body0 = v.Elems["0"]
	}
	a.reportInfo(f, id, body0)
	if f.fn.entry != entryRoute {
		return
	}
	fastapiHTML := f.m.frameworks["fastapi"] && f.fn.hasDecoratorText("HTMLResponse")
	if !f.m.frameworks["flask"] && !f.m.frameworks["quart"] && !f.m.frameworks["bottle"] && !fastapiHTML {
		return
	}
	body := v
	if v.Elems != nil {
		// return body, status[, headers]
		body = v.Elems["0"]
	}
	if body == nil || !body.isStringish() && body.Qual != "@data" {
		return
	}
	if body.Taint.Remote()&ClassHTML != 0 {
		spec := &sinkSpec{rule: rules.CrossSiteScripting, class: ClassHTML, what: "the view's HTML response"}
		a.reportTaint(f, f.m, id, spec, ClassHTML, body, nil)
	}
}

// onAttributeStore runs rules on "obj.attr = value": a Falcon responder
// writing request data into an HTML body.
func (a *batch) onAttributeStore(f *frame, target NodeID, v *Value) {
	if f.fn == nil || f.fn.entry != entryFalcon || v.Taint.Remote()&ClassHTML == 0 {
		return
	}
	t := f.t
	switch t.Text(t.Child(target, FieldAttribute)) {
	case "text", "body", "data":
	default:
		return
	}
	if t.Text(t.Child(target, FieldObject)) != f.fn.Params[2].Name {
		return
	}
	// Falcon serves JSON unless the responder says otherwise.
	body := strings.ToLower(t.Text(f.fn.Node))
	if !strings.Contains(body, "media_html") && !strings.Contains(body, "text/html") {
		return
	}
	spec := &sinkSpec{rule: rules.CrossSiteScripting, class: ClassHTML, what: "an HTML response body"}
	a.reportTaint(f, f.m, target, spec, ClassHTML, v, nil)
}

// djangoResponseName matches the names Django code gives a response object
// whose items are headers: response["X-Request-Id"] = value.
var djangoResponseName = regexp.MustCompile(`^(response|resp|res|http_response)$`)

// headerName matches HTTP header names such as X-Request-Id or
// Content-Disposition, and the single-word headers that matter here.
var headerName = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+|Location|Refresh|Link|Vary|Allow)$`)

// onSubscriptStore runs rules on "container[key] = value": request data
// stored in the session, in response headers, and CORS headers.
func (a *batch) onSubscriptStore(f *frame, target NodeID, container, v *Value) {
	t := f.t
	obj := t.Child(target, FieldValue)
	key, _ := t.StringValue(t.Child(target, FieldSubscript))
	objText := t.Text(obj)
	switch {
	case container != nil && (container.Qual == "@session" || container.Qual == "flask.session" || container.Qual == "quart.session"):
		if v.Taint.Remote()&ClassTrust != 0 {
			spec := &sinkSpec{rule: rules.TrustBoundary, class: ClassTrust, what: "the session"}
			a.reportTaint(f, f.m, target, spec, ClassTrust, v, nil)
		}
	case strings.HasSuffix(objText, "headers") || isResponse(container) ||
		djangoResponseName.MatchString(objText) && (f.m.frameworks["django"] || f.m.frameworks["rest_framework"] || headerName.MatchString(key)):
		if key == "" && !strings.HasSuffix(objText, "headers") {
			return
		}
		if strings.EqualFold(key, "Access-Control-Allow-Origin") {
			reflected := v.Taint.Remote() != 0
			s, _ := v.Str()
			scope := string(f.m.Tree.Src)
			if f.fn != nil {
				scope = f.t.Text(f.fn.Node)
			}
			_ = s // "*" with credentials is refused by browsers; echoing the origin is the hole
			if reflected && strings.Contains(strings.ToLower(scope), "access-control-allow-credentials") {
				a.report(f.m, target, rules.CORSAllowAllCredentials, finding.High, finding.ConfidenceMedium,
					"Access-Control-Allow-Origin echoes any origin while credentials are allowed", nil)
			}
		}
		if strings.EqualFold(key, "Location") && v.Taint.Remote()&ClassRedirect != 0 && !safeRedirect(v) {
			a.reportTaint(f, f.m, target, &sinkSpec{rule: rules.OpenRedirect, class: ClassRedirect, what: "the Location header"}, ClassRedirect, v, nil)
			return
		}
		if v.Taint.Remote()&ClassHeader != 0 && !strings.HasPrefix(strings.ToLower(key), "access-control-") {
			a.reportTaint(f, f.m, target, &sinkSpec{rule: rules.HeaderInjection, class: ClassHeader, what: "a response header"}, ClassHeader, v, nil)
		}
	}
}

func isResponse(v *Value) bool {
	if v == nil {
		return false
	}
	for _, p := range []string{"django.http.HttpResponse", "django.http.JsonResponse", "django.http.response.", "flask.Response",
		"flask.make_response", "werkzeug.", "starlette.responses.", "fastapi.responses."} {
		if strings.HasPrefix(v.Qual, p) {
			return true
		}
	}
	return false
}

// isResponseCtor reports whether q constructs an HTTP response.
func isResponseCtor(q string) bool {
	switch q {
	case "flask.Response", "flask.make_response", "quart.Response", "werkzeug.Response", "werkzeug.wrappers.Response",
		"django.http.HttpResponse", "django.http.response.HttpResponse", "django.http.JsonResponse",
		"django.http.StreamingHttpResponse", "django.http.FileResponse", "aiohttp.web.Response", "aiohttp.web.json_response",
		"sanic.response.text", "sanic.response.html", "sanic.response.json", "sanic.response.raw", "sanic.response.file":
		return true
	}
	return strings.HasPrefix(q, "starlette.responses.") || strings.HasPrefix(q, "fastapi.responses.")
}

var accessWords = regexp.MustCompile(`(?i)(is_authenticated|is_admin|is_staff|is_superuser|has_perm|has_permission|permission|\brole|is_owner|\bowner|has_role|has_any_role|is_member|in_group|can_\w+|is_allowed|allowed|authori[sz]ed|logged_in|is_active|access|token|privilege|\bgroups?\b|\bscopes?\b|account_id|tenant|user_id|owner_id|\.user\b.*==|\buser\[)`)

// numericInvariant reports a comparison of a value with a number literal.
func numericInvariant(t *Tree, cond NodeID) bool {
	cond = t.Unparen(cond)
	if t.Kind(cond) != KindComparisonOperator {
		return false
	}
	var ops []NodeID
	for _, o := range t.NamedChildren(cond, ops) {
		switch t.Kind(o) {
		case KindInteger, KindFloat:
			return true
		case KindUnaryOperator:
			if k := t.Kind(t.Child(o, FieldArgument)); k == KindInteger || k == KindFloat {
				return true
			}
		}
	}
	return false
}

// onAssert reports assert statements that guard access outside tests.
func (a *batch) onAssert(f *frame, id, cond NodeID) {
	if cond == None || isTestPath(f.m.Path) {
		return
	}
	if numericInvariant(f.t, cond) {
		return // assert user_id > 0: a data invariant, not a permission
	}
	if txt := f.t.Text(cond); accessWords.MatchString(txt) && !strings.HasPrefix(txt, "isinstance(") && !strings.HasPrefix(txt, "type(") {
		a.report(f.m, id, rules.AssertAccessControl, finding.Medium, finding.ConfidenceMedium,
			fmt.Sprintf("access check in an assert (%s) disappears under python -O", describe(f.t, cond)), nil)
	}
}

// weakCiphers are cipher constructors that are broken whatever the mode.
var weakCiphers = map[string]string{
	"Crypto.Cipher.DES.new": "DES", "Crypto.Cipher.DES3.new": "Triple DES", "Crypto.Cipher.ARC4.new": "RC4",
	"Crypto.Cipher.Blowfish.new": "Blowfish", "Crypto.Cipher.CAST.new": "CAST5", "Crypto.Cipher.ARC2.new": "RC2",
	"Cryptodome.Cipher.DES.new": "DES", "Cryptodome.Cipher.DES3.new": "Triple DES", "Cryptodome.Cipher.ARC4.new": "RC4",
	"Cryptodome.Cipher.Blowfish.new": "Blowfish", "Cryptodome.Cipher.CAST.new": "CAST5", "Cryptodome.Cipher.ARC2.new": "RC2",
	"cryptography.hazmat.primitives.ciphers.algorithms.TripleDES": "Triple DES",
	"cryptography.hazmat.primitives.ciphers.algorithms.ARC4":      "RC4",
	"cryptography.hazmat.primitives.ciphers.algorithms.Blowfish":  "Blowfish",
	"cryptography.hazmat.primitives.ciphers.algorithms.IDEA":      "IDEA",
	"cryptography.hazmat.primitives.ciphers.algorithms.CAST5":     "CAST5",
	"cryptography.hazmat.primitives.ciphers.algorithms.SEED":      "SEED",
	"cryptography.hazmat.decrepit.ciphers.algorithms.TripleDES":   "Triple DES",
	"cryptography.hazmat.decrepit.ciphers.algorithms.ARC4":        "RC4",
	"cryptography.hazmat.decrepit.ciphers.algorithms.Blowfish":    "Blowfish",
}

var weakCurves = map[string]bool{"SECP192R1": true, "SECT163K1": true, "SECT163R2": true, "SECP160R1": true}

// checkMorePatterns runs the pattern rules added with the analyzer on one
// call.
func (a *batch) checkMorePatterns(f *frame, c *call) {
	q := c.qual
	// smtplib, ftplib, imaplib ...: login(user, "password"); python-ldap:
	// simple_bind_s(dn, "password").
	switch c.method {
	case "login", "simple_bind_s", "simple_bind", "bind_s":
		if len(c.pos) >= 2 && c.kw["password"] == nil && c.kw["passwd"] == nil && c.kw["cred"] == nil {
			a.checkPasswordLiteral(f, c.posNodes[1], "password", c.pos[1], "passed to "+c.method+"() ")
		}
	}
	// hmac.compare_digest(password, "literal"): a password compared with a
	// constant.
	if (q == "hmac.compare_digest" || q == "secrets.compare_digest") && len(c.posNodes) == 2 {
		for i, n := range c.posNodes {
			if name := describe(f.t, n); passwordName.MatchString(name) && !passwordNotVal.MatchString(name) {
				a.checkPasswordLiteral(f, c.posNodes[1-i], name, c.pos[1-i], "compared with "+name+": ")
			}
		}
	}
	// app.config.update(WTF_CSRF_ENABLED=False, SECRET_KEY="..."): settings
	// by keyword are assignments.
	if (c.method == "update" || c.method == "from_mapping") && c.recv != nil &&
		strings.HasSuffix(f.t.Text(f.t.Child(c.fnNode, FieldObject)), "config") {
		for name, node := range c.kwNodes {
			if name != "**" && node != None && f.t.Kind(node) != KindDictionarySplat {
				a.onAssignMore(f, node, None, node, name, c.kw[name])
			}
		}
	}
	// Response(body, headers={"X-Name": value}).
	if isResponseCtor(q) {
		if h := c.kw["headers"]; h != nil {
			for k, v := range h.Elems {
				if v.Taint.Remote()&ClassHeader != 0 && !strings.HasPrefix(strings.ToLower(k), "s:access-control-") {
					a.reportTaint(f, f.m, c.node, &sinkSpec{rule: rules.HeaderInjection, class: ClassHeader, what: "a response header"}, ClassHeader, v, nil)
					break
				}
			}
		}
	}
	if name, ok := weakCiphers[q]; ok {
		a.report(f.m, c.node, rules.WeakCipher, finding.High, finding.ConfidenceHigh, name+" is a broken cipher", nil)
	}
	if strings.HasSuffix(q, "ciphers.modes.ECB") {
		a.report(f.m, c.node, rules.WeakCipher, finding.High, finding.ConfidenceHigh, "ECB mode leaks patterns in the plaintext", nil)
	}
	if strings.HasSuffix(q, "Cipher.AES.new") || strings.HasSuffix(q, "Cipher.DES3.new") || strings.HasSuffix(q, "Cipher.Blowfish.new") {
		if mode, _ := c.arg(1, "mode"); mode != nil && strings.HasSuffix(mode.Qual, "MODE_ECB") {
			a.report(f.m, c.node, rules.WeakCipher, finding.High, finding.ConfidenceHigh, "ECB mode leaks patterns in the plaintext", nil)
		}
	}
	switch {
	case strings.HasSuffix(q, "asymmetric.rsa.generate_private_key"):
		a.keySize(f, c, 1, "key_size", 2048, "RSA")
	case strings.HasSuffix(q, "asymmetric.dsa.generate_private_key"):
		a.keySize(f, c, 0, "key_size", 2048, "DSA")
	case strings.HasSuffix(q, "PublicKey.RSA.generate"):
		a.keySize(f, c, 0, "bits", 2048, "RSA")
	case strings.HasSuffix(q, "PublicKey.DSA.generate"):
		a.keySize(f, c, 0, "bits", 2048, "DSA")
	case q == "paramiko.RSAKey.generate" || q == "paramiko.DSSKey.generate" || q == "paramiko.rsakey.RSAKey.generate":
		a.keySize(f, c, 0, "bits", 2048, "RSA/DSA")
	case strings.HasSuffix(q, "asymmetric.ec.generate_private_key"):
		if curve, _ := c.arg(0, "curve"); curve != nil {
			name := curve.Qual
			if i := strings.LastIndexByte(name, '.'); i >= 0 {
				name = strings.TrimSuffix(name[i+1:], "()")
			}
			if weakCurves[name] {
				a.report(f.m, c.node, rules.ShortKey, finding.High, finding.ConfidenceHigh, "elliptic curve "+name+" is under 224 bits", nil)
			}
		}
	}
	if c.method == "set_cookie" && len(c.pos)+len(c.kw) > 0 {
		if !kwTrue(c, "secure") {
			a.report(f.m, c.node, rules.CookieWithoutSecure, finding.Medium, finding.ConfidenceMedium,
				"set_cookie() without secure=True sends the cookie over plain HTTP", nil)
		}
		if !kwTrue(c, "httponly") {
			a.report(f.m, c.node, rules.CookieWithoutHTTPOnly, finding.Medium, finding.ConfidenceMedium,
				"set_cookie() without httponly=True lets scripts read the cookie", nil)
		}
	}
	switch {
	case q == "os.chmod" || q == "os.fchmod" || q == "os.lchmod":
		a.permissive(f, c, 1, "mode")
	case q == "os.mkdir" || q == "os.makedirs":
		a.permissive(f, c, 1, "mode")
	case q == "os.open":
		a.permissive(f, c, 2, "mode")
	case c.method == "chmod" && c.recv != nil && c.recv.Qual == "@path":
		a.permissive(f, c, 0, "mode")
	case q == "os.umask":
		if v, _ := c.arg(0, "mask"); v != nil {
			if n, ok := v.Const.(int64); ok && n&0o002 == 0 {
				a.report(f.m, c.node, rules.PermissiveChmod, finding.Medium, finding.ConfidenceMedium,
					fmt.Sprintf("umask %#o lets every user write the files this process creates", n), nil)
			}
		}
	}
	if q == "django.views.decorators.csrf.csrf_exempt" || c.method == "exempt" && strings.Contains(strings.ToLower(c.recv.Qual+f.t.Text(f.t.Child(c.fnNode, FieldObject))), "csrf") {
		a.report(f.m, c.node, rules.CSRFExempt, finding.Medium, finding.ConfidenceHigh, "the view is exempted from CSRF protection", nil)
	}
	switch {
	case q == "flask_cors.CORS" || q == "flask_cors.cross_origin":
		if kwTrue(c, "supports_credentials") && allOrigins(c, "origins") {
			a.report(f.m, c.node, rules.CORSAllowAllCredentials, finding.High, finding.ConfidenceHigh,
				"CORS allows every origin and credentials: any site can make authenticated requests", nil)
		}
	case c.method == "add_middleware" && len(c.pos) > 0 && strings.HasSuffix(c.pos[0].Qual, "CORSMiddleware"),
		strings.HasSuffix(q, "CORSMiddleware"):
		if kwTrue(c, "allow_credentials") && (allOrigins(c, "allow_origins") && c.kw["allow_origins"] != nil || matchesAll(c.kw["allow_origin_regex"])) {
			a.report(f.m, c.node, rules.CORSAllowAllCredentials, finding.High, finding.ConfidenceHigh,
				"CORSMiddleware allows every origin and credentials", nil)
		}
	}
	if q == "jwt.decode" || q == "jose.jwt.decode" || q == "jwt.api_jwt.decode" {
		reason := ""
		if opts, ok := c.kw["options"]; ok {
			if v, ok := opts.Elems["s:verify_signature"]; ok && v.Const == false {
				reason = "options verify_signature=False"
			}
		}
		if v, ok := c.kw["verify"]; ok && v.Const == false {
			reason = "verify=False"
		}
		if algs, ok := c.kw["algorithms"]; ok {
			for _, e := range algs.Elems {
				if s, _ := e.Str(); strings.EqualFold(s, "none") {
					reason = "the \"none\" algorithm"
				}
			}
		}
		if reason != "" {
			a.report(f.m, c.node, rules.JWTUnverified, finding.High, finding.ConfidenceHigh,
				"the token is decoded with "+reason+": its claims are not verified", nil)
		}
	}
	if q == "jwt.encode" || q == "jose.jwt.encode" {
		if _, node := c.arg(1, "key"); node != None {
			if v, _ := c.arg(1, "key"); v != nil {
				a.checkCredentialLiteral(f, node, "key", v, "JWT signing key")
			}
		}
	}
	for kw, v := range c.kw {
		if credentialKwargs[strings.ToLower(kw)] {
			a.checkCredentialLiteral(f, c.kwNodes[kw], kw, v, "passed as "+kw+"=")
		}
	}
	// WSGI start_response(status, [(name, value), ...]).
	if f.t.Kind(c.fnNode) == KindIdentifier && f.t.Text(c.fnNode) == "start_response" && len(c.pos) >= 2 {
		for _, h := range c.pos[1].Elems {
			if val := h.elem("1"); val != nil && val.Taint.Remote()&ClassHeader != 0 {
				a.reportTaint(f, f.m, c.node, &sinkSpec{rule: rules.HeaderInjection, class: ClassHeader, what: "start_response() headers"}, ClassHeader, val, nil)
			}
		}
	}
	// render_template_string("{{ x|safe }}", x=...): the filter turns
	// autoescaping off for x.
	if strings.HasSuffix(q, "render_template_string") || q == "jinja2.Template" {
		if tpl, _ := c.arg(0, "source"); tpl != nil {
			if src, ok := tpl.Str(); ok {
				for name, v := range c.kw {
					if unescapedInTemplate(src, name) && v.Taint.Remote()&ClassHTML != 0 {
						a.reportTaint(f, f.m, c.node, &sinkSpec{rule: rules.CrossSiteScripting, class: ClassHTML, what: "a template variable marked |safe"}, ClassHTML, v, nil)
					}
				}
			}
		}
	}
	// Framework applications constructed in debug mode.
	switch q {
	case "fastapi.FastAPI", "starlette.applications.Starlette", "tornado.web.Application", "sanic.Sanic", "quart.Quart":
		if v, ok := c.kw["debug"]; ok && v.Const == true {
			a.report(f.m, c.node, rules.DebugEnabled, finding.High, finding.ConfidenceHigh,
				describeCallee(f, c)+" with debug=True shows tracebacks (and, for some, a debugger) to clients", nil)
		}
	case "paramiko.AutoAddPolicy", "paramiko.WarningPolicy", "paramiko.client.AutoAddPolicy", "paramiko.client.WarningPolicy":
		a.report(f.m, c.node, rules.TLSVerificationDisabled, finding.High, finding.ConfidenceHigh,
			"SSH host keys are accepted without verification: anyone on the path can impersonate the server", nil)
	case "rsa.newkeys":
		a.keySize(f, c, 0, "nbits", 2048, "RSA")
	case "jose.jwt.get_unverified_claims", "jwt.get_unverified_claims", "jose.jws.get_unverified_claims":
		a.report(f.m, c.node, rules.JWTUnverified, finding.Medium, finding.ConfidenceMedium,
			"the token's claims are read without verifying its signature", nil)
	case "starlette.middleware.Middleware":
		if len(c.pos) > 0 && strings.HasSuffix(c.pos[0].Qual, "CORSMiddleware") && kwTrue(c, "allow_credentials") &&
			(c.kw["allow_origins"] != nil && allOrigins(c, "allow_origins") || matchesAll(c.kw["allow_origin_regex"])) {
			a.report(f.m, c.node, rules.CORSAllowAllCredentials, finding.High, finding.ConfidenceHigh,
				"CORSMiddleware allows every origin and credentials", nil)
		}
	}
	// os.execl("/bin/sh", "sh", "-c", script): the script runs in a shell.
	if strings.HasPrefix(q, "os.exec") || strings.HasPrefix(q, "os.spawn") {
		for i := 0; i+1 < len(c.pos); i++ {
			if s, _ := c.pos[i].Str(); s == "-c" {
				a.sinkValue(f, c.node, &sinkSpec{rule: rules.OSCommandBuilt, class: ClassShell, unknown: unkAlways, what: q + "(..., \"-c\", script)"}, c.pos[i+1])
				break
			}
		}
	}
	// resp.headers.update({...}): CORS and header injection in a dict.
	if c.method == "update" && len(c.pos) == 1 && strings.HasSuffix(f.t.Text(f.t.Child(c.fnNode, FieldObject)), "headers") {
		h := c.pos[0]
		var acao, acac *Value
		for k, v := range h.Elems {
			switch strings.ToLower(strings.TrimPrefix(k, "s:")) {
			case "access-control-allow-origin":
				acao = v
			case "access-control-allow-credentials":
				acac = v
			}
			if v.Taint.Remote()&ClassHeader != 0 && !strings.HasPrefix(strings.ToLower(k), "s:access-control-") {
				a.reportTaint(f, f.m, c.node, &sinkSpec{rule: rules.HeaderInjection, class: ClassHeader, what: "a response header"}, ClassHeader, v, nil)
			}
		}
		if acao != nil && acac != nil && acao.Taint.Remote() != 0 {
			if s, _ := acac.Str(); strings.EqualFold(s, "true") {
				a.report(f.m, c.node, rules.CORSAllowAllCredentials, finding.High, finding.ConfidenceHigh,
					"Access-Control-Allow-Origin echoes the request's Origin while credentials are allowed", nil)
			}
		}
	}
	// Tar archives extracted without a filter or member list.
	if (c.method == "extractall" || c.method == "extract" && !checkedInLoop(f.t, c.node)) && c.recv != nil && strings.HasPrefix(c.recv.Qual, "tarfile.") {
		_, hasFilter := c.kw["filter"]
		_, hasMembers := c.kw["members"]
		if !hasFilter && !(c.method == "extractall" && (hasMembers || len(c.pos) > 1)) && (c.recv.Unsafe != 0 || !c.recv.Taint.Clean()) {
			a.report(f.m, c.node, rules.ArchiveExtraction, finding.Medium, finding.ConfidenceMedium,
				"tarfile "+c.method+"() without filter= writes wherever member names point (../, absolute paths, links)", nil)
		}
	}
}

func kwTrue(c *call, name string) bool {
	v, ok := c.kw[name]
	if !ok {
		return false
	}
	if v.Const == nil {
		return true // a variable: give it the benefit of the doubt
	}
	b, _ := truthy(v.Const)
	return b
}

// allOrigins reports whether an origins argument admits every origin (or is
// missing, which for flask-cors means every origin).
func allOrigins(c *call, kw string) bool {
	v, ok := c.kw[kw]
	if !ok {
		return true
	}
	if s, ok := v.Str(); ok {
		return s == "*" || s == ".*"
	}
	for _, e := range v.Elems {
		if s, _ := e.Str(); s == "*" {
			return true
		}
	}
	return false
}

func matchesAll(v *Value) bool {
	s, ok := v.Str()
	if !ok {
		return false
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "^"), "$")
	for _, scheme := range []string{`https?://`, `https://`, `http://`, `(https?)://`, `(http|https)://`, `https?:\/\/`, `https:\/\/`} {
		if rest, ok := strings.CutPrefix(s, scheme); ok {
			s = rest
			break
		}
	}
	// What is left must match the host: a pattern that admits any host
	// admits every site on the web.
	s = strings.TrimSuffix(s, "/?")
	return anyHostPattern[s]
}

// anyHostPattern are regular expressions that match any host name.
var anyHostPattern = map[string]bool{
	".*": true, ".+": true, `[^/]*`: true, `[^/]+`: true, `\S+`: true, `\S*`: true, `[\w.-]+`: true,
	`[\w\-.]+`: true, `[a-z0-9.-]+`: true, `[a-zA-Z0-9.-]+`: true, `[^.]+`: true, `\w+`: true, `.*?`: true,
}

// keySize reports a key size under the minimum.
func (a *batch) keySize(f *frame, c *call, arg int, kw string, minBits int64, algo string) {
	v, node := c.arg(arg, kw)
	if v == nil {
		return
	}
	if n, ok := v.Const.(int64); ok && n < minBits {
		a.report(f.m, c.node, rules.ShortKey, finding.High, finding.ConfidenceHigh,
			fmt.Sprintf("%s key of %d bits; use at least %d", algo, n, minBits), nil)
		return
	}
	// key_size=size, where size is a parameter whose default is too short:
	// callers that rely on the default get the short key.
	if n, ok := f.paramDefault(node).(int64); ok && n < minBits {
		a.report(f.m, c.node, rules.ShortKey, finding.Medium, finding.ConfidenceMedium,
			fmt.Sprintf("%s key of %d bits by default; use at least %d", algo, n, minBits), nil)
	}
}

// paramDefault returns the literal default of the enclosing function's
// parameter that node names, when the function never rebinds it.
func (f *frame) paramDefault(node NodeID) any {
	if f.fn == nil || node == None || f.t.Kind(node) != KindIdentifier {
		return nil
	}
	name := f.t.Text(node)
	for _, p := range f.fn.Params {
		if p.Name == name && p.Default != None && !f.rebinds(name) {
			return f.t.LiteralValue(p.Default)
		}
	}
	return nil
}

// permissive reports a mode that lets other users write.
func (a *batch) permissive(f *frame, c *call, arg int, kw string) {
	v, _ := c.arg(arg, kw)
	if v == nil {
		return
	}
	n, ok := v.Const.(int64)
	if !ok || n&0o002 == 0 {
		return
	}
	a.report(f.m, c.node, rules.PermissiveChmod, finding.Medium, finding.ConfidenceHigh,
		fmt.Sprintf("mode %#o lets every user write it", n), nil)
}

var credentialKwargs = map[string]bool{
	"api_key": true, "apikey": true, "api_token": true, "auth_token": true, "access_token": true, "token": true,
	"secret": true, "secret_key": true, "client_secret": true, "aws_secret_access_key": true, "private_key": true,
	"signing_key": true, "jwt_secret": true, "app_secret": true, "consumer_secret": true, "access_key_secret": true,
}

// checkCredentialLiteral reports a string literal used as a credential.
func (a *batch) checkCredentialLiteral(f *frame, node NodeID, name string, v *Value, how string) {
	s, ok := v.Str()
	if !ok || node == None {
		return
	}
	if k := f.t.Kind(f.t.Unparen(node)); k != KindString && k != KindConcatenatedString {
		return
	}
	if placeholderRE.MatchString(strings.TrimSpace(s)) || len(s) < 6 || strings.ContainsAny(s, " \t\n") {
		return
	}
	conf := finding.ConfidenceMedium
	if isTestPath(f.m.Path) {
		conf = finding.ConfidenceLow
	}
	a.report(f.m, node, rules.HardcodedCredential, finding.High, conf,
		fmt.Sprintf("hard-coded credential %s%s", how, maskLiteral(s)), nil)
}

// onAssignMore runs the assignment rules added with the analyzer.
func (a *batch) onAssignMore(f *frame, id, left, right NodeID, name string, v *Value) {
	t := f.t
	upper := strings.ToUpper(name)
	isFalse := v.Const == false
	switch upper {
	case "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE":
		if isFalse {
			a.report(f.m, id, rules.CookieWithoutSecure, finding.Medium, finding.ConfidenceHigh, name+" = False sends the cookie over plain HTTP", nil)
		}
	case "SESSION_COOKIE_HTTPONLY":
		if isFalse {
			a.report(f.m, id, rules.CookieWithoutHTTPOnly, finding.Medium, finding.ConfidenceHigh, name+" = False lets scripts read the session cookie", nil)
		}
	case "WTF_CSRF_ENABLED", "WTF_CSRF_CHECK_DEFAULT":
		if isFalse {
			a.report(f.m, id, rules.CSRFExempt, finding.Medium, finding.ConfidenceHigh, name+" = False turns CSRF protection off", nil)
		}
	case "CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL":
		if v.Const == true && strings.Contains(string(f.m.Tree.Src), "CORS_ALLOW_CREDENTIALS = True") {
			a.report(f.m, id, rules.CORSAllowAllCredentials, finding.High, finding.ConfidenceHigh,
				name+" = True together with CORS_ALLOW_CREDENTIALS = True lets any site make authenticated requests", nil)
		}
	case "SECRET_KEY", "JWT_SECRET_KEY", "JWT_SECRET", "SECRET", "SIGNING_KEY":
		a.checkCredentialLiteral(f, right, name, v, "assigned to "+name+" = ")
	}
	if name == "secret_key" && t.Kind(left) == KindAttribute {
		a.checkCredentialLiteral(f, right, name, v, "assigned to "+t.Text(left)+" = ")
	}
}

// onDecorator runs rules on a decorator of a function or class.
func (a *batch) onDecorator(f *frame, d, def NodeID) {
	if isCSRFExempt(f.m, d) {
		name := f.t.Text(f.t.Child(def, FieldName))
		a.report(f.m, d, rules.CSRFExempt, finding.Medium, finding.ConfidenceHigh, name+" is exempted from CSRF protection", nil)
	}
}

// checkedInLoop reports whether a call sits in a for loop whose body tests
// something first (a per-member check before extract()).
func checkedInLoop(t *Tree, call NodeID) bool {
	loop := t.Ancestor(call, KindForStatement, KindFunctionDefinition)
	if loop == None || t.Kind(loop) != KindForStatement {
		return false
	}
	body := t.Child(loop, FieldBody)
	for s := t.First(body); s != None; s = t.N(s).NextSibling {
		if t.N(s).Start >= t.N(call).Start {
			break
		}
		if t.Kind(s) == KindIfStatement {
			return true
		}
	}
	return false
}

// unescapedInTemplate reports whether a Jinja template prints variable name
// with |safe, or inside {% autoescape false %}.
func unescapedInTemplate(src, name string) bool {
	compact := strings.ReplaceAll(src, " ", "")
	if strings.Contains(compact, "{{"+name+"|safe") {
		return true
	}
	return strings.Contains(compact, "{%autoescapefalse%}") && strings.Contains(compact, "{{"+name)
}

func (fn *Function) hasDecoratorText(s string) bool {
	t := fn.Module.Tree
	for _, d := range fn.Decorators {
		if strings.Contains(t.Text(d), s) {
			return true
		}
	}
	return false
}
