package cmd

import (
	"testing"

	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/stretchr/testify/require"
)

// `themisd tx slashing` is x/slashing's own command (submit-l2-equivocation, written by
// hand) with autocli's commands added to it: both are there, and both pay the chain's
// minimum gas price by default.
func TestSlashingTxCommandsMergeCustomAndAutocli(t *testing.T) {
	for _, name := range []string{"submit-l2-equivocation", "unjail"} {
		c, _, err := NewRootCmd().Find([]string{"tx", "slashing", name})
		require.NoError(t, err, name)
		require.Equal(t, name, c.Name())
		offerMinGasPrice(c)
		require.Equal(t, "0.025uthemis", c.Flags().Lookup(flags.FlagGasPrices).Value.String(), name)
	}
	c, _, err := NewRootCmd().Find([]string{"tx", "slashing", "submit-l2-equivocation"})
	require.NoError(t, err)
	require.Contains(t, c.Use, "<header-a> <header-b>", "the hand-written command, not autocli's")
}
