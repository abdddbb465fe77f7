package secrets

import (
	"bytes"
	"sort"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// genericKeywords are searched case-insensitively; every secret-like name
// contains one of them, so the assignment pattern only runs next to a hit.
var genericKeywords = [...]string{"pass", "pwd", "secret", "token", "key", "cred"}

const bq = "`"

// assignRE matches what follows a secret-like name up to its value: an
// optional closing quote or bracket and an operator, with an optional type
// annotation. It is anchored at the end of the name; parseValue reads the
// value after it.
var assignRE = lazyRE(`^(?:` +
	// Python / TypeScript annotation: password: str = "…"
	`["'` + bq + `]?\]?[ \t]*:[ \t]*[A-Za-z_][A-Za-z0-9_.\[\], |]{0,60}?[ \t]*=` +
	// Go typed declaration: var password string = "…"
	`|[ \t]+[A-Za-z_][A-Za-z0-9_.\[\]*]{0,40}[ \t]*=` +
	// =, :=, :, =>, ?=, += after an optional closing quote or bracket
	`|["'` + bq + `]?\]?[ \t]*(?::=|=>|\?=|\+=|=|:)` +
	// a quoted name then a comma: setdefault("TOKEN", "…"), define('PASSWORD', '…')
	`|["'][ \t]*,` +
	`)[ \t]*`)

// parseValue reads a quoted ("…", '…', `…`) or bare value at the start of b,
// which holds no newline. It returns the value's span within b.
func parseValue(b []byte) (vs, ve int, quoted, ok bool) {
	if len(b) == 0 {
		return 0, 0, false, false
	}
	switch q := b[0]; q {
	case '"', '\'', '`':
		for k := 1; k < len(b) && k <= maxValueLen+1; k++ {
			switch {
			case b[k] == '\\' && q != '`':
				k++
			case b[k] == q:
				return 1, k, true, true
			}
		}
		return 0, 0, false, false
	}
	switch b[0] {
	case '=', '<', '>', '(', '[', '{':
		return 0, 0, false, false
	}
	k := 0
	for k < len(b) && !endsBareValue(b[k]) {
		if k++; k > maxValueLen {
			return 0, 0, false, false
		}
	}
	return 0, k, false, k > 0
}

// endsBareValue reports the bytes that end an unquoted value.
func endsBareValue(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '"', '\'', '`', ',', ';', ')', '}', ']':
		return true
	}
	return false
}

// urlCredsRE matches the user information of a URL right after "://".
var urlCredsRE = lazyRE(`^([^\s:/@"'<>` + bq + `]{0,128}):([^\s/@"'<>` + bq + `]{1,256})@([A-Za-z0-9._\-]*[A-Za-z0-9])`)

func isNameCh(c byte) bool {
	return isAlnum(c) || c == '_' || c == '-' || c == '.' || c == '$' || c == '@'
}

// findGeneric implements PP110: secret-like names with high-entropy literal
// values, and passwords in URLs.
func findGeneric(s *scan, d *definition, emit func(hit)) {
	lower := s.folded()
	var seen map[int]bool // starts of secret-like names already visited
	for _, kw := range genericKeywords {
		each(lower, kw, func(i int) {
			ns, ne := i, i+len(kw)
			for ns > 0 && i-ns < 128 && isNameCh(s.text[ns-1]) {
				ns--
			}
			for ne < len(s.text) && ne-i < 128 && isNameCh(s.text[ne]) {
				ne++
			}
			for ns < ne && strings.IndexByte("$@.-", s.text[ns]) >= 0 {
				ns++
			}
			for ne > ns && (s.text[ne-1] == '.' || s.text[ne-1] == '-') {
				ne--
			}
			if ns == ne || !(isAlpha(s.text[ns]) || s.text[ns] == '_') || !secretNameBytes(s.text[ns:ne], lower[ns:ne]) {
				return
			}
			// A name holding two keywords (secret_token) is visited once.
			if seen[ns] {
				return
			}
			if seen == nil {
				seen = map[int]bool{}
			}
			seen[ns] = true
			genericAt(s, d, ns, ne, emit)
		})
	}
	each(s.text, "://", func(i int) { urlCredsAt(s, d, i, emit) })
}

// assignStart reports whether b (the text after a name) can start an
// assignment, so assignRE only runs where it may match.
func assignStart(b []byte) bool {
	k := 0
	for k < len(b) && k < 2 && (b[k] == '"' || b[k] == '\'' || b[k] == '`' || b[k] == ']') {
		k++
	}
	for k < len(b) && (b[k] == ' ' || b[k] == '\t') {
		k++
	}
	if k == len(b) {
		return false
	}
	switch c := b[k]; {
	case c == '=' || c == ':' || c == ',' || c == '?' || c == '+':
		return true
	case k > 0 && (isAlpha(c) || c == '_'):
		return true // a type: var password string = …
	}
	return false
}

// genericAt judges the secret-like name at [ns, ne): it needs an assignment
// of a literal that looks random.
func genericAt(s *scan, d *definition, ns, ne int, emit func(hit)) {
	limit := min(len(s.text), ne+maxValueLen+120)
	if nl := indexNL(s.text[ne:limit]); nl >= 0 {
		limit = ne + nl
	}
	if !assignStart(s.text[ne:limit]) {
		return
	}
	m := assignRE().FindIndex(s.text[ne:limit])
	if m == nil {
		return
	}
	at := ne + m[1]
	vs, ve, quoted, ok := parseValue(s.text[at:limit])
	if !ok || vs == ve {
		return
	}
	vs, ve = at+vs, at+ve
	v := string(s.text[vs:ve])
	if !quoted && strings.ContainsAny(v, "([{") {
		return // a call or an index: os.getenv(…), ENV[…]
	}
	verdict := judgeValue(v)
	if !verdict.ok {
		return
	}
	emit(hit{def: d, start: vs, end: ve, confidence: verdict.confidence,
		what: "secret-like value assigned to `" + string(s.text[ns:ne]) + "`"})
}

func indexNL(b []byte) int {
	for i, c := range b {
		if c == '\n' || c == '\r' {
			return i
		}
	}
	return -1
}

// docHosts are hosts that only appear in documentation.
var docHosts = [...]string{"example.com", "example.org", "example.net", "host", "hostname", "server", "domain"}

func urlCredsAt(s *scan, d *definition, i int, emit func(hit)) {
	// The scheme: letters, digits, + . - before "://", starting with a letter.
	ss := i
	for ss > 0 && i-ss < 32 && (isAlnum(s.text[ss-1]) || s.text[ss-1] == '+' || s.text[ss-1] == '.' || s.text[ss-1] == '-') {
		ss--
	}
	for ss < i && !isAlpha(s.text[ss]) {
		ss++
	}
	if i-ss < 2 {
		return
	}
	rest := s.text[i+3 : min(len(s.text), i+3+600)]
	// Most URLs have no user information: look for "@" before the path.
	at := bytes.IndexAny(rest, "@/ \t\r\n\"'<>`")
	if at < 0 || rest[at] != '@' {
		return
	}
	m := urlCredsRE().FindSubmatchIndex(rest)
	if m == nil {
		return
	}
	user := string(rest[m[2]:m[3]])
	pw := string(rest[m[4]:m[5]])
	host := strings.ToLower(string(rest[m[6]:m[7]]))
	if pw == user {
		return
	}
	for _, h := range docHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return
		}
	}
	if strings.HasSuffix(host, ".example") || strings.HasSuffix(host, ".test") || strings.HasSuffix(host, ".invalid") {
		return
	}
	verdict := judgeValue(pw)
	if !verdict.ok {
		return
	}
	conf := verdict.confidence
	if host == "localhost" || strings.HasPrefix(host, "127.") || host == "0.0.0.0" || strings.HasSuffix(host, ".localhost") {
		conf = finding.ConfidenceLow
	}
	scheme := strings.ToLower(string(s.text[ss:i]))
	emit(hit{def: d, start: i + 3 + m[4], end: i + 3 + m[5], confidence: conf,
		what: "password in a " + scheme + " URL"})
}

// Name analysis. A name is secret-like when its head word (the last one,
// after dropping neutral suffixes such as a digit, "value" or "prod") names a
// secret, and no word before it negates that (public_key, csrf_token,
// token_hash). "key" counts only with a qualifier (api_key, private_key).

var secretHeads = map[string]bool{
	"password": true, "passwd": true, "pwd": true, "pass": true, "passphrase": true, "passcode": true,
	"secret": true, "token": true, "credential": true, "credentials": true, "creds": true,
	"apikey": true, "secretkey": true, "privatekey": true, "accesskey": true, "authkey": true,
	"authtoken": true, "accesstoken": true, "refreshtoken": true, "apitoken": true,
	"apisecret": true, "clientsecret": true, "appkey": true, "masterkey": true,
	"signingkey": true, "encryptionkey": true,
}

// compoundSuffixes catch names written without separators (DBPASSWORD,
// mytoken); "pass" is left out because of bypass and compass.
var compoundSuffixes = [...]string{"password", "passwd", "passphrase", "secret", "token", "apikey",
	"secretkey", "privatekey", "accesskey"}

var keyQualifiers = map[string]bool{
	"api": true, "access": true, "secret": true, "private": true, "auth": true, "signing": true,
	"sign": true, "encryption": true, "encrypt": true, "master": true, "hmac": true, "jwt": true,
	"app": true, "client": true, "session": true, "admin": true, "account": true, "storage": true,
	"subscription": true, "shared": true, "consumer": true, "license": true, "aes": true,
	"crypto": true, "cipher": true, "service": true, "webhook": true, "bot": true,
}

var neutralSuffixes = map[string]bool{
	"value": true, "val": true, "str": true, "string": true, "b64": true, "base": true, "hex": true,
	"raw": true, "plain": true, "plaintext": true, "encoded": true, "text": true, "literal": true,
	"prod": true, "production": true, "dev": true, "development": true, "staging": true,
	"stage": true, "live": true, "local": true, "old": true, "new": true, "current": true,
	"primary": true, "secondary": true, "backup": true, "default": true, "fallback": true,
}

var negators = map[string]bool{
	"public": true, "publishable": true, "pub": true, "page": true, "next": true, "prev": true,
	"continuation": true, "cancel": true, "cancellation": true, "csrf": true, "xsrf": true,
	"max": true, "min": true, "num": true, "count": true, "hash": true, "hashed": true,
	"is": true, "has": true, "use": true, "enable": true, "enabled": true, "show": true,
	"sample": true, "example": true, "dummy": true, "fake": true, "mock": true, "placeholder": true,
	"expected": true, "invalid": true, "wrong": true, "bad": true,
}

// secretName reports whether name is a secret-like name as a whole.
func secretName(name string) bool {
	return secretNameBytes([]byte(name), []byte(strings.ToLower(name)))
}

// maxSegments bounds the words of a name; longer names are not secret-like.
const maxSegments = 32

// secretNameBytes is secretName over a name and its ASCII lower-cased copy;
// it does not allocate, since most keyword hits are not secret names.
func secretNameBytes(name, lower []byte) bool {
	var sp [maxSegments][2]int
	n, ok := splitName(name, &sp)
	if !ok {
		return false
	}
	word := func(k int) []byte { return lower[sp[k][0]:sp[k][1]] }
	for n > 1 && (neutralSuffixes[string(word(n-1))] || allDigits(word(n-1))) {
		n--
	}
	if n == 0 {
		return false
	}
	for k := 0; k < n-1; k++ {
		if negators[string(word(k))] {
			return false
		}
	}
	head := word(n - 1)
	switch {
	case secretHeads[string(head)]:
		return true
	case string(head) == "key":
		return n > 1 && keyQualifiers[string(word(n-2))]
	}
	for _, suf := range compoundSuffixes {
		if len(head) > len(suf) && string(head[len(head)-len(suf):]) == suf {
			return !negators[string(head[:len(head)-len(suf)])]
		}
	}
	return false
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return len(b) > 0
}

// splitName finds the words of a name: runs of letters and digits split at
// separators, camel-case boundaries (apiKey, APIKey) and letter-digit
// boundaries (password2). It reports false when there are too many words.
func splitName(name []byte, sp *[maxSegments][2]int) (int, bool) {
	n, start := 0, -1
	flush := func(end int) bool {
		if start >= 0 && end > start {
			if n == maxSegments {
				return false
			}
			sp[n] = [2]int{start, end}
			n++
		}
		start = -1
		return true
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !isAlnum(c) {
			if !flush(i) {
				return 0, false
			}
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		p := name[i-1]
		if (isUpper(c) && (isLower(p) || isDigit(p))) ||
			(isUpper(c) && isUpper(p) && i+1 < len(name) && isLower(name[i+1])) ||
			isDigit(c) != isDigit(p) {
			if !flush(i) {
				return 0, false
			}
			start = i
		}
	}
	if !flush(len(name)) {
		return 0, false
	}
	return n, true
}

// nameSegments returns the lower-case words of a name (for tests and docs).
func nameSegments(name string) []string {
	var sp [maxSegments][2]int
	n, _ := splitName([]byte(name), &sp)
	var out []string
	for k := 0; k < n; k++ {
		out = append(out, strings.ToLower(name[sp[k][0]:sp[k][1]]))
	}
	return out
}

func sortSpans(spans [][2]int) {
	sort.Slice(spans, func(a, b int) bool {
		if spans[a][0] != spans[b][0] {
			return spans[a][0] < spans[b][0]
		}
		return spans[a][1] < spans[b][1]
	})
}
