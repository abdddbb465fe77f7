package llm

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/patchpatrol/patchpatrol/internal/diff"
	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// Input is what one AI review looks at. Text in it is raw: the Reviewer
// redacts everything before it is put in a prompt.
type Input struct {
	Mode    string // "security" or "code-quality"
	Target  string // "staged changes", "commit abc1234 ..."
	Files   []diff.File
	Message string // the commit message under review, "" when none
	// Static are the embedded engine's active findings, fingerprints set,
	// given to the model as context.
	Static       []finding.Finding
	Instructions string // [patchpatrol.prompts] custom_instructions
	// PatchID identifies Files (git patch-id --stable) for the cache; with
	// files but no PatchID nothing is cached.
	PatchID string
}

// Options tune the Reviewer.
type Options struct {
	Temperature float64
	TopP        float64
	MaxTokens   int // answer length limit per call
	// ContextWindow is the model's window in tokens; 0 uses ContextWindow(spec).
	ContextWindow int
	// MaxChunkTokens caps a chunk's diff below the window (0: 12000): models
	// review a few hundred lines better than a whole large change at once.
	MaxChunkTokens int
	Concurrency    int // chunks reviewed at once (0: 1)
	// Redact masks secrets and other high-entropy tokens and counts them; nil
	// sends text unredacted (the caller allows that for loopback only).
	Redact func(string) (string, int)
}

// Skip is a file the model did not review, and why.
type Skip struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// Outcome is the merged result of an AI review.
type Outcome struct {
	Model           string          `json:"model"` // backend:model
	Score           *float64        `json:"score,omitempty"`
	Verdict         string          `json:"verdict,omitempty"`
	Severity        string          `json:"severity,omitempty"`
	Comments        []string        `json:"comments,omitempty"`
	Issues          []Issue         `json:"issues,omitempty"`
	FalsePositives  []FalsePositive `json:"false_positives,omitempty"`
	OWASP           []string        `json:"owasp,omitempty"`
	Compliance      []string        `json:"compliance,omitempty"`
	Reviewed        []string        `json:"reviewed,omitempty"`
	NotReviewed     []Skip          `json:"not_reviewed,omitempty"`
	MessageReviewed bool            `json:"message_reviewed,omitempty"`
	Redacted        int             `json:"redacted"`
	Chunks          int             `json:"chunks"`
	Calls           int             `json:"calls"`
	InputTokens     int             `json:"input_tokens"`
	OutputTokens    int             `json:"output_tokens"`
	// Failures are the errors of the calls that failed, one per chunk.
	Failures []string `json:"failures,omitempty"`
	// Cached is set when the outcome came from the cache.
	Cached bool `json:"-"`
}

// Reviewer runs AI reviews: it redacts, chunks the change under a token
// budget, calls the provider for each chunk in bounded parallel, validates
// and repairs answers (one re-ask), splits chunks whose answer was cut off,
// and merges.
type Reviewer struct {
	provider Provider
	spec     Spec
	opts     Options
	val      *Validator
	cache    *Cache
	schema   []byte
	nonce    func() string
}

// NewReviewer returns a Reviewer for spec through p; cache may be nil.
func NewReviewer(p Provider, spec Spec, opts Options, cache *Cache) (*Reviewer, error) {
	v, err := NewValidator()
	if err != nil {
		return nil, err
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = 1
	}
	if opts.MaxChunkTokens <= 0 {
		opts.MaxChunkTokens = 12000
	}
	if opts.MaxTokens <= 0 {
		opts.MaxTokens = 1024
	}
	return &Reviewer{provider: p, spec: spec, opts: opts, val: v, cache: cache, schema: []byte(AnswerSchema), nonce: newNonce}, nil
}

// Plan is what would be sent: the chunks with their prompts, already
// redacted.
type Plan struct {
	Model       string
	System      string
	Chunks      []*Chunk
	NotReviewed []Skip
	Redacted    int
	Window      int // the model's context window
	Budget      int // diff tokens per chunk
	MaxTokens   int
	message     bool
	builder     *builder
}

// InputTokens estimates the prompt tokens of every chunk together.
func (p *Plan) InputTokens() int {
	n := 0
	for _, c := range p.Chunks {
		n += c.Tokens
	}
	return n
}

// builder turns pieces into chunks with prompts; it keeps what every chunk
// of one review shares.
type builder struct {
	target   string
	nonce    string
	system   string
	headers  map[string]string
	static   map[string][]string // path -> prompt lines
	general  []string            // findings not tied to a file (the message, the whole change)
	message  string              // redacted
	parts    int
	maxLines int
}

func (b *builder) chunk(pieces []piece, withMessage bool, part int) *Chunk {
	text, files := diffText(pieces, b.headers)
	var st strings.Builder
	n := 0
	add := func(lines []string) {
		for _, l := range lines {
			if n >= b.maxLines {
				return
			}
			st.WriteString(l)
			n++
		}
	}
	if part == 1 || withMessage {
		add(b.general)
	}
	for _, f := range files {
		add(b.static[f])
	}
	msg := ""
	if withMessage {
		msg = b.message
	}
	prompt := userPrompt(b.target, b.nonce, st.String(), text, msg, part, b.parts)
	return &Chunk{Files: files, Message: withMessage, pieces: pieces, System: b.system, Prompt: prompt,
		Tokens: EstimateTokens(b.system) + EstimateTokens(prompt)}
}

// Plan redacts the input and splits it into chunks; it makes no call.
func (r *Reviewer) Plan(in *Input) (*Plan, error) {
	redact := r.opts.Redact
	if redact == nil {
		redact = func(s string) (string, int) { return s, 0 }
	}
	p := &Plan{Model: r.spec.String(), MaxTokens: r.opts.MaxTokens}
	red := func(s string) string {
		out, n := redact(s)
		p.Redacted += n
		return out
	}
	b := &builder{target: in.Target, nonce: r.nonce(), headers: map[string]string{}, static: map[string][]string{},
		maxLines: 60}
	if b.target == "" {
		b.target = "the change"
	}
	b.system = systemPrompt(in.Mode, red(in.Instructions))
	p.System = b.system

	static := append([]finding.Finding(nil), in.Static...)
	sort.SliceStable(static, func(i, j int) bool { return static[i].Severity > static[j].Severity })
	staticTokens := 0
	for i := range static {
		line := red(staticLine(&static[i]))
		staticTokens += EstimateTokens(line)
		if static[i].Path == "" {
			b.general = append(b.general, line)
		} else {
			b.static[static[i].Path] = append(b.static[static[i].Path], line)
		}
	}
	if in.Message != "" {
		b.message = red(in.Message)
	}
	p.Window = r.opts.ContextWindow
	if p.Window <= 0 {
		p.Window = ContextWindow(r.spec)
	}
	reserve := EstimateTokens(b.system) + r.opts.MaxTokens + 400 + min(staticTokens, 60*60) + EstimateTokens(b.message)
	avail := p.Window*9/10 - reserve
	p.Budget = min(avail, r.opts.MaxChunkTokens)
	if avail < 256 {
		return nil, fmt.Errorf("%s: a context window of %d tokens leaves no room for the diff after the instructions, "+
			"the commit message and %d answer tokens: set [patchpatrol.ai] context_window to the model's real window, "+
			"lower --max-new-tokens, or use a model with a larger window", r.spec, p.Window, r.opts.MaxTokens)
	}

	var pieces []piece
	for i := range in.Files {
		f := &in.Files[i]
		path := f.Path()
		if len(f.AddedLines()) == 0 {
			p.NotReviewed = append(p.NotReviewed, Skip{File: path, Reason: "no added lines to review"})
			continue
		}
		b.headers[path] = red(fileHeader(path, f.Status))
		fp, n := filePieces(f, redact)
		p.Redacted += n
		var keep []piece
		ok := true
		for _, pc := range fp {
			if pc.tokens <= p.Budget {
				keep = append(keep, pc)
				continue
			}
			split, fits := splitPiece(pc, p.Budget)
			if !fits {
				ok = false
				break
			}
			keep = append(keep, split...)
		}
		if !ok {
			p.NotReviewed = append(p.NotReviewed, Skip{File: path,
				Reason: fmt.Sprintf("a line is longer than the %d-token budget of one request", p.Budget)})
			continue
		}
		pieces = append(pieces, keep...)
	}
	groups := pack(pieces, p.Budget, b.headers)
	p.message = b.message != ""
	if len(groups) == 0 && p.message {
		groups = [][]piece{nil}
	}
	b.parts = len(groups)
	for i, g := range groups {
		p.Chunks = append(p.Chunks, b.chunk(g, i == 0 && p.message, i+1))
	}
	p.builder = b
	return p, nil
}

// chunkResult is the outcome of one chunk (or of a part of a split chunk).
type chunkResult struct {
	answer  *Answer
	pieces  []piece
	message bool
	err     error
	calls   int
	in, out int
}

// maxSplitDepth bounds how often a chunk whose answer was cut off is halved.
const maxSplitDepth = 2

// Review runs the AI review of in. The error is non-nil when no chunk could
// be reviewed at all (the outcome then still says which files were not
// reviewed and why), or when ctx was cancelled.
func (r *Reviewer) Review(ctx context.Context, in *Input) (*Outcome, error) {
	key := r.CacheKey(in)
	if o, ok := r.cache.Get(key); ok {
		o.Cached = true
		return o, nil
	}
	plan, err := r.Plan(in)
	if err != nil {
		return nil, err
	}
	out := &Outcome{Model: r.spec.String(), NotReviewed: append([]Skip(nil), plan.NotReviewed...),
		Redacted: plan.Redacted, Chunks: len(plan.Chunks)}
	if len(plan.Chunks) == 0 {
		return out, nil
	}
	results := make([][]chunkResult, len(plan.Chunks))
	sem := make(chan struct{}, r.opts.Concurrency)
	var wg sync.WaitGroup
	for i, ch := range plan.Chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				results[i] = []chunkResult{{pieces: ch.pieces, message: ch.Message, err: ctx.Err()}}
				return
			}
			defer func() { <-sem }()
			results[i] = r.reviewChunk(ctx, plan.builder, ch, 0)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var flat []chunkResult
	for _, rs := range results {
		flat = append(flat, rs...)
	}
	if ok := r.merge(out, in, flat); ok == 0 {
		for _, res := range flat {
			if res.err != nil {
				return out, res.err
			}
		}
	}
	if len(out.Failures) == 0 {
		if err := r.cache.Put(key, out); err != nil {
			out.Failures = append(out.Failures, "cache: "+err.Error())
		}
	}
	return out, nil
}

// request builds the provider request of a chunk.
func (r *Reviewer) request(ch *Chunk) Request {
	numCtx := ch.Tokens + r.opts.MaxTokens + 256
	numCtx = (numCtx + 1023) / 1024 * 1024
	numCtx = max(numCtx, 2048)
	if w := r.opts.ContextWindow; w > 0 {
		numCtx = min(numCtx, w)
	} else {
		numCtx = min(numCtx, ContextWindow(r.spec))
	}
	return Request{System: ch.System, Prompt: ch.Prompt, Schema: r.schema, Model: r.spec.Model,
		Temperature: r.opts.Temperature, TopP: r.opts.TopP, MaxTokens: r.opts.MaxTokens, NumCtx: numCtx}
}

// reviewChunk asks the model about one chunk: one re-ask on an invalid
// answer, halving the chunk when the answer is cut off.
func (r *Reviewer) reviewChunk(ctx context.Context, b *builder, ch *Chunk, depth int) []chunkResult {
	res := chunkResult{pieces: ch.pieces, message: ch.Message}
	req := r.request(ch)
	for attempt := 0; attempt < 2; attempt++ {
		resp, err := r.provider.Review(ctx, req)
		res.calls++
		if err != nil {
			res.err = err
			return []chunkResult{res}
		}
		res.in += resp.InputTokens
		res.out += resp.OutputTokens
		if resp.Truncated {
			return r.split(ctx, b, ch, depth, res)
		}
		ans, perr := r.val.Parse(resp.Text)
		if perr == nil {
			res.answer = ans
			return []chunkResult{res}
		}
		if attempt == 1 {
			res.err = fmt.Errorf("%s gave an invalid answer twice: %v", r.spec, perr)
			return []chunkResult{res}
		}
		req.Prompt = reaskPrompt(ch.Prompt, perr.Error())
	}
	return []chunkResult{res}
}

// split halves a chunk whose answer was cut off and reviews each half.
func (r *Reviewer) split(ctx context.Context, b *builder, ch *Chunk, depth int, res chunkResult) []chunkResult {
	fail := func() []chunkResult {
		res.err = fmt.Errorf("the answer was cut off at %d tokens even for the smallest part: raise --max-new-tokens", r.opts.MaxTokens)
		return []chunkResult{res}
	}
	if depth >= maxSplitDepth {
		return fail()
	}
	pcs := ch.pieces
	if len(pcs) == 1 {
		halves, ok := splitPiece(pcs[0], max(1, pcs[0].tokens/2))
		if !ok || len(halves) < 2 {
			return fail()
		}
		pcs = halves
	}
	if len(pcs) < 2 {
		return fail()
	}
	mid := len(pcs) / 2
	part := 1
	first := b.chunk(pcs[:mid], ch.Message, part)
	second := b.chunk(pcs[mid:], false, part+1)
	a := r.reviewChunk(ctx, b, first, depth+1)
	c := r.reviewChunk(ctx, b, second, depth+1)
	a[0].calls += res.calls
	a[0].in += res.in
	a[0].out += res.out
	return append(a, c...)
}

// strictness orders verdicts from lenient to strict.
func strictness(v string) int {
	switch v {
	case "approve":
		return 0
	case "revise":
		return 1
	case "security_risk":
		return 2
	}
	return -1
}

// severityRank orders the answer's severities.
func severityRank(s string) int {
	return strings.Index("NONE LOW MEDIUM HIGH CRITICAL", s)
}

// merge folds chunk results into out and returns how many succeeded. A file
// counts as reviewed when every piece of it was in a chunk that succeeded.
func (r *Reviewer) merge(out *Outcome, in *Input, results []chunkResult) int {
	okPieces := map[string]int{}
	allPieces := map[string]int{}
	failed := map[string]string{}
	var order []string
	seenComment := map[string]bool{}
	seenFP := map[string]bool{}
	succeeded := 0
	for _, res := range results {
		out.Calls += res.calls
		out.InputTokens += res.in
		out.OutputTokens += res.out
		for _, pc := range res.pieces {
			if allPieces[pc.path] == 0 {
				order = append(order, pc.path)
			}
			allPieces[pc.path]++
			if res.err == nil {
				okPieces[pc.path]++
			} else if failed[pc.path] == "" {
				failed[pc.path] = res.err.Error()
			}
		}
		if res.err != nil {
			out.Failures = append(out.Failures, res.err.Error())
			continue
		}
		succeeded++
		a := res.answer
		if res.message {
			out.MessageReviewed = true
		}
		score := a.Score
		switch {
		case out.Score == nil:
			out.Score = &score
		case in.Mode == "security" && score > *out.Score:
			out.Score = &score
		case in.Mode != "security" && score < *out.Score:
			out.Score = &score
		}
		if strictness(a.Verdict) > strictness(out.Verdict) {
			out.Verdict = a.Verdict
		}
		if a.Severity != "" && (out.Severity == "" || severityRank(a.Severity) > severityRank(out.Severity)) {
			out.Severity = a.Severity
		}
		for _, c := range a.Comments {
			if c = strings.TrimSpace(c); c != "" && !seenComment[c] {
				seenComment[c] = true
				out.Comments = append(out.Comments, c)
			}
		}
		out.Issues = append(out.Issues, a.Issues...)
		for _, fp := range a.FalsePositives {
			if !seenFP[fp.Fingerprint] {
				seenFP[fp.Fingerprint] = true
				out.FalsePositives = append(out.FalsePositives, fp)
			}
		}
		out.OWASP = appendNew(out.OWASP, a.OWASP...)
		out.Compliance = appendNew(out.Compliance, a.Compliance...)
	}
	for _, p := range order {
		switch {
		case okPieces[p] == allPieces[p]:
			out.Reviewed = append(out.Reviewed, p)
		case okPieces[p] > 0:
			out.NotReviewed = append(out.NotReviewed, Skip{File: p, Reason: "only partly reviewed: " + failed[p]})
		default:
			out.NotReviewed = append(out.NotReviewed, Skip{File: p, Reason: "AI review failed: " + failed[p]})
		}
	}
	return succeeded
}

func appendNew(list []string, add ...string) []string {
	for _, s := range add {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		dup := false
		for _, x := range list {
			if strings.EqualFold(x, s) {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, s)
		}
	}
	return list
}

// CacheKey identifies an AI review: the patch (git patch-id), the model, the
// mode, the prompt version, the settings that change the answer, the commit
// message, the instructions and the static findings given as context. It is
// "" when the input cannot be identified (files without a patch id).
func (r *Reviewer) CacheKey(in *Input) string {
	if r.cache == nil || (len(in.Files) > 0 && in.PatchID == "") {
		return ""
	}
	h := sha256.New()
	w := func(k, v string) { fmt.Fprintf(h, "%s=%d:%s\n", k, len(v), v) }
	w("prompt", PromptVersion)
	w("model", r.spec.String())
	w("mode", in.Mode)
	w("patch", in.PatchID)
	w("temperature", strconv.FormatFloat(r.opts.Temperature, 'g', -1, 64))
	w("top_p", strconv.FormatFloat(r.opts.TopP, 'g', -1, 64))
	w("max_tokens", strconv.Itoa(r.opts.MaxTokens))
	w("window", strconv.Itoa(r.opts.ContextWindow))
	w("chunk", strconv.Itoa(r.opts.MaxChunkTokens))
	w("redact", strconv.FormatBool(r.opts.Redact != nil))
	w("instructions", in.Instructions)
	w("message", in.Message)
	var fps []string
	for i := range in.Static {
		f := &in.Static[i]
		fps = append(fps, f.Fingerprint+"|"+f.Severity.String()+"|"+f.Location())
	}
	sort.Strings(fps)
	w("static", strings.Join(fps, ","))
	return hex.EncodeToString(h.Sum(nil))
}

// IsFailure reports whether err means the model could not be used (as
// opposed to a cancelled run).
func IsFailure(err error) bool {
	return err != nil && !errors.Is(err, context.Canceled)
}
