package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/patchpatrol/patchpatrol/internal/audit"
	"github.com/patchpatrol/patchpatrol/internal/report"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// mergeOptions are merge's flags.
type mergeOptions struct {
	format, output    string
	hard, quiet, verb bool
	noColor           bool
	formatSet         bool
}

func (a *app) mergeCmd() *cobra.Command {
	o := &mergeOptions{}
	cmd := &cobra.Command{
		Use:   "merge FILE...",
		Short: "Merge the reports of sharded runs (audit JSON, SARIF, or scan and review JSON) into one",
		Long: `merge joins reports written by the shards of one run into the report of the
whole run:

  - audit JSON documents (audit --shard i/n --format json): the commits of
    every shard and the summary computed again over all of them; write any
    audit format with --format (default json);
  - SARIF logs written by PatchPatrol: one run, results deduplicated by
    fingerprint;
  - review or scan JSON results (scan --shard i/n --format json): the
    findings of every part, scored and decided again.

Every file must be of the same kind. A commit found in two audit documents
is kept once when both reviews are identical (with a warning), and is an
error otherwise.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return &UsageError{Err: errors.New("merge needs the files to merge, such as `patchpatrol merge shard-*.json -o audit.json`")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.formatSet = cmd.Flags().Changed("format")
			return a.merge(o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "", "output format (default: the inputs' format; audits: "+strings.Join(report.AuditFormats(), ", ")+")")
	f.StringVarP(&o.output, "output", "o", "", "write the merged report to this file instead of standard output")
	f.BoolVar(&o.hard, "hard", false, "exit 1 when the merged report is not approved (any commit, for audits)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "text: print only issues and the closing line")
	f.BoolVarP(&o.verb, "verbose", "v", false, "text: list every commit")
	f.BoolVar(&o.noColor, "no-color", false, "no colour (also when NO_COLOR is set)")
	return cmd
}

// mergeKind is what a file to merge holds.
type mergeKind string

const (
	kindAuditDoc mergeKind = "audit document"
	kindSARIF    mergeKind = "SARIF log"
	kindResult   mergeKind = "review result"
)

// sniffKind tells the kinds apart by their top-level keys.
func sniffKind(data []byte) (mergeKind, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return "", fmt.Errorf("not JSON: %w", err)
	}
	has := func(k string) bool { _, ok := top[k]; return ok }
	switch {
	case has("summary") && has("commits"):
		return kindAuditDoc, nil
	case has("runs") && has("version"):
		return kindSARIF, nil
	case has("mode") && (has("security_issues") || has("quality_issues")):
		return kindResult, nil
	}
	return "", errors.New("not a PatchPatrol report: expected an audit document, a SARIF log, or a review result written with --format json or sarif")
}

type mergeInput struct {
	name string
	data []byte
}

func (a *app) merge(o *mergeOptions, files []string) error {
	var inputs []mergeInput
	var kind mergeKind
	first := ""
	for _, name := range files {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(a.io.Dir, p)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return &UsageError{Err: fmt.Errorf("merge: read %s: %w", name, errors.Unwrap(err))}
		}
		k, err := sniffKind(data)
		if err != nil {
			return &UsageError{Err: fmt.Errorf("merge: %s: %w", name, err)}
		}
		if kind == "" {
			kind, first = k, name
		} else if k != kind {
			return &UsageError{Err: fmt.Errorf("merge: %s is a %s but %s is a %s: merge files of one kind", name, k, first, kind)}
		}
		inputs = append(inputs, mergeInput{name: name, data: data})
	}
	ro := &options{output: o.output, quiet: o.quiet, verbose: o.verb, noColor: o.noColor}
	switch kind {
	case kindAuditDoc:
		format := "json"
		if o.formatSet {
			format = o.format
		}
		doc, err := a.mergeAudits(inputs)
		if err != nil {
			return err
		}
		if err := a.writeAuditAs(doc, format, ro); err != nil {
			return err
		}
		if o.hard {
			for i := range doc.Commits {
				if res := doc.Commits[i].Result; !res.Approved {
					res.Hard = true // decides the exit code: 1
					a.result = res
					break
				}
			}
		}
		return nil
	case kindSARIF:
		if o.formatSet && !strings.EqualFold(strings.TrimSpace(o.format), "sarif") {
			return &UsageError{Err: fmt.Errorf("merge: SARIF logs merge into SARIF only, not %q: merge the audit JSON documents to get other formats", o.format)}
		}
		logs := make([][]byte, len(inputs))
		for i, in := range inputs {
			logs[i] = in.data
		}
		w, closeOut, err := a.openOutput(o.output)
		if err != nil {
			return err
		}
		werr := report.MergeSARIF(w, logs, version())
		if cerr := closeOut(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return &UsageError{Err: fmt.Errorf("merge: %w", werr)}
		}
		return nil
	}
	return a.mergeResults(o, ro, inputs)
}

// mergeAudits joins audit documents: the same selection and mode, each
// commit once, the summary computed again.
func (a *app) mergeAudits(inputs []mergeInput) (*audit.Document, error) {
	var out *audit.Document
	seen := map[string]int{} // commit id -> input that had it
	notes := map[string]bool{}
	shards := map[string]bool{}
	count := 0
	for i, in := range inputs {
		doc, err := report.ReadAudit(in.data)
		if err != nil {
			return nil, &UsageError{Err: fmt.Errorf("merge: %s: %w", in.name, err)}
		}
		s := &doc.Summary
		if out == nil {
			out = &audit.Document{Summary: audit.Summary{Range: s.Range, Mode: s.Mode}}
		} else if s.Range != out.Summary.Range || s.Mode != out.Summary.Mode {
			return nil, &UsageError{Err: fmt.Errorf("merge: %s audits %q in %s mode but %s audits %q in %s mode: merge the shards of one audit",
				in.name, s.Range, s.Mode, inputs[0].name, out.Summary.Range, out.Summary.Mode)}
		}
		if s.Shard != "" {
			sh, err := audit.ParseShard(s.Shard)
			if err != nil {
				return nil, &UsageError{Err: fmt.Errorf("merge: %s: %w", in.name, err)}
			}
			if count != 0 && sh.Count != count {
				return nil, &UsageError{Err: fmt.Errorf("merge: %s is shard %s but other inputs are shards of %d: merge the shards of one split", in.name, s.Shard, count)}
			}
			count = sh.Count
			if shards[s.Shard] {
				fmt.Fprintf(a.io.Stderr, "patchpatrol: warning: shard %s is given twice (%s)\n", s.Shard, in.name)
			}
			shards[s.Shard] = true
		}
		out.Summary.CommitsSkipped += s.CommitsSkipped
		for _, n := range s.Notes {
			notes[n] = true
		}
		for _, c := range doc.Commits {
			if j, dup := seen[c.SHA]; dup {
				prev := findCommit(out.Commits, c.SHA)
				if prev == nil || !sameJSON(prev.Raw, c.Raw) {
					return nil, &UsageError{Err: fmt.Errorf("merge: commit %s is in %s and %s with different reviews: merge shards of one run (same settings and version)",
						c.ShortSHA, inputs[j].name, in.name)}
				}
				fmt.Fprintf(a.io.Stderr, "patchpatrol: warning: commit %s is in both %s and %s (identical; kept once)\n", c.ShortSHA, inputs[j].name, in.name)
				continue
			}
			seen[c.SHA] = i
			out.Commits = append(out.Commits, c)
		}
	}
	if count > 0 && len(shards) < count {
		var missing []string
		for i := 1; i <= count; i++ {
			if k := fmt.Sprintf("%d/%d", i, count); !shards[k] {
				missing = append(missing, k)
			}
		}
		fmt.Fprintf(a.io.Stderr, "patchpatrol: warning: shard(s) %s missing: the merged report covers only the shards given\n", strings.Join(missing, ", "))
	}
	for n := range notes {
		out.Summary.Notes = append(out.Summary.Notes, n)
	}
	sort.Strings(out.Summary.Notes)
	audit.SortCommits(out.Commits)
	audit.Summarize(&out.Summary, out.Commits)
	return out, nil
}

func findCommit(cs []audit.Commit, sha string) *audit.Commit {
	for i := range cs {
		if cs[i].SHA == sha {
			return &cs[i]
		}
	}
	return nil
}

// sameJSON compares two documents ignoring layout.
func sameJSON(a, b []byte) bool {
	var ca, cb bytes.Buffer
	if json.Compact(&ca, a) != nil || json.Compact(&cb, b) != nil {
		return false
	}
	return bytes.Equal(ca.Bytes(), cb.Bytes())
}

// mergeResults joins review or scan results into one.
func (a *app) mergeResults(o *mergeOptions, ro *options, inputs []mergeInput) error {
	parts := make([]*review.Result, 0, len(inputs))
	for _, in := range inputs {
		res, err := report.ParseResult(in.data)
		if err != nil {
			return &UsageError{Err: fmt.Errorf("merge: %s: %w", in.name, err)}
		}
		parts = append(parts, res)
	}
	res, err := review.Combine(parts, o.hard)
	if err != nil {
		return &UsageError{Err: fmt.Errorf("merge: %w", err)}
	}
	format := "json"
	if o.formatSet {
		format = o.format
	}
	color := a.io.IsTerminal && !o.noColor && a.io.Getenv("NO_COLOR") == "" && o.output == ""
	rep, err := report.New(format, report.Options{Color: color, Verbose: o.verb, Quiet: o.quiet, ToolVersion: version()})
	if err != nil {
		return &UsageError{Err: err}
	}
	w, closeOut, err := a.openOutput(ro.output)
	if err != nil {
		return err
	}
	werr := rep.Write(w, res)
	if cerr := closeOut(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("write %s report: %w", format, werr)
	}
	a.result = res
	return nil
}
