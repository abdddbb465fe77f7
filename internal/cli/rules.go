package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/patchpatrol/patchpatrol/internal/rules"
)

func (a *app) rulesCmd() *cobra.Command {
	var kind string
	cmd := &cobra.Command{
		Use:   "rules [ID]",
		Short: "List the rules, or explain one (by id, name, CWE-N or a Bandit/Ruff alias)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				r := rules.Lookup(args[0])
				if r == nil {
					return &UsageError{Err: fmt.Errorf("no rule %q: run `patchpatrol rules` for the list", args[0])}
				}
				fmt.Fprint(a.io.Stdout, rules.Explain(r))
				return nil
			}
			tw := tabwriter.NewWriter(a.io.Stdout, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tKIND\tSEVERITY\tCWE\tOWASP")
			for _, r := range rules.All() {
				if kind != "" && !strings.EqualFold(string(r.Kind), kind) {
					continue
				}
				cwe, owasp := r.CWEID(), r.OWASP.ID()
				if cwe == "" {
					cwe = "-"
				}
				if owasp == "" {
					owasp = "-"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Name, r.Kind, strings.ToLower(r.Severity.String()), cwe, owasp)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "", "only rules of this kind: security, secret or quality")
	return cmd
}
