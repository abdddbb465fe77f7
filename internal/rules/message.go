package rules

// messageRules is the PP7xx family: commit-message checks.
var messageRules = []*Rule{}
