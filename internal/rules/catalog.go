package rules

// families lists the rule tables, one per family of ids:
//
//	PP1xx secrets              (secrets.go)
//	PP2xx injection and taint  (python_security.go)
//	PP3xx cryptography         (python_security.go)
//	PP4xx deserialization, XML (python_security.go)
//	PP5xx configuration        (python_security.go)
//	PP6xx authentication       (python_security.go)
//	PP7xx commit messages      (message.go)
//	PP8xx code quality         (python_quality.go, change.go)
//	PP9xx dependencies         (dependencies.go)
func families() [][]*Rule {
	return [][]*Rule{secretRules, pythonSecurityRules, pythonTaintRules, pythonPatternRules, pythonCoverageRules, messageRules, pythonQualityRules, changeRules, dependencyRules}
}
