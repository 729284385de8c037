package cmd

import (
	"encoding/json"

	"github.com/spf13/cobra"
)

// tssGenerateOneCmd is the node's preparams top-up worker: the node runs it as a child
// process with GOMAXPROCS=1, so the safe-prime search (which tss-lib spreads over
// several goroutines even at its smallest setting) is held to one core by the OS
// scheduler, and a starting TSS session stops it by ending the process.
func tssGenerateOneCmd(deps tssDeps) *cobra.Command {
	return &cobra.Command{
		Use:    "generate-one",
		Short:  "Generate one preparams set and print it as JSON on stdout (the node's top-up worker)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pp, err := deps.generate(cmd.Context(), 1)
			if err != nil {
				return err
			}
			return json.NewEncoder(cmd.OutOrStdout()).Encode(pp)
		},
	}
}
