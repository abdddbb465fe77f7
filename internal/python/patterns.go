package python

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// callChecks are pattern rules keyed by the callee's qualified name.
var callChecks = map[string]func(a *batch, f *frame, c *call){
	"hashlib.md5": checkWeakHash, "hashlib.sha1": checkWeakHash, "hashlib.md4": checkWeakHash,
	"hashlib.new": checkWeakHash, "Crypto.Hash.MD5.new": checkWeakHash, "Crypto.Hash.SHA.new": checkWeakHash,
	"Crypto.Hash.SHA1.new": checkWeakHash, "Cryptodome.Hash.MD5.new": checkWeakHash, "Cryptodome.Hash.SHA1.new": checkWeakHash,
	"Crypto.Hash.MD4.new": checkWeakHash, "Crypto.Hash.MD2.new": checkWeakHash,
	"cryptography.hazmat.primitives.hashes.MD5": checkWeakHash, "cryptography.hazmat.primitives.hashes.SHA1": checkWeakHash,
	"ssl._create_unverified_context": checkUnverifiedContext, "ssl._create_stdlib_context": checkUnverifiedContext,
	"yaml.load": checkYAMLLoad, "yaml.load_all": checkYAMLLoad,
	"lxml.etree.XMLParser": checkXMLParser, "lxml.etree.XSLTAccessControl": nil,
	"tempfile.mktemp": checkMktemp, "os.tempnam": checkMktemp, "os.tmpnam": checkMktemp,
	"werkzeug.debug.DebuggedApplication": checkDebuggedApp, "werkzeug.serving.run_simple": checkRunSimple,
	"werkzeug.run_simple": checkRunSimple,
	"builtins.open":       checkTmpOpen, "io.open": checkTmpOpen,
}

var insecureRandomFns = map[string]bool{
	"random.random": true, "random.randint": true, "random.randrange": true, "random.choice": true,
	"random.choices": true, "random.sample": true, "random.getrandbits": true, "random.uniform": true,
	"random.randbytes": true, "random.shuffle": true, "random.triangular": true, "random.gauss": true,
	"numpy.random.randint": true, "numpy.random.choice": true, "numpy.random.rand": true, "numpy.random.bytes": true,
	// uuid1 is the host's MAC address and a timestamp: guessable.
	"uuid.uuid1": true,
}

// randomInstances maps generator instances to the module whose functions
// their methods mirror.
var randomInstances = map[string]string{
	"random.Random().": "random.", "numpy.random.RandomState().": "numpy.random.", "numpy.random.default_rng().": "numpy.random.",
}

var (
	securityName    = regexp.MustCompile(`(?i)(token|passw|passphrase|pwd|secret|nonce|salt|(^|[^a-z])[th]?otp|api_?key|apikey|secret_?key|private_?key|signing_?key|encryption_?key|access_?key|csrf|xsrf|session_?(id|key|token)|sessionid|(^|[^a-z])sid([^a-z]|$)|reset_?(code|key|token|link)|verif|activation|invite_?code|magic_?link|one_?time|credential|auth_?(code|key|token)|(^|[^a-z])pin([^a-z]|$)|captcha|challenge)`)
	nonSecurityHash = regexp.MustCompile(`(?i)(checksum|etag|cache|fingerprint|dedup|file_?hash|content_?hash|md5sum|sha1sum|shard|bucket|partition|cache_?key)`)
	passwordName    = regexp.MustCompile(`(?i)(password|passwd|passphrase|(^|_)(pwd|pass|pw|pword)($|_))`)
	passwordNotVal  = regexp.MustCompile(`(?i)(_|^)(field|key|name|label|env|var|header|param|attr|attribute|column|col|prompt|msg|message|url|path|file|regex|re|pattern|policy|hash|hashed|length|len|min|max|placeholder|hint|help|text|title|id|type|widget|input|selector|xpath|css|error|errors|salt|reset|rule|rules|strength|encoder|hasher|validator|template|format|mode|setting|settings|required|expired|expiry|changed|confirmation_sent|digest|chars|charset|characters|alphabet|symbols|separator|sep|prefix|suffix|mask|column|table|endpoint|route|uri|link|query|command|cmd|option|flag|arg|argument|method|scheme|algorithm|algo|backend|provider|storage|manager|service|class|module|handler|view|form|serializer|schema|model|dir|directory|question|description|desc|doc|tooltip|icon|color|style|locator|enabled|disabled|last_used|used|status|state|strategy|required|expires|expiration|updated|created|history|attempts|retries|timeout|age|count)$`)
	placeholderRE   = regexp.MustCompile(`(?i)^(|\s+|\*+|x+|\.+|-+|changeme|change_?me|change-me|password|passwd|secret|none|null|nil|undefined|todo|tbd|fixme|example|sample|dummy|fake|test|testing|placeholder|redacted|your[_-]?password|your[_-]?pass(word)?[_-]?here|<[^>]*>|\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|%\([^)]*\)s|\{\{[^}]*\}\}|\{[a-z_]*\}|(?-i:[A-Z][A-Z0-9_]*_(PASSWORD|PASS|PWD|SECRET)[A-Z0-9_]*|[A-Z][A-Z0-9_]+))$`)
	// notPasswordValue matches values that describe a password or a setting
	// rather than being one: "no-password-required", "true", "disabled".
	notPasswordValue = regexp.MustCompile(`(?i)^(true|false|yes|no|on|off|enabled?|disabled?|required|optional|none|not[_-]?set|unset|unknown|n/?a)$|[-_ ]pass(word|wd)([-_ ]|$)|(^|[-_ ])pass(word|wd)[-_ ]`)
	allInterfaces    = map[string]bool{"0.0.0.0": true, "::": true, "0:0:0:0:0:0:0:0": true}
	oldProtocols     = map[string]bool{
		"ssl.PROTOCOL_SSLv2": true, "ssl.PROTOCOL_SSLv3": true, "ssl.PROTOCOL_TLSv1": true, "ssl.PROTOCOL_TLSv1_1": true,
		"ssl.TLSVersion.SSLv3": true, "ssl.TLSVersion.TLSv1": true, "ssl.TLSVersion.TLSv1_1": true,
		"OpenSSL.SSL.SSLv2_METHOD": true, "OpenSSL.SSL.SSLv3_METHOD": true, "OpenSSL.SSL.TLSv1_METHOD": true,
		"OpenSSL.SSL.TLSv1_1_METHOD": true, "OpenSSL.SSL.SSLv23_METHOD": false,
	}
)

func isTestPath(p string) bool {
	p = strings.ToLower(p)
	base := path.Base(p)
	return strings.HasPrefix(base, "test_") || strings.HasSuffix(base, "_test.py") || base == "conftest.py" ||
		strings.Contains(p, "/tests/") || strings.HasPrefix(p, "tests/") || strings.Contains(p, "/test/") || strings.HasPrefix(p, "test/")
}

// contextNames collects the names around a call that say what its result is
// for: the assignment target, the enclosing function, keyword names.
func (f *frame) contextNames(node NodeID) string {
	t := f.t
	var names []string
	for p := t.N(node).Parent; p != None; p = t.N(p).Parent {
		switch t.Kind(p) {
		case KindAssignment, KindAugmentedAssignment:
			left := t.Child(p, FieldLeft)
			names = append(names, t.Text(left))
			// A local that the function returns also takes the function's
			// name: sid = ...; return sid in def session_id().
			if f.fn != nil && t.Kind(left) == KindIdentifier && f.returnsName(t.Text(left)) {
				names = append(names, f.fn.Name)
			}
		case KindCall:
			// chars.append(random.choice(...)): the container names the value.
			fn := t.Child(p, FieldFunction)
			if t.Kind(fn) == KindAttribute {
				switch t.Text(t.Child(fn, FieldAttribute)) {
				case "append", "extend", "add", "insert", "write", "update", "appendleft":
					if obj := t.Child(fn, FieldObject); t.Kind(obj) == KindIdentifier {
						names = append(names, t.Text(obj))
						if f.fn != nil && f.returnsName(t.Text(obj)) {
							names = append(names, f.fn.Name)
						}
					}
				}
			}
		case KindKeywordArgument:
			names = append(names, t.Text(t.Child(p, FieldName)))
		case KindPair:
			names = append(names, t.Text(t.Child(p, FieldKey)))
		case KindReturnStatement:
			if f.fn != nil {
				names = append(names, f.fn.Name)
			}
		case KindFunctionDefinition, KindClassDefinition:
			return strings.Join(names, " ")
		case KindExpressionStatement, KindBlock:
			return strings.Join(names, " ")
		}
	}
	return strings.Join(names, " ")
}

// returnsName reports whether the current function has a return statement
// whose value mentions the local name.
func (f *frame) returnsName(name string) bool {
	t := f.t
	found := false
	var walk func(id NodeID)
	walk = func(id NodeID) {
		if found {
			return
		}
		switch t.Kind(id) {
		case KindFunctionDefinition, KindClassDefinition, KindLambda:
			if id != f.fn.Node {
				return
			}
		case KindReturnStatement:
			var mention func(n NodeID)
			mention = func(n NodeID) {
				if t.Kind(n) == KindIdentifier && t.Text(n) == name && t.N(n).Field != FieldAttribute {
					found = true
				}
				for c := t.First(n); c != None && !found; c = t.N(c).NextSibling {
					mention(c)
				}
			}
			mention(id)
			return
		}
		for c := t.First(id); c != None && !found; c = t.N(c).NextSibling {
			walk(c)
		}
	}
	walk(f.fn.Node)
	return found
}

func checkWeakHash(a *batch, f *frame, c *call) {
	if v, ok := c.kwConst("usedforsecurity"); ok {
		if b, _ := truthy(v); !b {
			return
		}
	}
	algo := strings.ToLower(c.name())
	if c.qual == "hashlib.new" {
		v, _ := c.arg(0, "name")
		s, ok := v.Str()
		if !ok {
			return
		}
		algo = strings.ToLower(strings.ReplaceAll(s, "-", ""))
		switch algo {
		case "md5", "sha1", "md4", "md2", "sha":
		default:
			return
		}
	} else if strings.HasSuffix(c.qual, ".new") {
		parts := strings.Split(c.qual, ".")
		algo = strings.ToLower(parts[len(parts)-2])
	}
	ctx := f.contextNames(c.node)
	data := ""
	if len(c.posNodes) > 0 {
		data = f.t.Text(c.posNodes[0])
	}
	fnName := ""
	if f.fn != nil {
		fnName = f.fn.Name
	}
	// What is hashed decides first: a password or an API key hashed for a
	// "fingerprint" is still a security value.
	secretData := securityName.MatchString(data) && !nonSecurityHash.MatchString(data)
	if !secretData && nonSecurityHash.MatchString(ctx+" "+data+" "+fnName) {
		return
	}
	if secretData || securityName.MatchString(ctx+" "+data+" "+fnName) {
		a.report(f.m, c.node, rules.WeakHash, finding.High, finding.ConfidenceHigh,
			fmt.Sprintf("%s hashes a security value (%s); it is broken for that use", strings.ToUpper(algo), describe(f.t, c.node)), nil)
		return
	}
	a.report(f.m, c.node, rules.WeakHash, finding.Medium, finding.ConfidenceMedium,
		fmt.Sprintf("%s is not collision-resistant; if this hash protects anything, use SHA-256, or pass usedforsecurity=False", strings.ToUpper(algo)), nil)
}

func checkUnverifiedContext(a *batch, f *frame, c *call) {
	a.report(f.m, c.node, rules.TLSVerificationDisabled, finding.High, finding.ConfidenceHigh,
		c.qual+"() creates a context that does not verify certificates", nil)
}

func checkYAMLLoad(a *batch, f *frame, c *call) {
	v, _ := c.arg(0, "stream")
	if v == nil || v.Const != nil {
		return
	}
	loader, _ := c.arg(1, "Loader")
	if loader != nil {
		l := loader.Qual
		if i := strings.LastIndexByte(l, '.'); i >= 0 {
			l = l[i+1:]
		}
		switch {
		case l == "Loader" || l == "UnsafeLoader" || l == "CLoader" || l == "CUnsafeLoader":
			// PyYAML's loaders that construct arbitrary objects.
		case a.localClass(loader.Qual) != "":
			if a.safeLoaderClass(loader.Qual) {
				return
			}
		default:
			// A safe loader, or one the analyzer cannot see (a parameter,
			// an attribute): give it the benefit of the doubt.
			return
		}
	}
	conf := finding.ConfidenceHigh
	msg := c.qual + "() without a safe Loader constructs arbitrary Python objects from the document"
	if v.Tainted(ClassDeserialize) {
		msg += "; the document comes from " + srcText(v.Src)
	}
	a.report(f.m, c.node, rules.UnsafeDeserialization, finding.High, conf, msg, nil)
}

// safeLoaderClass reports whether a class defined in the analysed code
// derives from one of PyYAML's safe loaders.
func (a *batch) safeLoaderClass(q string) bool {
	i := strings.LastIndexByte(q, '.')
	if i < 0 {
		return false
	}
	m := a.module(q[:i], nil)
	if m == nil {
		return false
	}
	cls, ok := m.Classes[q[i+1:]]
	if !ok {
		return false
	}
	sup := m.Tree.Text(m.Tree.Child(cls, FieldSuperclasses))
	return strings.Contains(sup, "SafeLoader") || strings.Contains(sup, "BaseLoader")
}

func checkXMLParser(a *batch, f *frame, c *call) {
	if v, ok := c.kwConst("resolve_entities"); ok {
		if b, _ := truthy(v); b {
			a.report(f.m, c.node, rules.XMLExternalEntities, finding.High, finding.ConfidenceHigh,
				"XMLParser(resolve_entities=True) expands external entities from the document", nil)
			return
		}
	}
	if v, ok := c.kwConst("no_network"); ok {
		if b, _ := truthy(v); !b {
			a.report(f.m, c.node, rules.XMLExternalEntities, finding.High, finding.ConfidenceHigh,
				"XMLParser(no_network=False) lets documents fetch external entities over the network", nil)
			return
		}
	}
	if v, ok := c.kwConst("load_dtd"); ok {
		if b, _ := truthy(v); b {
			if r, ok := c.kwConst("resolve_entities"); !ok || r != false {
				a.report(f.m, c.node, rules.XMLExternalEntities, finding.Medium, finding.ConfidenceMedium,
					"XMLParser(load_dtd=True) loads external DTDs; add resolve_entities=False", nil)
			}
		}
	}
}

func checkMktemp(a *batch, f *frame, c *call) {
	a.report(f.m, c.node, rules.InsecureTempFile, finding.Medium, finding.ConfidenceHigh,
		c.qual+"() returns a name that another process can claim before the file is created", nil)
}

func checkTmpOpen(a *batch, f *frame, c *call) {
	p, _ := c.arg(0, "file")
	s, ok := p.Str()
	if !ok {
		return
	}
	if !sharedTmp(s) {
		return
	}
	mode, _ := c.arg(1, "mode")
	ms, _ := mode.Str()
	if !strings.ContainsAny(ms, "wax+") {
		return
	}
	a.report(f.m, c.node, rules.InsecureTempFile, finding.Medium, finding.ConfidenceMedium,
		fmt.Sprintf("writes to the fixed shared path %q, which another local user can pre-create or symlink", s), nil)
}

// checkPathWrite reports pathlib writes to a fixed path in a shared
// temporary directory: Path("/tmp/out.csv").write_text(...).
func (a *batch) checkPathWrite(f *frame, c *call) {
	if c.recv == nil || c.recv.Qual != "@path" || c.recv.Unsafe != 0 || !c.recv.Taint.Clean() {
		return
	}
	switch c.method {
	case "write_text", "write_bytes", "touch":
	case "open":
		mode, _ := c.arg(0, "mode")
		ms, _ := mode.Str()
		if !strings.ContainsAny(ms, "wax+") {
			return
		}
	default:
		return
	}
	s := c.recv.Prefix
	if !sharedTmp(s) {
		return
	}
	a.report(f.m, c.node, rules.InsecureTempFile, finding.Medium, finding.ConfidenceMedium,
		fmt.Sprintf("writes to the fixed shared path %q, which another local user can pre-create or symlink", s), nil)
}

func sharedTmp(s string) bool {
	for _, d := range []string{"/tmp/", "/var/tmp/", "/dev/shm/"} {
		if strings.HasPrefix(s, d) && len(s) > len(d) {
			return true
		}
	}
	return false
}

func checkDebuggedApp(a *batch, f *frame, c *call) {
	// evalex defaults to False: without it the debugger shows tracebacks
	// but runs no code.
	v, _ := c.arg(1, "evalex")
	if v == nil || v.Const == nil {
		return
	}
	if b, _ := truthy(v.Const); !b {
		return
	}
	a.report(f.m, c.node, rules.DebugEnabled, finding.High, finding.ConfidenceHigh,
		"the Werkzeug debugger lets anyone who reaches the application run Python code", nil)
}

func checkRunSimple(a *batch, f *frame, c *call) {
	if v, ok := c.kwConst("use_debugger"); ok {
		if b, _ := truthy(v); b {
			a.report(f.m, c.node, rules.DebugEnabled, finding.High, finding.ConfidenceHigh,
				"run_simple(use_debugger=True) serves the interactive Werkzeug debugger", nil)
		}
	}
}

var serverCalls = map[string]bool{
	"run": true, "run_app": true, "serve": true, "run_simple": true, "HTTPServer": true, "ThreadingHTTPServer": true,
	"TCPServer": true, "UDPServer": true, "ThreadingTCPServer": true, "ForkingTCPServer": true, "bind": true,
	"create_server": true, "start_server": true, "listen": true, "make_server": true, "WSGIServer": true,
	"Server": true, "Config": true, "socket_bind": true, "add_insecure_port": true, "add_secure_port": true,
	"create_datagram_endpoint": true,
}

// checkCallPatterns runs the pattern rules that look at any call's keyword
// arguments or constant arguments.
func (a *batch) checkCallPatterns(f *frame, c *call) {
	name := c.name()
	for kw, v := range c.kw {
		switch {
		case kw == "verify" || kw == "verify_ssl" || kw == "ssl" && v.Const != nil:
			if b, ok := truthy(v.Const); ok && !b && v.Const != nil && a.httpCall(f, c) {
				a.report(f.m, c.node, rules.TLSVerificationDisabled, finding.High, finding.ConfidenceHigh,
					fmt.Sprintf("%s=False turns off certificate verification for %s", kw, describeCallee(f, c)), nil)
			}
		case kw == "verify_certs" || kw == "ssl_verify" || kw == "assert_hostname" || kw == "check_hostname":
			// Elasticsearch/OpenSearch, python-gitlab, urllib3 and friends.
			if b, ok := truthy(v.Const); ok && !b && v.Const != nil {
				if _, isNone := v.Const.(noneType); !isNone {
					a.report(f.m, c.node, rules.TLSVerificationDisabled, finding.High, finding.ConfidenceHigh,
						fmt.Sprintf("%s=False turns off certificate verification for %s", kw, describeCallee(f, c)), nil)
				}
			}
		case kw == "cert_reqs":
			if s, _ := v.Str(); s == "CERT_NONE" || v.Qual == "ssl.CERT_NONE" {
				a.report(f.m, c.node, rules.TLSVerificationDisabled, finding.High, finding.ConfidenceHigh,
					"cert_reqs=CERT_NONE accepts any certificate", nil)
			}
		case kw == "debug" && (name == "run" || name == "run_server"):
			if b, ok := truthy(v.Const); ok && b && v.Const != nil && a.debugServer(f, c) {
				a.report(f.m, c.node, rules.DebugEnabled, finding.High, finding.ConfidenceHigh,
					"app.run(debug=True) serves the interactive debugger, which runs code for anyone who can reach it", nil)
			}
		case (kw == "host" || kw == "address" || kw == "bind" || kw == "listen" || kw == "server_address") && serverCalls[name]:
			if s, ok := v.Str(); ok && allHosts(s, false) {
				a.report(f.m, c.node, rules.BindAllInterfaces, finding.Medium, finding.ConfidenceMedium,
					fmt.Sprintf("%s listens on every network interface (%s=%q)", describeCallee(f, c), kw, s), nil)
			}
		case passwordName.MatchString(kw) && !passwordNotVal.MatchString(kw):
			a.checkPasswordLiteral(f, c.kwNodes[kw], kw, v, "passed as "+kw+"=")
		}
		if oldProtocols[v.Qual] {
			a.report(f.m, c.node, rules.TLSVerificationDisabled, finding.High, finding.ConfidenceHigh,
				fmt.Sprintf("%s allows an obsolete, broken protocol version", strings.TrimPrefix(v.Qual, "ssl.")), nil)
		}
	}
	for i, v := range c.pos {
		if oldProtocols[v.Qual] {
			a.report(f.m, c.node, rules.TLSVerificationDisabled, finding.High, finding.ConfidenceHigh,
				fmt.Sprintf("%s allows an obsolete, broken protocol version", strings.TrimPrefix(v.Qual, "ssl.")), nil)
		}
		if i == hostArg(name) && serverCalls[name] {
			host := v
			if v.Elems != nil {
				host = v.elem("0")
			}
			s, ok := host.Str()
			if ok && allHosts(s, v.Elems != nil) {
				if s == "" {
					s = "''"
				}
				a.report(f.m, c.node, rules.BindAllInterfaces, finding.Medium, finding.ConfidenceMedium,
					fmt.Sprintf("%s listens on every network interface (%s)", describeCallee(f, c), s), nil)
			}
		}
	}
	a.configDebug(f, c)
	a.checkPathWrite(f, c)
	rq := c.qual
	// Methods of generator instances behave like the module functions.
	for inst, mod := range randomInstances {
		if rest, ok := strings.CutPrefix(rq, inst); ok {
			rq = mod + rest
			if rest == "integers" {
				rq = mod + "randint"
			}
		}
	}
	if insecureRandomFns[rq] && !strings.Contains(rq, "SystemRandom") {
		ctx := f.contextNames(c.node)
		if securityName.MatchString(ctx) {
			a.report(f.m, c.node, rules.InsecureRandom, rules.InsecureRandom.Severity, finding.ConfidenceHigh,
				fmt.Sprintf("%s() is predictable but makes a security value (%s); use the secrets module", rq, strings.TrimSpace(ctx)), nil)
		}
	}
	if c.method == "setFeature" && len(c.pos) == 2 {
		feat := c.pos[0].Qual
		if feat == "" {
			feat, _ = c.pos[0].Str()
		}
		if strings.HasSuffix(feat, "feature_external_ges") || strings.HasSuffix(feat, "feature_external_pes") ||
			strings.HasSuffix(feat, "external-general-entities") || strings.HasSuffix(feat, "external-parameter-entities") {
			if b, ok := truthy(c.pos[1].Const); ok && b {
				a.report(f.m, c.node, rules.XMLExternalEntities, finding.High, finding.ConfidenceHigh,
					"the SAX parser is told to resolve external entities", nil)
			}
		}
	}
}

// appReceiver matches the names applications are usually bound to.
var appReceiver = regexp.MustCompile(`(?i)(^|[._])(app|application|flask_?app|web_?app|server|api)$`)

// debugServer reports whether a run(debug=True) call starts a web
// application's development server: Flask, Quart, Dash, Sanic and Bottle all
// serve an interactive debugger or tracebacks in that mode.
func (a *batch) debugServer(f *frame, c *call) bool {
	for _, fw := range []string{"flask", "quart", "sanic", "bottle", "werkzeug", "dash"} {
		if strings.HasPrefix(c.qual, fw+".") {
			return true
		}
	}
	if strings.Contains(c.qual, "Flask") || strings.Contains(c.qual, "Dash") {
		return true
	}
	if c.recv != nil {
		return appReceiver.MatchString(f.t.Text(f.t.Child(c.fnNode, FieldObject)))
	}
	return false
}

// configDebug reports app.config.update(DEBUG=True) and
// app.config.from_mapping({"DEBUG": True}).
func (a *batch) configDebug(f *frame, c *call) {
	if c.method != "update" && c.method != "from_mapping" {
		return
	}
	recv := f.t.Text(f.t.Child(c.fnNode, FieldObject))
	if !strings.HasSuffix(recv, "config") || !(f.m.frameworks["flask"] || f.m.frameworks["quart"] || appReceiver.MatchString(strings.TrimSuffix(recv, ".config"))) {
		return
	}
	v := c.kw["DEBUG"]
	if v == nil && len(c.pos) > 0 {
		v = c.pos[0].Elems["s:DEBUG"]
	}
	if v == nil {
		return
	}
	if b, ok := truthy(v.Const); ok && b {
		a.report(f.m, c.node, rules.DebugEnabled, finding.High, finding.ConfidenceHigh,
			"config DEBUG=True on the Flask application serves the interactive debugger", nil)
	}
}

// allHosts reports whether an address string names every interface:
// "0.0.0.0", "::", "0.0.0.0:8000", "[::]:50051", "tcp://*:5555"; an empty
// host counts only inside an address tuple.
func allHosts(s string, tuple bool) bool {
	if s == "" {
		return tuple
	}
	if allInterfaces[s] {
		return true
	}
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if strings.HasPrefix(s, "[") {
		if j := strings.IndexByte(s, ']'); j > 0 {
			return allInterfaces[s[1:j]]
		}
		return false
	}
	if s == "*" || strings.HasPrefix(s, "*:") {
		return true
	}
	if j := strings.LastIndexByte(s, ':'); j > 0 && strings.Count(s, ":") == 1 {
		return allInterfaces[s[:j]]
	}
	return false
}

// hostArg is the position of the host among a server call's positional
// arguments.
func hostArg(name string) int {
	switch name {
	case "create_server", "start_server", "create_datagram_endpoint":
		return 1
	}
	return 0
}

func describeCallee(f *frame, c *call) string {
	return strings.TrimSpace(describe(f.t, c.fnNode)) + "()"
}

// httpCall reports whether a call is an HTTP client call or client
// constructor (requests, httpx, aiohttp, urllib3), where verify=False matters.
func (a *batch) httpCall(f *frame, c *call) bool {
	q := c.qual
	for _, p := range []string{"requests.", "httpx.", "aiohttp.", "urllib3.", "pip._vendor.requests."} {
		if strings.HasPrefix(q, p) {
			return true
		}
	}
	switch c.name() {
	case "get", "post", "put", "patch", "delete", "head", "options", "request", "send", "stream",
		"Session", "Client", "AsyncClient", "TCPConnector", "ws_connect", "urlopen":
		return true
	}
	return false
}

// checkPasswordLiteral reports a string literal used as a password.
func (a *batch) checkPasswordLiteral(f *frame, node NodeID, name string, v *Value, how string) {
	s, ok := v.Str()
	if !ok || node == None {
		return
	}
	if f.t.Kind(f.t.Unparen(node)) != KindString && f.t.Kind(f.t.Unparen(node)) != KindConcatenatedString {
		return // a constant from elsewhere: reported where it is written
	}
	if placeholderRE.MatchString(strings.TrimSpace(s)) || notPasswordValue.MatchString(s) || len(s) < 4 || strings.ContainsAny(s, " \t\n") ||
		strings.EqualFold(s, name) || strings.Contains(s, "/") && !strings.Contains(s, "@") {
		return
	}
	conf := finding.ConfidenceMedium
	if isTestPath(f.m.Path) {
		conf = finding.ConfidenceLow
	}
	a.report(f.m, node, rules.HardcodedPassword, finding.High, conf,
		fmt.Sprintf("hard-coded password %s%s", how, maskLiteral(s)), nil)
}

// maskLiteral shows a literal's length but not its value.
func maskLiteral(s string) string {
	return fmt.Sprintf("\"%s\" (%d characters)", strings.Repeat("*", min(len(s), 8)), len(s))
}

// onAssign runs the pattern rules on an assignment.
func (a *batch) onAssign(f *frame, id, left, right NodeID, v *Value) {
	t := f.t
	name := ""
	switch t.Kind(left) {
	case KindIdentifier:
		name = t.Text(left)
	case KindAttribute:
		name = t.Text(t.Child(left, FieldAttribute))
	case KindSubscript:
		if k, ok := t.StringValue(t.Child(left, FieldSubscript)); ok {
			name = k
		}
	}
	if name == "" {
		return
	}
	if passwordName.MatchString(name) && !passwordNotVal.MatchString(name) {
		a.checkPasswordLiteral(f, right, name, v, "assigned to "+name+" = ")
	}
	a.onAssignMore(f, id, left, right, name, v)
	switch {
	case name == "bind" && t.Kind(left) == KindIdentifier && f.fn == nil:
		// gunicorn.conf.py: bind = "0.0.0.0:8000" (or a list of them).
		addrs := []*Value{v}
		if v.Elems != nil {
			addrs = addrs[:0]
			for _, e := range v.Elems {
				addrs = append(addrs, e)
			}
		}
		for _, e := range addrs {
			if s, ok := e.Str(); ok && s != "" && allHosts(s, false) {
				a.report(f.m, id, rules.BindAllInterfaces, finding.Medium, finding.ConfidenceMedium,
					fmt.Sprintf("the server binds every network interface (bind = %q)", s), nil)
				break
			}
		}
	case name == "check_hostname" && t.Kind(left) == KindAttribute:
		if b, ok := truthy(v.Const); ok && !b && v.Const != nil {
			a.report(f.m, id, rules.TLSVerificationDisabled, finding.High, finding.ConfidenceHigh,
				"check_hostname = False accepts certificates issued for any host", nil)
		}
	case name == "verify_mode" && t.Kind(left) == KindAttribute:
		if v.Qual == "ssl.CERT_NONE" {
			a.report(f.m, id, rules.TLSVerificationDisabled, finding.High, finding.ConfidenceHigh,
				"verify_mode = CERT_NONE accepts any certificate", nil)
		}
	case name == "minimum_version" || name == "maximum_version" || name == "protocol":
		if oldProtocols[v.Qual] {
			a.report(f.m, id, rules.TLSVerificationDisabled, finding.High, finding.ConfidenceHigh,
				fmt.Sprintf("%s allows an obsolete, broken protocol version", strings.TrimPrefix(v.Qual, "ssl.")), nil)
		}
	case name == "verify" && t.Kind(left) == KindAttribute:
		if b, ok := truthy(v.Const); ok && !b && v.Const != nil {
			a.report(f.m, id, rules.TLSVerificationDisabled, finding.High, finding.ConfidenceHigh,
				"session.verify = False turns off certificate verification for every request of the session", nil)
		}
	case name == "debug" && t.Kind(left) == KindAttribute || name == "DEBUG" && t.Kind(left) == KindSubscript:
		if b, ok := truthy(v.Const); ok && b && v.Const != nil && (f.m.frameworks["flask"] || f.m.frameworks["quart"]) {
			a.report(f.m, id, rules.DebugEnabled, finding.High, finding.ConfidenceHigh,
				"debug mode on the Flask application serves the interactive debugger", nil)
		}
	case name == "DEBUG" && t.Kind(left) == KindIdentifier && f.fn == nil:
		if b, ok := truthy(v.Const); ok && b && v.Const != nil && isSettingsModule(f.m.Path) {
			if devSettings(f.m.Path) {
				a.report(f.m, id, rules.DebugEnabled, finding.Low, finding.ConfidenceLow,
					"DEBUG = True in development settings: make sure no deployment can load this module", nil)
				break
			}
			a.report(f.m, id, rules.DebugEnabled, finding.Medium, finding.ConfidenceMedium,
				"DEBUG = True in a settings module shows tracebacks, settings and SQL to visitors; read it from the environment", nil)
		}
	}
}

// checkDictPasswords checks a dictionary literal for hard-coded passwords,
// wherever it is written: {"password": "hunter2!"}.
func (a *batch) checkDictPasswords(f *frame, dict NodeID) {
	t := f.t
	for c := t.First(dict); c != None; c = t.N(c).NextSibling {
		if t.Kind(c) != KindPair {
			continue
		}
		k, ok := t.StringValue(t.Child(c, FieldKey))
		if !ok || !passwordName.MatchString(k) || passwordNotVal.MatchString(k) {
			continue
		}
		val := t.Child(c, FieldValue)
		if lit := t.LiteralValue(val); lit != nil {
			a.checkPasswordLiteral(f, val, k, constValue(lit), "stored under \""+k+"\": ")
		}
	}
}

// isSettingsModule reports a Django settings module (test settings aside).
func isSettingsModule(p string) bool {
	base := strings.ToLower(path.Base(p))
	dir := strings.ToLower(path.Dir(p))
	if strings.Contains(base, "test") {
		return false
	}
	return strings.HasPrefix(base, "settings") || strings.HasSuffix(dir, "settings") || base == "production.py" || base == "prod.py"
}

// devSettings reports settings meant for development machines only.
func devSettings(p string) bool {
	base := strings.ToLower(path.Base(p))
	return strings.Contains(base, "dev") || strings.Contains(base, "local")
}

// onParam runs rules on parameter defaults: def connect(password="hunter2").
func (a *batch) onParams(f *frame, fn *Function) {
	t := f.t

	for _, p := range fn.Params {
		if p.Default == None || !passwordName.MatchString(p.Name) || passwordNotVal.MatchString(p.Name) {
			continue
		}
		if lit := t.LiteralValue(p.Default); lit != nil {
			a.checkPasswordLiteral(f, p.Default, p.Name, constValue(lit), "used as the default of "+p.Name+"=")
		}
	}
}

// onCompare runs rules on comparisons: if password == "hunter2".
func (a *batch) onCompare(f *frame, id NodeID, operands []NodeID, vals []*Value) {
	t := f.t
	a.checkURLComparison(f, id, operands, comparisonOps(t, id))
	if len(operands) != 2 {
		return
	}
	for i := 0; i < 2; i++ {
		n := t.Unparen(operands[i])
		name := ""
		switch t.Kind(n) {
		case KindIdentifier:
			name = t.Text(n)
		case KindAttribute:
			name = t.Text(t.Child(n, FieldAttribute))
		}
		if name != "" && passwordName.MatchString(name) && !passwordNotVal.MatchString(name) {
			a.checkPasswordLiteral(f, operands[1-i], name, vals[1-i], "compared with "+name+" == ")
		}
	}
}

// noReturn reports whether a call never returns (abort(), sys.exit()).
func (a *batch) noReturn(f *frame, callNode NodeID) bool {
	t := f.t
	q := f.eval(t.Child(callNode, FieldFunction)).Qual
	switch q {
	case "flask.abort", "werkzeug.exceptions.abort", "sys.exit", "builtins.exit", "builtins.quit", "os._exit",
		"os.abort", "quart.abort", "bottle.abort", "pyramid.httpexceptions.exception_response", "django.shortcuts.get_object_or_404":
		return q != "django.shortcuts.get_object_or_404"
	}
	return false
}

// enterContext is what "with v as name" binds: v itself for files, cursors
// and sessions.
func (a *batch) enterContext(v *Value) *Value { return v }

// isCSRFExempt recognises @csrf_exempt, @csrf.exempt and
// @method_decorator(csrf_exempt, ...).
func isCSRFExempt(m *Module, d NodeID) bool {
	t := m.Tree
	q := m.staticQual(d)
	if strings.HasSuffix(q, "csrf_exempt") || strings.HasSuffix(t.Text(d), "csrf.exempt") {
		return true
	}
	if t.Kind(d) == KindCall {
		fn := t.Child(d, FieldFunction)
		if strings.HasSuffix(t.Text(fn), "method_decorator") {
			if arg := t.FirstNamed(t.Child(d, FieldArguments)); arg != None {
				return strings.HasSuffix(m.staticQual(arg), "csrf_exempt") || strings.HasSuffix(t.Text(arg), "csrf_exempt")
			}
		}
	}
	return false
}
