package message

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// Defaults of Options.
const (
	DefaultMaxSubject = 72
	DefaultMaxBody    = 100
)

// engineName is the Finding.Engine of every finding of this package.
const engineName = "builtin"

// maxSnippet is the longest snippet, in runes, a finding carries.
const maxSnippet = 200

// DefaultConventionalTypes are the Conventional Commits types allowed when
// Options.ConventionalTypes is empty: the set of @commitlint/config-conventional.
func DefaultConventionalTypes() []string {
	return []string{"feat", "fix", "docs", "style", "refactor", "perf", "test", "build", "ci", "chore", "revert"}
}

// Options configures a Checker. The zero value checks with git's and
// PatchPatrol's defaults and leaves Conventional Commits off.
type Options struct {
	MaxSubject        int      // longest subject in runes; 0 means 72
	MaxBody           int      // longest body line in runes; 0 means 100
	Conventional      bool     // check subjects against Conventional Commits 1.0 (PP707)
	ConventionalTypes []string // allowed types; empty means DefaultConventionalTypes
	CommentChar       string   // git's core.commentChar; "" or "auto" means "#"
}

var typeName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// Validate reports the first problem with user-supplied options, worded for
// a config file. New accepts any Options and falls back to defaults, so
// calling Validate is the caller's way to tell the user.
func (o Options) Validate() error {
	if o.MaxSubject < 0 {
		return fmt.Errorf("message: max subject length %d is negative: use a positive number, or 0 for %d", o.MaxSubject, DefaultMaxSubject)
	}
	if o.MaxBody < 0 {
		return fmt.Errorf("message: max body line length %d is negative: use a positive number, or 0 for %d", o.MaxBody, DefaultMaxBody)
	}
	for _, t := range o.ConventionalTypes {
		if !typeName.MatchString(strings.TrimSpace(t)) {
			return fmt.Errorf("message: conventional type %q is not a word: use letters, digits, '-' or '_', such as \"feat\"", t)
		}
	}
	if c := o.CommentChar; c != "" && (strings.ContainsAny(c, "\r\n") || strings.TrimSpace(c) == "") {
		return fmt.Errorf("message: comment char %q is blank or spans lines: set it to git's core.commentChar, such as \"#\"", c)
	}
	return nil
}

// Checker runs the PP7xx commit-message rules. It holds only its options and
// is safe for concurrent use.
type Checker struct {
	maxSubject   int
	maxBody      int
	conventional bool
	types        []string        // allowed types, lower case, in the user's order
	typeSet      map[string]bool // the same, for look-up
	commentChar  string
}

var _ analysis.MessageAnalyzer = (*Checker)(nil)

// New returns a Checker for o. Zero, negative and blank settings fall back to
// their defaults; Options.Validate reports them.
func New(o Options) *Checker {
	c := &Checker{
		maxSubject:   o.MaxSubject,
		maxBody:      o.MaxBody,
		conventional: o.Conventional,
		commentChar:  normalizeCommentChar(o.CommentChar),
		typeSet:      map[string]bool{},
	}
	if c.maxSubject <= 0 {
		c.maxSubject = DefaultMaxSubject
	}
	if c.maxBody <= 0 {
		c.maxBody = DefaultMaxBody
	}
	for _, t := range o.ConventionalTypes {
		t = strings.ToLower(strings.TrimSpace(t))
		if typeName.MatchString(t) && !c.typeSet[t] {
			c.types = append(c.types, t)
			c.typeSet[t] = true
		}
	}
	if len(c.types) == 0 {
		for _, t := range DefaultConventionalTypes() {
			c.types = append(c.types, t)
			c.typeSet[t] = true
		}
	}
	return c
}

// Name returns "message".
func (c *Checker) Name() string { return "message" }

// AnalyzeMessage checks one commit message. Findings carry m.Source as their
// path and line numbers of m.Text as written, before git's cleanup.
func (c *Checker) AnalyzeMessage(ctx context.Context, m *analysis.Message) (analysis.Report, error) {
	if m == nil {
		return analysis.Report{}, fmt.Errorf("analyze commit message: no message given")
	}
	if err := ctx.Err(); err != nil {
		return analysis.Report{}, fmt.Errorf("analyze commit message %s: %w", m.Source, err)
	}
	lines := Clean(m.Text, c.commentChar)
	r := &run{c: c, path: m.Source}
	if len(lines) == 0 {
		msg := "commit message is empty"
		if strings.TrimSpace(m.Text) != "" {
			msg = "commit message is empty once git removes comments and blank lines"
		}
		r.add(rules.MessageEmpty, 1, 1, 0, msg, "")
		return r.report(), nil
	}
	r.subject(lines[0])
	if len(lines) > 1 && lines[1].Text != "" {
		r.add(rules.MissingBlankLineAfterSubject, lines[1].Number, 1, 0,
			"line 2 of the message is not blank: leave an empty line between the subject and the body", lines[1].Text)
	}
	if err := r.body(ctx, lines); err != nil {
		return analysis.Report{}, fmt.Errorf("analyze commit message %s: %w", m.Source, err)
	}
	if d, ok := detectDisclosure(lines); ok {
		f := r.add(rules.MessageDisclosesExploit, d.line.Number, d.column, 0, d.message(), d.line.Text)
		f.Severity = d.severity
	}
	return r.report(), nil
}

// run collects the findings of one message.
type run struct {
	c        *Checker
	path     string
	findings []finding.Finding
}

func (r *run) add(rule *rules.Rule, line, col, endCol int, msg, snippet string) *finding.Finding {
	f := rule.NewFinding(r.path, line, col, msg)
	f.EndColumn = endCol
	f.Engine = engineName
	f.Snippet = truncate(snippet, maxSnippet)
	r.findings = append(r.findings, f)
	return &r.findings[len(r.findings)-1]
}

func (r *run) report() analysis.Report {
	fs := r.findings
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Line != fs[j].Line {
			return fs[i].Line < fs[j].Line
		}
		return fs[i].RuleID < fs[j].RuleID
	})
	finding.AssignFingerprints(fs)
	return analysis.Report{Findings: fs}
}

var (
	// autosquashRE matches the subjects `git commit --fixup/--squash` write.
	autosquashRE = regexp.MustCompile(`^(fixup|squash|amend)!(\s|$)`)
	// wipRE matches a leading WIP word, bare or bracketed, in any case.
	wipRE = regexp.MustCompile(`(?i)^\s*[\[(]?wip\b`)
	// generatedRE matches subjects git and code hosts write themselves.
	generatedRE = regexp.MustCompile(`^(Merge (branch(es)? |remote-tracking branch |tag |commit |pull request #\d+ )|(Revert|Reapply) ")`)
	// conventionalRE splits `type(scope)!: description`.
	conventionalRE = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_-]*)(\(([^()]*)\))?(!)?:(.*)$`)
)

// subject runs the subject-line rules: PP706 first, and when the subject is
// a WIP or autosquash subject the other subject rules stay quiet, since the
// commit is to be rewritten anyway.
func (r *run) subject(l Line) {
	s := l.Text
	if m := autosquashRE.FindStringSubmatch(s); m != nil {
		r.add(rules.WorkInProgressCommit, l.Number, 1, 0, fmt.Sprintf(
			"subject starts with %q: fold it into its target with `git rebase -i --autosquash` before sharing it", m[1]+"!"), s)
		return
	}
	if wipRE.MatchString(s) {
		r.add(rules.WorkInProgressCommit, l.Number, 1, 0,
			"subject marks a work-in-progress commit: finish it or squash it before sharing it", s)
		return
	}
	generated := generatedRE.MatchString(s)
	n := utf8.RuneCountInString(s)
	if n > r.c.maxSubject && !generated {
		r.add(rules.SubjectTooLong, l.Number, r.c.maxSubject+1, n, fmt.Sprintf(
			"subject is %d characters; keep it within %d", n, r.c.maxSubject), s)
	}
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "...") {
		r.add(rules.SubjectTrailingPeriod, l.Number, n, n, "subject ends with a period", s)
	}
	if r.c.conventional && !generated {
		if msg := r.c.conventionalProblem(s); msg != "" {
			r.add(rules.SubjectNotConventional, l.Number, 1, 0, msg, s)
		}
	}
}

// conventionalProblem explains why s is not a Conventional Commits subject,
// or returns "".
func (c *Checker) conventionalProblem(s string) string {
	idx := conventionalRE.FindStringSubmatchIndex(s)
	if idx == nil {
		return fmt.Sprintf("subject is not a Conventional Commit: write `type(scope): description` with a type such as %s",
			strings.Join(c.types[:min(3, len(c.types))], ", "))
	}
	typ := s[idx[2]:idx[3]]
	if !c.typeSet[strings.ToLower(typ)] {
		return fmt.Sprintf("type %q is not one of %s", typ, strings.Join(c.types, ", "))
	}
	if idx[6] >= 0 && strings.TrimSpace(s[idx[6]:idx[7]]) == "" {
		return "scope is empty: write `type(scope): ` or drop the parentheses"
	}
	desc := s[idx[10]:idx[11]]
	switch {
	case strings.TrimSpace(desc) == "":
		return "description after the colon is empty"
	case !strings.HasPrefix(desc, " ") || strings.HasPrefix(desc, "  ") || strings.HasPrefix(desc, " \t"):
		return "put exactly one space between the colon and the description"
	}
	return ""
}

// body runs PP705 over every line after the subject.
func (r *run) body(ctx context.Context, lines []Line) error {
	trailers := trailerBlock(lines)
	inFence := false
	for i := 1; i < len(lines); i++ {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		s := lines[i].Text
		if fence(s) {
			inFence = !inFence
			continue
		}
		n := utf8.RuneCountInString(s)
		if n <= r.c.maxBody || inFence || trailers[i] || r.c.exemptLong(s) {
			continue
		}
		r.add(rules.BodyLineTooLong, lines[i].Number, r.c.maxBody+1, n, fmt.Sprintf(
			"body line is %d characters; wrap it within %d", n, r.c.maxBody), s)
	}
	return nil
}

// fence reports whether s opens or closes a fenced code block.
func fence(s string) bool {
	t := strings.TrimLeft(s, " ")
	return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")
}

var (
	urlRE        = regexp.MustCompile(`(?i)(^|[^A-Za-z0-9])([a-z][a-z0-9+.-]*://\S|www\.\S)`)
	listMarkerRE = regexp.MustCompile(`^(\s*([-*+]|\d+[.)]|\[\d+\]:?))\s+`)
)

// exemptLong reports whether a long body line is one that should not be
// wrapped: code or log output indented four columns, quoted text, a single
// unbroken token (after an optional list marker), or a line that is too
// long only because of the URLs in it.
func (c *Checker) exemptLong(s string) bool {
	if strings.HasPrefix(s, "\t") || strings.HasPrefix(s, "    ") {
		return true
	}
	if strings.HasPrefix(strings.TrimLeft(s, " "), ">") {
		return true
	}
	rest := strings.TrimSpace(listMarkerRE.ReplaceAllString(s, ""))
	if !strings.ContainsAny(rest, " \t") {
		return true
	}
	hasURL := false
	without := 0
	for i, tok := range strings.Fields(s) {
		if urlRE.MatchString(tok) {
			hasURL = true
			continue
		}
		if i > 0 {
			without++ // the space before the token
		}
		without += utf8.RuneCountInString(tok)
	}
	return hasURL && without <= c.maxBody
}

var trailerRE = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9-]*|BREAKING CHANGE)\s?:\s?\S`)

// trailerKeys are trailer tokens whose values are references or identities,
// never prose; any token ending in "-by" is one too.
var trailerKeys = map[string]bool{
	"bug": true, "cc": true, "change-id": true, "closes": true, "fixes": true, "issue": true,
	"link": true, "refs": true, "references": true, "related": true, "resolves": true, "see-also": true,
}

// trailerBlock marks the lines of the trailing trailer block that are exempt
// from the length rule. As in git interpret-trailers, the block is the last
// paragraph when it consists of `Token: value` lines and their indented
// continuations; of those, lines whose token names a person (`…-by`) or a
// reference (`Fixes`, `Link`, `Change-Id`, …) are exempt, while notes such as
// `BREAKING CHANGE:` are prose and must still be wrapped.
func trailerBlock(lines []Line) map[int]bool {
	start := len(lines)
	for start > 1 && lines[start-1].Text != "" {
		start--
	}
	if start <= 1 { // only the subject paragraph: no body, no trailers
		return nil
	}
	block := map[int]bool{}
	seen := false
	for i := start; i < len(lines); i++ {
		s := lines[i].Text
		switch {
		case trailerRE.MatchString(s):
			seen = true
			key := strings.ToLower(strings.TrimSpace(s[:strings.IndexByte(s, ':')]))
			block[i] = strings.HasSuffix(key, "-by") || trailerKeys[key]
		case seen && (strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\t")):
			block[i] = block[i-1]
		default:
			return nil
		}
	}
	return block
}

// truncate cuts s to at most n runes, ending a cut string with "…", and
// replaces invalid UTF-8, so snippets are safe to print and to encode.
func truncate(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if n <= 0 || utf8.RuneCountInString(s) <= n {
		return s
	}
	k := 0
	for i := range s {
		if k == n-1 {
			return s[:i] + "…"
		}
		k++
	}
	return s
}
