package rules

import "github.com/patchpatrol/patchpatrol/internal/finding"

// secretRules is the PP1xx family: credentials in any text file or message.
// The secrets engine (internal/secrets) implements them; it masks every value
// before a finding leaves it, so nothing here or in a finding holds a secret.
// The doc examples elide values with "…" on purpose: docs/rules.md must not
// itself trip the detector.
var secretRules = []*Rule{
	AWSAccessKeyID,
	AWSSecretAccessKey,
	GitHubToken,
	GitLabToken,
	SlackToken,
	StripeSecretKey,
	GoogleAPIKey,
	PrivateKeyBlock,
	JSONWebToken,
	GenericSecretAssignment,
}

// References shared by every secrets rule.
const (
	refCWE798 = "CWE-798: Use of Hard-coded Credentials — https://cwe.mitre.org/data/definitions/798.html"
	refA07    = "OWASP Top 10 2021 A07: Identification and Authentication Failures — https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/"
	refOWASP  = "OWASP Secrets Management Cheat Sheet — https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html"
)

// secretRule fills the fields every PP1xx rule shares.
func secretRule(r Rule) *Rule {
	r.Kind = finding.KindSecret
	r.Category = "secrets"
	r.CWE = 798
	r.OWASP = finding.A07
	r.Engine = EngineSecrets
	r.Status = Stable
	r.Since = "v0.1.0"
	return &r
}

// AWSAccessKeyID is PP101.
var AWSAccessKeyID = secretRule(Rule{
	ID:          "PP101",
	Name:        "aws-access-key-id",
	Title:       "AWS access key id committed",
	Severity:    finding.Critical,
	Confidence:  finding.ConfidenceHigh,
	Remediation: "Deactivate the key in AWS IAM, then give the code its credentials through the environment, an instance or task role, or a secrets manager.",
	Doc: Doc{
		Flags: "An AWS access key id: `AKIA` (long-term IAM user key), `ASIA` (temporary STS credentials), " +
			"`ABIA` (STS service bearer token) or `ACCA` (context-specific credential), followed by 16 upper-case " +
			"base32 characters (`A`–`Z`, `2`–`7`). AWS's own documentation example (`AKIAIOSFODNN7EXAMPLE`) and " +
			"obvious placeholders (`AKIAXXXXXXXXXXXXXXXX`) are not reported.",
		Why: "The key id names the credential; wherever it is committed the secret access key usually sits next to it. " +
			"Anyone who can read the repository, any of its clones or its history can call AWS as that identity, and " +
			"bots scan public pushes for this prefix within minutes.",
		Example: "# flagged: AKIA followed by 16 more characters (elided here)\n" +
			"session = boto3.Session(aws_access_key_id=\"AKIA…\", aws_secret_access_key=secret)",
		Fix: "# the SDK finds credentials in the environment, ~/.aws or the instance role\n" +
			"session = boto3.Session()",
		References: []string{
			"AWS IAM: Manage access keys for IAM users — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
			"AWS IAM identifiers (unique id prefixes) — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids",
			refCWE798, refA07,
		},
	},
})

// AWSSecretAccessKey is PP102.
var AWSSecretAccessKey = secretRule(Rule{
	ID:          "PP102",
	Name:        "aws-secret-access-key",
	Title:       "AWS secret access key committed",
	Severity:    finding.Critical,
	Confidence:  finding.ConfidenceHigh,
	Remediation: "Deactivate the key pair in AWS IAM, then load credentials from the environment, a role or a secrets manager instead of the repository.",
	Doc: Doc{
		Flags: "A 40-character AWS secret access key (base64 alphabet, mixed case and digits) on a line that names it " +
			"(`aws_secret_access_key`, `SecretAccessKey`, `secret_key` near an `aws` name) or that holds an access key id " +
			"(the CSV that the console downloads), or within three lines of an AWS key name or access key id. " +
			"Forty hexadecimal characters (a git object id) and AWS's documented example key are not reported.",
		Why: "The secret access key signs every AWS request. With it and the key id, anyone holding a copy of the " +
			"repository has the full permissions of the IAM identity until the key is deactivated.",
		Example: "# ~/.aws/credentials committed by mistake (values elided)\n" +
			"[default]\naws_access_key_id = AKIA…\naws_secret_access_key = 9tQ…  # 40 characters",
		Fix: "# keep credentials out of the tree: environment, SSO or a role\n" +
			"import boto3\ns3 = boto3.client(\"s3\")  # resolves credentials at run time",
		References: []string{
			"AWS IAM: Manage access keys for IAM users — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
			"AWS: Best practices for managing access keys — https://docs.aws.amazon.com/accounts/latest/reference/credentials-access-keys-best-practices.html",
			refCWE798, refA07,
		},
	},
})

// GitHubToken is PP103.
var GitHubToken = secretRule(Rule{
	ID:          "PP103",
	Name:        "github-token",
	Title:       "GitHub token committed",
	Severity:    finding.Critical,
	Confidence:  finding.ConfidenceHigh,
	Remediation: "Revoke the token in GitHub settings and read it at run time from the environment or the CI secret store.",
	Doc: Doc{
		Flags: "GitHub's prefixed tokens: `ghp_` (personal access token, classic), `gho_` (OAuth access token), " +
			"`ghu_` (GitHub App user-to-server token), `ghs_` (GitHub App installation token), `ghr_` (refresh token), " +
			"each followed by 36 base62 characters, and fine-grained personal access tokens " +
			"(`github_pat_`, 22 characters, `_`, 59 characters).",
		Why: "A token acts as the user or app that created it: it can read private repositories, push code, and in " +
			"the worst case change workflows that hold further secrets.",
		Example: "# flagged: ghp_ followed by 36 characters (elided here)\n" +
			"gh = Github(\"ghp_…\")",
		Fix:        "gh = Github(os.environ[\"GITHUB_TOKEN\"])",
		References: []string{"GitHub: GitHub's token formats — https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats", "GitHub blog: Behind GitHub's new authentication token formats — https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/", refCWE798, refA07},
	},
})

// GitLabToken is PP104.
var GitLabToken = secretRule(Rule{
	ID:          "PP104",
	Name:        "gitlab-token",
	Title:       "GitLab token committed",
	Severity:    finding.Critical,
	Confidence:  finding.ConfidenceHigh,
	Remediation: "Revoke the token in GitLab and inject it at run time through a masked CI/CD variable or a secrets manager.",
	Doc: Doc{
		Flags: "Tokens with GitLab's documented prefixes followed by at least 20 token characters: `glpat-` " +
			"(personal, project and group access tokens), `gloas-` (OAuth application secret), `gldt-` (deploy token), " +
			"`glrt-`/`glrtr-` (runner authentication token), `glcbt-` (CI/CD job token), `glptt-` (pipeline trigger " +
			"token), `glft-` (feed token), `glimt-` (incoming mail token), `glagent-` (agent for Kubernetes token), " +
			"`glwt-` (workspace token), `glsoat-` (SCIM token), `glffct-` (feature flags client token), and legacy " +
			"runner registration tokens starting `GR1348941`.",
		Why: "GitLab tokens carry the scopes of the user, project or runner that created them: API access, " +
			"repository reads and writes, registry pushes or runner registration.",
		Example: "# flagged: glpat- followed by 20 characters (elided here)\n" +
			"gl = gitlab.Gitlab(\"https://gitlab.com\", private_token=\"glpat-…\")",
		Fix:        "gl = gitlab.Gitlab(\"https://gitlab.com\", private_token=os.environ[\"GITLAB_TOKEN\"])",
		References: []string{"GitLab token overview: token prefixes — https://docs.gitlab.com/security/tokens/#token-prefixes", refCWE798, refA07},
	},
})

// SlackToken is PP105.
var SlackToken = secretRule(Rule{
	ID:          "PP105",
	Name:        "slack-token",
	Title:       "Slack token or incoming-webhook URL committed",
	Severity:    finding.Critical,
	Confidence:  finding.ConfidenceHigh,
	Remediation: "Revoke the token or regenerate the webhook in the Slack app settings, then read it from the environment or a secrets manager.",
	Doc: Doc{
		Flags: "Slack API tokens (`xoxb-` bot, `xoxp-` user, `xoxa-` workspace app, `xoxr-` refresh, `xoxs-` legacy " +
			"session tokens, each made of dash-separated parts) and incoming-webhook URLs " +
			"(`https://hooks.slack.com/services/T…/B…/…`). Slack's documented zero-and-X placeholders are not reported.",
		Why: "A bot or user token reads and posts in the workspace as its owner; a webhook URL lets anyone post " +
			"into the channel, which is enough for convincing phishing inside the company.",
		Example: "# flagged: the full webhook URL (elided here)\n" +
			"requests.post(\"https://hooks.slack.com/services/T…/B…/…\", json={\"text\": msg})",
		Fix:        "requests.post(os.environ[\"SLACK_WEBHOOK_URL\"], json={\"text\": msg})",
		References: []string{"Slack: Token types — https://api.slack.com/authentication/token-types", "Slack: Sending messages using incoming webhooks — https://api.slack.com/messaging/webhooks", refCWE798, refA07},
	},
})

// StripeSecretKey is PP106.
var StripeSecretKey = secretRule(Rule{
	ID:          "PP106",
	Name:        "stripe-secret-key",
	Title:       "Stripe secret or restricted key committed",
	Severity:    finding.Critical,
	Confidence:  finding.ConfidenceHigh,
	Remediation: "Roll the key in the Stripe dashboard and load it from the environment or a secrets manager.",
	Doc: Doc{
		Flags: "Stripe secret keys (`sk_live_`) and restricted keys (`rk_live_`), reported CRITICAL; their test-mode " +
			"forms (`sk_test_`, `rk_test_`) are reported LOW because they reach only test data. Publishable keys " +
			"(`pk_live_`, `pk_test_`) are meant for browsers and are never reported.",
		Why: "A live secret key can create charges, issue refunds and read customer and payment data for the " +
			"whole account.",
		Example: "# flagged: sk_live_ followed by the key body (elided here)\n" +
			"stripe.api_key = \"sk_live_…\"",
		Fix:        "stripe.api_key = os.environ[\"STRIPE_SECRET_KEY\"]",
		References: []string{"Stripe: API keys — https://docs.stripe.com/keys", refCWE798, refA07},
	},
})

// GoogleAPIKey is PP107.
var GoogleAPIKey = secretRule(Rule{
	ID:          "PP107",
	Name:        "google-api-key",
	Title:       "Google API key committed",
	Severity:    finding.Critical,
	Confidence:  finding.ConfidenceHigh,
	Remediation: "Delete or regenerate the key in the Google Cloud console, restrict the new one, and load it from configuration outside the repository.",
	Doc: Doc{
		Flags: "Google Cloud and Firebase API keys: `AIza` followed by 35 characters of `A`–`Z`, `a`–`z`, `0`–`9`, `-` and `_`.",
		Why: "An unrestricted key is billed to the project that owns it and may reach any API enabled there " +
			"(Maps, Gemini, Firebase); leaked keys are harvested for quota theft.",
		Example: "# flagged: AIza followed by 35 characters (elided here)\n" +
			"genai.configure(api_key=\"AIza…\")",
		Fix:        "genai.configure(api_key=os.environ[\"GOOGLE_API_KEY\"])",
		References: []string{"Google Cloud: Manage API keys — https://cloud.google.com/docs/authentication/api-keys", refCWE798, refA07},
	},
})

// PrivateKeyBlock is PP108.
var PrivateKeyBlock = secretRule(Rule{
	ID:          "PP108",
	Name:        "private-key-block",
	Title:       "Private key committed",
	Severity:    finding.Critical,
	Confidence:  finding.ConfidenceHigh,
	Remediation: "Treat the key as compromised: replace it, revoke what it signed, and keep private keys in a secrets manager or a file outside the repository.",
	Doc: Doc{
		Flags: "A PEM or armoured private key with a body: `-----BEGIN RSA PRIVATE KEY-----`, `EC`, `DSA`, `OPENSSH`, " +
			"`ENCRYPTED`, plain PKCS#8 `PRIVATE KEY`, and `PGP PRIVATE KEY BLOCK`, on their own lines or inside a " +
			"string with `\\n` escapes (a service-account JSON). Public keys, certificates and markers without at " +
			"least 64 characters of key material (or with an elided body) are not reported.",
		Why: "A private key is the identity: TLS servers, SSH hosts, signing and service accounts. Unlike a " +
			"password it cannot be changed in place, and everything it signed or decrypted stays exposed.",
		Example: "KEY = \"\"\"-----BEGIN RSA PRIVATE KEY-----\nMIIE…  (base64 key material)\n-----END RSA PRIVATE KEY-----\"\"\"",
		Fix:     "with open(os.environ[\"TLS_KEY_FILE\"], \"rb\") as f:\n    key = serialization.load_pem_private_key(f.read(), password=None)",
		References: []string{
			"RFC 7468: Textual Encodings of PKIX, PKCS, and CMS Structures — https://www.rfc-editor.org/rfc/rfc7468",
			"RFC 4880 §6.2: OpenPGP ASCII armor — https://www.rfc-editor.org/rfc/rfc4880#section-6.2",
			"CWE-321: Use of Hard-coded Cryptographic Key — https://cwe.mitre.org/data/definitions/321.html",
			refCWE798, refA07,
		},
	},
})

// JSONWebToken is PP109.
var JSONWebToken = secretRule(Rule{
	ID:          "PP109",
	Name:        "jwt",
	Title:       "JSON Web Token committed",
	Severity:    finding.High,
	Confidence:  finding.ConfidenceMedium,
	Remediation: "Revoke or let the token expire, rotate the signing key if it was long-lived, and obtain tokens at run time instead of committing them.",
	Doc: Doc{
		Flags: "A signed JSON Web Token: three base64url parts separated by dots whose first part decodes to a JSON " +
			"object with an `alg` member and whose second part decodes to a JSON object (or, for an encrypted JWE, " +
			"whose header also names `enc`). Documentation examples are not reported: the jwt.io example " +
			"(subject `1234567890`) and HMAC tokens that verify with a demo key such as `secret` or " +
			"`your-256-bit-secret`.",
		Why: "A JWT is a bearer credential: whoever holds it is the subject until it expires, and tokens committed " +
			"for testing are often long-lived service tokens.",
		Example: "# flagged: header.payload.signature (elided here)\n" +
			"headers = {\"Authorization\": \"Bearer eyJ….eyJ….…\"}",
		Fix:        "headers = {\"Authorization\": f\"Bearer {token_provider.get()}\"}",
		References: []string{"RFC 7519: JSON Web Token — https://www.rfc-editor.org/rfc/rfc7519", "RFC 7515: JSON Web Signature — https://www.rfc-editor.org/rfc/rfc7515", refCWE798, refA07},
	},
})

// GenericSecretAssignment is PP110.
var GenericSecretAssignment = secretRule(Rule{
	ID:          "PP110",
	Name:        "generic-secret-assignment",
	Title:       "High-entropy value assigned to a secret-like name",
	Severity:    finding.High,
	Confidence:  finding.ConfidenceMedium,
	Remediation: "Move the value to the environment or a secrets manager and reference it by name, then rotate it because it is in history.",
	Doc: Doc{
		Flags: "A literal assigned to a name whose last meaningful word is secret-like (`password`, `passwd`, `pwd`, " +
			"`pass`, `passphrase`, `secret`, `token`, `credential`, or `key` qualified by `api`, `access`, `secret`, " +
			"`private`, `auth`, `client`, `signing`, `encryption`, …) in any text format: Python, JavaScript and Go " +
			"assignments and keyword arguments, YAML `key: value`, JSON `\"key\": \"value\"`, .env, INI and TOML " +
			"`KEY=value`, shell `export KEY=value`, and passwords in URLs (`scheme://user:password@host`). " +
			"Names like `token_count`, `password_field_name` or `secret_santa_enabled` are not secret-like.\n\n" +
			"The value must look random. Every value needs a digit and must not read like an identifier (few " +
			"switches between lower case, upper case and digits). Then, by charset, with Shannon entropy in " +
			"bits per character: hexadecimal values (UUIDs included) need 16 or more characters and 3.0; " +
			"base64 and alphanumeric values (`A-Z a-z 0-9 + / = _ - . ~`) need 16 or more characters and 3.5, " +
			"or 0.85 × log2(length) at 17 characters or fewer; values with other punctuation, and shorter " +
			"values with base64 punctuation, are judged as passwords: 8 or more characters, three of lower case, " +
			"upper case, digits and symbols, and 3.0, or 0.9 × log2(length) at 10 characters or fewer. " +
			"Confidence is HIGH for 20 or more characters at least 0.5 above the threshold, LOW under 12 " +
			"characters or for URLs to a local host, MEDIUM otherwise.\n\n" +
			"Not reported: placeholders and documentation values (`changeme`, `xxx…`, `***`, `${VAR}`, `$VAR`, " +
			"`%(var)s`, `{{ var }}`, `<your-key>`, `your_api_key_here`, and values containing example, sample, " +
			"dummy, fake, test, placeholder or redacted), environment lookups and function calls, empty strings, " +
			"other identifiers, numbers, file paths, URLs without credentials, hashes (`sha256:…`, " +
			"`integrity` fields, bcrypt), base64 that decodes to a placeholder, example values from RFC 6749 " +
			"and RFC 5849, Stripe publishable keys and low-entropy words.",
		Why: "Hard-coded passwords and API keys end up in every clone, fork, backup and CI log of the repository " +
			"and stay in history after the line is deleted; rotating them later is much harder than never " +
			"committing them.",
		Example: "# flagged (value elided here): a random 24-character literal\n" +
			"DATABASE = {\"USER\": \"app\", \"PASSWORD\": \"q9…\"}\n" +
			"engine = create_engine(\"postgresql://app:q9…@db.internal/app\")",
		Fix: "DATABASE = {\"USER\": \"app\", \"PASSWORD\": os.environ[\"DB_PASSWORD\"]}",
		References: []string{
			refOWASP,
			"CWE-259: Use of Hard-coded Password — https://cwe.mitre.org/data/definitions/259.html",
			refCWE798, refA07,
		},
	},
})
