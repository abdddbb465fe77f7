package rules

// pythonSecurityRules holds the PP2xx–PP6xx families, implemented by the
// Python analyzer.
var pythonSecurityRules = []*Rule{}
