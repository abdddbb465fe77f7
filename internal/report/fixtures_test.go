package report

import (
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// testCatalog is a fixed stand-in for the rule catalog, so the SARIF goldens
// do not change whenever a rule's documentation does. A test below runs the
// real catalog through the schema instead.
func testCatalog() map[string]*rules.Rule {
	return map[string]*rules.Rule{
		"PP105": {ID: "PP105", Name: "aws-secret-access-key", Title: "AWS secret access key in source",
			Kind: finding.KindSecret, Category: "secrets", Severity: finding.Critical, Confidence: finding.ConfidenceHigh,
			CWE: 798, OWASP: finding.A07, Remediation: "Remove the key, rotate it in IAM, and read it from the environment",
			Engine: rules.EngineSecrets, Status: rules.Stable, Since: "v0.1.0",
			Doc: rules.Doc{Flags: "A 40-character AWS secret access key assigned in code.",
				Why:        "Anyone who can read the repository can act as the key's IAM user.",
				Example:    "aws_secret = \"<40 characters>\"",
				Fix:        "aws_secret = os.environ[\"AWS_SECRET_ACCESS_KEY\"]",
				References: []string{"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"}}},
		"PP201": {ID: "PP201", Name: "sql-string-format", Title: "SQL query built from a formatted string",
			Kind: finding.KindSecurity, Category: "injection", Severity: finding.High, Confidence: finding.ConfidenceHigh,
			CWE: 89, OWASP: finding.A03, Remediation: "Use a parameterized query and pass values separately",
			Engine: rules.EnginePython, Status: rules.Stable, Since: "v0.1.0", Aliases: []string{"B608", "S608"},
			Doc: rules.Doc{Flags: "SQL text built with an f-string, % or .format that reaches cursor.execute.",
				Why:        "Request data spliced into SQL lets the sender rewrite the query.",
				Example:    "cur.execute(f\"SELECT * FROM users WHERE id = {uid}\")",
				Fix:        "cur.execute(\"SELECT * FROM users WHERE id = %s\", (uid,))",
				References: []string{"https://cwe.mitre.org/data/definitions/89.html", "https://owasp.org/Top10/A03_2021-Injection/"}}},
		"PP301": {ID: "PP301", Name: "weak-hash", Title: "Weak hash used for a security purpose",
			Kind: finding.KindSecurity, Category: "cryptography", Severity: finding.Medium, Confidence: finding.ConfidenceHigh,
			CWE: 328, OWASP: finding.A02, Remediation: "Use hashlib.sha256, or a password hash such as argon2 for passwords",
			Engine: rules.EnginePython, Status: rules.Stable, Since: "v0.1.0",
			Doc: rules.Doc{Flags: "hashlib.md5 and hashlib.sha1 without usedforsecurity=False.",
				Why:        "Collisions in MD5 and SHA-1 are practical.",
				Example:    "digest = hashlib.md5(token.encode()).hexdigest()",
				Fix:        "digest = hashlib.sha256(token.encode()).hexdigest()",
				References: []string{"https://cwe.mitre.org/data/definitions/328.html"}}},
		"PP801": {ID: "PP801", Name: "function-too-long", Title: "Function longer than the configured limit",
			Kind: finding.KindQuality, Category: "complexity", Severity: finding.Medium, Confidence: finding.ConfidenceHigh,
			Remediation: "Split the function into smaller named steps", Engine: rules.EnginePython,
			Status: rules.Stable, Since: "v0.1.0",
			Doc: rules.Doc{Flags: "Functions with more statements than the limit.", Why: "Long functions hide bugs.",
				Example: "def handle(request):\n    ...  # 120 statements", Fix: "def handle(request):\n    return respond(parse(request))",
				References: []string{"https://docs.astral.sh/ruff/rules/too-many-statements/"}}},
	}
}

func testLookup(id string) *rules.Rule { return testCatalog()[id] }

// The fixtures below are results as the review stage would hand them over:
// sorted, fingerprinted, secrets already masked.

func cleanResult() *review.Result {
	return &review.Result{
		Target: "staged changes", Mode: review.ModeSecurity, Score: 0, Verdict: review.Approve,
		Severity: finding.None, Threshold: 0.5, Approved: true, Hard: true,
		Comments: []string{"No security issues in the staged changes."},
		Coverage: review.Coverage{FilesReviewed: 3, Files: []string{"app/api.py", "app/db.py", "app/models.py"},
			Engines: []string{"builtin"}, LinesAdded: 42},
	}
}

func blockedResult() *review.Result {
	sql := finding.Finding{RuleID: "PP201", Title: "SQL query built from a formatted string", Kind: finding.KindSecurity,
		Category: "injection", Severity: finding.High, Confidence: finding.ConfidenceHigh, CWE: 89, OWASP: finding.A03,
		Compliance:  []string{"SOC2", "PCI-DSS", "GDPR", "HIPAA"},
		Message:     "SQL query built with an f-string reaches cursor.execute",
		Remediation: "Use a parameterized query and pass values separately",
		Path:        "app/db.py", Line: 23, EndLine: 23, Column: 9, EndColumn: 58,
		Snippet: `cur.execute(f"SELECT * FROM users WHERE id = {uid}")`, Engine: "builtin",
		Fingerprint: "3f2a9c01d4e5b6a7c8d9", Scope: finding.ScopeAdded,
		Trace: []finding.Step{{Line: 12, Column: 11, Message: "request.args[\"id\"] read into uid"},
			{Line: 23, Column: 9, Message: "uid reaches cursor.execute"}}}
	secret := finding.Finding{RuleID: "PP105", Title: "AWS secret access key in source", Kind: finding.KindSecret,
		Category: "secrets", Severity: finding.Critical, Confidence: finding.ConfidenceHigh, CWE: 798, OWASP: finding.A07,
		Message:     "AWS secret access key wJal…(redacted) assigned to AWS_SECRET",
		Remediation: "Remove the key, rotate it in IAM, and read it from the environment",
		Path:        "app/settings.py", Line: 4, EndLine: 4, Column: 14,
		Snippet: `AWS_SECRET = "wJal************************************"`, Engine: "builtin",
		Fingerprint: "9b8c7d6e5f4a3b2c1d0e", Scope: finding.ScopeAdded}
	weak := finding.Finding{RuleID: "PP301", Title: "Weak hash used for a security purpose", Kind: finding.KindSecurity,
		Category: "cryptography", Severity: finding.Medium, Confidence: finding.ConfidenceHigh, CWE: 328, OWASP: finding.A02,
		Message:     "hashlib.md5 hashes a session token",
		Remediation: "Use hashlib.sha256, or a password hash such as argon2 for passwords",
		Path:        "app/auth.py", Line: 31, EndLine: 31, Column: 14, Engine: "builtin",
		Fingerprint: "a1b2c3d4e5f60718293a", Scope: finding.ScopeAdded}
	ai := finding.Finding{RuleID: "AI-SEC", Title: "Missing authorization check", Kind: finding.KindSecurity,
		Category: "access-control", Severity: finding.High, Confidence: finding.ConfidenceMedium, CWE: 862, OWASP: finding.A01,
		Message:     "The /admin/export view returns every user's data without checking the caller's role",
		Remediation: "Check that the caller has the admin role before exporting",
		Path:        "app/views/admin export.py", Line: 57, Engine: "ai",
		Fingerprint: "0f1e2d3c4b5a69788796", Scope: finding.ScopeAdded}
	suppressedSQL := finding.Finding{RuleID: "PP201", Kind: finding.KindSecurity, Category: "injection",
		Severity: finding.High, Confidence: finding.ConfidenceHigh, CWE: 89, OWASP: finding.A03,
		Message: "SQL query built with %-formatting reaches cursor.execute", Path: "app/report.py", Line: 9, EndLine: 9,
		Engine: "builtin", Fingerprint: "5566778899aabbccddee", Scope: finding.ScopeAdded,
		Suppressed: &finding.Suppression{Kind: "nosec", Justification: "table name comes from a constant"}}
	suppressedHash := finding.Finding{RuleID: "PP301", Kind: finding.KindSecurity, Category: "cryptography",
		Severity: finding.Medium, Confidence: finding.ConfidenceHigh, CWE: 328, OWASP: finding.A02,
		Message: "hashlib.sha1 hashes a cache key", Path: "app/cache.py", Line: 14, EndLine: 14,
		Engine: "builtin", Fingerprint: "ffeeddccbbaa99887766", Scope: finding.ScopeAdded,
		Suppressed: &finding.Suppression{Kind: "inline", Justification: "cache key, not a HIGH-value secret"}}
	outsideCtx := finding.Finding{RuleID: "PP201", Kind: finding.KindSecurity, Category: "injection",
		Severity: finding.High, Confidence: finding.ConfidenceHigh, CWE: 89, OWASP: finding.A03,
		Message: "SQL query built with .format reaches cursor.execute", Path: "app/db.py", Line: 40, EndLine: 40,
		Engine: "builtin", Fingerprint: "1234567890abcdef1234", Scope: finding.ScopeContext}
	outsideFile := finding.Finding{RuleID: "PP105", Kind: finding.KindSecret, Category: "secrets",
		Severity: finding.Critical, Confidence: finding.ConfidenceHigh, CWE: 798, OWASP: finding.A07,
		Message: "AWS secret access key AKIA…(redacted) in a default argument", Path: "app/settings.py", Line: 88,
		Engine: "builtin", Fingerprint: "abcdef1234567890abcd", Scope: finding.ScopeFile}
	outsideLow := finding.Finding{RuleID: "PP301", Kind: finding.KindSecurity, Category: "cryptography",
		Severity: finding.Low, Confidence: finding.ConfidenceLow, CWE: 328, OWASP: finding.A02,
		Message: "hashlib.md5 used, purpose unclear", Path: "app/auth.py", Line: 2, Engine: "builtin",
		Fingerprint: "00112233445566778899", Scope: finding.ScopeFile}
	return &review.Result{
		Target: "staged changes", Mode: review.ModeSecurity, Score: 0.8, Verdict: review.SecurityRisk,
		Severity: finding.Critical, Threshold: 0.5, Approved: false, Hard: true,
		Comments: []string{"Two HIGH-severity paths reach the database or expose data.",
			"Rotate the exposed AWS key before merging; removing it from the file is not enough."},
		Findings:   []finding.Finding{secret, sql, ai, weak, suppressedSQL, suppressedHash, outsideCtx, outsideFile, outsideLow},
		OWASP:      []finding.OWASP{finding.A01, finding.A02, finding.A03, finding.A07},
		Compliance: []string{"SOC2", "PCI-DSS", "GDPR", "HIPAA"},
		Coverage: review.Coverage{FilesReviewed: 3, Files: []string{"app/auth.py", "app/db.py", "app/settings.py"},
			FilesSkipped: []review.Skip{{File: "static/logo.png", Reason: "binary"}},
			Engines:      []string{"builtin", "ai"}, MessageReviewed: true, LinesAdded: 57, Suppressed: 2, OutsideChange: 3,
			Notes: []string{"app/legacy.py: syntax error at line 12; the rest of the file was analysed"}},
		Champion: "@security-team",
		Warnings: []string{"ai engine: response truncated after 3 files; the rest were reviewed by builtin only"},
	}
}

func softResult() *review.Result {
	weak := finding.Finding{RuleID: "PP301", Title: "Weak hash used for a security purpose", Kind: finding.KindSecurity,
		Category: "cryptography", Severity: finding.Medium, Confidence: finding.ConfidenceMedium, CWE: 328, OWASP: finding.A02,
		Message:     "hashlib.sha1 signs a password-reset link",
		Remediation: "Use hashlib.sha256, or a password hash such as argon2 for passwords",
		Path:        "accounts/reset.py", Line: 18, EndLine: 18, Column: 12, Engine: "builtin",
		Fingerprint: "77665544332211009988", Scope: finding.ScopeAdded}
	return &review.Result{
		Target: "commit 4f1c2ab", Mode: review.ModeSecurity, Score: 0.55, Verdict: review.Revise,
		Severity: finding.Medium, Threshold: 0.5, Approved: false, Hard: false,
		Comments: []string{"A weak hash signs reset links; switch to SHA-256 or an HMAC."},
		Findings: []finding.Finding{weak}, OWASP: []finding.OWASP{finding.A02}, Compliance: []string{"SOC2", "PCI-DSS"},
		Coverage: review.Coverage{FilesReviewed: 1, Files: []string{"accounts/reset.py"},
			FilesSkipped: []review.Skip{{File: "vendor/big.min.js", Reason: "too large (2.1 MB > 1 MB)"},
				{File: "docs/diagram.svg", Reason: "not python"}, {File: "fixtures/dump.sql", Reason: "not python"},
				{File: "static/app.css", Reason: "not python"}},
			Engines: []string{"builtin"}, LinesAdded: 6},
	}
}

func qualityResult() *review.Result {
	long := finding.Finding{RuleID: "PP801", Title: "Function longer than the configured limit", Kind: finding.KindQuality,
		Category: "complexity", Severity: finding.Medium, Confidence: finding.ConfidenceHigh,
		Message: "handle_upload has 74 statements (limit 50)", Remediation: "Split the function into smaller named steps",
		Path: "svc/upload.py", Line: 10, EndLine: 84, Column: 1, Engine: "builtin",
		Fingerprint: "aa00bb11cc22dd33ee44", Scope: finding.ScopeAdded}
	secret := finding.Finding{RuleID: "PP105", Title: "AWS secret access key in source", Kind: finding.KindSecret,
		Category: "secrets", Severity: finding.High, Confidence: finding.ConfidenceMedium, CWE: 798, OWASP: finding.A07,
		Message:     "AWS secret access key wJal…(redacted) in a test helper",
		Remediation: "Remove the key, rotate it in IAM, and read it from the environment",
		Path:        "svc/test_upload.py", Line: 3, EndLine: 3, Column: 10, Engine: "builtin",
		Fingerprint: "ee44dd33cc22bb11aa00", Scope: finding.ScopeAdded}
	todo := finding.Finding{RuleID: "PP899", Title: "Commit adds a TODO without an issue link", Kind: finding.KindQuality,
		Category: "maintainability", Severity: finding.Low, Confidence: finding.ConfidenceLow,
		Message: "TODO without an issue reference", Path: "svc/upload.py", Line: 91, Engine: "builtin",
		Fingerprint: "1a2b3c4d5e6f7a8b9c0d", Scope: finding.ScopeContext}
	return &review.Result{
		Target: "staged changes", Mode: review.ModeQuality, Score: 0.55, Verdict: review.Revise,
		Severity: finding.High, Threshold: 0.7, Approved: false, Hard: true,
		Comments: []string{"Split handle_upload before it grows further.", "A credential was committed in a test helper."},
		Findings: []finding.Finding{secret, long, todo},
		OWASP:    []finding.OWASP{finding.A07}, Compliance: []string{"SOC2", "PCI-DSS", "GDPR", "HIPAA"},
		Coverage: review.Coverage{FilesReviewed: 2, Files: []string{"svc/test_upload.py", "svc/upload.py"},
			Engines: []string{"builtin"}, LinesAdded: 131, OutsideChange: 1},
	}
}

// testCase is one fixture result.
type testCase struct {
	name string
	res  func() *review.Result
}

func testCases() []testCase {
	return []testCase{{"clean", cleanResult}, {"blocked", blockedResult}, {"soft", softResult}, {"quality", qualityResult}}
}
