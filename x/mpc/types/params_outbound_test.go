package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/types"
)

// The outbound params refuse what would wedge the outbox: a pool call no L1 node
// accepts (gas above EIP-7825's cap, a fee above geth's transaction fee cap), a zero
// inbox, replacements that cannot replace.
func TestOutboundParamsValidate(t *testing.T) {
	cases := []struct {
		name  string
		patch func(*types.Params)
		err   string
	}{
		{"defaults", func(*types.Params) {}, ""},
		{"an inbox", func(p *types.Params) { p.BatchInbox = "0x00000000000000000000000000000000000000bb" }, ""},
		{"zero inbox", func(p *types.Params) { p.BatchInbox = "0x0000000000000000000000000000000000000000" }, "zero address"},
		{"inbox in upper case", func(p *types.Params) { p.BatchInbox = "0x00000000000000000000000000000000000000BB" }, "lower case"},
		{"inbox without 0x", func(p *types.Params) { p.BatchInbox = "00000000000000000000000000000000000000bb00" }, "0x address"},
		{"gas at EIP-7825's cap", func(p *types.Params) { p.BatchGas, p.MaxFeePerGas, p.PriorityFeePerGas = 1<<24, "50000000000", "1" }, ""},
		{"gas above EIP-7825's cap", func(p *types.Params) { p.BatchGas, p.MaxFeePerGas, p.PriorityFeePerGas = 1<<24+1, "50000000000", "1" }, "outside [21000"},
		{"gas below a transfer", func(p *types.Params) { p.AcceptPoolGas = 20_999 }, "outside [21000"},
		{"fee at 1 ETH", func(p *types.Params) { p.BatchGas, p.MaxFeePerGas = 5_000_000, "200000000000" }, ""},
		{"fee above 1 ETH", func(p *types.Params) { p.BatchGas, p.MaxFeePerGas = 5_000_001, "200000000000" }, "fee cap"},
		{"accept fee above 1 ETH", func(p *types.Params) { p.AcceptPoolGas, p.MaxFeePerGas = 10_000_000, "200000000000" }, "accept_pool_gas"},
		{"tip above the cap", func(p *types.Params) { p.PriorityFeePerGas = "200000000001" }, "priority_fee_per_gas"},
		{"zero fee cap", func(p *types.Params) { p.MaxFeePerGas = "0" }, "max_fee_per_gas"},
		{"bump below geth's 10%", func(p *types.Params) { p.FeeBumpPercent = 9 }, "fee_bump_percent"},
		{"zero stuck_blocks", func(p *types.Params) { p.StuckBlocks = 0 }, "stuck_blocks"},
		{"zero max_reverts", func(p *types.Params) { p.MaxReverts = 0 }, "max_reverts"},
		{"batch min above max", func(p *types.Params) { p.BatchMinBlocks, p.BatchMaxBlocks = 11, 10 }, "batch blocks"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.patch(&p)
			err := p.Validate()
			if tc.err == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, types.ErrInvalidParams)
			require.ErrorContains(t, err, tc.err)
		})
	}
}
