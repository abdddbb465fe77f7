package secrets

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"hash"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// definition is one detector: the rule it reports, how specific it is, how
// it finds candidates, and examples that must (truePositives) and must not
// (falsePositives) be found by a detector loaded with this rule alone, as in
// gitleaks' rule generator. Every true positive holds exactly one secret.
// The example secrets are made up for this project (they carry "PPatrol" or
// "PPATROL"); none is a real credential.
type definition struct {
	rule *rules.Rule
	// priority orders overlapping hits: the lowest number wins, so a GitHub
	// token assigned to `token = …` is reported as PP103, not PP110.
	priority       int
	find           func(s *scan, d *definition, emit func(hit))
	truePositives  []string
	falsePositives []string
}

// Priorities, most specific first.
const (
	prioKeyBlock = 1 // PP108
	prioVendor   = 2 // PP101, PP103–PP107: fixed prefixes
	prioJWT      = 3 // PP109
	prioAWSPair  = 4 // PP102: 40 characters in AWS context
	prioGeneric  = 5 // PP110
)

// Compiled patterns are immutable and safe for concurrent use.
var (
	awsKeyIDRE     = lazyRE(`^(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}`)
	awsKeyIDAnyRE  = lazyRE(`(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}`)
	githubRE       = lazyRE(`^gh[pousr]_[A-Za-z0-9]{36,251}`)
	githubPATRE    = lazyRE(`^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59,}`)
	gitlabRE       = lazyRE(`^gl(?:pat|oas|dt|rtr|rt|cbt|ptt|ft|imt|agent|wt|soat|ffct)-[0-9A-Za-z_-]{20,}(?:\.[0-9A-Za-z_-]{2,}){0,3}`)
	gitlabRunnerRE = lazyRE(`^GR1348941[0-9A-Za-z_-]{20,}`)
	slackRE        = lazyRE(`^xox[abprs]-[0-9A-Za-z]{1,64}(?:-[0-9A-Za-z]{1,64}){2,6}`)
	slackHookRE    = lazyRE(`^hooks\.slack\.com/(?:services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/[A-Za-z0-9]{20,32}|(?:workflows|triggers)/T[A-Z0-9]{6,12}/[A-Z0-9]{6,14}/[0-9]{6,24}/[A-Za-z0-9]{20,40})`)
	stripeRE       = lazyRE(`^[rs]k_(?:live|test)_[0-9A-Za-z]{20,247}`)
	googleRE       = lazyRE(`^AIza[0-9A-Za-z_-]{35}`)
	jwtRE          = lazyRE(`^eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{16,}(?:\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})?`)
)

func isTokenCh(c byte) bool { return isAlnum(c) || c == '_' || c == '-' }

// definitions returns the detectors, one per PP1xx rule, in id order.
func definitions() []*definition {
	return []*definition{
		{
			rule: rules.AWSAccessKeyID, priority: prioVendor, find: findAWSKeyID,
			truePositives: []string{
				`aws_access_key_id = "AKIAPPATROL37HPOLVIS"`,
				`AWS_ACCESS_KEY_ID=ASIAPPATROLLC2JQNTQ7`,
				`{"AccessKeyId": "ABIAPPATROLHSIT74G55"}`,
				`key: ACCAPPATROLNVU44PP6Y`,
				`https://bucket.s3.amazonaws.com/x?AWSAccessKeyId=AKIAPPATROLB47CTNLGO&Expires=1`,
			},
			falsePositives: []string{
				`aws_access_key_id = "AKIAIOSFODNN7EXAMPLE"`, // AWS's documented example
				`aws_access_key_id = "AKIAXXXXXXXXXXXXXXXX"`,
				`id = "AKIAPPATROL37HPOLVISQ"`,               // 21 characters: not a key id
				`id = "XAKIAPPATROL37HPOLVIS"`,               // inside a longer word
				`aws_access_key_id = "AKIAppatrol37hpolvis"`, // lower case is not base32 upper
				`aws_access_key_id = os.environ["AWS_ACCESS_KEY_ID"]`,
			},
		},
		{
			rule: rules.AWSSecretAccessKey, priority: prioAWSPair, find: findAWSSecret,
			truePositives: []string{
				`aws_secret_access_key = PPatrolX9/WfRRb7yjiSdA9XBGEgBWwv8G69DGVy`,
				`AWS_SECRET_ACCESS_KEY="PPatrol4jBbxj/W+4cKqHNbXeQm1juCRsx0Y8oyd"`,
				"AKIAPPATROL37HPOLVIS,PPatrolIrxaRF4B9tzLtvmPXymKPD7euvZF6qCTm",
				"\"AccessKeyId\": \"ASIAPPATROLLC2JQNTQ7\",\n\"SecretAccessKey\": \"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\",",
				"provider \"aws\" {\n  region     = \"eu-west-1\"\n  secret_key = \"PPatrolX9/WfRRb7yjiSdA9XBGEgBWwv8G69DGVy\"\n}",
			},
			falsePositives: []string{
				`aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`, // AWS's documented example
				`aws_commit = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"`,          // hex: a git object id
				`signature = "PPatrolX9/WfRRb7yjiSdA9XBGEgBWwv8G69DGVy"`,           // no AWS context
				`aws_secret_access_key = "PPatrolX9/WfRRb7yjiSdA9XBGEgBWwv8G69DGVyQ"`,
				`aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}`,
				`laws_secret_key = "PPatrolX9/WfRRb7yjiSdA9XBGEgBWwv8G69DGVy"`, // "laws" is not "aws"
			},
		},
		{
			rule: rules.GitHubToken, priority: prioVendor, find: findGitHub,
			truePositives: []string{
				`GITHUB_TOKEN=ghp_PPatrolU8k0lKEOiJSTZJ6mcNM0mM3SxwDMg`,
				`token: gho_PPatrolfBHgqK2kbBBsjurjsUtyOpHBCu5IL`,
				`headers = {"Authorization": "token ghu_PPatroli0GAtbfFEGXspwkvLwDgXHeueFnkx"}`,
				`git clone https://x-access-token:ghs_PPatrolbz5hNJwToQl8O6APHwG7LDEZfJH00@github.com/o/r.git`,
				`refresh = "ghr_PPatroliUprq7w7uSze0frUHsnBccFAwfOen"`,
				`gh auth login --with-token <<< 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`,
			},
			falsePositives: []string{
				`token = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"`,
				`token = "ghp_PPatrolU8k0lKEOiJSTZJ6mcNM0mM3Sx"`, // too short
				`token = "ghx_PPatrolU8k0lKEOiJSTZJ6mcNM0mM3SxwDMg"`,
				`token = "ghp_YOUR_TOKEN_HERE"`,
				`url = "https://github.com/settings/tokens"`,
				`prefix = "github_pat_"`,
			},
		},
		{
			rule: rules.GitLabToken, priority: prioVendor, find: findGitLab,
			truePositives: []string{
				`GITLAB_TOKEN=glpat-PPatrol8auBNmdHTJ2vU`,
				`private_token="glpat-PPatrolb335elQsqfYM8"`,
				`deploy_token: gldt-PPatrol9I1z7dDoiwRS9`,
				`--token glrt-PPatrolozF15k_RKame6`,
				`CI_JOB_TOKEN = "glcbt-PPatrolCtaOX9om5Ap4p"`,
				`curl -X POST -F token=glptt-PPatrolVi7ESdTSeJZxH -F ref=main`,
				`https://gitlab.com/dashboard/issues.atom?feed_token=glft-PPatrolpHHGkIZwldyo-`,
				`secret: gloas-PPatrolDkv3JY9ovyI6t`,
				`registration_token = "GR1348941PPatrolzTrX4mgJt5SZz"`,
			},
			falsePositives: []string{
				`token = "glpat-xxxxxxxxxxxxxxxxxxxx"`,
				`token = "glpat-PPatrol8auBN"`, // too short
				`glob = "globalpat-PPatrol8auBNmdHTJ2vU"`,
				`prefix = "glpat-"`,
				`token = "glpat-<your-token>"`,
			},
		},
		{
			rule: rules.SlackToken, priority: prioVendor, find: findSlack,
			truePositives: []string{
				`SLACK_BOT_TOKEN=xoxb-62429411789-2983839490953-PPatrol4oIZoRGTdosCOMRNh`,
				`slack_token = "xoxp-74099745391-0561129874760-9530606611399-ppa77166a1c52207f87036b91fde72c2"`,
				`token: xoxa-2-19013592849-5223703203574-PPatrolUIQBW7fZOYBTtL8LLBR1X7GMo`,
				`refresh = "xoxr-76816247822-1443640443693-PPatrolUFu5IWNiY4BN9dwnA"`,
				`SLACK_WEBHOOK_URL=https://hooks.slack.com/services/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`,
			},
			falsePositives: []string{
				`SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`,
				`token = "xoxb-your-token"`,
				`token = "xoxb-000000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx"`,
				`url = "https://hooks.slack.com/services/"`,
				`prefix = "xoxb-"`,
			},
		},
		{
			rule: rules.StripeSecretKey, priority: prioVendor, find: findStripe,
			truePositives: []string{
				`stripe.api_key = "sk_live_PPatrolZC9LQAnpMjQWBVNVj"`,
				`STRIPE_RESTRICTED_KEY=rk_live_PPatrol6adkT5NdiyJyFfI8d`,
				`stripe_key: sk_test_PPatrol67R64dho0PxJ1D5OJ`,
				`key = 'rk_test_PPatrolHIrRUfNroOsnAUKrp'`,
			},
			falsePositives: []string{
				`STRIPE_PUBLISHABLE_KEY=pk_live_PPatrolO6XyRWi6umL4aLfBD`,
				`stripe_api_key = "pk_test_PPatrolf2fwSeT8T0KUpoE2T"`,
				`stripe.api_key = "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"`,
				`stripe.api_key = "sk_live_1234567890abcdefghijklmn"`,
				`stripe.api_key = "sk_live_..."`,
				`mask = "ask_live_PPatrolZC9LQAnpMjQWBVNVj"`,
			},
		},
		{
			rule: rules.GoogleAPIKey, priority: prioVendor, find: findGoogle,
			truePositives: []string{
				`GOOGLE_API_KEY=AIzaPPatrol_6N0q9khGpw48gKS4s7fZFAggQv-`,
				`genai.configure(api_key="AIzaPPatroloO7CXowplDGbyr4bAdanF4-aCtMq")`,
				`<script src="https://maps.googleapis.com/maps/api/js?key=AIzaPPatrolddP9jmFkQ6k7ANUR8LFROhh3GkfY"></script>`,
			},
			falsePositives: []string{
				`api_key = "AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"`,
				`api_key = "AIzaPPatrol_6N0q9khGpw48gKS4s7fZFAgg"`, // too short
				`api_key = "AIzaPPatrol_6N0q9khGpw48gKS4s7fZFAggQv-extra"`,
				`api_key = "AIza-your-key-here"`,
			},
		},
		{
			rule: rules.PrivateKeyBlock, priority: prioKeyBlock, find: findPrivateKey,
			truePositives: []string{
				"-----BEGIN RSA PRIVATE KEY-----\nMIIEpQIBAAKCAQEAPPatrollMkU6ag5t/Zj3aoeWqeHGwlifXjw9APP8Dy+3XzZm\nBNQR2yTBGTCuSsH5LM/Em9iJLwbL132Zn4T8+WvXX2HdNK44cjXQVIoSTsp5svg/\n-----END RSA PRIVATE KEY-----\n",
				`"private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqPPatrolbFYV6RZc123ybgnl8LzRRIC7wQqVThu1r2WZxfm2r\nBvqZptcSyEXcg+8+8oeNu9Jchmw9pUNlWbDrio9ToGG1/ONo64osfMnadO70l5EE\n-----END PRIVATE KEY-----\n",`,
				"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQPPatrolM43Onetvxr/BkuSzwPMg2e\nXVVwnDeV3yQjVPhfafwTfg+uWMvnH+iG9te7WmA9i7w8QJUr4Z/4w3WNq8PDJ5w+OcmKYDF2\n-----END OPENSSH PRIVATE KEY-----",
				"-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIPPatrolm2eEsgJ6uk1k1bxJSpPTXsPPc3+jH1kLKnPnEbpAh+2L56XmK6RCKsKC\nprs2oSY/C0tLOkQdMhfx6zErjulaLO3RHCdxFmZPCvFcwEqhGuYyGTo7LjmL4bHyVZJ20fdb\n-----END EC PRIVATE KEY-----",
				"-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGPPatrolLRTlGrwQ2d8m3Dze9n2cldhT+7JZjyUDevwBJSMglyU59Fo95X07mVvp/DKO\nHQ9UODdfdFd2lA2D+FNQEoQ+/xZ90txdegvcU+G7lJ2m7erV7xnuILoVGbuLI4C0GRwa\n-----END PGP PRIVATE KEY BLOCK-----",
			},
			falsePositives: []string{
				"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAPPatrollMkU6ag5t/Zj3aoeWqeHGwlifXjw9\n-----END PUBLIC KEY-----",
				"-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEPPatrollMkU6ag5t/Zj3aoeWqeHGwlifXjw9APP8Dy+3XzZmBNQR2yTBG\n-----END CERTIFICATE-----",
				"-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
				"-----BEGIN RSA PRIVATE KEY-----\nMIIEpQIBAAKCAQEA…\n-----END RSA PRIVATE KEY-----",
				`if pem.startswith("-----BEGIN RSA PRIVATE KEY-----"):`,
				"-----BEGIN PRIVATE KEY-----\n<your private key here>\n-----END PRIVATE KEY-----",
			},
		},
		{
			rule: rules.JSONWebToken, priority: prioJWT, find: findJWT,
			truePositives: []string{
				`Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJwYXRjaHBhdHJvbC1maXh0dXJlcyIsInN1YiI6InN2Yy1rMWxpa2MiLCJpYXQiOjE3MTc3NTAwMDAsImV4cCI6MTg5MzQ1NjAwMH0.PPatrolGqRJeCE4kBIBkxCJpFHSAV6bBUr8pGT0ohm3`,
				`SERVICE_JWT=eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJwYXRjaHBhdHJvbC1maXh0dXJlcyIsInN1YiI6InN2Yy14MHp2NGIiLCJpYXQiOjE3MTc3NTAwMDAsImV4cCI6MTg5MzQ1NjAwMH0.PPatrolh6L_9npcVY1Edik6zrVrtbgbr0iQvT3586TEH9A8sZRibIETcTFrO3xs_GHgt_O_X9nb4fBb4qEDoHn`,
				`{"id_token": "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJwYXRjaHBhdHJvbC1maXh0dXJlcyIsInN1YiI6InN2Yy0xdWVpdmEiLCJpYXQiOjE3MTc3NTAwMDAsImV4cCI6MTg5MzQ1NjAwMH0.PPatrolVB-yA4KbjT_slRxRMuaMeIraAv4r4QHtw-Zq0QhfeEQQ8vrnpgVbQwtgknWew84Q9ZlJCa3V5t8NgJ1"}`,
			},
			falsePositives: []string{
				// the jwt.io documentation example (subject 1234567890)
				`token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.PPatrolGqRJeCE4kBIBkxCJpFHSAV6bBUr8pGT0ohm3"`,
				// a header without "alg"
				`token = "eyJ0eXAiOiJKV1QifQ.eyJpc3MiOiJwYXRjaHBhdHJvbC1maXh0dXJlcyIsInN1YiI6InN2Yy1rMWxpa2MiLCJpYXQiOjE3MTc3NTAwMDAsImV4cCI6MTg5MzQ1NjAwMH0.PPatrolGqRJeCE4kBIBkxCJpFHSAV6bBUr8pGT0ohm3"`,
				// unsigned
				`token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJwYXRjaHBhdHJvbC1maXh0dXJlcyIsInN1YiI6InN2Yy1rMWxpa2MiLCJpYXQiOjE3MTc3NTAwMDAsImV4cCI6MTg5MzQ1NjAwMH0."`,
				`token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ.signature-goes-here"`,
				`data = "eyJmb28iOiJiYXIifQ"`, // a base64 JSON blob, not a token
			},
		},
		{
			rule: rules.GenericSecretAssignment, priority: prioGeneric, find: findGeneric,
			truePositives: []string{
				`DB_PASSWORD = "4WWlGG3vWxz9VFOLQuVXiZFf"`,
				`client = Client(api_key="hPB14Q7ZWQ7N4koNImpQNkYT")`,
				`  password: tpuXJGlyAhJV5Ce35Qr8a4y6`,
				`{"client_secret": "ZR0Vzgjb5B4b11fWn0l0SHFD"}`,
				`export AUTH_TOKEN=l7RVYrNV1DeUGm3oE5hblxhY`,
				`SECRET_KEY=8a67639f74080f56c5aa328f676226e2`,
				`db.password=Kq4#vT9zLm2`,
				`DATABASE_URL=postgres://app:ShKJgeJQffYhG7qxBWr3rbPa@db.internal:5432/app`,
				`password := "Pp7!2jvwwyNfv^"`,
				`private_key: str = "36a23e238e3b1c77fc4c011f1bd38f1f"`,
				`var apiKey string = "l7RVYrNV1DeUGm3oE5hblxhY"`,
				`os.environ.setdefault("API_TOKEN", "hPB14Q7ZWQ7N4koNImpQNkYT")`,
				`config["password"] = "4WWlGG3vWxz9VFOLQuVXiZFf"`,
				`'password' => 'tpuXJGlyAhJV5Ce35Qr8a4y6',`,
				`accessKey: "d892aa68-bfcc-8c92-8344-b16103485a1c"`,
			},
			falsePositives: []string{
				`password = "changeme"`,
				`password = "xxxxxxxxxxxxxxxx"`,
				`password = "********"`,
				`password = "${DB_PASSWORD}"`,
				`password: $DB_PASSWORD`,
				`password = "%(db_password)s"`,
				`password: "{{ vault_db_password }}"`,
				`api_key = "<your-api-key>"`,
				`api_key = "your_api_key_here"`,
				`api_key = "example-4WWlGG3vWxz9VFOL"`,
				`password = os.environ["DB_PASSWORD"]`,
				`password = os.getenv("DB_PASSWORD")`,
				`password = get_secret("db-password")`,
				`password = ""`,
				`password = settings.DATABASE_PASSWORD`,
				`token = "GITHUB_TOKEN"`,
				`private_key = "/etc/ssl/private/server.key"`,
				`token_url = "https://auth.example.com/oauth/token"`,
				`request_id = "d892aa68-bfcc-8c92-8344-b16103485a1c"`,
				`token_count = 4096`,
				`password_field_name = "hPB14Q7ZWQ7N4koNImpQNkYT"`,
				`secret_santa_enabled = true`,
				`secret_santa = "tpuXJGlyAhJV5Ce35Qr8a4y6"`,
				`token_hash = "sha256:8a67639f74080f56c5aa328f676226e28a67639f74080f56c5aa328f676226e2"`,
				`"integrity": "sha512-ZR0Vzgjb5B4b11fWn0l0SHFDl7RVYrNV1DeUGm3oE5hblxhY=="`,
				`password = "correct horse battery staple"`,
				`password = "Winter2024"`,
				`public_key = "hPB14Q7ZWQ7N4koNImpQNkYT"`,
				`stripe_api_key = "pk_live_PPatrolO6XyRWi6umL4aLfBD"`,
				`if password == "4WWlGG3vWxz9VFOLQuVXiZFf":`,
				`DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal:5432/app`,
				`DATABASE_URL=postgres://db.internal:5432/app`,
				`password = "hunter2"`,
				`csrf_token = "hPB14Q7ZWQ7N4koNImpQNkYT"`,
			},
		},
	}
}

// --- PP101 -----------------------------------------------------------------

var awsKeyKinds = map[string]string{
	"AKIA": "AWS access key id",
	"ASIA": "AWS temporary (STS) access key id",
	"ABIA": "AWS STS service bearer token id",
	"ACCA": "AWS context-specific access key id",
}

func awsKeyIDOK(tok string) bool {
	return !strings.Contains(tok, "EXAMPLE") && plausibleBody(tok[4:])
}

func findAWSKeyID(s *scan, d *definition, emit func(hit)) {
	p := prefixed{re: awsKeyIDRE, maxLen: 20, tokenCh: isAlnum,
		accept: func(tok string) (string, finding.Severity, bool) {
			return awsKeyKinds[tok[:4]], 0, awsKeyIDOK(tok)
		}}
	eachAWSPrefix(s.text, func(i int) { p.at(s, d, i, emit) })
}

// --- PP102 -----------------------------------------------------------------

// findAWSSecret looks for 40-character keys within three lines of an "aws"
// word or an access key id, and reports one when its own line names a
// secret ("secret", or "aws" and "key") or holds an access key id.
func findAWSSecret(s *scan, d *definition, emit func(hit)) {
	lower := s.folded()
	var wins [][2]int
	// An anchor close after the previous one on the same line adds nothing
	// to the window; skipping it keeps a long line of anchors linear.
	prev := -1
	add := func(i int) {
		if prev >= 0 && i > prev && i-prev < 256 && bytes.IndexByte(s.text[prev:i], '\n') < 0 {
			return
		}
		prev = i
		a, b := s.linesAround(i, 3)
		wins = append(wins, [2]int{a, b})
	}
	each(lower, "aws", func(i int) {
		if i == 0 || !isAlpha(lower[i-1]) {
			add(i)
		}
	})
	prev = -1
	eachAWSPrefix(s.text, add)
	for _, w := range mergeSpans(wins) {
		for _, m := range awsSecretRuns(s.text[w[0]:w[1]]) {
			start, end := w[0]+m[0], w[0]+m[1]
			// "=" may follow a key (padding) but may also precede it (key=value).
			if (start > 0 && isAWSSecretCh(s.text[start-1]) && s.text[start-1] != '=') ||
				(end < len(s.text) && isAWSSecretCh(s.text[end])) {
				continue
			}
			v := string(s.text[start:end])
			if !awsSecretOK(v) {
				continue
			}
			ls, le := s.lineBounds(start)
			own := lower[ls:le]
			if !(bytes.Contains(own, []byte("secret")) || awsKeyIDAnyRE().Match(s.text[ls:le]) ||
				(bytes.Contains(own, []byte("aws")) && bytes.Contains(own, []byte("key")))) {
				continue
			}
			emit(hit{def: d, start: start, end: end, what: "AWS secret access key"})
		}
	}
}

// awsSecretRuns returns what the expression [A-Za-z0-9/+]{40} finds in b
// (the leftmost, non-overlapping 40-character stretches of those
// characters) without the regular-expression engine, which was most of
// the detector's time.
func awsSecretRuns(b []byte) [][2]int {
	var out [][2]int
	for i := 0; i < len(b); {
		if !isAWSBody(b[i]) {
			i++
			continue
		}
		j := i
		for j < len(b) && isAWSBody(b[j]) {
			j++
		}
		for k := i; k+40 <= j; k += 40 {
			out = append(out, [2]int{k, k + 40})
		}
		i = j
	}
	return out
}

func isAWSBody(c byte) bool { return isAlnum(c) || c == '/' || c == '+' }

func isAWSSecretCh(c byte) bool { return isAlnum(c) || c == '/' || c == '+' || c == '=' }

func awsSecretOK(v string) bool {
	lower, upper, digit, _ := classes(v)
	if !(lower && upper && digit) {
		return false
	}
	if strings.Contains(v, "EXAMPLE") || !plausibleBody(v) || wordLike(v) {
		return false
	}
	return shannon(v) >= 4.2
}

// mergeSpans sorts spans and merges those that overlap or touch.
func mergeSpans(spans [][2]int) [][2]int {
	if len(spans) < 2 {
		return spans
	}
	sortSpans(spans)
	out := spans[:1]
	for _, sp := range spans[1:] {
		last := &out[len(out)-1]
		if sp[0] <= last[1] {
			if sp[1] > last[1] {
				last[1] = sp[1]
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

// --- PP103 -----------------------------------------------------------------

var githubKinds = map[string]string{
	"ghp_": "GitHub personal access token",
	"gho_": "GitHub OAuth access token",
	"ghu_": "GitHub App user-to-server token",
	"ghs_": "GitHub App installation token",
	"ghr_": "GitHub refresh token",
}

func findGitHub(s *scan, d *definition, emit func(hit)) {
	classic := prefixed{anchor: "gh", re: githubRE, maxLen: 260, tokenCh: isAlnum,
		accept: func(tok string) (string, finding.Severity, bool) {
			return githubKinds[tok[:4]], 0, plausibleBody(tok[4:])
		}}
	classic.find(s, d, emit)
	fine := prefixed{anchor: "github_pat_", re: githubPATRE, maxLen: 300, tokenCh: func(c byte) bool { return isAlnum(c) || c == '_' },
		accept: func(tok string) (string, finding.Severity, bool) {
			return "GitHub fine-grained personal access token", 0, plausibleBody(tok[len("github_pat_"):])
		}}
	fine.find(s, d, emit)
}

// --- PP104 -----------------------------------------------------------------

var gitlabKinds = map[string]string{
	"glpat":   "GitLab personal, project or group access token",
	"gloas":   "GitLab OAuth application secret",
	"gldt":    "GitLab deploy token",
	"glrt":    "GitLab runner authentication token",
	"glrtr":   "GitLab runner authentication token",
	"glcbt":   "GitLab CI/CD job token",
	"glptt":   "GitLab pipeline trigger token",
	"glft":    "GitLab feed token",
	"glimt":   "GitLab incoming mail token",
	"glagent": "GitLab agent for Kubernetes token",
	"glwt":    "GitLab workspace token",
	"glsoat":  "GitLab SCIM token",
	"glffct":  "GitLab feature flags client token",
}

func findGitLab(s *scan, d *definition, emit func(hit)) {
	p := prefixed{anchor: "gl", re: gitlabRE, maxLen: 300, tokenCh: isTokenCh,
		accept: func(tok string) (string, finding.Severity, bool) {
			dash := strings.IndexByte(tok, '-')
			return gitlabKinds[tok[:dash]], 0, plausibleBody(tok[dash+1:])
		}}
	p.find(s, d, emit)
	r := prefixed{anchor: "GR1348941", re: gitlabRunnerRE, maxLen: 300, tokenCh: isTokenCh,
		accept: func(tok string) (string, finding.Severity, bool) {
			return "GitLab runner registration token", 0, plausibleBody(tok[len("GR1348941"):])
		}}
	r.find(s, d, emit)
}

// --- PP105 -----------------------------------------------------------------

var slackKinds = map[byte]string{
	'b': "Slack bot token",
	'p': "Slack user token",
	'a': "Slack workspace app token",
	'r': "Slack refresh token",
	's': "Slack session token",
}

func findSlack(s *scan, d *definition, emit func(hit)) {
	p := prefixed{anchor: "xox", re: slackRE, maxLen: 420, tokenCh: isTokenCh,
		accept: func(tok string) (string, finding.Severity, bool) {
			last := tok[strings.LastIndexByte(tok, '-')+1:]
			return slackKinds[tok[3]], 0, len(tok) >= 30 && len(last) >= 8 && plausibleBody(last)
		}}
	p.find(s, d, emit)
	each(s.text, "hooks.slack.com/", func(i int) {
		if i > 0 && (isAlnum(s.text[i-1]) || s.text[i-1] == '.' || s.text[i-1] == '-') {
			return
		}
		end := i + 200
		if end > len(s.text) {
			end = len(s.text)
		}
		m := slackHookRE().FindIndex(s.text[i:end])
		if m == nil {
			return
		}
		stop := i + m[1]
		if stop < len(s.text) && isAlnum(s.text[stop]) {
			return
		}
		url := string(s.text[i:stop])
		if !plausibleBody(url[strings.LastIndexByte(url, '/')+1:]) {
			return
		}
		start := i
		for _, scheme := range [...]string{"https://", "http://"} {
			if start >= len(scheme) && string(s.text[start-len(scheme):start]) == scheme {
				start -= len(scheme)
				break
			}
		}
		emit(hit{def: d, start: start, end: stop, what: "Slack incoming-webhook URL"})
	})
}

// --- PP106 -----------------------------------------------------------------

func findStripe(s *scan, d *definition, emit func(hit)) {
	for _, anchor := range [...]string{"k_live_", "k_test_"} {
		p := prefixed{anchor: anchor, back: 1, re: stripeRE, maxLen: 260, tokenCh: isAlnum,
			accept: func(tok string) (string, finding.Severity, bool) {
				kind := "secret key"
				if tok[0] == 'r' {
					kind = "restricted key"
				}
				if tok[3] == 't' {
					return "Stripe test-mode " + kind, finding.Low, plausibleBody(tok[8:])
				}
				return "Stripe live " + kind, 0, plausibleBody(tok[8:])
			}}
		p.find(s, d, emit)
	}
}

// --- PP107 -----------------------------------------------------------------

func findGoogle(s *scan, d *definition, emit func(hit)) {
	p := prefixed{anchor: "AIza", re: googleRE, maxLen: 39, tokenCh: isTokenCh,
		accept: func(tok string) (string, finding.Severity, bool) {
			return "Google API key", 0, plausibleBody(tok[4:])
		}}
	p.find(s, d, emit)
}

// --- PP108 -----------------------------------------------------------------

const (
	beginMarker   = "-----BEGIN "
	minKeyBody    = 64        // base64 characters of key material
	maxKeyBlock   = 64 * 1024 // bytes searched for the END marker
	keyBodyBitsLo = 4.0
)

// findPrivateKey reports "-----BEGIN <label>-----" blocks whose label ends
// in PRIVATE KEY (or PRIVATE KEY BLOCK) and whose body holds key material.
func findPrivateKey(s *scan, d *definition, emit func(hit)) {
	each(s.text, beginMarker, func(i int) {
		rest := s.text[i+len(beginMarker):]
		j := bytes.Index(rest[:min(len(rest), 80)], []byte("-----"))
		if j < 0 {
			return
		}
		label := string(rest[:j])
		if !privateKeyLabel(label) {
			return
		}
		bodyStart := i + len(beginMarker) + j + len("-----")
		limit := min(len(s.text), bodyStart+maxKeyBlock)
		// Blocks do not nest: the next BEGIN ends the search, which keeps a
		// text full of markers linear.
		if k := bytes.Index(s.text[bodyStart:limit], []byte(beginMarker)); k >= 0 {
			limit = bodyStart + k
		}
		// Key material starts on the next line (or after a \n escape inside
		// a string literal); whatever trails the marker is not part of it.
		nl := bytes.IndexByte(s.text[bodyStart:limit], '\n')
		if esc := bytes.Index(s.text[bodyStart:limit], []byte(`\n`)); esc >= 0 && (nl < 0 || esc < nl) {
			nl = esc + 1
		}
		if nl >= 0 {
			bodyStart += nl + 1
		}
		endMarker := []byte("-----END " + label + "-----")
		var bodyEnd, blockEnd int
		if k := bytes.Index(s.text[bodyStart:limit], endMarker); k >= 0 {
			bodyEnd = bodyStart + k
			blockEnd = bodyEnd + len(endMarker)
		} else {
			// No END marker (truncated or split): the body runs over the
			// base64-looking text that follows.
			bodyEnd = bodyStart
			for bodyEnd < limit && (isBase64Char(s.text[bodyEnd]) || s.text[bodyEnd] == '\n' ||
				s.text[bodyEnd] == '\r' || s.text[bodyEnd] == '\\' || s.text[bodyEnd] == ' ') {
				bodyEnd++
			}
			blockEnd = bodyEnd
		}
		if !keyBodyOK(s.text[bodyStart:bodyEnd]) {
			return
		}
		kind := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(label, " BLOCK"), "PRIVATE KEY"))
		what := "private key block"
		if kind != "" {
			what = kind + " private key block"
		}
		emit(hit{def: d, start: i, end: blockEnd, what: what})
	})
}

func privateKeyLabel(label string) bool {
	l := strings.TrimSuffix(label, " BLOCK")
	if !strings.HasSuffix(l, "PRIVATE KEY") {
		return false
	}
	for k := 0; k < len(label); k++ {
		c := label[k]
		if !(isUpper(c) || isDigit(c) || c == ' ') {
			return false
		}
	}
	return true
}

// keyBodyOK accepts a body with at least minKeyBody base64 characters of
// high entropy and no elision (documentation writes "..." or "…").
func keyBodyOK(body []byte) bool {
	if bytes.Contains(body, []byte("...")) || bytes.Contains(body, []byte("\u2026")) ||
		bytes.ContainsAny(body, "<>{}$") {
		return false
	}
	var b strings.Builder
	for k := 0; k < len(body); k++ {
		c := body[k]
		if c == '\\' && k+1 < len(body) && (body[k+1] == 'n' || body[k+1] == 'r') {
			k++ // a \n escape inside a string literal
			continue
		}
		if isAlnum(c) || c == '+' || c == '/' || c == '=' {
			b.WriteByte(c)
		}
	}
	v := b.String()
	return len(v) >= minKeyBody && shannon(v) >= keyBodyBitsLo && !repetitive(v)
}

// --- PP109 -----------------------------------------------------------------

func findJWT(s *scan, d *definition, emit func(hit)) {
	p := prefixed{anchor: "eyJ", re: jwtRE, maxLen: 16 * 1024, tokenCh: isTokenCh,
		accept: func(tok string) (string, finding.Severity, bool) {
			alg, ok := jwtOK(tok)
			what := "JSON Web Token"
			if alg != "" {
				what += " (alg " + alg + ")"
			}
			return what, 0, ok
		}}
	p.find(s, d, emit)
}

// jwtOK decodes the header and payload: the header must be a JSON object with
// "alg"; a JWS payload must be a JSON object too. It returns the algorithm
// when it is short and plain enough to print.
func jwtOK(tok string) (string, bool) {
	parts := strings.Split(tok, ".")
	if len(parts) < 3 {
		return "", false
	}
	var header map[string]any
	if !decodeJSONPart(parts[0], &header) {
		return "", false
	}
	alg, ok := header["alg"].(string)
	if !ok {
		return "", false
	}
	if _, jwe := header["enc"]; !jwe {
		var payload map[string]any
		if !decodeJSONPart(parts[1], &payload) {
			return "", false
		}
		if sub, _ := payload["sub"].(string); sub == "1234567890" {
			return "", false // the jwt.io documentation example
		}
		if !plausibleBody(parts[2]) || signedWithDocKey(alg, parts) {
			return "", false
		}
	}
	if len(alg) > 12 || strings.IndexFunc(alg, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '+')
	}) >= 0 {
		alg = ""
	}
	return alg, true
}

func decodeJSONPart(part string, v any) bool {
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(part, "="))
	if err != nil {
		return false
	}
	return json.Unmarshal(raw, v) == nil
}

// docJWTKeys are the HMAC keys of documentation examples (jwt.io's default
// and the libraries' READMEs). A token they verify is an example.
var docJWTKeys = [...]string{"secret", "your-256-bit-secret", "your-384-bit-secret",
	"your-512-bit-secret", "my-secret", "changeme", "key", "test"}

func signedWithDocKey(alg string, parts []string) bool {
	var h func() hash.Hash
	switch alg {
	case "HS256":
		h = sha256.New
	case "HS384":
		h = sha512.New384
	case "HS512":
		h = sha512.New
	default:
		return false
	}
	sig, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[2], "="))
	if err != nil {
		return false
	}
	signed := parts[0] + "." + parts[1]
	for _, k := range docJWTKeys {
		m := hmac.New(h, []byte(k))
		m.Write([]byte(signed))
		if hmac.Equal(m.Sum(nil), sig) {
			return true
		}
	}
	return false
}
