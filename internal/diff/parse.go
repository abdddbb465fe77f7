package diff

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ParseError says where a diff stopped making sense and what was expected
// there. Line is the 1-based line number in the diff text.
type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("diff line %d: %s", e.Line, e.Msg) }

// maxLineNumber bounds hunk starts and counts, so that no arithmetic on them
// can overflow an int on any platform.
const maxLineNumber = 1 << 30

// Parse reads git's patch format, as printed by `git diff`, `git diff-index
// -p`, `git diff-tree -p`, `git show` and `git log -p` with --no-color and
// --no-ext-diff, and returns one File per `diff --git` section, in order.
//
// What it accepts:
//   - the a/ and b/ prefixes, other one-letter prefixes (diff.mnemonicPrefix)
//     and no prefix at all (--no-prefix); paths come from the `diff --git`
//     line, from `rename from/to` and `copy from/to`, and from ---/+++ only
//     when the first line is ambiguous;
//   - C-quoted paths ("caf\303\251.txt"), undone byte for byte;
//   - new, deleted, renamed and copied files, mode changes, symlinks,
//     submodules (their "Subproject commit" lines are ordinary hunk lines),
//     empty files (no hunks), and binary files (Binary set, no hunks) in
//     both the "Binary files … differ" and the "GIT binary patch" forms;
//   - hunk headers without counts (`@@ -1 +1 @@`), the section text after
//     the closing @@, "\ No newline at end of file" markers, and empty
//     context lines printed without their space (diff.suppressBlankEmpty);
//   - commit headers and messages before a diff (`git show`, `git log -p`,
//     `git format-patch`): text before the first `diff --git` line and after
//     a `commit <sha>` line is skipped.
//
// Line endings: Text never holds the line terminator. A "\r" before the
// "\n" is dropped as well, so a CRLF file yields the same Text as its LF
// twin; a change that only converts line endings still shows up, as deleted
// and added lines with equal Text. Read the blob when the exact bytes matter.
//
// Modes are as git printed them; a rename or copy without content change has
// no index line, and its modes stay empty unless git printed old/new mode.
//
// Combined diffs (`diff --cc`, `diff --combined`, from a merge commit) are
// rejected: diff a merge against its first parent instead. So are a plain
// unified diff without `diff --git` lines and git's "* Unmerged path" notes
// (an index with conflicts). Every error is a *ParseError
// naming the line and what was expected there. Parse never panics.
func Parse(r io.Reader) ([]File, error) {
	p := &parser{r: bufio.NewReaderSize(r, 64<<10)}
	if err := p.run(); err != nil {
		return nil, err
	}
	return p.files, nil
}

type state int

const (
	stPreamble    state = iota // before the first file, or after a commit header
	stHeader                   // after `diff --git`, reading extended header lines
	stMinus                    // after `--- `, expecting `+++ `
	stBetween                  // after `+++ ` or a finished hunk: expecting @@ or the next file
	stHunk                     // inside a hunk, lines still to come
	stBinaryPatch              // inside a "GIT binary patch" block
	stBinaryDone               // after "Binary files … differ"
)

// header is what the lines of one file section say about its paths, kept
// until the section ends so that every source of a name has been seen.
type header struct {
	line                 int    // the `diff --git` line
	gitNames             string // the text after "diff --git "
	renameFrom, renameTo string
	copyFrom, copyTo     string
	hasRename, hasCopy   bool
	minus, plus          string // names on the ---/+++ lines
	hasMinus, hasPlus    bool
	newFile, deleted     bool
}

type parser struct {
	r     *bufio.Reader
	n     int // number of the current line
	files []File

	st  state
	cur *File
	hdr header

	// the open hunk
	hunk             *Hunk
	oldRem, newRem   int // lines still expected on each side
	oldNext, newNext int // numbers of the next line on each side
	hunkStartLine    int // line number of the open hunk's header
	lastOld, lastNew int // highest numbers used so far in this file
	canMark          bool

	minusLine int // preamble: line number of a `--- ` line just seen
}

func (p *parser) errorf(line int, format string, args ...any) error {
	return &ParseError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// readLine returns the next line without its "\n" and one "\r" before it.
func (p *parser) readLine() (string, bool, error) {
	s, err := p.r.ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", false, fmt.Errorf("read diff after line %d: %w", p.n, err)
	}
	if s == "" && err != nil {
		return "", false, nil
	}
	p.n++
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	return s, true, nil
}

func (p *parser) run() error {
	for {
		line, ok, err := p.readLine()
		if err != nil {
			return err
		}
		if !ok {
			return p.finish()
		}
		if err := p.step(line); err != nil {
			return err
		}
	}
}

// finish checks the end of input and closes the last file.
func (p *parser) finish() error {
	if p.st == stHunk {
		return p.errorf(p.n+1, "diff ends inside the hunk at line %d: expected %s", p.hunkStartLine, p.remaining())
	}
	if p.st == stMinus {
		return p.errorf(p.n+1, "diff ends after `--- `: expected a `+++ ` line")
	}
	return p.endFile()
}

func (p *parser) remaining() string {
	return fmt.Sprintf("%d more old and %d more new lines", p.oldRem, p.newRem)
}

func (p *parser) step(line string) error {
	switch p.st {
	case stHunk:
		return p.hunkLineStep(line)
	case stMinus:
		if !strings.HasPrefix(line, "+++ ") {
			return p.errorf(p.n, "expected a `+++ ` line after the `--- ` line, found %s", show(line))
		}
		p.hdr.plus, p.hdr.hasPlus = p.fileName(line[4:])
		if !p.hdr.hasPlus {
			return p.errorf(p.n, "bad file name on the `+++ ` line: %s", show(line))
		}
		p.st = stBetween
		return nil
	case stPreamble:
		return p.preambleStep(line)
	}

	// States between lines of a file section: a new file or commit may start.
	if done, err := p.sectionStart(line); done || err != nil {
		return err
	}
	switch p.st {
	case stHeader:
		return p.headerStep(line)
	case stBetween:
		return p.betweenStep(line)
	case stBinaryPatch:
		return p.binaryStep(line)
	case stBinaryDone:
		if line == "" {
			return nil
		}
		return p.errorf(p.n, "expected the next `diff --git` line after the binary file note, found %s", show(line))
	}
	return p.errorf(p.n, "internal parser state %d", p.st)
}

// sectionStart handles lines that end a file section: the next `diff --git`,
// a combined diff, a commit header. done reports whether line was consumed.
func (p *parser) sectionStart(line string) (done bool, err error) {
	switch {
	case strings.HasPrefix(line, "diff --git "):
		if err := p.endFile(); err != nil {
			return true, err
		}
		p.startFile(line)
		return true, nil
	case isCombined(line):
		return true, p.combinedError(line)
	case strings.HasPrefix(line, unmergedPrefix):
		return true, p.unmergedError(line)
	case isCommitHeader(line), line == "-- ":
		// The next commit of `git log -p`, or format-patch's signature
		// separator (the git version follows it).
		if err := p.endFile(); err != nil {
			return true, err
		}
		p.st = stPreamble
		return true, nil
	}
	return false, nil
}

func isCombined(line string) bool {
	return strings.HasPrefix(line, "diff --cc ") || strings.HasPrefix(line, "diff --combined ") ||
		strings.HasPrefix(line, "@@@")
}

func (p *parser) combinedError(line string) error {
	return p.errorf(p.n, "combined diff (%s) from a merge commit is not supported: diff the merge against its first parent (`git diff-tree -p <merge>^1 <merge>`)", show(line))
}

// unmergedPrefix starts the line git prints instead of a diff for an index
// entry with merge conflicts.
const unmergedPrefix = "* Unmerged path "

func (p *parser) unmergedError(line string) error {
	return p.errorf(p.n, "unmerged path %s: resolve the merge conflict and stage the file with `git add`, then review again", show(strings.TrimPrefix(line, unmergedPrefix)))
}

// isCommitHeader recognises "commit <sha>" as git show and git log print it.
func isCommitHeader(line string) bool {
	rest, ok := strings.CutPrefix(line, "commit ")
	if !ok {
		return false
	}
	sha, _, _ := strings.Cut(rest, " ")
	return len(sha) >= 7 && len(sha) <= 64 && isHex(sha)
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

func (p *parser) preambleStep(line string) error {
	switch {
	case strings.HasPrefix(line, "diff --git "):
		p.startFile(line)
		return nil
	case isCombined(line):
		return p.combinedError(line)
	case strings.HasPrefix(line, unmergedPrefix):
		return p.unmergedError(line)
	case strings.HasPrefix(line, "--- "):
		p.minusLine = p.n
		return nil
	case strings.HasPrefix(line, "+++ ") && p.minusLine > 0 && p.minusLine == p.n-1:
		return p.errorf(p.minusLine, "unified diff without a `diff --git` line: expected git's patch format (`git diff`, `git show`)")
	}
	return nil
}

func (p *parser) startFile(line string) {
	p.cur = &File{}
	p.hdr = header{line: p.n, gitNames: strings.TrimPrefix(line, "diff --git ")}
	p.hunk = nil
	p.lastOld, p.lastNew = 0, 0
	p.canMark = false
	p.st = stHeader
}

func (p *parser) headerStep(line string) error {
	f, h := p.cur, &p.hdr
	key, val := headerField(line)
	switch key {
	case "old mode":
		f.OldMode = val
	case "new mode":
		f.NewMode = val
	case "new file mode":
		f.NewMode, h.newFile = val, true
	case "deleted file mode":
		f.OldMode, h.deleted = val, true
	case "rename from", "rename to", "copy from", "copy to":
		name, ok := p.fileName(val)
		if !ok {
			return p.errorf(p.n, "bad file name in %s", show(line))
		}
		switch key {
		case "rename from":
			h.renameFrom, h.hasRename = name, true
		case "rename to":
			h.renameTo, h.hasRename = name, true
		case "copy from":
			h.copyFrom, h.hasCopy = name, true
		default:
			h.copyTo, h.hasCopy = name, true
		}
	case "similarity index", "dissimilarity index":
	case "index":
		// index <old>..<new>[ <mode>]: the mode is both sides' when they agree.
		if _, mode, ok := strings.Cut(val, " "); ok {
			if f.OldMode == "" && !h.newFile {
				f.OldMode = mode
			}
			if f.NewMode == "" && !h.deleted {
				f.NewMode = mode
			}
		}
	default:
		return p.headerOther(line)
	}
	return nil
}

// headerField splits an extended header line into its keyword and value.
func headerField(line string) (key, val string) {
	for _, k := range [...]string{"old mode", "new mode", "new file mode", "deleted file mode",
		"rename from", "rename to", "copy from", "copy to", "similarity index",
		"dissimilarity index", "index"} {
		if v, ok := strings.CutPrefix(line, k+" "); ok {
			return k, v
		}
	}
	return "", line
}

// headerOther handles header lines that are not key-value pairs.
func (p *parser) headerOther(line string) error {
	switch {
	case strings.HasPrefix(line, "--- "):
		p.hdr.minus, p.hdr.hasMinus = p.fileName(line[4:])
		if !p.hdr.hasMinus {
			return p.errorf(p.n, "bad file name on the `--- ` line: %s", show(line))
		}
		p.st = stMinus
		return nil
	case strings.HasPrefix(line, "@@ "):
		return p.startHunk(line)
	case strings.HasPrefix(line, "Binary files ") && strings.HasSuffix(line, " differ"):
		p.cur.Binary = true
		p.st = stBinaryDone
		return nil
	case line == "GIT binary patch":
		p.cur.Binary = true
		p.st = stBinaryPatch
		return nil
	case line == "":
		p.st = stBetween
		return nil
	case 'a' <= line[0] && line[0] <= 'z':
		// An extended header line this parser does not know, from a newer git.
		return nil
	}
	return p.errorf(p.n, "expected an extended header line (index, mode, rename, ---) or a hunk after `diff --git` on line %d, found %s", p.hdr.line, show(line))
}

func (p *parser) betweenStep(line string) error {
	switch {
	case strings.HasPrefix(line, "@@ "):
		return p.startHunk(line)
	case strings.HasPrefix(line, `\`):
		if !p.canMark {
			return p.errorf(p.n, "`\\ No newline at end of file` must follow a hunk line")
		}
		p.canMark = false
		return nil
	case line == "":
		p.canMark = false
		return nil
	}
	return p.errorf(p.n, "expected a `@@` hunk header or the next `diff --git` line, found %s", show(line))
}

// startHunk opens the hunk whose header is line.
func (p *parser) startHunk(line string) error {
	h, err := parseHunkHeader(line)
	if err != nil {
		return p.errorf(p.n, "%v", err)
	}
	if h.OldLines > 0 && h.OldStart <= p.lastOld || h.OldLines == 0 && h.OldStart < p.lastOld ||
		h.NewLines > 0 && h.NewStart <= p.lastNew || h.NewLines == 0 && h.NewStart < p.lastNew {
		return p.errorf(p.n, "hunk %s overlaps or precedes the previous hunk: expected hunks in increasing line order", show(line))
	}
	p.cur.Hunks = append(p.cur.Hunks, h)
	p.hunk = &p.cur.Hunks[len(p.cur.Hunks)-1]
	p.hunkStartLine = p.n
	p.oldRem, p.newRem = h.OldLines, h.NewLines
	p.oldNext, p.newNext = h.OldStart, h.NewStart
	p.canMark = false
	if p.oldRem == 0 && p.newRem == 0 {
		p.st = stBetween
	} else {
		p.st = stHunk
	}
	return nil
}

// parseHunkHeader reads "@@ -a[,b] +c[,d] @@[ section]".
func parseHunkHeader(line string) (Hunk, error) {
	bad := func(why string) (Hunk, error) {
		return Hunk{}, fmt.Errorf("bad hunk header %s: %s; expected `@@ -<start>[,<count>] +<start>[,<count>] @@`", show(line), why)
	}
	rest, _ := strings.CutPrefix(line, "@@ -")
	if len(rest) == len(line) {
		return bad("no `-` range")
	}
	oldR, rest, ok := strings.Cut(rest, " +")
	if !ok {
		return bad("no `+` range")
	}
	newR, section, ok := strings.Cut(rest, " @@")
	if !ok {
		return bad("no closing `@@`")
	}
	var h Hunk
	var err error
	if h.OldStart, h.OldLines, err = parseRange(oldR); err != nil {
		return bad("old range: " + err.Error())
	}
	if h.NewStart, h.NewLines, err = parseRange(newR); err != nil {
		return bad("new range: " + err.Error())
	}
	h.Section = strings.TrimPrefix(section, " ")
	return h, nil
}

func parseRange(s string) (start, count int, err error) {
	a, b, hasCount := strings.Cut(s, ",")
	if start, err = parseNumber(a); err != nil {
		return 0, 0, err
	}
	count = 1
	if hasCount {
		if count, err = parseNumber(b); err != nil {
			return 0, 0, err
		}
	}
	if count > 0 && start == 0 {
		return 0, 0, errors.New("line 0 with a non-zero count")
	}
	if start+count > maxLineNumber {
		return 0, 0, errors.New("line numbers too large")
	}
	return start, count, nil
}

func parseNumber(s string) (int, error) {
	if s == "" || len(s) > 10 {
		return 0, fmt.Errorf("%q is not a line number", s)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Errorf("%q is not a line number", s)
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > maxLineNumber {
		return 0, fmt.Errorf("%q is not a line number", s)
	}
	return n, nil
}

func (p *parser) hunkLineStep(line string) error {
	kind := Context
	text := line
	if line != "" {
		kind = LineKind(line[0])
		text = line[1:]
	}
	l := Line{Kind: kind, Text: text}
	switch kind {
	case Context:
		if p.oldRem == 0 || p.newRem == 0 {
			return p.tooMany(line)
		}
		l.Old, l.New = p.oldNext, p.newNext
		p.oldNext, p.newNext = p.oldNext+1, p.newNext+1
		p.oldRem, p.newRem = p.oldRem-1, p.newRem-1
	case Delete:
		if p.oldRem == 0 {
			return p.tooMany(line)
		}
		l.Old = p.oldNext
		p.oldNext, p.oldRem = p.oldNext+1, p.oldRem-1
	case Add:
		if p.newRem == 0 {
			return p.tooMany(line)
		}
		l.New = p.newNext
		p.newNext, p.newRem = p.newNext+1, p.newRem-1
	case '\\':
		if !p.canMark {
			return p.errorf(p.n, "`\\ No newline at end of file` must follow a hunk line")
		}
		p.canMark = false
		return nil
	default:
		return p.errorf(p.n, "expected a hunk line starting with ' ', '+' or '-' (%s of the hunk at line %d), found %s", p.remaining(), p.hunkStartLine, show(line))
	}
	p.hunk.Lines = append(p.hunk.Lines, l)
	if l.Old > 0 {
		p.lastOld = l.Old
	}
	if l.New > 0 {
		p.lastNew = l.New
	}
	p.canMark = true
	if p.oldRem == 0 && p.newRem == 0 {
		p.st = stBetween
	}
	return nil
}

func (p *parser) tooMany(line string) error {
	return p.errorf(p.n, "hunk at line %d has more lines than its header says: expected %s, found %s", p.hunkStartLine, p.remaining(), show(line))
}

// binaryStep checks the lines of a "GIT binary patch": "literal <n>" or
// "delta <n>", base85 data lines, and blank lines between the two blocks.
func (p *parser) binaryStep(line string) error {
	if line == "" {
		return nil
	}
	for _, k := range [...]string{"literal ", "delta "} {
		if n, ok := strings.CutPrefix(line, k); ok {
			if _, err := parseNumber(n); err != nil {
				return p.errorf(p.n, "bad size in binary patch line %s", show(line))
			}
			return nil
		}
	}
	if !isBase85Line(line) {
		return p.errorf(p.n, "expected a base85 data line of the binary patch, found %s", show(line))
	}
	return nil
}

// isBase85Line checks git's binary patch line: a length letter (A-Z for 1-26
// bytes, a-z for 27-52) and five base85 characters per four bytes.
func isBase85Line(s string) bool {
	var n int
	switch c := s[0]; {
	case 'A' <= c && c <= 'Z':
		n = int(c-'A') + 1
	case 'a' <= c && c <= 'z':
		n = int(c-'a') + 27
	default:
		return false
	}
	if len(s)-1 != (n+3)/4*5 {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isBase85Char(s[i]) {
			return false
		}
	}
	return true
}

func isBase85Char(c byte) bool {
	switch {
	case '0' <= c && c <= '9', 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z':
		return true
	}
	return strings.IndexByte("!#$%&()*+-;<=>?@^_`{|}~", c) >= 0
}

// fileName reads a name on a ---/+++ or rename/copy line: C-quoted, or bare
// up to a tab (git appends one when the name has a space).
func (p *parser) fileName(s string) (string, bool) {
	if strings.HasPrefix(s, `"`) {
		name, n, err := unquoteC(s)
		if err != nil || strings.TrimSpace(s[n:]) != "" {
			return "", false
		}
		return name, true
	}
	name, _, _ := strings.Cut(s, "\t")
	return name, name != ""
}

// endFile resolves the open file's paths and status and appends it.
func (p *parser) endFile() error {
	if p.cur == nil {
		return nil
	}
	f, h := p.cur, &p.hdr
	p.cur, p.hunk = nil, nil

	if h.hasRename && h.hasCopy {
		return p.errorf(h.line, "file section has both rename and copy lines: expected one of them")
	}
	oldPath, newPath, ok := p.paths()
	if !ok {
		return p.errorf(h.line, "cannot tell the file names from `diff --git %s`: expected `a/<path> b/<path>`, or rename/copy lines", clip(h.gitNames))
	}
	f.OldPath, f.NewPath = oldPath, newPath
	switch {
	case h.newFile || h.hasMinus && h.minus == devNull:
		f.Status, f.OldPath = Added, ""
	case h.deleted || h.hasPlus && h.plus == devNull:
		f.Status, f.NewPath = Deleted, ""
	case h.hasRename:
		f.Status = Renamed
	case h.hasCopy:
		f.Status = Copied
	default:
		f.Status = Modified
	}
	p.files = append(p.files, *f)
	return nil
}

const devNull = "/dev/null"

// paths works out the old and new path of the open file section.
func (p *parser) paths() (oldPath, newPath string, ok bool) {
	h := &p.hdr
	switch {
	case h.hasRename:
		return h.renameFrom, h.renameTo, h.renameFrom != "" && h.renameTo != ""
	case h.hasCopy:
		return h.copyFrom, h.copyTo, h.copyFrom != "" && h.copyTo != ""
	}
	if path, ok := gitHeaderPath(h.gitNames); ok {
		return path, path, true
	}
	// Fall back to the ---/+++ names, without their one-letter prefixes.
	minus, plus := h.minus, h.plus
	if h.hasMinus && h.hasPlus && minus != devNull && plus != devNull {
		if a, b, ok := stripPrefixes(minus, plus); ok {
			minus, plus = a, b
		}
	} else {
		minus, plus = stripOne(minus), stripOne(plus)
	}
	switch {
	case h.hasMinus && h.hasPlus && minus == devNull:
		return plus, plus, plus != devNull && plus != ""
	case h.hasMinus && h.hasPlus && plus == devNull:
		return minus, minus, minus != ""
	case h.hasMinus && h.hasPlus:
		return minus, plus, minus != "" && plus != ""
	}
	return "", "", false
}

// gitHeaderPath finds the one path that the `diff --git` line names twice,
// with or without prefixes. Unquoted names may hold spaces, so the split
// point is searched for: the two halves must be equal, or equal after their
// first path component (the a/ and b/ prefixes). It runs in linear time
// whatever the line holds.
func gitHeaderPath(s string) (string, bool) {
	if strings.HasPrefix(s, `"`) {
		a, n, err := unquoteC(s)
		if err != nil || !strings.HasPrefix(s[n:], " ") {
			return "", false
		}
		b, ok := nameToEnd(s[n+1:])
		if !ok {
			return "", false
		}
		return samePath(a, b)
	}
	if strings.HasSuffix(s, `"`) {
		// A bare first name and a quoted second one. Inside a quoted name a
		// quote after a space would end it, so at most one ` "` starts a
		// quoted name that runs to the end, and each try stops at the next.
		for i := strings.Index(s, ` "`); i >= 0; {
			if b, ok := nameToEnd(s[i+1:]); ok {
				return samePath(s[:i], b)
			}
			next := strings.Index(s[i+2:], ` "`)
			if next < 0 {
				break
			}
			i += 2 + next
		}
	}
	// Both bare. Equal halves can only meet in the middle.
	if m := len(s) / 2; len(s)%2 == 1 && m > 0 && s[m] == ' ' && s[:m] == s[m+1:] {
		return s[:m], true
	}
	// Prefixed halves: s = P1 "/" x " " P2 "/" x, with no '/' in P1 or P2.
	// For a split at i, x ends the line and P2 ends at the first '/' after
	// i; as i grows that slash moves right and x's start moves left, so
	// they meet at most once.
	ia := strings.IndexByte(s, '/')
	if ia <= 0 {
		return "", false
	}
	next := -1 // the first '/' after the split, found lazily
	for i := ia + 2; i < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		if next <= i {
			j := strings.IndexByte(s[i+1:], '/')
			if j < 0 {
				break
			}
			next = i + 1 + j
		}
		x := s[ia+1 : i]
		if next == i+1 || next != len(s)-len(x)-1 {
			continue
		}
		if s[next+1:] == x {
			return x, true
		}
	}
	return "", false
}

// samePath returns the path two names share: equal as they are, or after
// their one-component prefixes.
func samePath(a, b string) (string, bool) {
	if a == b && a != "" {
		return a, true
	}
	if a, b, ok := stripPrefixes(a, b); ok && a == b {
		return a, true
	}
	return "", false
}

// nameToEnd reads a name that runs to the end of s: quoted or bare.
func nameToEnd(s string) (string, bool) {
	if strings.HasPrefix(s, `"`) {
		name, n, err := unquoteC(s)
		if err != nil || n != len(s) {
			return "", false
		}
		return name, true
	}
	return s, s != ""
}

// stripPrefixes removes the first path component of both names, as the a/
// and b/ (or mnemonic c/, i/, w/) prefixes are.
func stripPrefixes(a, b string) (string, string, bool) {
	i, j := strings.IndexByte(a, '/'), strings.IndexByte(b, '/')
	if i <= 0 || j <= 0 || i+1 == len(a) || j+1 == len(b) {
		return "", "", false
	}
	return a[i+1:], b[j+1:], true
}

func stripOne(s string) string {
	if s == devNull {
		return s
	}
	if i := strings.IndexByte(s, '/'); i > 0 && i+1 < len(s) {
		return s[i+1:]
	}
	return s
}

// unquoteC undoes git's C-style quoting (quote.c: quote_c_style) of the
// quoted string at the start of s, returning the name and the number of
// bytes of s it spanned, closing quote included.
func unquoteC(s string) (string, int, error) {
	if !strings.HasPrefix(s, `"`) {
		return "", 0, errors.New("not a quoted name")
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			return b.String(), i + 1, nil
		case '\\':
		default:
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(s) {
			break
		}
		switch c = s[i]; c {
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case '"', '\\':
			b.WriteByte(c)
		case '0', '1', '2', '3':
			if i+2 >= len(s) || !isOctal(s[i+1]) || !isOctal(s[i+2]) {
				return "", 0, fmt.Errorf("bad octal escape in %s", show(s))
			}
			b.WriteByte((c-'0')<<6 | (s[i+1]-'0')<<3 | (s[i+2] - '0'))
			i += 2
		default:
			return "", 0, fmt.Errorf("unknown escape \\%c in %s", c, show(s))
		}
	}
	return "", 0, fmt.Errorf("unterminated quoted name %s", show(s))
}

func isOctal(c byte) bool { return '0' <= c && c <= '7' }

// show quotes a line for an error message, shortened.
func show(s string) string { return strconv.Quote(clip(s)) }

func clip(s string) string {
	const max = 60
	if len(s) > max {
		return s[:max] + "…"
	}
	return s
}
