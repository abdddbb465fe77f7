package rules

import "github.com/patchpatrol/patchpatrol/internal/finding"

// dependencyRules is the PP9xx family: vulnerable, malicious and
// typo-squatted dependencies in Python manifests. The deps engine
// (internal/deps) implements them; the severity of PP901 and PP902 comes
// from the matched advisories' CVSS scores, the one here is the default.
var dependencyRules = []*Rule{
	VulnerableDependencyPinned,
	VulnerableDependencyRange,
	MaliciousDependency,
	TyposquatDependency,
}

// References shared by the dependency rules.
const (
	refCWE1395 = "CWE-1395: Dependency on Vulnerable Third-Party Component — https://cwe.mitre.org/data/definitions/1395.html"
	refA06     = "OWASP Top 10 2021 A06: Vulnerable and Outdated Components — https://owasp.org/Top10/A06_2021-Vulnerable_and_Outdated_Components/"
	refA08     = "OWASP Top 10 2021 A08: Software and Data Integrity Failures — https://owasp.org/Top10/A08_2021-Software_and_Data_Integrity_Failures/"
	refOSV     = "OSV schema: affected ranges and events — https://ossf.github.io/osv-schema/#affectedranges-field"
	refPEP440  = "PEP 440: Version Identification and Dependency Specification — https://peps.python.org/pep-0440/"
)

// dependencyRule fills the fields every PP9xx rule shares.
func dependencyRule(r Rule) *Rule {
	r.Kind = finding.KindSecurity
	r.Category = "dependencies"
	r.Engine = EngineDeps
	r.Status = Stable
	r.Since = "v0.2.0"
	return &r
}

// VulnerableDependencyPinned is PP901.
var VulnerableDependencyPinned = dependencyRule(Rule{
	ID:          "PP901",
	Name:        "vulnerable-dependency-pinned",
	Title:       "Dependency pinned to a version with a known vulnerability",
	Severity:    finding.High,
	Confidence:  finding.ConfidenceHigh,
	CWE:         1395,
	OWASP:       finding.A06,
	Remediation: "Upgrade to the fixed version named in the finding and regenerate the lock file.",
	Doc: Doc{
		Flags: "An exact version — `==1.2.3` or `===1.2.3` in a requirements file, pyproject.toml, Pipfile or setup.cfg, " +
			"or an entry of poetry.lock, uv.lock or Pipfile.lock — that a published advisory affects. Versions are compared " +
			"with PEP 440 (epochs, pre-, post- and development releases, local versions); an advisory applies when the " +
			"version is listed in it or lies in one of its ECOSYSTEM ranges (introduced / fixed / last_affected events, " +
			"evaluated in version order as the OSV schema specifies). The finding names every matching advisory with its " +
			"PYSEC-, GHSA- and CVE- ids, takes its severity from the advisory's CVSS v3 base score (computed from the " +
			"vector) or the database's rating, else MEDIUM, and names the lowest fixed version free of every advisory. " +
			"In a diff-aware review only requirements on added or changed lines are checked, so a version bump counts.",
		Why: "Pinning a version with a published vulnerability ships that vulnerability, and the advisory tells attackers " +
			"exactly how to exploit it. Pins are deliberate, so the fix is cheap: move the pin past the fix.",
		Example: "requests==2.19.0        # PYSEC-2018-28 (CVE-2018-18074): fixed in 2.20.0\n" +
			"[[package]]\nname = \"pyyaml\"\nversion = \"5.3\"       # PYSEC-2021-142 (CVE-2020-14343): fixed in 5.4",
		Fix:        "requests==2.32.3\n[[package]]\nname = \"pyyaml\"\nversion = \"6.0.2\"",
		References: []string{refCWE1395, refA06, refOSV, refPEP440, "OSV API — https://google.github.io/osv.dev/api/"},
	},
})

// VulnerableDependencyRange is PP902.
var VulnerableDependencyRange = dependencyRule(Rule{
	ID:          "PP902",
	Name:        "vulnerable-dependency-range",
	Title:       "Dependency range admits versions with known vulnerabilities",
	Severity:    finding.Low,
	Confidence:  finding.ConfidenceLow,
	CWE:         1395,
	OWASP:       finding.A06,
	Remediation: "Raise the lower bound to the safe minimum named in the finding, or pin a fixed version in a lock file.",
	Doc: Doc{
		Flags: "An unpinned or ranged requirement (`django>=2.0`, `flask = \"^1.0\"`, `urllib3<1.24`, a bare name) whose " +
			"range intersects an advisory's affected versions. It is reported at LOW severity and confidence, naming the " +
			"safe minimum (the lowest version above every fixed range), because a resolver usually picks the newest " +
			"allowed version. When the newest version the range admits is itself affected (an upper bound below the fix, " +
			"or an advisory with no fix) the finding takes the advisory's severity at MEDIUM confidence.",
		Why: "A floor below a security fix lets an old lock file, a constrained environment or a downgrade attack install " +
			"a vulnerable version; a ceiling below the fix guarantees one.",
		Example: "django>=2.0\nurllib3<1.23      # every version it allows is affected by PYSEC-2018-32 (CVE-2018-20060)",
		Fix:     "django>=4.2.16\nurllib3>=1.26.19",
		References: []string{refCWE1395, refA06, refPEP440,
			"pip: constraints files — https://pip.pypa.io/en/stable/user_guide/#constraints-files"},
	},
})

// MaliciousDependency is PP903.
var MaliciousDependency = dependencyRule(Rule{
	ID:          "PP903",
	Name:        "malicious-dependency",
	Title:       "Dependency on a package published as malicious",
	Severity:    finding.Critical,
	Confidence:  finding.ConfidenceHigh,
	CWE:         506,
	OWASP:       finding.A08,
	Remediation: "Remove the dependency, treat machines that installed it as compromised (rotate their credentials), and depend on the legitimate package.",
	Doc: Doc{
		Flags: "A requirement whose version (or range) matches an OSV malicious-package record (`MAL-` ids, from the " +
			"OpenSSF malicious-packages feed that OSV publishes for PyPI). Always CRITICAL.",
		Why: "Malicious packages run their payload at install or import time — credential theft, remote shells, crypto " +
			"miners — on developer machines and CI runners. Installing one is an incident, not a bug.",
		Example: "0requests==0.0.1     # MAL-2026-15859: exfiltrates environment variables on import",
		Fix:     "requests==2.32.3",
		References: []string{"CWE-506: Embedded Malicious Code — https://cwe.mitre.org/data/definitions/506.html", refA08,
			"OpenSSF malicious packages — https://github.com/ossf/malicious-packages"},
	},
})

// TyposquatDependency is PP904.
var TyposquatDependency = dependencyRule(Rule{
	ID:          "PP904",
	Name:        "typosquat-dependency",
	Title:       "Dependency name imitates a popular package",
	Severity:    finding.High,
	Confidence:  finding.ConfidenceMedium,
	CWE:         1357,
	OWASP:       finding.A08,
	Remediation: "Check the spelling against the project you meant; allow-list a name that is right in [patchpatrol.dependencies] allow.",
	Doc: Doc{
		Flags: "A newly added requirement whose name is not one of the most downloaded PyPI projects (a bundled list of " +
			"several hundred) but imitates one: the same letters with different separators (`scikitlearn`, `py-yaml`), " +
			"look-alike characters (`0`/`o`, `1`/`l`, `rn`/`m`), or one edit from a popular name of five or more " +
			"characters (two edits from one of ten or more): `reqeusts`, `djnago`, `urlib3`. Names that extend " +
			"a popular one with a separated segment (`flask-cors`, `types-requests`) are companion packages and are not " +
			"reported, nor are names in `[patchpatrol.dependencies] allow`.",
		Why: "Typo-squats are registered to catch exactly these mistakes; they install and run code with the developer's " +
			"rights. PyPI removes them, but usually after the first victims.",
		Example: "reqeusts==2.31.0\npython-dateutils>=2.8",
		Fix:     "requests==2.31.0\npython-dateutil>=2.8",
		References: []string{"CWE-1357: Reliance on Insufficiently Trustworthy Component — https://cwe.mitre.org/data/definitions/1357.html",
			refA08, "PEP 503: name normalisation — https://peps.python.org/pep-0503/#normalized-names"},
	},
})
