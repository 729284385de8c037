//go:build e2e

package e2e

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// lockLimitsByPool: themis governance changes the contract's lock limits
// (MsgUpdateL1Admin); the pool sets them on L1 by its own signature (x/mpc's l1_admin
// purpose, one checked call), and the chain's mirror of the contract follows the
// relayed LockLimitsUpdated, leaving nothing to reconcile.
func lockLimitsByPool(t *testing.T, ln *Localnet, client *ethclient.Client, proposal int) {
	minLock, maxLock := tokens(25_000), tokens(150_000)
	before := adminPoolTxs(t, ln)
	result := ln.PassProposal(proposal, "Lock limits 25,000..150,000",
		&sequencertypes.MsgUpdateL1Admin{Authority: GovAuthority(), LockLimits: &sequencertypes.LockLimitsChange{MinLock: minLock, MaxLock: maxLock}})
	require.Equal(t, "PROPOSAL_STATUS_PASSED", result.Status)
	passed := time.Now()
	ln.WaitFor("the lock limits set on L1 by the pool", 3*time.Minute, func() bool {
		lo, hi := l1LockLimits(t, ln, client)
		return lo.Cmp(minLock.BigInt()) == 0 && hi.Cmp(maxLock.BigInt()) == 0
	})
	t.Logf("2. lock limits %s..%s set on L1 by the pool %s after governance's decision", minLock, maxLock, time.Since(passed).Round(time.Second))
	ln.WaitFor("the chain mirroring the limits, nothing left to reconcile", 2*time.Minute, func() bool {
		var cfg struct {
			Config struct {
				MinLock string `json:"min_lock"`
				MaxLock string `json:"max_lock"`
			} `json:"config"`
		}
		var admin struct {
			Pending []string `json:"pending"`
		}
		return GetJSON(ln.Nodes[0].REST+"/themis/sequencer/v1/l1_config", &cfg) == nil && cfg.Config.MinLock == minLock.String() &&
			cfg.Config.MaxLock == maxLock.String() &&
			GetJSON(ln.Nodes[0].REST+"/themis/sequencer/v1/l1_admin", &admin) == nil && len(admin.Pending) == 0
	})
	ln.WaitFor("one more l1_admin pool call, confirmed", time.Minute, func() bool {
		after := adminPoolTxs(t, ln)
		return len(after) == len(before)+1 && after[len(after)-1].Status == "POOL_TX_STATUS_CONFIRMED"
	})
}

// adminPoolTxs are the pool's l1_admin transactions, oldest first.
func adminPoolTxs(t *testing.T, ln *Localnet) []poolTxView {
	var all poolTxsView
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/pool_txs?pagination.limit=1000", &all))
	var out []poolTxView
	for _, tx := range all.PoolTxs {
		if tx.Purpose == "l1_admin" {
			out = append(out, tx)
		}
	}
	return out
}

// l1LockLimits reads the staking contract's minLock and maxLock.
func l1LockLimits(t *testing.T, ln *Localnet, client *ethclient.Client) (*big.Int, *big.Int) {
	contract, abi := common.HexToAddress(ln.L1.Staking), staking.NewThemisStaking()
	lo, err := abi.UnpackMinLock(ln.l1Call(client, contract, abi.PackMinLock(), nil))
	require.NoError(t, err)
	hi, err := abi.UnpackMaxLock(ln.l1Call(client, contract, abi.PackMaxLock(), nil))
	require.NoError(t, err)
	return lo, hi
}
