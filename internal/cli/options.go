package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/patchpatrol/patchpatrol/internal/config"
	"github.com/patchpatrol/patchpatrol/internal/llm"
	"github.com/patchpatrol/patchpatrol/internal/report"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// options are the flags shared by the review commands.
type options struct {
	mode, model, backend, repoPath, format, output, config, device string
	threshold, temperature, topP                                   float64
	maxNewTokens                                                   int
	soft, hard, noColor, verbose, quiet, trustRepoConfig           bool
	// AI review (ai.go).
	baseURL, timeout           string
	requireAI, noCache, dryRun bool
	// Dependency checks (db.go).
	offline, requireAdvisories bool
	// Baselines (baseline.go).
	baseline string
}

func addReviewFlags(cmd *cobra.Command, o *options) {
	f := cmd.Flags()
	f.StringVar(&o.mode, "mode", "", "what to review for: code-quality (default) or security")
	f.Float64Var(&o.threshold, "threshold", 0, "approval threshold in [0, 1]: the highest risk (security) or lowest quality (code-quality) approved; default 0.5 / 0.7")
	f.BoolVar(&o.soft, "soft", false, "warn but never block (the default)")
	f.BoolVar(&o.hard, "hard", false, "block (exit 1) when the review does not approve")
	f.StringVar(&o.model, "model", "", "AI model: an alias (ci, dev, quality, minimal, cloud, premium), provider:model, or a name with --backend; none runs the embedded engine alone")
	f.StringVar(&o.backend, "backend", "", "AI backend: "+strings.Join(llm.Backends, ", "))
	f.StringVar(&o.repoPath, "repo-path", "", "git repository to review (default: the current directory)")
	f.StringVar(&o.format, "format", "", "output format: "+strings.Join(report.Formats(), ", ")+" (default text)")
	f.StringVarP(&o.output, "output", "o", "", "write the report to this file instead of standard output")
	f.BoolVar(&o.noColor, "no-color", false, "no colour (also when NO_COLOR is set)")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "explain settings and list findings outside the change")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print only issues and the closing line")
	f.StringVar(&o.config, "config", "", "config file (default: .patchpatrol.toml or pyproject.toml [tool.patchpatrol] at the repository root)")
	f.BoolVar(&o.trustRepoConfig, "trust-repo-config", false, "let the repository's config set model endpoints and [patchpatrol.env] (also PATCHPATROL_TRUST_REPO_CONFIG=1)")
	f.StringVar(&o.device, "device", "", "accepted for compatibility with the original PatchPatrol; ignored")
	f.Float64Var(&o.temperature, "temperature", 0, "AI sampling temperature")
	f.Float64Var(&o.topP, "top-p", 0, "AI nucleus sampling")
	f.IntVar(&o.maxNewTokens, "max-new-tokens", 0, "AI answer length limit")
	addAIFlags(cmd, o)
	addDepsFlags(cmd, o)
	addBaselineFlag(cmd, o)
	cmd.MarkFlagsMutuallyExclusive("soft", "hard")
	cmd.MarkFlagsMutuallyExclusive("verbose", "quiet")
}

// resolved is what a review command runs with.
type resolved struct {
	s        *config.Settings
	warnings []string
	hardSet  bool // --hard on the command line
	model    llm.Spec
	hasModel bool
	trusted  bool // --trust-repo-config or PATCHPATROL_TRUST_REPO_CONFIG
}

// settings applies the layers: defaults, the config file, the environment,
// then the flags that were given.
func (a *app) settings(cmd *cobra.Command, root string, o *options) (*resolved, error) {
	r := &resolved{s: config.Defaults()}
	explicit := config.ExplicitPath(o.config, a.io.Getenv)
	f, warns, err := config.Load(root, explicit)
	if err != nil {
		return nil, err
	}
	for _, w := range warns {
		r.warnings = append(r.warnings, w.String())
	}
	r.s.ApplyFile(f)
	trust := o.trustRepoConfig || truthyEnv(a.io.Getenv("PATCHPATROL_TRUST_REPO_CONFIG"))
	r.trusted = trust
	if trust {
		r.s.ApplyUntrusted(f)
		if f != nil && (f.Untrusted.BaseURL != "" || len(f.Untrusted.Env) > 0) {
			r.warnings = append(r.warnings, "the repository's config sets model endpoints or credentials, and --trust-repo-config lets it")
		}
	}
	if err := r.s.ApplyEnv(a.io.Getenv); err != nil {
		return nil, err
	}
	set := func(name, key string, v any) error {
		if !cmd.Flags().Changed(name) {
			return nil
		}
		return r.s.Set(key, v, config.FlagSource(name))
	}
	for _, x := range []struct {
		flag, key string
		v         any
	}{
		{"mode", "mode", o.mode}, {"threshold", "threshold", strconv.FormatFloat(o.threshold, 'g', -1, 64)},
		{"model", "model", o.model}, {"backend", "backend", o.backend}, {"format", "format", o.format},
		{"temperature", "ai.temperature", strconv.FormatFloat(o.temperature, 'g', -1, 64)},
		{"top-p", "ai.top_p", strconv.FormatFloat(o.topP, 'g', -1, 64)},
		{"max-new-tokens", "ai.max_new_tokens", strconv.Itoa(o.maxNewTokens)},
		{"base-url", "base_url", o.baseURL}, {"timeout", "ai.timeout", o.timeout},
		{"require-ai", "require_ai", strconv.FormatBool(o.requireAI)},
		{"offline", "dependencies.offline", strconv.FormatBool(o.offline)},
		{"require-advisories", "dependencies.require_advisories", strconv.FormatBool(o.requireAdvisories)},
		{"baseline", "baseline", o.baseline},
	} {
		if err := set(x.flag, x.key, x.v); err != nil {
			return nil, &UsageError{Err: err}
		}
	}
	if cmd.Flags().Changed("soft") {
		_ = r.s.Set("soft_mode", true, config.FlagSource("soft"))
	}
	if cmd.Flags().Changed("hard") {
		_ = r.s.Set("soft_mode", false, config.FlagSource("hard"))
		r.hardSet = true
	}
	if o.device != "" {
		r.warnings = append(r.warnings, "--device is ignored: PatchPatrol runs models through their servers")
	}
	if r.s.Sources["threshold"] == config.SourceDefault {
		r.s.Threshold = review.DefaultThreshold(r.s.Mode)
	}
	spec, ok, err := llm.Resolve(r.s.Model, r.s.Backend)
	if err != nil {
		return nil, &UsageError{Err: err}
	}
	r.model, r.hasModel = spec, ok
	if _, err := report.New(r.s.Format, report.Options{}); err != nil {
		return nil, &UsageError{Err: err}
	}
	return r, nil
}

func truthyEnv(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

// explain prints where each setting came from (-v).
func (a *app) explain(r *resolved) {
	w := a.io.Stderr
	fmt.Fprintf(w, "settings: mode %s (%s), threshold %.2f (%s), %s (%s), format %s (%s)\n",
		r.s.Mode, r.s.Sources["mode"], r.s.Threshold, r.s.Sources["threshold"],
		map[bool]string{true: "soft", false: "hard"}[r.s.SoftMode], r.s.Sources["soft_mode"], r.s.Format, r.s.Sources["format"])
	if r.hasModel {
		fmt.Fprintf(w, "settings: model %s\n", r.model)
	}
	if r.s.Baseline != "" { // baselines (baseline.go)
		fmt.Fprintf(w, "settings: baseline %s (%s)\n", r.s.Baseline, r.s.Sources["baseline"])
	}
}

var _ = pflag.ContinueOnError
