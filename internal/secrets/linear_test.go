package secrets

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// TestLinearTime guards against quadratic work on hostile input: keyword
// anchors packed on one long line, markers without blocks, names without
// values. Each case is 512 KiB and took well under half a second when this
// was written; quadratic code takes tens of seconds.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	const size = 512 << 10
	cases := []struct{ name, unit string }{
		{"aws words on one line", "aws "},
		{"key ids on one line", fakeAWSID + " "},
		{"begin markers", "-----BEGIN RSA PRIVATE KEY-----"},
		{"names without values", "password="},
		{"open quotes", `token="`},
		{"jwt anchors", "eyJ "},
		{"url schemes", "a://b:"},
		{"gitlab anchors", "gl "},
		{"secrets on one line", `password="` + fakeValue + `" `},
	}
	d := mustNew(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := []byte(strings.Repeat(c.unit, size/len(c.unit)))
			start := time.Now()
			d.Find(text)
			d.Redact(string(text), RedactOptions{HighEntropy: true})
			if el := time.Since(start); el > 5*time.Second {
				t.Errorf("Find and Redact took %v on %d bytes", el, len(text))
			}
		})
	}
}

// TestRedactManyDistinctSecrets: the pass over repeated values must not cost
// one scan of the text per distinct secret.
func TestRedactManyDistinctSecrets(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	var b strings.Builder
	for i := 0; i < 20000; i++ {
		v := make([]byte, 24)
		for k := range v {
			v[k] = alphabet[r.IntN(len(alphabet))]
		}
		fmt.Fprintf(&b, "password_%d = \"%s\"\n", i, v)
	}
	text := b.String()
	d := mustNew(t)
	start := time.Now()
	matches := d.Find([]byte(text))
	out, n := d.Redact(text, RedactOptions{})
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("Find and Redact took %v for %d secrets", el, len(matches))
	}
	if len(matches) < 19000 || n != len(matches) {
		t.Errorf("found %d, redacted %d", len(matches), n)
	}
	for _, m := range matches[:100] {
		if strings.Contains(out, text[m.Start:m.End]) {
			t.Fatalf("secret survived")
		}
	}
}
