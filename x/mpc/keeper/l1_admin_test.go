package keeper_test

import (
	"math/big"
	"strings"
	"testing"

	"cosmossdk.io/math"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/x/mpc/keeper"
	"github.com/themis-network/themis/x/mpc/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// The pool keeps the staking contract's administration what governance decided:
// x/sequencer reports the differences, x/mpc proposes one checked call at a time.

var (
	admitted = common.HexToAddress("0x00000000000000000000000000000000000000a1")
	evicted  = common.HexToAddress("0x00000000000000000000000000000000000000a2")
)

func whitelistChange(a common.Address, allowed bool) sequencertypes.L1AdminChange {
	return sequencertypes.L1AdminChange{Kind: sequencertypes.L1AdminWhitelist, Account: strings.ToLower(a.Hex()), Allowed: allowed}
}

// adminCalls are the l1_admin pool calls so far, oldest first.
func (c *chain) adminCalls() []types.PoolTx {
	c.t.Helper()
	var out []types.PoolTx
	for _, tx := range c.poolTxs() {
		if tx.Purpose == keeper.L1AdminPurpose {
			out = append(out, tx)
		}
	}
	return out
}

// mirror is x/sequencer applying the relayed event of a landed administration call:
// the contract's configNonce moves and the difference is gone.
func (c *chain) mirror() {
	c.seqs.l1.ConfigNonce++
	c.seqs.admin = c.seqs.admin[1:]
}

// Each difference becomes one checked call, in x/sequencer's order: the next is
// proposed only once the last landed and its event was mirrored (never the same change
// twice); the calls are exactly the contract's setWhitelist, setLockLimits,
// setExitDelay and endBootstrap.
func TestL1AdminReconcilesOneChangeAtATime(t *testing.T) {
	c := newCheckedChain(t)
	s := staking.NewThemisStaking()
	minLock, maxLock := math.NewInt(5), math.NewInt(9)
	c.seqs.admin = []sequencertypes.L1AdminChange{
		whitelistChange(admitted, true),
		whitelistChange(evicted, false),
		{Kind: sequencertypes.L1AdminLockLimits, MinLock: minLock, MaxLock: maxLock},
		{Kind: sequencertypes.L1AdminExitDelay, ExitDelaySeconds: sequencertypes.MinExitDelaySeconds},
		{Kind: sequencertypes.L1AdminEndBootstrap},
		{Kind: sequencertypes.L1AdminCancelRecovery, Account: strings.ToLower(evicted.Hex())},
	}
	want := [][]byte{
		s.PackSetWhitelist(admitted, true),
		s.PackSetWhitelist(evicted, false),
		s.PackSetLockLimits(big.NewInt(5), big.NewInt(9)),
		s.PackSetExitDelay(new(big.Int).SetUint64(sequencertypes.MinExitDelaySeconds)),
		s.PackEndBootstrap(),
		s.PackCancelPoolRecovery(),
	}
	for i, data := range want {
		c.until(60, "the change landed", func() bool {
			calls := c.adminCalls()
			return len(calls) == i+1 && calls[i].Status == types.POOL_TX_STATUS_CONFIRMED
		})
		tx := c.adminCalls()[i]
		require.Equal(t, data, tx.Data, "change %d", i)
		require.Equal(t, c.seqs.params.StakingContract, tx.To)
		c.run(5)
		require.Len(t, c.adminCalls(), i+1, "landed but not mirrored yet: not sent again")
		c.mirror()
	}
	c.run(10)
	require.Len(t, c.adminCalls(), len(want), "nothing left to change")
}

// A change the contract refuses (more than 2/3 of dry runs revert) is never signed and
// holds no other: the next difference goes first, and the refused one is tried again
// after the wait. Nothing is proposed while the pool is not the contract's pool.
func TestL1AdminRefusedChangeHoldsNoOther(t *testing.T) {
	c := newCheckedChain(t)
	s := staking.NewThemisStaking()
	refused := s.PackSetWhitelist(admitted, true)
	c.l1.dryRun = func(tx types.PoolTx) types.CallCheck {
		if string(tx.Data) == string(refused) {
			return reverting(tx)
		}
		return types.CallCheck{PoolTx: tx.Id}
	}
	c.seqs.admin = []sequencertypes.L1AdminChange{whitelistChange(admitted, true), whitelistChange(evicted, true)}
	c.until(10, "the first change refused", func() bool {
		calls := c.adminCalls()
		return len(calls) == 1 && calls[0].Status == types.POOL_TX_STATUS_REFUSED
	})
	c.run(5)
	require.Len(t, c.adminCalls(), 1, "a refused change waits before anything else is proposed")
	c.until(120, "the second change landed", func() bool {
		calls := c.adminCalls()
		return len(calls) == 2 && calls[1].Status == types.POOL_TX_STATUS_CONFIRMED
	})
	require.Equal(t, s.PackSetWhitelist(evicted, true), c.adminCalls()[1].Data, "the next difference went first")
	c.seqs.l1.ConfigNonce++
	c.seqs.admin = c.seqs.admin[:1]
	c.until(120, "the refused change tried again", func() bool { return len(c.adminCalls()) == 3 })
	require.Equal(t, refused, c.adminCalls()[2].Data)

	// A pool the contract does not have yet proposes nothing.
	c2 := newCheckedChain(t)
	c2.seqs.l1.PoolAddress = "0x00000000000000000000000000000000000000bb"
	c2.seqs.admin = []sequencertypes.L1AdminChange{whitelistChange(admitted, true)}
	c2.run(10)
	require.Empty(t, c2.adminCalls())
}
