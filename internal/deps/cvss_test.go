package deps

import (
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// TestCVSS3BaseScore checks the formula against vectors whose base scores
// are published (FIRST's calculator, NVD).
func TestCVSS3BaseScore(t *testing.T) {
	cases := []struct {
		vector string
		want   float64
	}{
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8},
		{"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0},
		{"CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H", 9.1},
		{"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 8.8},
		{"CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.8},
		{"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8},
		{"CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.8},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5},
		{"CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.5},
		{"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1},
		{"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", 5.9},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", 5.3},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N", 5.3},
		{"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N", 4.3},
		{"CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0},
		// Temporal metrics are accepted and do not change the base score.
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C", 9.8},
	}
	for _, c := range cases {
		t.Run(c.vector, func(t *testing.T) {
			got, err := CVSS3BaseScore(c.vector)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("score %.1f, want %.1f", got, c.want)
			}
		})
	}
}

func TestCVSS3Rejects(t *testing.T) {
	for _, v := range []string{"", "CVSS:2.0/AV:N", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:X/C:H/I:H/A:H",
		"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
		"CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"} {
		t.Run(v, func(t *testing.T) {
			if s, err := CVSS3BaseScore(v); err == nil {
				t.Errorf("CVSS3BaseScore(%q) = %.1f, want an error", v, s)
			}
		})
	}
}

func TestRoundup(t *testing.T) {
	// Appendix A of CVSS v3.1: floating-point noise must not round up.
	if got := roundup31(4.000000000000001); got != 4.0 {
		t.Errorf("roundup31(4.000000000000001) = %v, want 4.0", got)
	}
	if got := roundup31(4.02); got != 4.1 {
		t.Errorf("roundup31(4.02) = %v, want 4.1", got)
	}
	if got := roundup30(4.02); got != 4.1 {
		t.Errorf("roundup30(4.02) = %v, want 4.1", got)
	}
}

func TestRate(t *testing.T) {
	cases := []struct {
		name string
		adv  Advisory
		want finding.Severity
	}{
		{"cvss critical", Advisory{ID: "X", Severity: []OSVSeverity{{Type: "CVSS_V3", Score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}}}, finding.Critical},
		{"cvss medium", Advisory{ID: "X", Severity: []OSVSeverity{{Type: "CVSS_V3", Score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"}}}, finding.Medium},
		{"highest of two", Advisory{ID: "X", Severity: []OSVSeverity{{Type: "CVSS_V3", Score: "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N"},
			{Type: "CVSS_V3", Score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}}}, finding.High},
		{"database rating", Advisory{ID: "GHSA-x", DatabaseSpecific: &DatabaseFields{Severity: "MODERATE"}}, finding.Medium},
		{"database high", Advisory{ID: "GHSA-x", DatabaseSpecific: &DatabaseFields{Severity: "HIGH"}}, finding.High},
		{"v4 only falls back", Advisory{ID: "X", Severity: []OSVSeverity{{Type: "CVSS_V4", Score: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}}}, finding.Medium},
		{"bad vector falls back", Advisory{ID: "X", Severity: []OSVSeverity{{Type: "CVSS_V3", Score: "garbage"}}}, finding.Medium},
		{"nothing", Advisory{ID: "X"}, finding.Medium},
		{"malicious", Advisory{ID: "MAL-2024-1"}, finding.Critical},
		{"affected-level severity", Advisory{ID: "X", Affected: []Affected{{Severity: []OSVSeverity{{Type: "CVSS_V3", Score: "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N"}}}}}, finding.Low},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Rate(&c.adv); got.Severity != c.want {
				t.Errorf("Rate = %v (%s), want %v", got.Severity, got.Basis, c.want)
			}
		})
	}
}

// TestRealCVSSVectors scores every CVSS v3 vector in the PyPA data: each
// must parse and land in 0..10.
func TestRealCVSSVectors(t *testing.T) {
	advs, _ := realDB(t)
	n := 0
	for _, a := range advs {
		for _, s := range a.Severity {
			if s.Type != "CVSS_V3" {
				continue
			}
			n++
			score, err := CVSS3BaseScore(s.Score)
			if err != nil || score < 0 || score > 10 {
				t.Errorf("%s: %q: score %v, %v", a.ID, s.Score, score, err)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d CVSS vectors found", n)
	}
}
