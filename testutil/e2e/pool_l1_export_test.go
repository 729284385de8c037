//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

// requireL1ActionsOnce: on L1, each offence was slashed at most once, each escrow
// refunded or released at most once and each reward batch submitted at most once.
func requireL1ActionsOnce(t *testing.T, ln *Localnet, client *ethclient.Client) {
	abi := staking.NewThemisStaking()
	seen := map[string]int{}
	for _, l := range stakingLogs(t, ln, client, 0) {
		if e, err := abi.UnpackSlashedEvent(&l); err == nil {
			seen[fmt.Sprintf("slash of offence %x", e.OffenceId)]++
		}
		if e, err := abi.UnpackEscrowRefundedEvent(&l); err == nil {
			seen[fmt.Sprintf("settlement of escrow %s", e.EscrowId)]++
		}
		if e, err := abi.UnpackEscrowReleasedEvent(&l); err == nil {
			seen[fmt.Sprintf("settlement of escrow %s", e.EscrowId)]++
		}
		if e, err := abi.UnpackRewardBatchSubmittedEvent(&l); err == nil {
			seen[fmt.Sprintf("reward batch %s", e.BatchId)]++
		}
	}
	for what, n := range seen {
		require.Equal(t, 1, n, "%s on L1 %d times", what, n)
	}
}

// exportedGenesis is the part of an exported genesis the restart case reads.
type exportedGenesis struct {
	InitialHeight int64 `json:"initial_height"`
	Consensus     struct {
		Params struct {
			ABCI struct {
				VoteExtensionsEnableHeight int64 `json:"vote_extensions_enable_height,string"`
			} `json:"abci"`
		} `json:"params"`
	} `json:"consensus"`
	AppState struct {
		Slashing struct {
			Actions []rewardBatchView `json:"l1_actions"`
		} `json:"slashing"`
		Mpc struct {
			PoolTxs []poolTxView `json:"pool_txs"`
		} `json:"mpc"`
	} `json:"app_state"`
}

// restartFromExport: every node stops; node 0 exports the chain's state (`themisd
// export`); every node starts again from that genesis with its chain data reset (its
// keys, TSS shares and bridge kept), as operators do for a restart from an export. The
// chain goes on from the exported height with vote extensions on; every L1 action
// pending in the export lands exactly once afterwards (each reward batch id once on
// L1), and nobody is charged for the halt.
func restartFromExport(t *testing.T, ln *Localnet, client *ethclient.Client) {
	// L1 unreachable until an action waits (a reward batch is queued every 40 s), so
	// the export has something pending; L1 is back before the nodes restart.
	require.NoError(t, ln.L1.Do("/rpc", url.Values{"down": {"true"}}))
	ln.WaitFor("an L1 action queued", 2*time.Minute, func() bool {
		actions, err := SlashingL1Actions(ln.Nodes[0])
		return err == nil && slices.ContainsFunc(actions, func(a SlashL1Action) bool { return a.Status == "L1_ACTION_STATUS_QUEUED" })
	})
	offencesBefore := judgedSoFar(t, ln)
	for _, n := range ln.Nodes {
		ln.StopNode(n)
	}
	halted := time.Now()
	require.NoError(t, ln.L1.Do("/rpc", url.Values{"down": {"false"}}))
	doc := filepath.Join(ln.Dir, "exported-genesis.json")
	ln.Run("export", "--home", ln.Nodes[0].Home, "--output-document", doc)
	raw, err := os.ReadFile(doc)
	require.NoError(t, err)
	var g exportedGenesis
	require.NoError(t, json.Unmarshal(raw, &g))
	require.Positive(t, g.Consensus.Params.ABCI.VoteExtensionsEnableHeight, "the export keeps vote extensions on")
	var pending []rewardBatchView
	for _, a := range g.AppState.Slashing.Actions {
		if a.Status == "L1_ACTION_STATUS_QUEUED" {
			pending = append(pending, a)
		}
	}
	require.NotEmpty(t, pending, "the export carries a pending L1 action")
	var inFlight int
	for _, tx := range g.AppState.Mpc.PoolTxs {
		switch tx.Status {
		case "POOL_TX_STATUS_QUEUED", "POOL_TX_STATUS_SIGNING", "POOL_TX_STATUS_SENT":
			inFlight++
		}
	}
	for _, n := range ln.Nodes {
		require.NoError(t, os.WriteFile(filepath.Join(n.Home, "config", "genesis.json"), raw, 0o600))
		ln.Run("comet", "unsafe-reset-all", "--keep-addr-book", "--home", n.Home)
	}
	for _, n := range ln.Nodes {
		ln.StartNode(n)
	}
	ln.WaitHeight(g.InitialHeight+5, 2*time.Minute)
	t.Logf("5. exported at height %d with %d L1 action(s) pending and %d pool transaction(s) in flight; the chain restarted from it %s after the halt",
		g.InitialHeight, len(pending), inFlight, time.Since(halted).Round(time.Second))

	for _, a := range pending {
		ln.waitActionConfirmed(a.ID, fmt.Sprintf("exported action %d (%s) confirmed after the restart", a.ID, a.Kind), 5*time.Minute)
	}
	requireL1ActionsOnce(t, ln, client)
	requireNoncesLandOnce(t, ln)
	// A signing session the halt broke may blame a member (low: no slash, no jail);
	// nothing else is judged for it.
	offences, err := SlashingOffences(ln.Nodes[0])
	require.NoError(t, err)
	for _, o := range offences {
		if o.ID > offencesBefore {
			require.Equal(t, "OFFENCE_CLASS_MPC_BLAME", o.Class, "offence %d charged for the halt: %+v", o.ID, o)
			require.Equal(t, "0", o.Slashed, "offence %d slashed for the halt", o.ID)
			require.False(t, o.Jailed || o.Removed || o.Banned, "offence %d punished the halt", o.ID)
		}
	}
	t.Logf("5. the %d action(s) pending at the export confirmed on L1 once each", len(pending))
}
