package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/diff"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/gitx"
	"github.com/patchpatrol/patchpatrol/internal/llm"
	"github.com/patchpatrol/patchpatrol/internal/review"
	"github.com/patchpatrol/patchpatrol/internal/secrets"
)

// addAIFlags adds the AI review's flags to a review command.
func addAIFlags(cmd *cobra.Command, o *options) {
	f := cmd.Flags()
	f.StringVar(&o.baseURL, "base-url", "", "model server URL (default: OLLAMA_HOST, OPENAI_BASE_URL, ... or the backend's own)")
	f.StringVar(&o.timeout, "timeout", "", "time limit of one model request, such as 90s (default 60s)")
	f.BoolVar(&o.requireAI, "require-ai", false, "in hard mode, exit 3 when the AI review cannot be completed (also config require_ai)")
	f.BoolVar(&o.noCache, "no-cache", false, "ask the model even when this patch was reviewed before with the same settings")
	f.BoolVar(&o.dryRun, "dry-run", false, "print what would be sent to the model (after redaction), its token and cost estimate, and stop; no call is made")
}

// aiEnv is the environment the providers read keys and URLs from: the real
// environment first, then a trusted config's [patchpatrol.env] table (keys
// upper-cased), which is read only with --trust-repo-config.
func (a *app) aiEnv(r *resolved) (func(string) string, []string) {
	if !r.trusted || len(r.s.Env) == 0 {
		return a.io.Getenv, nil
	}
	table := map[string]string{}
	var names []string
	for k, v := range r.s.Env {
		table[strings.ToUpper(k)] = v
		names = append(names, strings.ToUpper(k))
	}
	sort.Strings(names)
	warn := fmt.Sprintf("using %s from the repository's [patchpatrol.env] (trusted with --trust-repo-config) where the environment does not set them",
		strings.Join(names, ", "))
	return func(k string) string {
		if v := a.io.Getenv(k); v != "" {
			return v
		}
		return table[k]
	}, []string{warn}
}

// aiStage is what review runs after the embedded engine when a model is
// chosen. It returns done=true when --dry-run printed the prompts instead of
// a review.
type aiStage struct {
	a       *app
	r       *resolved
	o       *options
	repo    *gitx.Repo
	sec     *secrets.Detector
	files   []diff.File // the change as git gave it
	units   []*analysis.Unit
	message string
}

func (st *aiStage) run(ctx context.Context, res *review.Result, p *review.Policy) (dryRun bool, err error) {
	a, r, s := st.a, st.r, st.r.s
	getenv, warns := a.aiEnv(r)
	cfg := llm.Config{Spec: r.model, BaseURL: s.BaseURL, Getenv: getenv, HTTP: &http.Client{}, Timeout: s.AI.Timeout}
	ep, _, resolveErr := cfg.Resolve()
	if resolveErr != nil && ep.BaseURL == "" {
		return false, &UsageError{Err: resolveErr}
	}

	redactOn := true
	if !s.RedactSecrets {
		if ep.Loopback() {
			redactOn = false
			warns = append(warns, "redact_secrets = false: secrets in the change are sent unmasked to "+ep.BaseURL+" (a loopback address)")
		} else {
			warns = append(warns, "redact_secrets = false is ignored: "+ep.BaseURL+" is not on this machine, so secrets are masked")
		}
	}
	res.Warnings = append(res.Warnings, warns...)
	opts := llm.Options{Temperature: s.AI.Temperature, TopP: s.AI.TopP, MaxTokens: s.AI.MaxNewTokens,
		ContextWindow: s.AI.ContextWindow, Concurrency: s.AI.Concurrency}
	if redactOn {
		opts.Redact = func(text string) (string, int) {
			return st.sec.Redact(text, secrets.RedactOptions{HighEntropy: true})
		}
	}
	in := st.input(res)

	if st.o.dryRun {
		rv, err := llm.NewReviewer(nil, r.model, opts, nil)
		if err != nil {
			return false, err
		}
		plan, err := rv.Plan(in)
		if err != nil {
			return false, &UsageError{Err: err}
		}
		for _, w := range warns {
			fmt.Fprintln(a.io.Stdout, "Warning: "+w)
		}
		writeDryRun(a.io.Stdout, plan, ep, resolveErr, r.model)
		return true, nil
	}

	name := r.model.String()
	engine := "ai:" + name
	fail := func(err error) (bool, error) {
		if errors.Is(err, context.Canceled) {
			return false, err
		}
		ai := &review.AIResult{Engine: engine, Err: err}
		complete := review.MergeAI(res, ai, st.units, p, review.MergeOptions{})
		return false, st.require(res, complete, err)
	}
	if resolveErr != nil {
		return fail(resolveErr)
	}
	provider, _, err := llm.Connect(cfg)
	if err != nil {
		return fail(err)
	}
	var cache *llm.Cache
	var notes []string
	if !st.o.noCache {
		if dir, err := llm.CacheDir(getenv); err == nil {
			cache = llm.NewCache(dir)
		} else {
			notes = append(notes, "AI results are not cached: "+err.Error())
		}
	}
	if cache != nil && len(in.Files) > 0 {
		id, err := st.repo.PatchID(ctx, in.Files)
		if err != nil {
			if ctx.Err() != nil {
				return false, ctx.Err()
			}
			notes = append(notes, "AI results are not cached: "+err.Error())
		}
		in.PatchID = id
	}
	rv, err := llm.NewReviewer(provider, r.model, opts, cache)
	if err != nil {
		return false, err
	}
	out, err := rv.Review(ctx, in)
	if errors.Is(err, context.Canceled) || ctx.Err() != nil {
		return false, context.Canceled
	}
	if out == nil {
		return fail(err)
	}
	ai := toAIResult(out, engine, res.Mode, err)
	ai.Notes = append(ai.Notes, notes...)
	if redactOn {
		ai.Notes = append(ai.Notes, fmt.Sprintf("AI review with %s: %d secret(s) and high-entropy token(s) replaced by placeholders before sending", name, out.Redacted))
	} else {
		ai.Notes = append(ai.Notes, fmt.Sprintf("AI review with %s: nothing was redacted (redact_secrets = false, loopback endpoint)", name))
	}
	if out.Cached {
		ai.Notes = append(ai.Notes, fmt.Sprintf("AI review with %s: answered from the cache (same patch, model, mode, prompt and settings; --no-cache asks again)", name))
	} else {
		ai.Notes = append(ai.Notes, fmt.Sprintf("AI review with %s: %d request(s) for %d chunk(s), %d input and %d output tokens", name,
			out.Calls, out.Chunks, out.InputTokens, out.OutputTokens))
	}
	complete := review.MergeAI(res, ai, st.units, p, review.MergeOptions{RequireCWE: s.Security.RequireCWEMapping,
		Redact: func(t string) string { o, _ := st.sec.Redact(t, secrets.RedactOptions{}); return o }})
	return false, st.require(res, complete, err)
}

// require turns an incomplete AI review into exit 3 when the user asked for
// it in hard mode; in soft mode it stays a warning.
func (st *aiStage) require(res *review.Result, complete bool, cause error) error {
	if complete || !st.r.s.RequireAI {
		return nil
	}
	why := "it did not cover every file"
	if cause != nil {
		why = cause.Error()
	}
	if !res.Hard {
		res.Warnings = append(res.Warnings, "require_ai is set but the AI review is incomplete ("+why+"); soft mode: not blocking")
		return nil
	}
	return &IncompleteError{Err: fmt.Errorf("the AI review is required (--require-ai or require_ai) but is incomplete: %s; "+
		"fix the model connection (`patchpatrol test-connection`) or drop --require-ai", why)}
}

// input gathers what the model sees: the diff of the files the embedded
// engine reviewed, the message, the static findings and the instructions.
func (st *aiStage) input(res *review.Result) *llm.Input {
	reviewed := map[string]bool{}
	for _, u := range st.units {
		reviewed[u.Path] = true
	}
	var files []diff.File
	for _, f := range st.files {
		if reviewed[f.Path()] {
			files = append(files, f)
		}
	}
	return &llm.Input{Mode: string(res.Mode), Target: res.Target, Files: files, Message: st.message,
		Static: res.Active(), Instructions: st.r.s.Prompts.CustomInstructions}
}

// toAIResult turns the model's outcome into review's vocabulary.
func toAIResult(out *llm.Outcome, engine string, mode review.Mode, err error) *review.AIResult {
	ai := &review.AIResult{Engine: engine, Score: out.Score, Verdict: review.Verdict(out.Verdict), Comments: out.Comments,
		Reviewed: out.Reviewed, MessageReviewed: out.MessageReviewed, Err: err}
	if ai.Err == nil && len(out.Failures) > 0 {
		ai.Err = errors.New(out.Failures[0])
	}
	for _, s := range out.NotReviewed {
		ai.NotReviewed = append(ai.NotReviewed, review.Skip{File: s.File, Reason: s.Reason})
	}
	for _, fp := range out.FalsePositives {
		ai.FalsePositives = append(ai.FalsePositives, review.FalsePositive{Fingerprint: fp.Fingerprint, Reason: fp.Reason})
	}
	for _, is := range out.Issues {
		ai.Findings = append(ai.Findings, issueFinding(is, mode))
	}
	return ai
}

// issueFinding converts one model issue. Model findings count with MEDIUM
// confidence; their rule id is AI-CWE-<n>, or AI-<category>.
func issueFinding(is llm.Issue, mode review.Mode) finding.Finding {
	f := finding.Finding{Kind: finding.KindSecurity, Category: is.Category, Confidence: finding.ConfidenceMedium,
		Message: is.Description, Remediation: is.Remediation, Line: is.Line, EndLine: is.Line}
	if mode == review.ModeQuality {
		f.Kind = finding.KindQuality
	}
	if sev, err := finding.ParseSeverity(is.Severity); err == nil && sev > finding.None {
		f.Severity = sev
	} else {
		f.Severity = finding.Medium
	}
	f.CWE = llm.CWENumber(is.CWE)
	if o, ok := finding.ParseOWASP(is.Category); ok {
		f.OWASP = o
	}
	p := strings.TrimSpace(is.File)
	for _, pre := range []string{"./", "a/", "b/"} {
		p = strings.TrimPrefix(p, pre)
	}
	f.Path = p
	switch {
	case f.CWE > 0:
		f.RuleID = "AI-" + f.CWEID()
	case slug(is.Category) != "":
		f.RuleID = "AI-" + slug(is.Category)
	default:
		f.RuleID = "AI"
	}
	title := strings.TrimSpace(is.Description)
	if i := strings.IndexAny(title, ".\n"); i > 0 {
		title = title[:i]
	}
	if len(title) > 80 {
		title = title[:77] + "..."
	}
	f.Title = "AI: " + title
	return f
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if len(out) > 30 {
		out = out[:30]
	}
	return out
}

// writeDryRun prints the plan: every prompt as it would be sent, the token
// estimate and, for hosted models, the cost estimate.
func writeDryRun(w io.Writer, plan *llm.Plan, ep llm.Endpoint, keyErr error, spec llm.Spec) {
	where := "on this machine"
	if ep.Cloud() {
		where = "NOT on this machine"
	}
	fmt.Fprintf(w, "Dry run: nothing was sent. Model %s at %s (%s, from %s).\n", spec, ep.BaseURL, where, ep.Source)
	if keyErr != nil {
		fmt.Fprintf(w, "Note: a real run would fail: %v\n", keyErr)
	}
	fmt.Fprintf(w, "Redacted: %d secret(s) and high-entropy token(s) replaced by placeholders.\n", plan.Redacted)
	fmt.Fprintf(w, "\n===== system prompt (every request) =====\n%s", plan.System)
	for i, c := range plan.Chunks {
		what := strings.Join(c.Files, ", ")
		if c.Message {
			if what != "" {
				what += " and "
			}
			what += "the commit message"
		}
		fmt.Fprintf(w, "\n===== request %d of %d: %s (~%d tokens) =====\n%s", i+1, len(plan.Chunks), what, c.Tokens, c.Prompt)
	}
	for _, s := range plan.NotReviewed {
		fmt.Fprintf(w, "Not sent: %s (%s)\n", s.File, s.Reason)
	}
	in := plan.InputTokens()
	outMax := plan.MaxTokens * len(plan.Chunks)
	fmt.Fprintf(w, "\nEstimate: %d request(s), ~%d input tokens (one token per 3 bytes, on the high side), at most %d output tokens; context window %d, %d diff tokens per request.\n",
		len(plan.Chunks), in, outMax, plan.Window, plan.Budget)
	if pin, pout, ok := llm.Price(spec); ok && ep.Cloud() {
		cost := float64(in)/1e6*pin + float64(outMax)/1e6*pout
		fmt.Fprintf(w, "Cost estimate: up to $%.4f at $%.2f per million input and $%.2f per million output tokens "+
			"(list prices PatchPatrol assumes; check your provider's current prices).\n", cost, pin, pout)
	} else if ep.Cloud() {
		fmt.Fprintln(w, "Cost estimate: no price known for this model.")
	} else {
		fmt.Fprintln(w, "Cost: none (a local model).")
	}
}
