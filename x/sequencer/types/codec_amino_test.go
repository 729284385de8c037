package types_test

import (
	"testing"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

// The legacy amino codec (ledger signing) encodes every case of MsgConfigChanged's oneof.
func TestLegacyAminoEncodesConfigChanges(t *testing.T) {
	cdc := codec.NewLegacyAmino()
	types.RegisterLegacyAminoCodec(cdc)
	owner := "0x00000000000000000000000000000000000000aa"
	for _, m := range []*types.MsgConfigChanged{
		{Change: &types.MsgConfigChanged_LockLimits{LockLimits: &types.LockLimitsChange{MinLock: sequencertest.Tokens(1), MaxLock: sequencertest.Tokens(2)}}},
		{Change: &types.MsgConfigChanged_ExitDelay{ExitDelay: &types.ExitDelayChange{ExitDelaySeconds: types.MinExitDelaySeconds}}},
		{Change: &types.MsgConfigChanged_Whitelist{Whitelist: &types.L1WhitelistChange{Account: owner, Allowed: true}}},
		{Change: &types.MsgConfigChanged_Pause{Pause: &types.PauseChange{By: owner, PausedUntil: 5}}},
		{Change: &types.MsgConfigChanged_Treasury{Treasury: &types.AddressChange{Previous: owner, Current: owner}}},
		{Change: &types.MsgConfigChanged_PoolAddress{PoolAddress: &types.AddressChange{Previous: owner, Current: owner}}},
		{Change: &types.MsgConfigChanged_BootstrapStarted{BootstrapStarted: &types.BootstrapStarted{Owner: owner, Deadline: 9}}},
		{Change: &types.MsgConfigChanged_BootstrapEnded{BootstrapEnded: &types.BootstrapEnded{EndedBy: owner, PoolAddress: owner}}},
	} {
		m.Submitter, m.Event, m.ConfigNonce = "sub", sequencertest.Ref(1), 1
		bz, err := cdc.MarshalJSON(m)
		require.NoError(t, err, "%T", m.Change)
		var back types.MsgConfigChanged
		require.NoError(t, cdc.UnmarshalJSON(bz, &back))
		require.Equal(t, m.String(), back.String())
	}
}
