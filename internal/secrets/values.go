package secrets

import (
	"encoding/base64"
	"math"
	"regexp"
	"strings"
	"sync"

	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// shannon returns the Shannon entropy of s in bits per byte.
func shannon(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	h := 0.0
	for _, c := range counts {
		if c == 0 {
			continue
		}
		p := float64(c) / n
		h -= p * math.Log2(p)
	}
	return h
}

// charset is the alphabet a candidate value is drawn from; each has its own
// entropy threshold and minimum length (documented on rules.GenericSecretAssignment).
type charset int

const (
	charsetHex      charset = iota // 0-9 a-f, optionally with UUID dashes
	charsetBase64                  // letters, digits and + / = _ - . ~
	charsetPassword                // any other printable ASCII
)

func (c charset) String() string {
	switch c {
	case charsetHex:
		return "hex"
	case charsetBase64:
		return "base64"
	}
	return "password"
}

// Thresholds of the generic rule, by charset.
const (
	minLenHex      = 16
	minLenBase64   = 16
	minLenPassword = 8
	maxValueLen    = 1024

	entropyHex      = 3.0 // bits per character
	entropyBase64   = 3.5
	entropyPassword = 3.0

	// Short values cannot reach the flat thresholds (a 16-character value has
	// at most 4 bits/char), so below a length the threshold is this share of
	// log2(length).
	shortBase64Share   = 0.85
	shortPasswordShare = 0.9
)

// threshold returns the entropy a value of this charset and length needs.
func (c charset) threshold(n int) float64 {
	l := math.Log2(float64(n))
	switch c {
	case charsetHex:
		return entropyHex
	case charsetBase64:
		return math.Min(entropyBase64, shortBase64Share*l)
	}
	return math.Min(entropyPassword, shortPasswordShare*l)
}

func (c charset) minLen() int {
	switch c {
	case charsetHex:
		return minLenHex
	case charsetBase64:
		return minLenBase64
	}
	return minLenPassword
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlpha(c byte) bool { return isLower(c) || isUpper(c) }
func isAlnum(c byte) bool { return isAlpha(c) || isDigit(c) }
func isHex(c byte) bool   { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') }

func isBase64Char(c byte) bool {
	return isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-' || c == '.' || c == '~'
}

// classify returns the charset of v, and false when v has bytes that no
// secret of the generic rule holds (whitespace, control or non-ASCII bytes).
func classify(v string) (charset, bool) {
	hex, b64 := true, true
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c <= ' ' || c >= 0x7f {
			return 0, false
		}
		if !isHex(c) && c != '-' {
			hex = false
		}
		if !isBase64Char(c) {
			b64 = false
		}
	}
	switch {
	case hex && isUUIDOrHex(v):
		return charsetHex, true
	case b64:
		return charsetBase64, true
	}
	return charsetPassword, true
}

// isUUIDOrHex accepts plain hex and hex grouped by dashes like a UUID.
func isUUIDOrHex(v string) bool {
	if strings.HasPrefix(v, "-") || strings.HasSuffix(v, "-") || strings.Contains(v, "--") {
		return false
	}
	return true
}

// classes counts which of lower case, upper case, digits and symbols occur.
func classes(v string) (lower, upper, digit, symbol bool) {
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case isLower(c):
			lower = true
		case isUpper(c):
			upper = true
		case isDigit(c):
			digit = true
		default:
			symbol = true
		}
	}
	return
}

// wordLike reports whether v reads like an identifier or a phrase rather
// than random characters. Random strings switch between lower case, upper
// case and digits on about 45% of adjacent pairs; words and identifiers
// (GITHUB_TOKEN, db_password_2, accessTokenV2) switch rarely, and a switch
// from upper to lower case (the start of a camel-case word) does not count.
// Separators (_ . - : /) reset the comparison.
func wordLike(v string) bool {
	const (
		none = iota
		lower
		upper
		digit
	)
	kind := func(c byte) int {
		switch {
		case isLower(c):
			return lower
		case isUpper(c):
			return upper
		case isDigit(c):
			return digit
		}
		return none
	}
	switches, letters := 0, 0
	prev := none
	for i := 0; i < len(v); i++ {
		k := kind(v[i])
		if k == none {
			prev = none
			continue
		}
		letters++
		if prev != none && k != prev && !(prev == upper && k == lower) {
			switches++
		}
		prev = k
	}
	if letters == 0 {
		return true
	}
	return float64(switches) < 0.2*float64(letters)
}

// placeholderWords mark documentation values, test fixtures and masks. A
// random value contains one of them by chance with negligible probability.
var placeholderWords = [...]string{
	"example", "sample", "dummy", "fake", "placeholder", "redacted", "changeme", "change_me",
	"change-me", "changeit", "replace", "your", "xxx", "***", "...", "\u2026", "test", "mock",
	"lorem", "insert", "todo", "fixme", "password", "passwd", "secret", "demo", "default",
	"invalid", "notreal", "not_real", "not-real", "qwerty", "letmein", "hunter2", "foobar",
	"<", ">", "{", "}",
}

// isPlaceholder reports whether v is a placeholder, a template reference or
// a documentation value rather than a real secret.
func isPlaceholder(v string) bool {
	if v == "" {
		return true
	}
	l := strings.ToLower(v)
	for _, w := range placeholderWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	switch {
	case strings.Contains(v, "${"), strings.Contains(v, "%("), strings.Contains(v, "#{"),
		strings.Contains(v, "$("):
		return true
	case v[0] == '$' || v[0] == '%' || v[0] == '@' || v[0] == '&' || v[0] == '*' || v[0] == '!':
		// $VAR, %VAR%, @VAR@, YAML anchors (&a, *a) and tags (!vault)
		return true
	case strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]"):
		return true
	}
	return sequential(v) || repetitive(v)
}

// sequential catches abcdef…, 123456… and qrstuv…: half or more of the
// adjacent pairs step by one.
func sequential(v string) bool {
	if len(v) < 6 {
		return false
	}
	steps := 0
	for i := 1; i < len(v); i++ {
		if v[i] == v[i-1]+1 {
			steps++
		}
	}
	return steps*2 >= len(v)-1
}

// repetitive catches values built from a short repeated unit (abab…,
// 0000…, xyzxyz…): four or fewer distinct bytes.
func repetitive(v string) bool {
	var seen [256]bool
	n := 0
	for i := 0; i < len(v); i++ {
		if !seen[v[i]] {
			seen[v[i]] = true
			n++
			if n > 4 {
				return false
			}
		}
	}
	return true
}

// hashPrefixes mark digests and integrity strings (lock files, checksums).
var hashPrefixes = [...]string{"sha1:", "sha1-", "sha256:", "sha256-", "sha384:", "sha384-", "sha512:",
	"sha512-", "md5:", "md5-", "blake2b:", "$2a$", "$2b$", "$2y$", "$argon2", "pbkdf2_", "{ssha}", "{sha}"}

// looksLikePathOrURL reports file paths and URLs (credentials in URLs are
// found separately, on the URL itself).
func looksLikePathOrURL(v string) bool {
	l := strings.ToLower(v)
	if strings.Contains(l, "://") {
		return true
	}
	for _, p := range [...]string{"/", "./", "../", "~/"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	if len(l) > 2 && l[1] == ':' && (l[2] == '\\' || l[2] == '/') && isAlpha(l[0]) {
		return true // C:\ or C:/
	}
	for _, ext := range [...]string{".pem", ".key", ".crt", ".cer", ".p12", ".pfx", ".json", ".yaml",
		".yml", ".txt", ".env", ".ini", ".cfg", ".conf", ".toml", ".jks", ".keystore", ".gpg", ".asc",
		".pub", ".der", ".py", ".sh"} {
		if strings.HasSuffix(l, ext) {
			return true
		}
	}
	return false
}

// docExamples are values published in specifications and vendor
// documentation; they are reported by no rule, like AWS's EXAMPLE keys.
var docExamples = map[string]bool{
	// RFC 6749 (OAuth 2.0) sections 4.2.2 and 5.1
	"2YotnFZFEjr1zCsicMWpAA": true, "tGzv3JOkF0XG5Qx2TlKWIA": true, "SplxlOBeZQQYbYS6WxSbIA": true,
	// RFC 5849 (OAuth 1.0) section 1.2 and 3.1
	"dpf43f3p2l4k3l03": true, "kd94hf93k423kf44": true, "hh5s93j4hdidpola": true,
	"hdk48Djdsa": true, "nnch734d00sl2jdk": true, "pfkkdhi9sl3r4s00": true,
	"0685bd9184jfhq22": true, "ad180jjd733klru7": true, "kllo9940pd9333jh": true,
}

// numericRE matches number literals (-0x3f87867f, 1e-9, 1_000_000).
var numericRE = lazyRE(`^[-+]?(?:0[xX][0-9a-fA-F_]+|0[oObB][0-7_]+|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?)[uUlLfFnN]*$`)

// valueVerdict is the outcome of judging a candidate literal.
type valueVerdict struct {
	ok         bool
	entropy    float64
	charset    charset
	confidence finding.Confidence
}

// judgeValue decides whether a literal assigned to a secret-like name (or
// used as a URL password) looks like a real secret. The thresholds are
// documented on rules.GenericSecretAssignment.
func judgeValue(v string) valueVerdict {
	if len(v) > maxValueLen || len(v) < minLenPassword || docExamples[v] || numericRE().MatchString(v) {
		return valueVerdict{}
	}
	cs, ok := classify(v)
	if !ok {
		return valueVerdict{}
	}
	l := strings.ToLower(v)
	for _, p := range hashPrefixes {
		if strings.HasPrefix(l, p) {
			return valueVerdict{}
		}
	}
	if strings.HasPrefix(v, "pk_live_") || strings.HasPrefix(v, "pk_test_") {
		return valueVerdict{} // Stripe publishable keys are public by design
	}
	if isPlaceholder(v) || looksLikePathOrURL(v) || encodedPlaceholder(v) {
		return valueVerdict{}
	}
	lower, upper, digit, symbol := classes(v)
	if cs == charsetBase64 && symbol && len(v) < minLenBase64 {
		cs = charsetPassword // a short value with punctuation is judged as a password
	}
	if len(v) < cs.minLen() {
		return valueVerdict{}
	}
	if !digit {
		return valueVerdict{}
	}
	if cs != charsetHex && wordLike(v) {
		return valueVerdict{}
	}
	if cs == charsetHex && !(lower || upper) {
		return valueVerdict{} // all digits: a number, a phone, a timestamp
	}
	if cs == charsetPassword {
		n := 0
		for _, b := range [...]bool{lower, upper, digit, symbol} {
			if b {
				n++
			}
		}
		if n < 3 {
			return valueVerdict{}
		}
	}
	h := shannon(v)
	thr := cs.threshold(len(v))
	if h < thr {
		return valueVerdict{}
	}
	conf := finding.ConfidenceMedium
	switch {
	case len(v) < 12:
		conf = finding.ConfidenceLow
	case len(v) >= 20 && h >= thr+0.5:
		conf = finding.ConfidenceHigh
	}
	return valueVerdict{ok: true, entropy: h, charset: cs, confidence: conf}
}

// plausibleBody checks the random part of a prefixed vendor token: not a
// placeholder, not a run of one character, not a sequence.
func plausibleBody(body string) bool {
	if len(body) < 8 {
		return false
	}
	l := strings.ToLower(body)
	for _, w := range placeholderWords {
		if strings.Contains(l, w) {
			return false
		}
	}
	return !sequential(body) && !repetitive(body) && shannon(body) >= 2.5
}

// encodedPlaceholder decodes a base64 value that decodes to printable text
// (basic-auth strings, Kubernetes secret data) and reports whether that text
// is a placeholder ("not my real password").
func encodedPlaceholder(v string) bool {
	if len(v) < 8 {
		return false
	}
	for _, enc := range [...]*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		raw, err := enc.DecodeString(v)
		if err != nil {
			continue
		}
		for _, c := range raw {
			if c < ' ' || c >= 0x7f {
				return false
			}
		}
		return isPlaceholder(string(raw))
	}
	return false
}

// lazyRE compiles a pattern on first use. Most patterns run only after a
// cheap prefix check finds a candidate, so a typical review never compiles
// them; compiling all at start-up cost several milliseconds of every hook.
func lazyRE(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
