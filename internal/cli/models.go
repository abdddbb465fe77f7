package cli

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/patchpatrol/patchpatrol/internal/llm"
)

func (a *app) listModelsCmd() *cobra.Command {
	o := &modelOptions{}
	cmd := &cobra.Command{
		Use:   "list-models",
		Short: "List the model aliases and the models Ollama has installed",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r, err := a.modelSettings(cmd, o)
			if err != nil {
				return err
			}
			w := a.io.Stdout
			tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ALIAS\tBACKEND\tMODEL\tWHERE\tPURPOSE")
			for _, m := range llm.Aliases() {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", m.Name, m.Backend, m.Model, m.Location, m.Purpose)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			p, ep, err := a.ollama(r)
			if err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), 3*time.Second)
			defer cancel()
			models, err := p.List(ctx)
			switch {
			case err != nil:
				fmt.Fprintf(w, "\nInstalled on Ollama: unknown (%v)\n", err)
			case len(models) == 0:
				fmt.Fprintf(w, "\nInstalled on Ollama at %s: none; download one with `patchpatrol download-model quality`\n", ep.BaseURL)
			default:
				fmt.Fprintf(w, "\nInstalled on Ollama at %s:\n", ep.BaseURL)
				tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
				for _, m := range models {
					fmt.Fprintf(tw, "  %s\t%s\t%s\n", m.Name, bytesHuman(m.Size), m.Details)
				}
				if err := tw.Flush(); err != nil {
					return err
				}
			}
			fmt.Fprintln(w, "\nWithout --model, reviews use the embedded engine alone (no model, no network).")
			return nil
		},
	}
	addModelFlags(cmd, o)
	return cmd
}
