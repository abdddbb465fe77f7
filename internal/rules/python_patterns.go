package rules

import "github.com/patchpatrol/patchpatrol/internal/finding"

// pattern builds a rule that matches a code pattern without data flow.
func pattern(id, name, title, category string, cwe int, owasp finding.OWASP, sev finding.Severity, conf finding.Confidence, aliases []string, remediation string, doc Doc) *Rule {
	return &Rule{ID: id, Name: name, Title: title, Kind: finding.KindSecurity, Category: category, Severity: sev,
		Confidence: conf, CWE: cwe, OWASP: owasp, Engine: EnginePython, Status: Stable, Since: "v0.2.0",
		Aliases: aliases, Remediation: remediation, Doc: doc}
}

// Pattern rules added with the analyzer.
var (
	WeakCipher = pattern("PP304", "weak-cipher", "Broken cipher or ECB mode", "cryptography", 327, finding.A02, finding.High, finding.ConfidenceHigh,
		[]string{"B304", "B305", "S304", "S305"}, "Use AES-GCM or ChaCha20-Poly1305 (cryptography's AESGCM / ChaCha20Poly1305), never ECB.", Doc{
			Flags:      "DES, Triple DES, RC4 (ARC4), Blowfish, IDEA, CAST5, SEED and RC2 ciphers in PyCryptodome/PyCrypto and `cryptography`, and ECB mode (`modes.ECB()`, `AES.MODE_ECB`).",
			Why:        "These ciphers are broken or have 64-bit blocks; ECB encrypts equal blocks to equal ciphertext and leaks the data's structure (CWE-327).",
			Example:    "cipher = AES.new(key, AES.MODE_ECB)",
			Fix:        "cipher = AES.new(key, AES.MODE_GCM)",
			References: []string{cweRef("327"), owaspCrypto, "https://cryptography.io/en/latest/hazmat/primitives/aead/"},
		})
	ShortKey = pattern("PP305", "short-key", "Cryptographic key too short", "cryptography", 326, finding.A02, finding.High, finding.ConfidenceHigh,
		[]string{"B505", "S505"}, "Use RSA and DSA keys of at least 2048 bits (3072 for new systems) and EC curves of at least 224 bits.", Doc{
			Flags:      "RSA or DSA keys generated with fewer than 2048 bits and EC keys on curves under 224 bits (`cryptography`, PyCryptodome, paramiko).",
			Why:        "Short keys can be factored or brute-forced with public resources (CWE-326).",
			Example:    "key = rsa.generate_private_key(public_exponent=65537, key_size=1024)",
			Fix:        "key = rsa.generate_private_key(public_exponent=65537, key_size=3072)",
			References: []string{cweRef("326"), owaspCrypto},
		})
	CookieWithoutSecure = pattern("PP504", "cookie-without-secure", "Cookie set without the Secure flag", "configuration", 614, finding.A05, finding.Medium, finding.ConfidenceMedium,
		nil, "Pass secure=True to set_cookie (and set SESSION_COOKIE_SECURE = True).", Doc{
			Flags:      "`set_cookie(...)` on Flask/Werkzeug, Django and Starlette responses without `secure=True`, and `SESSION_COOKIE_SECURE`/`CSRF_COOKIE_SECURE` set to False.",
			Why:        "Without Secure the browser sends the cookie over plain HTTP, where anyone on the network can read it (CWE-614).",
			Example:    "resp.set_cookie(\"session\", token)",
			Fix:        "resp.set_cookie(\"session\", token, secure=True, httponly=True, samesite=\"Lax\")",
			References: []string{cweRef("614"), owaspMisconfig},
		})
	CookieWithoutHTTPOnly = pattern("PP505", "cookie-without-httponly", "Cookie set without the HttpOnly flag", "configuration", 1004, finding.A05, finding.Medium, finding.ConfidenceMedium,
		nil, "Pass httponly=True to set_cookie (and keep SESSION_COOKIE_HTTPONLY on).", Doc{
			Flags:      "`set_cookie(...)` without `httponly=True`, and `SESSION_COOKIE_HTTPONLY = False`.",
			Why:        "Scripts can read a cookie without HttpOnly, so one XSS bug steals every session (CWE-1004).",
			Example:    "resp.set_cookie(\"session\", token, secure=True)",
			Fix:        "resp.set_cookie(\"session\", token, secure=True, httponly=True)",
			References: []string{cweRef("1004"), owaspMisconfig},
		})
	CSRFExempt = pattern("PP506", "csrf-protection-disabled", "CSRF protection disabled", "configuration", 352, finding.A01, finding.Medium, finding.ConfidenceHigh,
		nil, "Keep CSRF protection on; for APIs authenticate with tokens in headers rather than cookies.", Doc{
			Flags:      "Django's `@csrf_exempt`, Flask-WTF's `csrf.exempt`, and `WTF_CSRF_ENABLED = False` / `WTF_CSRF_CHECK_DEFAULT = False`.",
			Why:        "Without a CSRF token any site the victim visits can submit the form with the victim's cookies (CWE-352).",
			Example:    "@csrf_exempt\ndef transfer(request): ...",
			Fix:        "def transfer(request): ...  # the default CSRF middleware checks the token",
			References: []string{cweRef("352"), owaspAccess, "https://docs.djangoproject.com/en/stable/ref/csrf/"},
		})
	PermissiveChmod = pattern("PP507", "permissive-file-permissions", "File made writable by every user", "configuration", 732, finding.A01, finding.Medium, finding.ConfidenceHigh,
		[]string{"B103", "S103"}, "Grant the least access needed, such as 0o600 for secrets and 0o644 or 0o755 otherwise.", Doc{
			Flags:      "`os.chmod`, `os.fchmod`, `os.lchmod`, `Path.chmod`, `os.makedirs`/`os.mkdir` and `os.open` with a mode that lets others write (`o+w`, such as 0o777 or 0o666, or `stat.S_IWOTH`), and `os.umask(0)`.",
			Why:        "Any local user or compromised service can change a world-writable file, including code that runs later (CWE-732).",
			Example:    "os.chmod(\"/srv/app/config.py\", 0o777)",
			Fix:        "os.chmod(\"/srv/app/config.py\", 0o644)",
			References: []string{cweRef("732"), owaspAccess},
		})
	CORSAllowAllCredentials = pattern("PP508", "cors-allow-all-with-credentials", "CORS allows any origin with credentials", "configuration", 942, finding.A05, finding.High, finding.ConfidenceHigh,
		nil, "List the allowed origins explicitly when credentials are allowed.", Doc{
			Flags:      "flask-cors `CORS(..., origins=\"*\", supports_credentials=True)`, Starlette/FastAPI `CORSMiddleware(allow_origins=[\"*\"], allow_credentials=True)`, django-cors-headers `CORS_ALLOW_ALL_ORIGINS = True` (or `CORS_ORIGIN_ALLOW_ALL`) with `CORS_ALLOW_CREDENTIALS = True`, and responses that echo the request's Origin with credentials allowed.",
			Why:        "Any website can then make authenticated requests with the user's cookies and read the answers (CWE-942).",
			Example:    "CORS(app, origins=\"*\", supports_credentials=True)",
			Fix:        "CORS(app, origins=[\"https://app.example.com\"], supports_credentials=True)",
			References: []string{cweRef("942"), owaspMisconfig},
		})
	JWTUnverified = pattern("PP602", "jwt-signature-not-verified", "JWT decoded without verifying its signature", "authentication", 347, finding.A02, finding.High, finding.ConfidenceHigh,
		nil, "Decode with the key and an explicit algorithms list, and keep signature verification on.", Doc{
			Flags:      "PyJWT `jwt.decode` with `options={\"verify_signature\": False}`, `verify=False` or the `none` algorithm, and python-jose/authlib equivalents.",
			Why:        "An unverified token can be forged by anyone: every claim, including the user id and roles, is attacker-chosen (CWE-347).",
			Example:    "claims = jwt.decode(token, options={\"verify_signature\": False})",
			Fix:        "claims = jwt.decode(token, key, algorithms=[\"HS256\"])",
			References: []string{cweRef("347"), owaspCrypto, "https://pyjwt.readthedocs.io/en/stable/api.html#jwt.decode"},
		})
	AssertAccessControl = pattern("PP603", "assert-used-for-access-control", "assert used for an access check", "authentication", 617, finding.A01, finding.Medium, finding.ConfidenceMedium,
		[]string{"B101", "S101"}, "Check permissions with an if statement that raises or returns an error; assert disappears under python -O.", Doc{
			Flags:      "`assert` statements outside tests whose condition is about authentication or permissions (`is_authenticated`, `is_admin`, `is_staff`, `has_perm`, roles, ownership, tokens).",
			Why:        "Python removes asserts when run with -O, so the check silently vanishes in optimised deployments (CWE-617).",
			Example:    "assert request.user.is_staff\ndelete_all()",
			Fix:        "if not request.user.is_staff:\n    raise PermissionDenied\ndelete_all()",
			References: []string{cweRef("617"), owaspAccess},
		})
	HardcodedCredential = pattern("PP604", "hardcoded-credential", "Hard-coded secret key or API credential", "authentication", 798, finding.A07, finding.High, finding.ConfidenceMedium,
		nil, "Load secret keys and API credentials from the environment or a secret manager.", Doc{
			Flags:      "String literals used as Django's `SECRET_KEY`, Flask's `secret_key` / `SECRET_KEY`, JWT signing keys, and `api_key=`, `token=`, `secret=`, `client_secret=`, `aws_secret_access_key=` arguments — whatever their entropy. Placeholders and empty strings are not reported.",
			Why:        "A signing key in the source lets anyone with the repository forge sessions and tokens (CWE-798).",
			Example:    "app.secret_key = \"dev-key-123\"",
			Fix:        "app.secret_key = os.environ[\"FLASK_SECRET_KEY\"]",
			References: []string{cweRef("798"), owaspAuth},
		})
)

// pythonPatternRules are the pattern rules added with the analyzer.
var pythonPatternRules = []*Rule{WeakCipher, ShortKey, CookieWithoutSecure, CookieWithoutHTTPOnly, CSRFExempt,
	PermissiveChmod, CORSAllowAllCredentials, JWTUnverified, AssertAccessControl, HardcodedCredential}
