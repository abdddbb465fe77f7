package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/patchpatrol/patchpatrol/internal/llm"
)

func (a *app) listModelsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list-models",
		Short: "List the model aliases",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tw := tabwriter.NewWriter(a.io.Stdout, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ALIAS\tBACKEND\tMODEL\tWHERE\tPURPOSE")
			for _, m := range llm.Aliases() {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", m.Name, m.Backend, m.Model, m.Location, m.Purpose)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			fmt.Fprintln(a.io.Stdout, "\nWithout --model, reviews use the embedded engine alone (no model, no network).")
			return nil
		},
	}
}
