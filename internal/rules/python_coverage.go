package rules

import "github.com/patchpatrol/patchpatrol/internal/finding"

// Rules that complete the coverage of Bandit's checks and CodeQL's Python
// security queries (docs/coverage.md maps each of theirs to ours).
var (
	StackTraceExposure = taint("PP217", "stack-trace-exposure", "Exception details returned to the client", "information-disclosure", 209, finding.A04, finding.Medium,
		nil, "Log the exception on the server and return a generic error message.", Doc{
			Flags:      "Text from `traceback.format_exc()`, `traceback.format_exception(...)`, `str(e)` or `repr(e)` of a caught exception reaching an HTTP response: a Flask view's return value, `jsonify`, `make_response`, Django `HttpResponse`/`JsonResponse`, Starlette responses.",
			Why:        "Stack traces and exception messages reveal file paths, library versions, queries and secrets that help an attacker (CWE-209).",
			Example:    "except Exception as e:\n    return jsonify(error=str(e)), 500",
			Fix:        "except Exception:\n    log.exception(\"export failed\")\n    return jsonify(error=\"internal error\"), 500",
			References: []string{cweRef("209"), owaspDesign},
		})
	XMLBomb = pattern("PP218", "xml-entity-expansion-unlimited", "XML parser with its entity-expansion limits turned off", "xml", 776, finding.A05, finding.Medium, finding.ConfidenceHigh,
		nil, "Keep libxml2's limits on (drop huge_tree=True), or parse untrusted XML with defusedxml.", Doc{
			Flags: "lxml `XMLParser(...)` and `HTMLParser(...)` created with `huge_tree=True`, which lifts libxml2's limits on " +
				"entity expansion and tree depth. (The standard library's parsers rely on expat 2.4.1 or later, which limits " +
				"entity amplification, and are not reported.)",
			Why:        "Without the limits, nested entity definitions (\"billion laughs\") expand a small document into gigabytes and exhaust memory and CPU (CWE-776).",
			Example:    "parser = etree.XMLParser(huge_tree=True)\nroot = etree.fromstring(request.data, parser)",
			Fix:        "parser = etree.XMLParser(resolve_entities=False, no_network=True)\nroot = etree.fromstring(request.data, parser)",
			References: []string{cweRef("776"), "https://docs.python.org/3/library/xml.html#xml-vulnerabilities", "https://lxml.de/api/lxml.etree.XMLParser-class.html"},
		})
	RequestWithoutTimeout = pattern("PP219", "request-without-timeout", "HTTP request without a timeout", "availability", 400, finding.A05, finding.Low, finding.ConfidenceHigh,
		[]string{"B113", "S113"}, "Pass timeout= to every requests call (and configure one on httpx clients).", Doc{
			Flags:      "`requests.get/post/put/patch/delete/head/options/request` calls and `requests.Session` methods without a `timeout` argument.",
			Why:        "requests waits forever by default: one slow or malicious server hangs the worker, and enough of them take the service down (CWE-400).",
			Example:    "resp = requests.get(url)",
			Fix:        "resp = requests.get(url, timeout=(3.05, 10))",
			References: []string{cweRef("400"), "https://requests.readthedocs.io/en/latest/user/advanced/#timeouts"},
		})
	ReDoS = pattern("PP220", "regex-catastrophic-backtracking", "Regular expression with catastrophic backtracking", "availability", 1333, finding.A04, finding.Medium, finding.ConfidenceMedium,
		nil, "Remove nested or overlapping quantifiers ((a+)+, (a|a)*, (\\w+\\s?)*), or bound the input length before matching.", Doc{
			Flags:      "Constant patterns given to the `re` module that contain a quantified group whose body is itself quantified, such as `(a+)+`, `(\\w+\\s*)*` or `(.*,)*`.",
			Why:        "Python's backtracking engine takes exponential time on inputs that almost match such patterns: one request can pin a CPU (CWE-1333).",
			Example:    "EMAIL = re.compile(r\"^([a-zA-Z0-9]+)*@example\\.com$\")",
			Fix:        "EMAIL = re.compile(r\"^[a-zA-Z0-9]+@example\\.com$\")",
			References: []string{cweRef("1333"), "https://owasp.org/www-community/attacks/Regular_expression_Denial_of_Service_-_ReDoS"},
		})
	SensitiveDataLogged = pattern("PP221", "sensitive-data-logged", "Password or secret written to a log", "logging", 532, finding.A09, finding.Medium, finding.ConfidenceMedium,
		nil, "Log that the operation happened, not the secret; mask or omit passwords, tokens and keys.", Doc{
			Flags:      "Logging calls and `print` whose arguments are variables or attributes named like a password, secret, token, API key or credit card number.",
			Why:        "Logs are copied to many systems and kept for a long time; secrets in them leak to everyone who can read logs (CWE-532).",
			Example:    "log.info(\"login %s with password %s\", user, password)",
			Fix:        "log.info(\"login attempt for %s\", user)",
			References: []string{cweRef("532"), owaspLog},
		})
	SensitiveDataStored = pattern("PP222", "sensitive-data-stored-cleartext", "Password or secret stored in clear text", "cryptography", 312, finding.A04, finding.Medium, finding.ConfidenceMedium,
		nil, "Store a salted password hash (hashlib.scrypt, argon2) or encrypt the secret; never put it in a cookie or a plain file.", Doc{
			Flags:      "Variables named like a password, passphrase or card number written to a cookie (`set_cookie`) or to a file (`write`). Session and remember-me tokens belong in cookies and are not reported.",
			Why:        "Anyone who can read the cookie or the file gets the credential itself (CWE-312).",
			Example:    "resp.set_cookie(\"password\", password)",
			Fix:        "session[\"user_id\"] = user.id  # server-side session, no credential in the cookie",
			References: []string{cweRef("312"), owaspDesign},
		})
	IncompleteURLCheck = pattern("PP223", "incomplete-url-check", "URL checked with a substring or unanchored prefix", "validation", 20, finding.A03, finding.Medium, finding.ConfidenceMedium,
		nil, "Parse the URL (urllib.parse.urlparse) and compare its hostname exactly, or against a set of allowed hosts.", Doc{
			Flags:      "Checks such as `\"example.com\" in url`, `url.startswith(\"https://example.com\")` without a trailing slash, or `host.endswith(\"example.com\")` without a leading dot, on URL- or host-named values.",
			Why:        "`https://example.com.evil.net` and `https://evil.net/?example.com` pass such checks (CWE-20).",
			Example:    "if \"example.com\" in next_url:\n    return redirect(next_url)",
			Fix:        "if urlparse(next_url).hostname in {\"example.com\", \"www.example.com\"}:\n    return redirect(next_url)",
			References: []string{cweRef("20"), owaspInjection},
		})
	BadHTMLFilter = pattern("PP224", "regex-html-filter", "HTML filtered with a regular expression", "xss", 116, finding.A03, finding.Medium, finding.ConfidenceMedium,
		nil, "Escape output (markupsafe.escape) or sanitize with a real HTML parser (bleach, nh3) instead of regular expressions.", Doc{
			Flags:      "`re.sub`/`re.compile` patterns that try to strip `<script>` tags or `on...=` event handlers.",
			Why:        "Regexes miss `<SCRIPT >`, `<scr<script>ipt>`, `<svg/onload=...>` and countless other forms; the filter gives a false sense of safety (CWE-116).",
			Example:    "clean = re.sub(r\"<script.*?>.*?</script>\", \"\", body)",
			Fix:        "clean = nh3.clean(body)",
			References: []string{cweRef("116"), owaspInjection},
		})
	CookieInjection = taint("PP225", "cookie-injection", "Cookie name or value taken from the request", "validation", 20, finding.A03, finding.Low,
		nil, "Set cookies with names and values the server chooses; validate any value that comes from the client.", Doc{
			Flags:      "Request data passed as the key or value of `set_cookie(...)`.",
			Why:        "A client-chosen cookie can fixate a session or overwrite another cookie of the site (CWE-20).",
			Example:    "resp.set_cookie(\"lang\", request.args[\"lang\"])",
			Fix:        "lang = request.args.get(\"lang\")\nresp.set_cookie(\"lang\", lang if lang in LANGUAGES else \"en\")",
			References: []string{cweRef("20")},
		})
	UnpinnedModelDownload = pattern("PP226", "unpinned-model-download", "Model downloaded without a pinned revision", "supply-chain", 494, finding.A08, finding.Medium, finding.ConfidenceMedium,
		[]string{"B615", "S615"}, "Pin revision= to a commit hash when loading models and datasets from the Hugging Face Hub.", Doc{
			Flags:      "`from_pretrained(...)`, `hf_hub_download(...)`, `snapshot_download(...)` and `load_dataset(...)` calls without a `revision` argument.",
			Why:        "Without a pinned revision the code runs whatever the repository's owner (or anyone who takes it over) publishes next (CWE-494).",
			Example:    "model = AutoModel.from_pretrained(\"org/model\")",
			Fix:        "model = AutoModel.from_pretrained(\"org/model\", revision=\"8f1c2a0e4b5d6c7f8a9b0c1d2e3f4a5b6c7d8e9f\")",
			References: []string{cweRef("494"), owaspIntegrity},
		})
	TrojanSource = pattern("PP227", "bidirectional-control-characters", "Unicode bidirectional control characters in source", "supply-chain", 838, finding.A08, finding.High, finding.ConfidenceHigh,
		[]string{"B613", "S613"}, "Remove the bidirectional control characters; review what the code really does.", Doc{
			Flags:      "U+202A–U+202E and U+2066–U+2069 (bidirectional embedding, override and isolate) anywhere in a Python file.",
			Why:        "They make code display differently from how it runs, hiding logic from reviewers (\"Trojan Source\", CWE-838).",
			Example:    "# The string below holds U+202E (right-to-left override) and U+2066/U+2069 (isolates):\nif access_level != \"user<U+202E> <U+2066># Check if admin<U+2069> <U+2066>\":",
			Fix:        "if access_level != \"user\":  # Check if admin",
			References: []string{cweRef("838"), "https://trojansource.codes/"},
		})
	WildcardInjection = pattern("PP228", "shell-wildcard-injection", "Shell wildcard expanded in a command that takes options", "injection", 155, finding.A03, finding.Low, finding.ConfidenceMedium,
		[]string{"B609", "S609"}, "Pass the file list explicitly with \"--\" before it, or use the library equivalent (tarfile, shutil, os.chmod).", Doc{
			Flags:      "Shell commands (`os.system`, `subprocess` with `shell=True`) running tar, chown, chmod, rsync or zip on a `*` wildcard.",
			Why:        "File names such as `--checkpoint-action=exec=sh x.sh` are expanded into options and run commands (CWE-155).",
			Example:    "os.system(\"tar czf backup.tgz *\")",
			Fix:        "subprocess.run([\"tar\", \"czf\", \"backup.tgz\", \"--\", *os.listdir(\".\")], check=True)",
			References: []string{cweRef("155")},
		})
	PAMWithoutAccountCheck = pattern("PP229", "pam-authenticate-without-account-check", "PAM authentication without an account check", "authentication", 285, finding.A01, finding.High, finding.ConfidenceMedium,
		nil, "Call pam_acct_mgmt after a successful pam_authenticate and deny access unless it succeeds too.", Doc{
			Flags:      "Functions that call `pam_authenticate` (through ctypes) and never call `pam_acct_mgmt`.",
			Why:        "pam_authenticate only checks the password: expired, locked or disabled accounts still log in unless pam_acct_mgmt is asked too (CWE-285).",
			Example:    "if libpam.pam_authenticate(handle, 0) == 0:\n    return True",
			Fix:        "if libpam.pam_authenticate(handle, 0) == 0 and libpam.pam_acct_mgmt(handle, 0) == 0:\n    return True",
			References: []string{cweRef("285"), owaspAccess},
		})
	CleartextProtocol = pattern("PP306", "cleartext-protocol", "Unencrypted network protocol", "cryptography", 319, finding.A02, finding.Medium, finding.ConfidenceHigh,
		[]string{"B312", "B321", "B401", "B402", "B508", "S312", "S321", "S401", "S402", "S508"}, "Use SSH instead of Telnet, FTPS or SFTP instead of FTP, and SNMPv3 with authPriv.", Doc{
			Flags:      "`telnetlib.Telnet`, `ftplib.FTP` (not FTP_TLS), and pysnmp `CommunityData` (SNMPv1/v2c) and `UsmUserData` without authentication and privacy protocols.",
			Why:        "These protocols send credentials and data in clear text that anyone on the network can read (CWE-319).",
			Example:    "ftp = ftplib.FTP(\"files.example.com\", \"deploy\", password)",
			Fix:        "ftp = ftplib.FTP_TLS(\"files.example.com\", \"deploy\", password)\nftp.prot_p()",
			References: []string{cweRef("319"), owaspCrypto},
		})
)

// pythonCoverageRules complete the class coverage of the Python engine.
var pythonCoverageRules = []*Rule{StackTraceExposure, XMLBomb, RequestWithoutTimeout, ReDoS, SensitiveDataLogged,
	SensitiveDataStored, IncompleteURLCheck, BadHTMLFilter, CookieInjection, UnpinnedModelDownload, TrojanSource,
	WildcardInjection, CleartextProtocol, PAMWithoutAccountCheck}
