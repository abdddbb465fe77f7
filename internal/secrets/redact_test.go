package secrets

import (
	"strings"
	"testing"
)

// TestRedactExamples redacts every true positive with all rules loaded: no
// found value survives and the count matches what Find reports.
func TestRedactExamples(t *testing.T) {
	d := mustNew(t)
	for _, def := range definitions() {
		for i, tp := range def.truePositives {
			t.Run(def.rule.ID+"/"+string(rune('a'+i)), func(t *testing.T) {
				matches := d.Find([]byte(tp))
				if len(matches) == 0 {
					t.Fatalf("nothing found in %q", tp)
				}
				out, n := d.Redact(tp, RedactOptions{})
				if n != len(matches) {
					t.Errorf("count = %d, want %d", n, len(matches))
				}
				for _, m := range matches {
					if secret := tp[m.Start:m.End]; strings.Contains(out, secret) {
						t.Errorf("secret survived: %q", out)
					}
				}
				if !strings.Contains(out, "\u00abREDACTED:"+def.rule.Name+"\u00bb") {
					t.Errorf("no placeholder for %s in %q", def.rule.Name, out)
				}
			})
		}
	}
}

func TestRedact(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		opts  RedactOptions
		want  string
		count int
	}{
		{
			name: "nothing to redact", in: "x = 1\npassword = os.environ['P']\n",
			want: "x = 1\npassword = os.environ['P']\n", count: 0,
		},
		{
			name: "one token", in: "GITHUB_TOKEN=" + fakeGitHub + "\n",
			want: "GITHUB_TOKEN=«REDACTED:github-token»\n", count: 1,
		},
		{
			name: "a found value repeated without context",
			in:   "password = \"" + fakeValue + "\"\necho " + fakeValue + "\n",
			want: "password = \"«REDACTED:generic-secret-assignment»\"\necho «REDACTED:generic-secret-assignment»\n", count: 2,
		},
		{
			name: "key id and secret",
			in:   fakeAWSID + "," + fakeAWSKey,
			want: "«REDACTED:aws-access-key-id»,«REDACTED:aws-secret-access-key»", count: 2,
		},
		{
			name: "an unclaimed random token is kept by default",
			in:   "curl -H 'X-Signature: hPB14Q7ZWQ7N4koNImpQNkYTm2Lk' https://api.internal",
			want: "curl -H 'X-Signature: hPB14Q7ZWQ7N4koNImpQNkYTm2Lk' https://api.internal", count: 0,
		},
		{
			name: "and masked with HighEntropy",
			in:   "curl -H 'X-Signature: hPB14Q7ZWQ7N4koNImpQNkYTm2Lk' https://api.internal",
			opts: RedactOptions{HighEntropy: true},
			want: "curl -H 'X-Signature: «REDACTED:high-entropy»' https://api.internal", count: 1,
		},
		{
			name: "HighEntropy keeps identifiers, paths and short hex",
			in:   "see internal/secrets/testdata/PP101/settings.py and TestRedactHighEntropyTokens2 at 1a2b3c4d",
			opts: RedactOptions{HighEntropy: true},
			want: "see internal/secrets/testdata/PP101/settings.py and TestRedactHighEntropyTokens2 at 1a2b3c4d", count: 0,
		},
		{
			name: "HighEntropy masks long hex",
			in:   "digest 8a67639f74080f56c5aa328f676226e2 done",
			opts: RedactOptions{HighEntropy: true},
			want: "digest «REDACTED:high-entropy» done", count: 1,
		},
		{name: "empty", in: "", want: "", count: 0},
	}
	d := mustNew(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n := d.Redact(tt.in, tt.opts)
			if got != tt.want || n != tt.count {
				t.Errorf("Redact = %q, %d\nwant      %q, %d", got, n, tt.want, tt.count)
			}
		})
	}
}

func TestMask(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{fakeAWSID, "AKIA****************"},
		{fakeGitHub, "ghp_****************"},
		{"github_pat_PPatrolsfDuvRksrc7IT3c_Kqbeze8EY5ArS8Rc", "gith****************"},
		{"sk_live_PPatrolZC9LQAnpMjQWBVNVj", "sk_l****************"},
		{"glpat-PPatrol8auBNmdHTJ2vU", "glpa****************"},
		{"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "eyJ****************"},
		{fakeValue, "****************"},
		{"Kq4#vT9zLm2", "***********"},
		{"AKIA", "****"},       // too short to keep the prefix
		{"ghp_abc", "*******"}, // likewise
		{"x", "****"},
		{"", "****"},
		{"****", "*****"},
		{"h\u00e9llo-w\u00f6rld", "***********"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Mask(tt.in)
			if got != tt.want {
				t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got == tt.in || (strings.Trim(tt.in, "*") != "" && strings.Contains(got, tt.in)) {
				t.Errorf("Mask(%q) = %q reveals the input", tt.in, got)
			}
		})
	}
}

// TestMaskNeverReturnsInput covers every example secret.
func TestMaskNeverReturnsInput(t *testing.T) {
	d := mustNew(t)
	for _, def := range definitions() {
		for _, tp := range def.truePositives {
			for _, m := range d.Find([]byte(tp)) {
				secret := tp[m.Start:m.End]
				if got := Mask(secret); got == secret || strings.Contains(got, secret) || len(got) > 4+maxMaskStars {
					t.Errorf("Mask(%q) = %q", secret, got)
				}
			}
		}
	}
}
