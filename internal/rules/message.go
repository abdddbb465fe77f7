package rules

import "github.com/patchpatrol/patchpatrol/internal/finding"

// messageRules is the PP7xx family: commit-message checks, implemented by
// internal/message.
var messageRules = []*Rule{
	MessageEmpty,
	SubjectTooLong,
	SubjectTrailingPeriod,
	MissingBlankLineAfterSubject,
	BodyLineTooLong,
	WorkInProgressCommit,
	SubjectNotConventional,
	MessageDisclosesExploit,
}

// References shared by the commit-message rules.
const (
	refGitCommitDiscussion = "git-commit, DISCUSSION: https://git-scm.com/docs/git-commit#_discussion"
	refGitCleanup          = "git-commit, option --cleanup: https://git-scm.com/docs/git-commit"
	refBeams               = "Chris Beams, How to Write a Git Commit Message: https://cbea.ms/git-commit/"
	refGitlintRules        = "gitlint built-in rules: https://jorisroovers.com/gitlint/latest/rules/builtin_rules/"
	refKernelPatches       = "Linux kernel, Submitting patches: https://www.kernel.org/doc/html/latest/process/submitting-patches.html"
)

// MessageEmpty flags a commit message that git's cleanup would leave empty.
var MessageEmpty = &Rule{
	ID:          "PP701",
	Name:        "message-empty",
	Title:       "Commit message is empty",
	Kind:        finding.KindQuality,
	Category:    "commit-message",
	Severity:    finding.High,
	Confidence:  finding.ConfidenceHigh,
	Remediation: "Write a subject line that says what the change does and why.",
	Engine:      EngineMessage,
	Status:      Stable,
	Since:       "v0.1.0",
	Doc: Doc{
		Flags: "A commit message that is empty once git's cleanup has run: nothing but whitespace, " +
			"comment lines (starting with `core.commentChar`, `#` by default) and whatever follows the " +
			"scissors line of a verbose commit.",
		Why: "Git refuses such a message unless `--allow-empty-message` is given, and a commit without a " +
			"message tells reviewers, `git log`, `git blame` and `git bisect` nothing about why the code changed. " +
			"A hook that runs before git's own check can say so with the rest of the review.",
		Example: "\n# Please enter the commit message for your changes. Lines starting\n" +
			"# with '#' will be ignored, and an empty message aborts the commit.\n",
		Fix: "Validate upload size before reading the body\n\n" +
			"Large uploads were read into memory before the size check ran.\n",
		References: []string{refGitCleanup, refGitCommitDiscussion, refBeams},
	},
}

// SubjectTooLong flags a subject line over the configured length.
var SubjectTooLong = &Rule{
	ID:          "PP702",
	Name:        "subject-too-long",
	Title:       "Commit subject line is too long",
	Kind:        finding.KindQuality,
	Category:    "commit-message",
	Severity:    finding.Low,
	Confidence:  finding.ConfidenceHigh,
	Remediation: "Shorten the subject to the limit and move the details into the body.",
	Engine:      EngineMessage,
	Status:      Stable,
	Since:       "v0.1.0",
	Aliases:     []string{"T1"},
	Doc: Doc{
		Flags: "A subject (the first line of the cleaned message) longer than 72 characters, counted in " +
			"Unicode code points; the limit is configurable. Subjects that git writes itself (`Merge branch …`, " +
			"`Merge pull request …`, `Revert \"…\"`) and autosquash subjects (`fixup! …`, reported by PP706) are " +
			"not measured.",
		Why: "`git log --oneline`, `git shortlog`, e-mailed patches and code-hosting UIs show the subject alone " +
			"and cut it short; a subject that does not fit is truncated exactly where it says what changed. " +
			"gitlint's T1 uses the same default limit.",
		Example: "Refactor the session store so that expired sessions are purged by a background job instead of on every request\n",
		Fix: "Purge expired sessions in a background job\n\n" +
			"Purging on every request added a full table scan to each page view.\n",
		References: []string{refGitCommitDiscussion, refBeams, refGitlintRules},
	},
}

// SubjectTrailingPeriod flags a subject that ends with a full stop.
var SubjectTrailingPeriod = &Rule{
	ID:          "PP703",
	Name:        "subject-trailing-period",
	Title:       "Commit subject ends with a period",
	Kind:        finding.KindQuality,
	Category:    "commit-message",
	Severity:    finding.Low,
	Confidence:  finding.ConfidenceHigh,
	Remediation: "Drop the period at the end of the subject line.",
	Engine:      EngineMessage,
	Status:      Stable,
	Since:       "v0.1.0",
	Aliases:     []string{"T3"},
	Doc: Doc{
		Flags: "A subject line whose last character is a full stop (`.`). An ellipsis (`...` or `…`) is not " +
			"flagged. gitlint's T3 covers this case among other trailing punctuation.",
		Why: "The subject is a title, not a sentence: it is read in one-line lists, used as an e-mail subject by " +
			"`git format-patch`, and a trailing period costs one of the few characters it has.",
		Example: "Add retry to the webhook sender.\n",
		Fix:     "Add retry to the webhook sender\n",
		References: []string{refBeams, refGitlintRules,
			"Git's own SubmittingPatches: https://git-scm.com/docs/SubmittingPatches#describe-changes"},
	},
}

// MissingBlankLineAfterSubject flags a body that starts on the second line.
var MissingBlankLineAfterSubject = &Rule{
	ID:          "PP704",
	Name:        "missing-blank-line-after-subject",
	Title:       "No blank line between commit subject and body",
	Kind:        finding.KindQuality,
	Category:    "commit-message",
	Severity:    finding.Low,
	Confidence:  finding.ConfidenceHigh,
	Remediation: "Leave the second line of the message empty so the subject stands alone.",
	Engine:      EngineMessage,
	Status:      Stable,
	Since:       "v0.1.0",
	Aliases:     []string{"B4"},
	Doc: Doc{
		Flags: "A cleaned message whose second line is not empty. Comment lines do not count: a comment " +
			"between subject and body is removed by git, so the body would follow the subject directly.",
		Why: "Git treats the first paragraph, up to the first blank line, as the subject: `git log --format=%s`, " +
			"`git format-patch` and `git rebase` join the lines of that paragraph into one long title, " +
			"so the body leaks into every one-line view.",
		Example:    "Cache parsed templates\nParsing dominated render time on the dashboard.\n",
		Fix:        "Cache parsed templates\n\nParsing dominated render time on the dashboard.\n",
		References: []string{refGitCommitDiscussion, refBeams, refGitlintRules},
	},
}

// BodyLineTooLong flags a body line over the configured length.
var BodyLineTooLong = &Rule{
	ID:          "PP705",
	Name:        "body-line-too-long",
	Title:       "Commit body line is too long",
	Kind:        finding.KindQuality,
	Category:    "commit-message",
	Severity:    finding.Low,
	Confidence:  finding.ConfidenceMedium,
	Remediation: "Wrap body text at the limit; keep URLs, logs and code on lines of their own.",
	Engine:      EngineMessage,
	Status:      Stable,
	Since:       "v0.1.0",
	Aliases:     []string{"B1"},
	Doc: Doc{
		Flags: "A body line longer than 100 characters (configurable), counted in Unicode code points. " +
			"Lines that cannot or should not be wrapped are exempt: lines whose overflow is due to URLs alone, " +
			"a single unbroken token (a path, a hash), quoted text starting with `>`, code or log output " +
			"indented by four spaces or a tab, lines inside ``` fences, and trailers such as `Signed-off-by:` " +
			"and `Co-authored-by:`. gitlint's B1 is the same check with a default of 80.",
		Why: "Git does not wrap messages: `git log` indents the body by four columns and prints it as written, " +
			"so long lines run off terminals, side-by-side views and e-mailed patches.",
		Example: "Fix rounding in invoice totals\n\n" +
			"Totals were rounded per line item and then summed, which drifted by a cent on invoices with many lines and upset the accounting export.\n",
		Fix: "Fix rounding in invoice totals\n\n" +
			"Totals were rounded per line item and then summed, which drifted by a\n" +
			"cent on invoices with many lines and upset the accounting export.\n",
		References: []string{refGitCommitDiscussion, refBeams, refGitlintRules, refKernelPatches},
	},
}

// WorkInProgressCommit flags WIP and autosquash commits.
var WorkInProgressCommit = &Rule{
	ID:          "PP706",
	Name:        "work-in-progress-commit",
	Title:       "Work-in-progress or autosquash commit",
	Kind:        finding.KindQuality,
	Category:    "commit-message",
	Severity:    finding.Medium,
	Confidence:  finding.ConfidenceHigh,
	Remediation: "Finish or squash the commit (`git rebase -i --autosquash`) before it is shared.",
	Engine:      EngineMessage,
	Status:      Stable,
	Since:       "v0.1.0",
	Aliases:     []string{"T5", "CC2"},
	Doc: Doc{
		Flags: "A subject that starts with the word WIP in any case (`WIP`, `wip:`, `[WIP]`, `(wip)`), or with " +
			"git's autosquash markers `fixup!`, `squash!` or `amend!`. Words that merely begin with the letters " +
			"(`Wipe`, `WIPO`) are not flagged. gitlint's T5 (default word WIP) and CC2 cover the same subjects.",
		Why: "Such commits are meant to be rewritten before anyone else sees them: `git rebase --autosquash` " +
			"folds `fixup!` commits into their target, and WIP commits are often broken. Merged as they are, " +
			"they leave unbuildable points that break `git bisect` and a history that explains nothing.",
		Example: "fixup! Add retry to the webhook sender\n",
		Fix:     "Add retry to the webhook sender\n\n(the fixup folded in with git rebase -i --autosquash)\n",
		References: []string{
			"git-rebase, option --autosquash: https://git-scm.com/docs/git-rebase",
			"git-commit, option --fixup: https://git-scm.com/docs/git-commit",
			refGitlintRules,
			"gitlint contrib rules (CC2): https://jorisroovers.com/gitlint/latest/rules/contrib_rules/",
		},
	},
}

// SubjectNotConventional flags a subject that is not a Conventional Commit.
var SubjectNotConventional = &Rule{
	ID:          "PP707",
	Name:        "subject-not-conventional",
	Title:       "Commit subject does not follow Conventional Commits",
	Kind:        finding.KindQuality,
	Category:    "commit-message",
	Severity:    finding.Low,
	Confidence:  finding.ConfidenceHigh,
	Remediation: "Write the subject as `type(scope): description` with one of the allowed types.",
	Engine:      EngineMessage,
	Status:      Stable,
	Since:       "v0.1.0",
	Aliases:     []string{"CT1"},
	Doc: Doc{
		Flags: "Only when Conventional Commits are switched on: a subject that is not `type(scope)!: description` " +
			"as in Conventional Commits 1.0 — a type, an optional non-empty scope in parentheses, an optional `!`, " +
			"a colon, one space and a non-empty description. The type must be one of the configured types " +
			"(default feat, fix, docs, style, refactor, perf, test, build, ci, chore, revert), compared " +
			"case-insensitively as the specification asks. Merge and revert subjects written by git, and " +
			"autosquash subjects, are not checked. gitlint's contrib rule CT1 is the equivalent.",
		Why: "Release tooling (changelog generators, semantic-release) reads the type and the `!` to decide " +
			"what goes into the changelog and which version number comes next; a subject it cannot parse is " +
			"silently left out of the release notes.",
		Example: "Added dark mode toggle\n",
		Fix:     "feat(ui): add dark mode toggle\n",
		References: []string{
			"Conventional Commits 1.0.0: https://www.conventionalcommits.org/en/v1.0.0/",
			"gitlint contrib rules (CT1): https://jorisroovers.com/gitlint/latest/rules/contrib_rules/",
			"commitlint config-conventional: https://github.com/conventional-changelog/commitlint/tree/master/%40commitlint/config-conventional",
		},
	},
}

// MessageDisclosesExploit flags a message that explains how to exploit a
// weakness the commit leaves open.
var MessageDisclosesExploit = &Rule{
	ID:          "PP708",
	Name:        "message-discloses-exploit",
	Title:       "Commit message discloses how to exploit an unfixed weakness",
	Kind:        finding.KindSecurity,
	Category:    "information-disclosure",
	Severity:    finding.Medium,
	Confidence:  finding.ConfidenceMedium,
	CWE:         200,
	OWASP:       finding.A01,
	Remediation: "Reword the message to describe the change, and report the weakness privately through the security process.",
	Engine:      EngineMessage,
	Status:      Stable,
	Since:       "v0.1.0",
	Doc: Doc{
		Flags: "A message that spells out how to exploit a weakness the commit does not fix: a vulnerability " +
			"class, CVE id, payload or exploit outcome next to an \"unfixed\" marker (`not fixed yet`, " +
			"`unpatched`, `still vulnerable`, `TODO: fix`), or, in a commit that is not a fix, instructions " +
			"(`to bypass auth set header …`, `if you send …`, `steps to exploit`) together with an outcome " +
			"(`accepts any password`, `read arbitrary files`) or a proof-of-concept payload (`' OR 1=1 --`, " +
			"`<script>`, `../../etc/passwd`, `${jndi:`). Severity is raised to HIGH when a payload appears next " +
			"to an unfixed marker. Ordinary fix, hardening, test and dependency-bump messages are not flagged, " +
			"even when they name the weakness or quote the payload they now block: the rule prefers silence " +
			"to a false alarm.",
		Why: "Commit messages are copied to every clone and fork, mirrored, indexed by search engines and " +
			"cannot be taken back once pushed. Instructions for an open hole published there hand attackers a " +
			"working exploit before users can update, which is what coordinated disclosure exists to prevent.",
		Example: "Add bulk export endpoint\n\n" +
			"Known issue: the q parameter is concatenated into the query, so\n" +
			"q=' OR '1'='1 returns every customer. Not fixed yet.\n",
		Fix: "Add bulk export endpoint\n\n" +
			"Exports run in a background job and are streamed as CSV.\n" +
			"(The query problem goes to security@ and is tracked in a private advisory.)\n",
		References: []string{
			"CWE-200: Exposure of Sensitive Information to an Unauthorized Actor: https://cwe.mitre.org/data/definitions/200.html",
			"OWASP Top 10 2021 A01 Broken Access Control: https://owasp.org/Top10/A01_2021-Broken_Access_Control/",
			"OWASP Vulnerability Disclosure Cheat Sheet: https://cheatsheetseries.owasp.org/cheatsheets/Vulnerability_Disclosure_Cheat_Sheet.html",
			"GitHub, Privately reporting a security vulnerability: https://docs.github.com/en/code-security/security-advisories/guidance-on-reporting-and-writing-information-about-vulnerabilities/privately-reporting-a-security-vulnerability",
		},
	},
}
