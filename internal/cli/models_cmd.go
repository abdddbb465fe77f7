package cli

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/patchpatrol/patchpatrol/internal/gitx"
	"github.com/patchpatrol/patchpatrol/internal/llm"
)

// modelOptions are the flags of the model-management commands.
type modelOptions struct {
	options
	keep   []string
	models bool
}

func addModelFlags(cmd *cobra.Command, o *modelOptions) {
	f := cmd.Flags()
	f.StringVar(&o.model, "model", "", "model: an alias, provider:model, or a name with --backend")
	f.StringVar(&o.backend, "backend", "", "backend: "+strings.Join(llm.Backends, ", "))
	f.StringVar(&o.baseURL, "base-url", "", "server URL (default: OLLAMA_HOST, OPENAI_BASE_URL, ... or the backend's own)")
	f.StringVar(&o.timeout, "timeout", "", "time limit of one request (default 60s)")
	f.StringVar(&o.config, "config", "", "config file")
	f.BoolVar(&o.trustRepoConfig, "trust-repo-config", false, "let the repository's config set endpoints and [patchpatrol.env]")
}

// modelSettings resolves settings for a model command: inside a repository
// its config counts, elsewhere only the environment and flags.
func (a *app) modelSettings(cmd *cobra.Command, o *modelOptions) (*resolved, error) {
	root := a.io.Dir
	if repo, err := gitx.Open(cmd.Context(), a.io.Dir); err == nil {
		root = repo.Root()
	}
	r, err := a.settings(cmd, root, &o.options)
	if err != nil {
		return nil, err
	}
	for _, w := range r.warnings {
		fmt.Fprintln(a.io.Stderr, "patchpatrol: warning: "+w)
	}
	return r, nil
}

// ollama connects to the Ollama server the settings name.
func (a *app) ollama(r *resolved) (*llm.Ollama, llm.Endpoint, error) {
	getenv, _ := a.aiEnv(r)
	base := r.s.BaseURL
	if r.hasModel && r.model.Backend != "ollama" {
		base = ""
	}
	p, ep, err := llm.Connect(llm.Config{Spec: llm.Spec{Backend: "ollama", Model: "-"}, BaseURL: base, Getenv: getenv,
		HTTP: &http.Client{}, Timeout: r.s.AI.Timeout})
	if err != nil {
		return nil, ep, &UsageError{Err: err}
	}
	return p.(*llm.Ollama), ep, nil
}

// ollamaModel resolves a command-line model for Ollama: an Ollama alias or
// a model name.
func ollamaModel(name string) (string, error) {
	spec, ok, err := llm.Resolve(name, "")
	if err != nil || !ok {
		spec, ok, err = llm.Resolve(name, "ollama")
	}
	if err != nil {
		return "", &UsageError{Err: err}
	}
	if !ok {
		return "", &UsageError{Err: errors.New("name a model, for example `quality` or qwen2.5-coder:7b")}
	}
	if spec.Backend != "ollama" {
		return "", &UsageError{Err: fmt.Errorf("%s is a %s model: only Ollama models are downloaded and removed here", name, spec.Backend)}
	}
	return spec.Model, nil
}

// ollamaModelCmd is what download-model and remove-model share: the
// settings, the Ollama model the argument names, and the Ollama server.
func (a *app) ollamaModelCmd(cmd *cobra.Command, o *modelOptions, arg string) (*llm.Ollama, llm.Endpoint, string, error) {
	r, err := a.modelSettings(cmd, o)
	if err != nil {
		return nil, llm.Endpoint{}, "", err
	}
	model, err := ollamaModel(arg)
	if err != nil {
		return nil, llm.Endpoint{}, "", err
	}
	p, ep, err := a.ollama(r)
	if err != nil {
		return nil, llm.Endpoint{}, "", err
	}
	return p, ep, model, nil
}

func (a *app) downloadModelCmd() *cobra.Command {
	o := &modelOptions{}
	cmd := &cobra.Command{
		Use:   "download-model MODEL",
		Short: "Download an Ollama model (an alias such as quality, or a name such as qwen2.5-coder:7b)",
		Args:  exactArgs(1, "download-model needs a model, for example `patchpatrol download-model quality`"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, ep, model, err := a.ollamaModelCmd(cmd, o, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(a.io.Stderr, "Downloading %s through Ollama at %s\n", model, ep.BaseURL)
			bar := &progress{w: a.io.Stderr, tty: a.io.IsTerminal}
			if err := p.Pull(cmd.Context(), model, bar.update); err != nil {
				bar.done()
				return err
			}
			bar.done()
			fmt.Fprintf(a.io.Stdout, "%s is installed\n", model)
			return nil
		},
	}
	addModelFlags(cmd, o)
	return cmd
}

// progress draws a download: a bar rewritten in place on a terminal, plain
// lines (each status once, and every quarter of a layer) otherwise.
type progress struct {
	w       interface{ Write([]byte) (int, error) }
	tty     bool
	last    string
	quarter int
	drawn   bool
}

func (p *progress) update(s llm.PullProgress) {
	if s.Total > 0 {
		pct := int(s.Completed * 100 / s.Total)
		if p.tty {
			const width = 30
			fill := pct * width / 100
			fmt.Fprintf(p.w, "\r%-28s [%s%s] %3d%% %s/%s", clipStatus(s.Status), strings.Repeat("#", fill),
				strings.Repeat(" ", width-fill), pct, bytesHuman(s.Completed), bytesHuman(s.Total))
			p.drawn = true
			return
		}
		q := pct / 25
		if s.Status != p.last || q != p.quarter {
			fmt.Fprintf(p.w, "%s: %d%% of %s\n", s.Status, pct, bytesHuman(s.Total))
			p.last, p.quarter = s.Status, q
		}
		return
	}
	if s.Status == p.last {
		return
	}
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
	fmt.Fprintln(p.w, s.Status)
	p.last, p.quarter = s.Status, -1
}

func (p *progress) done() {
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}

func clipStatus(s string) string {
	if len(s) > 28 {
		return s[:28]
	}
	return s
}

func bytesHuman(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTPE"[exp])
}

func (a *app) removeModelCmd() *cobra.Command {
	o := &modelOptions{}
	cmd := &cobra.Command{
		Use:   "remove-model MODEL",
		Short: "Remove an installed Ollama model",
		Args:  exactArgs(1, "remove-model needs a model, for example `patchpatrol remove-model quality`"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, _, model, err := a.ollamaModelCmd(cmd, o, args[0])
			if err != nil {
				return err
			}
			if err := p.Remove(cmd.Context(), model); err != nil {
				return err
			}
			fmt.Fprintf(a.io.Stdout, "removed %s\n", model)
			return nil
		},
	}
	addModelFlags(cmd, o)
	return cmd
}

func (a *app) cacheInfoCmd() *cobra.Command {
	o := &modelOptions{}
	cmd := &cobra.Command{
		Use:   "cache-info",
		Short: "Show the AI review cache and the models Ollama has installed",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r, err := a.modelSettings(cmd, o)
			if err != nil {
				return err
			}
			getenv, _ := a.aiEnv(r)
			w := a.io.Stdout
			if dir, err := llm.CacheDir(getenv); err != nil {
				fmt.Fprintf(w, "AI review cache: none (%v)\n", err)
			} else {
				st, err := llm.NewCache(dir).Stats()
				if err != nil {
					return err
				}
				fmt.Fprintf(w, "AI review cache: %s\n  %d review(s), %s\n", dir, st.Entries, bytesHuman(st.Bytes))
				if st.Entries > 0 {
					fmt.Fprintf(w, "  oldest %s, newest %s\n", st.Oldest.Format(time.DateTime), st.Newest.Format(time.DateTime))
				}
			}
			p, ep, err := a.ollama(r)
			if err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), 5*time.Second)
			defer cancel()
			models, err := p.List(ctx)
			if err != nil {
				fmt.Fprintf(w, "Ollama models: not available: %v\n", err)
				return nil
			}
			var total int64
			tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
			fmt.Fprintf(tw, "Ollama models at %s:\n", ep.BaseURL)
			for _, m := range models {
				total += m.Size
				fmt.Fprintf(tw, "  %s\t%s\t%s\n", m.Name, bytesHuman(m.Size), m.Details)
			}
			fmt.Fprintf(tw, "  %d model(s)\t%s\t\n", len(models), bytesHuman(total))
			return tw.Flush()
		},
	}
	addModelFlags(cmd, o)
	return cmd
}

func (a *app) cleanCacheCmd() *cobra.Command {
	o := &modelOptions{}
	cmd := &cobra.Command{
		Use:   "clean-cache",
		Short: "Empty the AI review cache; with --models (or --keep), also remove the alias table's Ollama models except those kept",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r, err := a.modelSettings(cmd, o)
			if err != nil {
				return err
			}
			getenv, _ := a.aiEnv(r)
			w := a.io.Stdout
			if dir, err := llm.CacheDir(getenv); err == nil {
				st, err := llm.NewCache(dir).Clean()
				if err != nil {
					return err
				}
				fmt.Fprintf(w, "AI review cache: removed %d review(s), %s\n", st.Entries, bytesHuman(st.Bytes))
			}
			if !o.models && len(o.keep) == 0 {
				return nil
			}
			keep := map[string]bool{}
			for _, k := range o.keep {
				m, err := ollamaModel(k)
				if err != nil {
					return err
				}
				keep[m] = true
			}
			p, _, err := a.ollama(r)
			if err != nil {
				return err
			}
			installed, err := p.List(cmd.Context())
			if err != nil {
				return err
			}
			have := map[string]bool{}
			for _, m := range installed {
				have[m.Name] = true
			}
			removed := 0
			for _, al := range llm.Aliases() {
				if al.Backend != "ollama" || keep[al.Model] || !have[al.Model] {
					continue
				}
				if err := p.Remove(cmd.Context(), al.Model); err != nil {
					return err
				}
				have[al.Model] = false
				removed++
				fmt.Fprintf(w, "removed %s (alias %s)\n", al.Model, al.Name)
			}
			fmt.Fprintf(w, "Ollama: removed %d model(s); models that no alias names are never touched\n", removed)
			return nil
		},
	}
	addModelFlags(cmd, o)
	cmd.Flags().StringSliceVar(&o.keep, "keep", nil, "models to keep (aliases or names); implies --models")
	cmd.Flags().BoolVar(&o.models, "models", false, "also remove the Ollama models of the alias table")
	return cmd
}

func (a *app) testConnectionCmd() *cobra.Command {
	o := &modelOptions{}
	cmd := &cobra.Command{
		Use:   "test-connection",
		Short: "Check that a model backend is reachable, its key works and the model exists (every backend without --model)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r, err := a.modelSettings(cmd, o)
			if err != nil {
				return err
			}
			getenv, _ := a.aiEnv(r)
			var specs []llm.Spec
			switch {
			case r.hasModel:
				specs = []llm.Spec{r.model}
			case r.s.Backend != "":
				specs = []llm.Spec{{Backend: r.s.Backend}}
			default:
				for _, b := range llm.Backends {
					specs = append(specs, llm.Spec{Backend: b})
				}
			}
			ok := 0
			var last error
			for _, spec := range specs {
				base := r.s.BaseURL
				if len(specs) > 1 {
					base = ""
				}
				err := testOne(cmd.Context(), llm.Config{Spec: spec, BaseURL: base, Getenv: getenv, HTTP: &http.Client{},
					Timeout: min(r.s.AI.Timeout, 10*time.Second)}, a)
				if err == nil {
					ok++
				} else {
					last = err
				}
			}
			if ok == 0 && last != nil {
				return errors.New("no model backend could be reached (see above)")
			}
			return nil
		},
	}
	addModelFlags(cmd, o)
	return cmd
}

// testOne tests one backend and prints one line about it.
func testOne(ctx context.Context, cfg llm.Config, a *app) error {
	p, ep, err := llm.Connect(cfg)
	label := cfg.Spec.Backend
	if cfg.Spec.Model != "" {
		label = cfg.Spec.String()
	}
	if err == nil {
		if t, ok := p.(llm.Tester); ok {
			err = t.Test(ctx, cfg.Spec.Model)
		}
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return err
		}
		fmt.Fprintf(a.io.Stdout, "FAIL %s: %v\n", label, err)
		return err
	}
	key := ""
	if ep.KeyVar != "" {
		key = ", key from " + ep.KeyVar
	}
	fmt.Fprintf(a.io.Stdout, "ok   %s at %s%s\n", label, ep.BaseURL, key)
	return nil
}

// exactArgs requires n arguments, with a message that says what to pass.
func exactArgs(n int, msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return &UsageError{Err: errors.New(msg)}
		}
		return nil
	}
}
