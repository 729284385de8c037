package contracts_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"

	mpctypes "github.com/themis-network/themis/x/mpc/types"
)

// x/mpc's default gas limits leave room above what the pool's calls cost at their
// most expensive (the first ever: every slot cold and zero): a limit too tight makes
// every pool transaction revert out of gas, which the chain only learns on L1 (the
// localnet's first acceptances did, at the old 100,000; the development L1 estimates
// acceptPoolAddress at about 159,000 gas, more than this backend charges).
func TestPoolCallsFitTheDefaultGasLimits(t *testing.T) {
	e := newEnv(t)
	p := mpctypes.DefaultParams()
	e.send(e.pool, e.stakingC, e.staking.PackProposePoolAddress(e.pool2.addr))
	accept := e.send(e.pool2, e.stakingC, e.staking.PackAcceptPoolAddress())
	first := uint64(testFirstL2Block)
	batch := e.send(e.pool2, e.inboxC, e.inbox.PackAppendStateBatch(big.NewInt(0), first, first+499, root("s0"), root("t0")))
	t.Logf("acceptPoolAddress %d gas (limit %d), first appendStateBatch %d gas (limit %d)", accept.GasUsed, p.AcceptPoolGas, batch.GasUsed, p.BatchGas)
	require.LessOrEqual(t, accept.GasUsed*5/4, p.AcceptPoolGas, "accept_pool_gas leaves 25% headroom")
	require.LessOrEqual(t, batch.GasUsed*5/4, p.BatchGas, "batch_gas leaves 25% headroom")
}

// The pool's administrative calls (x/mpc's l1_admin purpose) fit mpctypes.L1AdminGas at
// their most expensive: each writes a slot for the first time (a new whitelisted account,
// a cancelled recovery's slots, the bootstrap flag).
func TestPoolAdminCallsFitTheirGasLimit(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	e.send(e.owner, e.stakingC, s.PackProposePoolRecovery(e.pool3.addr))
	for name, calldata := range map[string][]byte{
		"setWhitelist (a new account)": s.PackSetWhitelist(e.pool3.addr, true),
		"setLockLimits":                s.PackSetLockLimits(tokens(1), tokens(2)),
		"setExitDelay":                 s.PackSetExitDelay(big.NewInt(8 * 24 * 3600)),
		"cancelPoolRecovery":           s.PackCancelPoolRecovery(),
		"endBootstrap":                 s.PackEndBootstrap(),
	} {
		r := e.send(e.pool, e.stakingC, calldata)
		t.Logf("%s: %d gas (limit %d)", name, r.GasUsed, mpctypes.L1AdminGas)
		require.LessOrEqual(t, r.GasUsed*5/4, uint64(mpctypes.L1AdminGas), name)
	}
}
