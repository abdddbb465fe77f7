package secrets

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// RedactOptions tunes Redact.
type RedactOptions struct {
	// HighEntropy also masks long high-entropy tokens that no rule claims
	// (20+ base64 characters, 32+ hex characters), for text bound for a
	// model. It also masks git object ids and other digests.
	HighEntropy bool
}

// Placeholder returned for a secret of the given rule name.
func placeholder(name string) string { return "\u00abREDACTED:" + name + "\u00bb" }

// Redact replaces every secret in text with a placeholder such as
// «REDACTED:aws-access-key-id» and returns the result and the number of
// replacements. A value found once is also replaced wherever else it
// appears verbatim.
func (d *Detector) Redact(text string, o RedactOptions) (string, int) {
	_, hits := d.run([]byte(text))
	var b strings.Builder
	b.Grow(len(text))
	count, at := 0, 0
	names := map[string]string{}
	for _, h := range hits {
		b.WriteString(text[at:h.start])
		b.WriteString(placeholder(h.def.rule.Name))
		names[text[h.start:h.end]] = h.def.rule.Name
		at = h.end
		count++
	}
	b.WriteString(text[at:])
	out := b.String()

	// Repeats of a found value outside the context that identified it.
	if len(names) > 0 {
		values := make([]string, 0, len(names))
		for v := range names {
			values = append(values, v)
		}
		var n int
		out, n = newValueIndex(values).replace(out, func(v string) string { return placeholder(names[v]) })
		count += n
	}
	if o.HighEntropy {
		var n int
		out, n = redactHighEntropy(out)
		count += n
	}
	return out, count
}

// repeatKeyLen is the prefix length valueIndex keys values by; every
// rule's values are at least this long.
const repeatKeyLen = 8

// valueIndex finds every occurrence of a set of values in one left-to-right
// pass (longest value first at each position), however many values there are.
type valueIndex struct {
	byKey map[string][]string
	first [256]bool
	short []string
}

func newValueIndex(values []string) *valueIndex {
	x := &valueIndex{byKey: map[string][]string{}}
	for _, v := range values {
		if len(v) < repeatKeyLen {
			if v != "" {
				x.short = append(x.short, v)
			}
			continue
		}
		k := v[:repeatKeyLen]
		if !slices.Contains(x.byKey[k], v) {
			x.byKey[k] = append(x.byKey[k], v)
		}
		x.first[v[0]] = true
	}
	longestFirst := func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	}
	for _, vs := range x.byKey {
		slices.SortFunc(vs, longestFirst)
	}
	slices.SortFunc(x.short, longestFirst)
	x.short = slices.Compact(x.short)
	return x
}

// replace substitutes repl(v) for every occurrence of every value v and
// returns the text and the number of substitutions.
func (x *valueIndex) replace(text string, repl func(v string) string) (string, int) {
	var b strings.Builder
	count, at := 0, 0
	for i := 0; i+repeatKeyLen <= len(text); {
		if !x.first[text[i]] {
			i++
			continue
		}
		matched := ""
		for _, v := range x.byKey[text[i:i+repeatKeyLen]] {
			if strings.HasPrefix(text[i:], v) {
				matched = v
				break
			}
		}
		if matched == "" {
			i++
			continue
		}
		b.WriteString(text[at:i])
		b.WriteString(repl(matched))
		i += len(matched)
		at = i
		count++
	}
	if count > 0 {
		b.WriteString(text[at:])
		text = b.String()
	}
	for _, v := range x.short {
		if strings.Contains(text, v) {
			count += strings.Count(text, v)
			text = strings.ReplaceAll(text, v, repl(v))
		}
	}
	return text, count
}

func isEntropyTokenCh(c byte) bool {
	return isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-'
}

// redactHighEntropy masks runs of base64 or hex characters that look random.
func redactHighEntropy(text string) (string, int) {
	var b strings.Builder
	count, at := 0, 0
	for i := 0; i < len(text); {
		if !isEntropyTokenCh(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isEntropyTokenCh(text[j]) {
			j++
		}
		if highEntropyToken(text[i:j]) {
			b.WriteString(text[at:i])
			b.WriteString(placeholder("high-entropy"))
			at = j
			count++
		}
		i = j
	}
	if count == 0 {
		return text, 0
	}
	b.WriteString(text[at:])
	return b.String(), count
}

// highEntropyToken: 20+ characters with letters and digits that do not read
// like words, and enough entropy for their length (hex: 32+ characters and
// 3.0 bits/char; otherwise 4.0 bits/char, or 0.85 × log2(length) when
// shorter).
func highEntropyToken(t string) bool {
	if len(t) < 20 {
		return false
	}
	lower, upper, digit, _ := classes(t)
	if !digit || !(lower || upper) {
		return false
	}
	hex := true
	for i := 0; i < len(t); i++ {
		if !isHex(t[i]) {
			hex = false
			break
		}
	}
	h := shannon(t)
	if hex {
		return len(t) >= 32 && h >= 3.0
	}
	if wordLike(t) {
		return false
	}
	return h >= math.Min(4.0, 0.85*math.Log2(float64(len(t))))
}

// maskPrefixes are the format prefixes Mask may keep (at most 4 bytes).
var maskPrefixes = [...]string{
	"AKIA", "ASIA", "ABIA", "ACCA",
	"github_pat_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
	"glpat-", "gloas-", "gldt-", "glrtr-", "glrt-", "glcbt-", "glptt-", "glft-", "glimt-",
	"glagent-", "glwt-", "glsoat-", "glffct-", "GR1348941",
	"xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "https://hooks.slack.com/",
	"sk_live_", "rk_live_", "sk_test_", "rk_test_",
	"AIza", "-----BEGIN", "eyJ",
}

// maxMaskStars bounds the asterisks, so a mask does not give away the length
// of a long value.
const maxMaskStars = 16

// Mask returns a display form of secret that is safe to print: at most the
// first four characters of a known format prefix (AKIA, ghp_, sk_l…), then
// asterisks. It never returns its input.
func Mask(secret string) string {
	keep := 0
	for _, p := range maskPrefixes {
		// Keep the prefix only when enough of the value stays hidden.
		if strings.HasPrefix(secret, p) && len(secret) >= len(p)+8 {
			keep = min(4, len(p))
			break
		}
	}
	stars := utf8.RuneCountInString(secret) - keep
	stars = max(4, min(stars, maxMaskStars))
	out := secret[:keep] + strings.Repeat("*", stars)
	if out == secret {
		out += "*"
	}
	return out
}
