package cmd

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
)

// The operator's L1 paths refuse bad arguments with a message that says what to give,
// before any L1 call.
func TestL1RewardAndEscrowCommandsCheckTheirArguments(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"release-escrow", "0"}, "positive integer"},
		{[]string{"release-escrow", "x"}, "themisd query slashing escrows"},
		{[]string{"withdraw-rewards"}, "accepts 1 arg"},
		{[]string{"withdraw-rewards", "1", "--staking-contract", "nope"}, "staking contract's 0x address"},
		{[]string{"release-escrow", "3", "--staking-contract", "0x00000000000000000000000000000000000057a4"}, "--owner-key-file is required"},
		{[]string{"fund-rewards", "0.5"}, "at least 1 token"},
		{[]string{"fund-rewards", "ten"}, "positive number of tokens"},
		{[]string{"fund-rewards", "100", "--staking-contract", "0x00000000000000000000000000000000000057a4"}, "--owner-key-file is required"},
	} {
		cmd := L1Cmd()
		var out bytes.Buffer
		cmd.SetOut(&out)
		cmd.SetErr(&out)
		cmd.SetArgs(tc.args)
		err := cmd.Execute()
		require.ErrorContains(t, err, tc.want, "%v", tc.args)
	}
}
