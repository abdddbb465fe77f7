// Package finding is the shared vocabulary of PatchPatrol: every engine reports
// a Finding and every reporter prints one.
//
// It takes in nothing and depends on nothing but the standard library. It must
// never grow behaviour that belongs to a stage (parsing, scoring, printing):
// it only names things — where a problem is, what it is, how bad and how sure,
// why it matters (CWE, OWASP 2021, compliance), how to fix it and who found it.
package finding
