package finding

import "strings"

// OWASP is an OWASP Top 10 2021 category, written "A03:2021-Injection".
type OWASP string

// The OWASP Top 10 2021 categories.
const (
	A01 OWASP = "A01:2021-Broken Access Control"
	A02 OWASP = "A02:2021-Cryptographic Failures"
	A03 OWASP = "A03:2021-Injection"
	A04 OWASP = "A04:2021-Insecure Design"
	A05 OWASP = "A05:2021-Security Misconfiguration"
	A06 OWASP = "A06:2021-Vulnerable and Outdated Components"
	A07 OWASP = "A07:2021-Identification and Authentication Failures"
	A08 OWASP = "A08:2021-Software and Data Integrity Failures"
	A09 OWASP = "A09:2021-Security Logging and Monitoring Failures"
	A10 OWASP = "A10:2021-Server-Side Request Forgery"
)

// OWASPTop10 lists the 2021 categories in order.
func OWASPTop10() []OWASP {
	return []OWASP{A01, A02, A03, A04, A05, A06, A07, A08, A09, A10}
}

// ID returns the short identifier, such as "A03:2021".
func (o OWASP) ID() string {
	s := string(o)
	if i := strings.IndexByte(s, '-'); i > 0 {
		return s[:i]
	}
	return s
}

// Name returns the category name without its identifier, such as "Injection".
func (o OWASP) Name() string {
	s := string(o)
	if i := strings.IndexByte(s, '-'); i > 0 {
		return s[i+1:]
	}
	return s
}

// ParseOWASP accepts "A03", "A03:2021" or the full "A03:2021-Injection" (any
// case) and returns the full category; ok is false for anything else.
func ParseOWASP(s string) (OWASP, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 3 {
		return "", false
	}
	key := strings.ToUpper(s[:3])
	for _, o := range OWASPTop10() {
		if string(o)[:3] == key {
			rest := strings.ToUpper(s[3:])
			if rest == "" || strings.HasPrefix(rest, ":2021") {
				return o, true
			}
		}
	}
	return "", false
}

// Compliance frameworks a finding can affect.
const (
	SOC2  = "SOC2"
	PCI   = "PCI-DSS"
	GDPR  = "GDPR"
	HIPAA = "HIPAA"
	ISO   = "ISO27001"
)

// ComplianceFrameworks lists the frameworks PatchPatrol knows, in report order.
func ComplianceFrameworks() []string { return []string{SOC2, PCI, GDPR, HIPAA, ISO} }
