// Package secrets is the secrets engine: it finds credentials (rules
// PP101–PP110: cloud and SaaS tokens, private keys, JWTs, high-entropy values
// assigned to secret-like names) in any text file or commit message, and
// masks them.
//
// It takes in file content (analysis.Unit, read from git by the caller),
// commit messages (analysis.Message) or plain text, and gives out findings,
// byte-offset matches (Find), redacted text (Redact) and masked display forms
// (Mask). Each detector runs only next to a cheap keyword hit, so clean text
// costs a few substring searches.
//
// It must never let a raw secret leave it: every Finding field (message,
// snippet, title, remediation) carries a masked value at most, and Redact's
// output holds no value that Find reports. It never reads the work tree, runs
// git, logs, or keeps state between calls; a Detector is safe for concurrent
// use.
package secrets
