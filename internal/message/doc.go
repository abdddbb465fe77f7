// Package message is the commit-message engine: the PP7xx rules.
//
// It takes in an analysis.Message (the text of a commit message and where it
// came from: the COMMIT_EDITMSG file a commit-msg hook is given, or
// "commit <sha>") and gives out an analysis.Report of findings built from the
// rules in internal/rules, with Engine "builtin" and Path set to the message's
// Source.
//
// Messages are read as git would record them. Clean applies git's default
// "strip" cleanup: everything from the scissors line of a verbose commit
// ("# ------------------------ >8 ------------------------") on is dropped,
// lines starting with the comment character (core.commentChar, "#" by
// default) are removed, trailing whitespace and CRs go, runs of blank lines
// become one and leading and trailing blank lines are removed. Every cleaned
// line keeps the number of the line it came from, so findings point into the
// file the user edits. Lengths are counted in runes, not bytes; invalid UTF-8
// counts one rune per bad byte.
//
// The rules:
//
//	PP701 message-empty                    nothing left after cleanup
//	PP702 subject-too-long                 subject over MaxSubject (72) runes
//	PP703 subject-trailing-period          subject ends with "." (not "...")
//	PP704 missing-blank-line-after-subject line 2 is not blank
//	PP705 body-line-too-long               body line over MaxBody (100) runes
//	PP706 work-in-progress-commit          WIP, fixup!, squash!, amend! subjects
//	PP707 subject-not-conventional         only with Options.Conventional
//	PP708 message-discloses-exploit        exploit details for an unfixed weakness
//
// PP705 exempts lines that should not be wrapped: code and log output
// indented by four spaces or a tab, lines inside ``` or ~~~ fences, quoted
// text starting with ">", a single unbroken token (a path or a hash, after an
// optional list marker), lines that are too long only because of the URLs in
// them, and trailers in the final trailer block whose token names a person
// ("Signed-off-by", "Co-authored-by", any "…-by") or a reference ("Fixes",
// "Link", "Change-Id", …). When a subject is a WIP or autosquash subject,
// PP706 is the only subject rule reported; subjects git writes itself
// ("Merge branch …", "Revert \"…\"") are exempt from PP702 and PP707.
// PP708's heuristics are described in exploit.go; it favours precision and
// reads at most the first 64 KiB of a message.
//
// Fixtures live in testdata/<rule id>/, one commit message per .txt file.
// A "# want: PP702" comment cannot sit on the line it talks about, because
// git strips comment lines, so expectations are written as git comment lines
// that name their target line:
//
//	# want-line 1: PP702
//	# known-miss-line 5: PP708 paragraph-level proximity only
//	# options: conventional max-subject=50 max-body=80 comment-char=; types=feat,fix
//
// Annotation lines start with the file's comment character and are therefore
// removed by Clean before any rule looks at the message; the test checks
// that. Every line without a want-line annotation asserts that nothing is
// reported there.
//
// The package never reads files, runs git, touches the network or keeps
// state between calls; it never reports secrets (the secrets engine does),
// and it never panics, whatever bytes it is given.
package message
