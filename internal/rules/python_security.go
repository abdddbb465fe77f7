package rules

import "github.com/patchpatrol/patchpatrol/internal/finding"

const (
	owaspInjection = "https://owasp.org/Top10/A03_2021-Injection/"
	owaspCrypto    = "https://owasp.org/Top10/A02_2021-Cryptographic_Failures/"
	owaspMisconfig = "https://owasp.org/Top10/A05_2021-Security_Misconfiguration/"
	owaspIntegrity = "https://owasp.org/Top10/A08_2021-Software_and_Data_Integrity_Failures/"
	owaspAuth      = "https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/"
)

func cweRef(n string) string { return "https://cwe.mitre.org/data/definitions/" + n + ".html" }

// SQLQueryBuilt flags SQL text assembled from data reaching a query API.
var SQLQueryBuilt = &Rule{
	ID: "PP201", Name: "sql-query-built", Title: "SQL query built from untrusted or non-constant data",
	Kind: finding.KindSecurity, Category: "injection", Severity: finding.High, Confidence: finding.ConfidenceHigh,
	CWE: 89, OWASP: finding.A03, Engine: EnginePython, Status: Stable, Since: "v0.1.0",
	Aliases:     []string{"B608", "S608"},
	Remediation: "Pass values as query parameters (cursor.execute(sql, params)); never format them into the SQL text.",
	Doc: Doc{
		Flags: "SQL text assembled with an f-string, `%`, `.format()`, `+` or `join` from a value that is not a constant, " +
			"reaching `execute`, `executemany`, `executescript`, Django's `raw`/`extra`/`RawSQL`, SQLAlchemy's `text()` or " +
			"pandas' `read_sql`. Data from a request is reported with high confidence; other non-constant data (a parameter, " +
			"an unknown call) with medium severity and confidence. Values passed through `int()`, `float()` or `uuid.UUID()`, " +
			"constants, and parameterised queries are not reported.",
		Why: "An attacker who controls part of the SQL text can read, change or delete any data the connection can reach " +
			"(CWE-89). Parameterised queries keep data out of the grammar of the statement.",
		Example: `uid = request.args["id"]
cur.execute(f"SELECT * FROM users WHERE id = {uid}")`,
		Fix: `uid = request.args["id"]
cur.execute("SELECT * FROM users WHERE id = %s", (uid,))`,
		References: []string{cweRef("89"), owaspInjection, "https://peps.python.org/pep-0249/#paramstyle"},
	},
}

// OSCommandBuilt flags shell commands built from data.
var OSCommandBuilt = &Rule{
	ID: "PP202", Name: "os-command-built", Title: "OS command run through a shell with untrusted or non-constant input",
	Kind: finding.KindSecurity, Category: "injection", Severity: finding.High, Confidence: finding.ConfidenceHigh,
	CWE: 78, OWASP: finding.A03, Engine: EnginePython, Status: Stable, Since: "v0.1.0",
	Aliases:     []string{"B602", "B604", "B605", "S602", "S604", "S605"},
	Remediation: "Run the program with an argument list and shell=False; if a shell is unavoidable, quote every value with shlex.quote().",
	Doc: Doc{
		Flags: "`os.system`, `os.popen`, `subprocess.*` with `shell=True`, `asyncio.create_subprocess_shell` and " +
			"`pexpect.spawn`/`run` given a command that is not a constant; and any subprocess call whose program " +
			"(argv[0]) comes from a request. Values passed through `shlex.quote()` are safe in a shell command.",
		Why: "A shell interprets `;`, `|`, `$()` and backticks inside the command, so input that reaches it can run any " +
			"command with the application's privileges (CWE-78).",
		Example: `host = request.args["host"]
subprocess.run(f"ping -c 1 {host}", shell=True)`,
		Fix: `host = request.args["host"]
subprocess.run(["ping", "-c", "1", host], check=True)`,
		References: []string{cweRef("78"), owaspInjection, "https://docs.python.org/3/library/subprocess.html#security-considerations"},
	},
}

// CodeEvaluated flags eval/exec/compile of non-constant input.
var CodeEvaluated = &Rule{
	ID: "PP203", Name: "code-evaluated", Title: "Dynamic code evaluation of untrusted or non-constant input",
	Kind: finding.KindSecurity, Category: "injection", Severity: finding.High, Confidence: finding.ConfidenceHigh,
	CWE: 94, OWASP: finding.A03, Engine: EnginePython, Status: Stable, Since: "v0.1.0",
	Aliases:     []string{"B307", "B102", "S307", "S102"},
	Remediation: "Parse data with ast.literal_eval() or json.loads(), and dispatch to known functions through a dictionary instead of evaluating code.",
	Doc: Doc{
		Flags: "`eval`, `exec` and `compile` of a value that is not a constant, and `__import__` or " +
			"`importlib.import_module` of data from a request. `ast.literal_eval` is not flagged.",
		Why: "Evaluated input runs with the application's full privileges: one request can read files, open a shell or " +
			"change the process (CWE-94).",
		Example: `expr = request.args["q"]
result = eval(expr)`,
		Fix: `import ast
result = ast.literal_eval(request.args["q"])`,
		References: []string{cweRef("94"), owaspInjection, "https://docs.python.org/3/library/ast.html#ast.literal_eval"},
	},
}

// WeakHash flags MD5 and SHA-1 used for security.
var WeakHash = &Rule{
	ID: "PP301", Name: "weak-hash", Title: "MD5 or SHA-1 used where a secure hash is needed",
	Kind: finding.KindSecurity, Category: "cryptography", Severity: finding.Medium, Confidence: finding.ConfidenceMedium,
	CWE: 328, OWASP: finding.A02, Engine: EnginePython, Status: Stable, Since: "v0.1.0",
	Aliases:     []string{"B303", "B324", "S303", "S324"},
	Remediation: "Use hashlib.sha256() (or a password hash such as hashlib.scrypt / argon2 for passwords); pass usedforsecurity=False for non-security checksums.",
	Doc: Doc{
		Flags: "`hashlib.md5`, `hashlib.sha1`, `hashlib.new(\"md5\"|\"sha1\")` and the PyCryptodome and cryptography " +
			"equivalents, unless called with `usedforsecurity=False`. Use on passwords, tokens, signatures or keys is " +
			"reported with high confidence and severity HIGH; checksums, cache keys and ETags named as such are not reported.",
		Why: "MD5 and SHA-1 have practical collision attacks and are fast to brute-force, so hashes made with them do not " +
			"protect passwords, tokens or signatures (CWE-328).",
		Example: `digest = hashlib.md5(password.encode()).hexdigest()`,
		Fix: `digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
etag = hashlib.md5(body, usedforsecurity=False).hexdigest()  # not for security`,
		References: []string{cweRef("328"), owaspCrypto, "https://docs.python.org/3/library/hashlib.html"},
	},
}

// InsecureRandom flags the random module producing security values.
var InsecureRandom = &Rule{
	ID: "PP302", Name: "insecure-random", Title: "Predictable random module used for a security value",
	Kind: finding.KindSecurity, Category: "cryptography", Severity: finding.Medium, Confidence: finding.ConfidenceHigh,
	CWE: 330, OWASP: finding.A02, Engine: EnginePython, Status: Stable, Since: "v0.1.0",
	Aliases:     []string{"B311", "S311"},
	Remediation: "Use the secrets module (secrets.token_urlsafe(), secrets.choice()) or random.SystemRandom for tokens, passwords and keys.",
	Doc: Doc{
		Flags: "Functions of the `random` module (`random()`, `randint`, `choice`, `choices`, `sample`, `getrandbits`, …) " +
			"whose result becomes a token, password, key, salt, nonce, OTP or session id — judged from the variable, " +
			"argument or function name it flows into. `secrets` and `random.SystemRandom` are safe; dice, shuffles and " +
			"sampling are not reported.",
		Why: "The `random` module is a Mersenne Twister: after 624 outputs an observer can predict every later value, so " +
			"tokens made with it can be forged (CWE-330).",
		Example:    `token = "".join(random.choice(string.ascii_letters) for _ in range(32))`,
		Fix:        `token = secrets.token_urlsafe(32)`,
		References: []string{cweRef("330"), owaspCrypto, "https://docs.python.org/3/library/secrets.html"},
	},
}

// TLSVerificationDisabled flags certificate checks turned off.
var TLSVerificationDisabled = &Rule{
	ID: "PP303", Name: "tls-verification-disabled", Title: "TLS certificate verification disabled or an obsolete protocol allowed",
	Kind: finding.KindSecurity, Category: "cryptography", Severity: finding.High, Confidence: finding.ConfidenceHigh,
	CWE: 295, OWASP: finding.A02, Engine: EnginePython, Status: Stable, Since: "v0.1.0",
	Aliases:     []string{"B501", "B502", "B503", "B504", "B323", "S501", "S502", "S503", "S504", "S323"},
	Remediation: "Keep verification on (the default); point verify= at a CA bundle for private certificates, and require TLS 1.2 or later.",
	Doc: Doc{
		Flags: "`verify=False` in requests and httpx calls and clients, `ssl=False` in aiohttp, " +
			"`ssl._create_unverified_context()`, `check_hostname = False`, `verify_mode = ssl.CERT_NONE`, " +
			"`cert_reqs=\"CERT_NONE\"`, and SSLv2/SSLv3/TLS 1.0/TLS 1.1 protocol constants.",
		Why: "Without certificate verification anyone on the network path can impersonate the server and read or change " +
			"the traffic, credentials included (CWE-295).",
		Example:    `requests.get(url, verify=False)`,
		Fix:        `requests.get(url, verify="/etc/ssl/certs/internal-ca.pem")`,
		References: []string{cweRef("295"), owaspCrypto, "https://requests.readthedocs.io/en/latest/user/advanced/#ssl-cert-verification"},
	},
}

// UnsafeDeserialization flags pickle-like loaders.
var UnsafeDeserialization = &Rule{
	ID: "PP401", Name: "unsafe-deserialization", Title: "Deserialization that can execute code",
	Kind: finding.KindSecurity, Category: "deserialization", Severity: finding.High, Confidence: finding.ConfidenceHigh,
	CWE: 502, OWASP: finding.A08, Engine: EnginePython, Status: Stable, Since: "v0.1.0",
	Aliases:     []string{"B301", "B302", "B506", "S301", "S302", "S506"},
	Remediation: "Exchange data as JSON (json.loads) or load YAML with yaml.safe_load(); never unpickle data that crosses a trust boundary.",
	Doc: Doc{
		Flags: "`yaml.load` without a safe loader and `yaml.unsafe_load` (always); `pickle`, `cPickle`, `dill`, " +
			"`jsonpickle`, `marshal`, `shelve`, `pandas.read_pickle`, `numpy.load(allow_pickle=True)` and `torch.load` " +
			"without `weights_only=True` on data that is not a constant — high confidence when the data comes from a " +
			"request, low otherwise.",
		Why: "Unpickling runs constructors named by the data, so whoever controls the bytes controls the process (CWE-502).",
		Example: `obj = pickle.loads(request.data)
cfg = yaml.load(text)`,
		Fix: `obj = json.loads(request.data)
cfg = yaml.safe_load(text)`,
		References: []string{cweRef("502"), owaspIntegrity, "https://docs.python.org/3/library/pickle.html"},
	},
}

// XMLExternalEntities flags XML parsers that resolve external entities.
var XMLExternalEntities = &Rule{
	ID: "PP402", Name: "xml-external-entities", Title: "XML parser configured to resolve external entities",
	Kind: finding.KindSecurity, Category: "injection", Severity: finding.High, Confidence: finding.ConfidenceHigh,
	CWE: 611, OWASP: finding.A05, Engine: EnginePython, Status: Stable, Since: "v0.1.0",
	Aliases:     []string{"B320", "S320"},
	Remediation: "Parse with defusedxml, or create lxml parsers with resolve_entities=False and no_network=True.",
	Doc: Doc{
		Flags: "`lxml.etree.XMLParser(resolve_entities=True)`, `no_network=False` or `load_dtd=True`; " +
			"`xml.sax` and `xml.dom.pulldom` parsers with `feature_external_ges` or `feature_external_pes` turned on.",
		Why: "An external entity makes the parser read local files or fetch URLs named by the document: file disclosure " +
			"and server-side request forgery (CWE-611).",
		Example: `parser = etree.XMLParser(resolve_entities=True)
tree = etree.fromstring(data, parser)`,
		Fix: `parser = etree.XMLParser(resolve_entities=False, no_network=True)
tree = etree.fromstring(data, parser)`,
		References: []string{cweRef("611"), owaspMisconfig, "https://docs.python.org/3/library/xml.html#xml-vulnerabilities"},
	},
}

// DebugEnabled flags debug modes in web frameworks.
var DebugEnabled = &Rule{
	ID: "PP501", Name: "debug-enabled", Title: "Web framework debug mode enabled",
	Kind: finding.KindSecurity, Category: "configuration", Severity: finding.High, Confidence: finding.ConfidenceHigh,
	CWE: 489, OWASP: finding.A05, Engine: EnginePython, Status: Stable, Since: "v0.1.0",
	Aliases:     []string{"B201", "S201"},
	Remediation: "Read the debug flag from the environment and keep it off in deployed code.",
	Doc: Doc{
		Flags: "Flask `app.run(debug=True)`, `app.debug = True`, `app.config[\"DEBUG\"] = True`, Werkzeug's " +
			"`DebuggedApplication(..., evalex=True)` and `run_simple(use_debugger=True)`, and Django `DEBUG = True` in " +
			"settings modules.",
		Why: "The Werkzeug debugger runs arbitrary Python from the browser, and Django's debug pages disclose settings, " +
			"source and queries to anyone who triggers an error (CWE-489).",
		Example:    `app.run(host="127.0.0.1", debug=True)`,
		Fix:        `app.run(debug=os.environ.get("FLASK_DEBUG") == "1")`,
		References: []string{cweRef("489"), owaspMisconfig, "https://flask.palletsprojects.com/en/stable/debugging/"},
	},
}

// BindAllInterfaces flags servers listening on every interface.
var BindAllInterfaces = &Rule{
	ID: "PP502", Name: "bind-all-interfaces", Title: "Server bound to all network interfaces",
	Kind: finding.KindSecurity, Category: "configuration", Severity: finding.Medium, Confidence: finding.ConfidenceMedium,
	CWE: 605, OWASP: finding.A05, Engine: EnginePython, Status: Stable, Since: "v0.1.0",
	Aliases:     []string{"B104", "S104"},
	Remediation: "Bind to 127.0.0.1 (or a configured address) and expose the service through a reverse proxy or explicit configuration.",
	Doc: Doc{
		Flags: "`0.0.0.0`, `::` or an empty host passed as the address of `socket.bind`, `app.run`, `uvicorn.run`, " +
			"`run_simple`, `HTTPServer` and similar, directly or through a constant.",
		Why: "A service bound to every interface is reachable from any network the host is on, including ones its " +
			"authors did not plan for (CWE-605).",
		Example:    `app.run(host="0.0.0.0", port=8000)`,
		Fix:        `app.run(host=os.environ.get("HOST", "127.0.0.1"), port=8000)`,
		References: []string{cweRef("605"), owaspMisconfig},
	},
}

// InsecureTempFile flags race-prone temporary file creation.
var InsecureTempFile = &Rule{
	ID: "PP503", Name: "insecure-temp-file", Title: "Temporary file created in a way an attacker can race",
	Kind: finding.KindSecurity, Category: "configuration", Severity: finding.Medium, Confidence: finding.ConfidenceHigh,
	CWE: 377, OWASP: finding.A01, Engine: EnginePython, Status: Stable, Since: "v0.1.0",
	Aliases:     []string{"B306", "S306", "B108", "S108"},
	Remediation: "Use tempfile.NamedTemporaryFile(), mkstemp() or TemporaryDirectory(), which create the file atomically with safe permissions.",
	Doc: Doc{
		Flags: "`tempfile.mktemp()` and `os.tempnam`/`os.tmpnam`, and files opened for writing at a fixed path in " +
			"`/tmp`, `/var/tmp` or `/dev/shm`.",
		Why: "Between choosing the name and creating the file another local user can create it or a symlink in its place, " +
			"and make the program write where they choose (CWE-377).",
		Example: `path = tempfile.mktemp(suffix=".csv")
with open(path, "w") as f: f.write(data)`,
		Fix: `with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
    f.write(data)`,
		References: []string{cweRef("377"), "https://docs.python.org/3/library/tempfile.html#tempfile.mktemp"},
	},
}

// HardcodedPassword flags passwords written into code.
var HardcodedPassword = &Rule{
	ID: "PP601", Name: "hardcoded-password", Title: "Hard-coded password",
	Kind: finding.KindSecurity, Category: "authentication", Severity: finding.High, Confidence: finding.ConfidenceMedium,
	CWE: 259, OWASP: finding.A07, Engine: EnginePython, Status: Stable, Since: "v0.1.0",
	Aliases:     []string{"B105", "B106", "B107", "S105", "S106", "S107"},
	Remediation: "Read the password from the environment or a secret manager at run time.",
	Doc: Doc{
		Flags: "String literals assigned to, compared with, passed as, or used as the default of a name that means " +
			"password (`password`, `passwd`, `pwd`, `passphrase`, `db_pass`, …). Empty strings, placeholders " +
			"(`changeme`, `<password>`, `${DB_PASSWORD}`, `***`), labels and messages are not reported; test files are " +
			"reported with low confidence.",
		Why: "A password in source code is readable by everyone with the repository, stays in its history forever, and " +
			"cannot be rotated without a release (CWE-259).",
		Example:    `conn = psycopg2.connect(user="app", password="s3cr3t-Pa55")`,
		Fix:        `conn = psycopg2.connect(user="app", password=os.environ["DB_PASSWORD"])`,
		References: []string{cweRef("259"), owaspAuth},
	},
}

// pythonSecurityRules holds the PP2xx–PP6xx families, implemented by the
// Python analyzer.
var pythonSecurityRules = []*Rule{
	SQLQueryBuilt, OSCommandBuilt, CodeEvaluated,
	WeakHash, InsecureRandom, TLSVerificationDisabled,
	UnsafeDeserialization, XMLExternalEntities,
	DebugEnabled, BindAllInterfaces, InsecureTempFile,
	HardcodedPassword,
}
