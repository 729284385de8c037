package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/themis-network/themis/tss/preparams"
)

// tssFixtureWarning is printed by every import: the files are meant to be public.
const tssFixtureWarning = `
  !!! WARNING: imported preparams are PUBLIC test fixtures.
  !!! Their secrets (Paillier keys, safe primes) are committed to the repository.
  !!! Use them for the localnet and tests ONLY. A key made with them must NEVER guard real
  !!! funds. On a real node, run 'themisd tss init' instead.
`

func tssImportCmd(deps tssDeps) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import-preparams DIR",
		Short: "Import plaintext preparams fixture files into the pool (localnet and tests ONLY: fixtures are public)",
		Long: `Seals every DIR/*.json file (the JSON of a tss-lib keygen.LocalPreParams, as in
testutil/tssfixtures/preparams) into this node's preparams pool, so that the localnet and tests
skip the minutes of generation. A set already in the pool is not added twice.

Fixture files are public, and the Paillier key in them is what hides this node's secrets in the
protocol messages: anyone holding them can read those secrets off the wire.
Never import them on a node whose keys guard anything; use 'themisd tss init' there.`,
		Example: `themisd tss import-preparams testutil/tssfixtures/preparams --home ./localnet/node0`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cmd.SilenceUsage = true
			fmt.Fprint(cmd.ErrOrStderr(), tssFixtureWarning)
			store, _, err := openTSSStore(cmd, deps, true)
			if err != nil {
				return err
			}
			pool := preparams.NewPool(store)
			added, present, err := pool.Import(args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "imported %d preparams sets (%d already present); the pool holds %d\n", added, present, pool.Count())
			return nil
		},
	}
	addTSSFlags(cmd)
	return cmd
}
