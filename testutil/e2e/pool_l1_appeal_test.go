//go:build e2e

package e2e

import (
	"fmt"
	"math/big"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/contracts/bindings/testtoken"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// appealRefundsOnL1: governance upholds the appeal of a slash L1 already took. The
// chain reinstates the sequencer at once and queues the escrow's refund; a validator
// is killed and restarted while the refund is in flight; the pool refunds the escrow
// on L1 to the owner, exactly the slashed amount, once, and the relayed EscrowRefunded
// marks the refund CONFIRMED and the escrow REFUNDED.
func appealRefundsOnL1(t *testing.T, ln *Localnet, client *ethclient.Client, j judged, proposal int) {
	off := j.off
	owner := common.HexToAddress(ln.L1SequencerState(client, off.SequencerID).Owner)
	before := l1TokenBalance(t, ln, client, owner, nil)
	result := ln.PassProposal(proposal, "Appeal: the stall was the L2 host's disk, replaced",
		&slashingtypes.MsgAppeal{Authority: GovAuthority(), OffenceId: off.ID, Reason: "hardware fault, see the operator's post-mortem"})
	require.Equal(t, "PROPOSAL_STATUS_PASSED", result.Status)
	back := ln.waitSequencer(off.SequencerID, "reinstated by the appeal", func(s sequencerView) bool { return s.Status == "SEQUENCER_STATUS_ACTIVE" })
	pub, err := signerPubOf(ln.NodeOfSequencer(off.SequencerID).Home)
	require.NoError(t, err)
	power, err := strconv.ParseInt(back.Power, 10, 64)
	require.NoError(t, err)
	ln.requireValidatorPower(pub, power)
	refundID := appealRefundAction(t, ln, off.ID)
	t.Logf("2. appeal of offence %d passed: sequencer %d %s with power %d, refund queued as L1 action %d",
		off.ID, off.SequencerID, back.Status, power, refundID)

	// A validator crashes and restarts while the refund is on its way (four hold the
	// power again, so the chain goes on without it).
	victim := ln.Nodes[1]
	if victim == ln.NodeOfSequencer(off.SequencerID) {
		victim = ln.Nodes[2]
	}
	status := l1ActionStatus(t, ln, refundID)
	require.NotEqual(t, "L1_ACTION_STATUS_CONFIRMED", status, "the refund is still on its way when the node is killed")
	ln.KillNode(victim)
	time.Sleep(3 * time.Second)
	ln.StartNode(victim)
	t.Logf("2. node %d killed and restarted while refund action %d was %s", victim.Index, refundID, status)

	ln.waitActionConfirmed(refundID, fmt.Sprintf("refund action %d confirmed by its L1 event", refundID), 5*time.Minute)
	slashed, ok := new(big.Int).SetString(off.Slashed, 10)
	require.True(t, ok)
	require.Equal(t, new(big.Int).Add(before, slashed).String(), l1TokenBalance(t, ln, client, owner, nil).String(),
		"the owner got the escrow back, once")
	escrow := escrowOf(t, ln, off.ID)
	require.Equal(t, "ESCROW_STATUS_REFUNDED", escrow.Status)
	var refunds int
	for _, l := range stakingLogs(t, ln, client, 0) {
		if e, err := staking.NewThemisStaking().UnpackEscrowRefundedEvent(&l); err == nil && e.EscrowId.String() == escrow.EscrowID {
			refunds++
			require.Equal(t, off.Slashed, e.Amount.String())
			require.Equal(t, owner, e.Recipient)
		}
	}
	require.Equal(t, 1, refunds, "escrow %s refunded on L1 once", escrow.EscrowID)
	require.Equal(t, "SEQUENCER_STATUS_ACTIVE", ln.mustSequencer(off.SequencerID).Status)
	t.Logf("2. escrow %s (%s) refunded on L1 to %s; the chain's escrow is %s at height %s", escrow.EscrowID, off.Slashed, owner.Hex(), escrow.Status, escrow.PaidOutAt)
}

// appealRefundAction waits for the appeal of offence id and returns its refund action.
func appealRefundAction(t *testing.T, ln *Localnet, id uint64) uint64 {
	var r struct {
		Offence struct {
			Status string `json:"status"`
			Appeal *struct {
				RefundActionID uint64 `json:"refund_action_id,string"`
				Refund         string `json:"refund"`
			} `json:"appeal"`
		} `json:"offence"`
	}
	ln.WaitFor(fmt.Sprintf("offence %d appealed", id), time.Minute, func() bool {
		return GetJSON(fmt.Sprintf("%s/themis/slashing/v1/offences/%d", ln.Nodes[0].REST, id), &r) == nil &&
			r.Offence.Status == "OFFENCE_STATUS_APPEALED" && r.Offence.Appeal != nil
	})
	require.NotZero(t, r.Offence.Appeal.RefundActionID, "a held escrow is refunded by an L1 action (%s)", r.Offence.Appeal.Refund)
	return r.Offence.Appeal.RefundActionID
}

// l1ActionStatus is x/slashing's L1 action id's status ("" if unknown).
func l1ActionStatus(t *testing.T, ln *Localnet, id uint64) string {
	actions, err := SlashingL1Actions(ln.Nodes[0])
	if err != nil {
		return ""
	}
	for _, a := range actions {
		if a.ID == id {
			return a.Status
		}
	}
	return ""
}

// mustSequencer reads sequencer id from the chain.
func (ln *Localnet) mustSequencer(id uint64) sequencerView {
	s, err := ln.chainSequencer(id)
	require.NoError(ln.t, err)
	return s
}

// l1TokenBalance is account's staking-token balance at L1 block (nil: the head).
func l1TokenBalance(t *testing.T, ln *Localnet, client *ethclient.Client, account common.Address, block *big.Int) *big.Int {
	token, err := staking.NewThemisStaking().UnpackToken(ln.l1Call(client, common.HexToAddress(ln.L1.Staking), staking.NewThemisStaking().PackToken(), block))
	require.NoError(t, err)
	b, err := testtoken.NewTestToken().UnpackBalanceOf(ln.l1Call(client, token, testtoken.NewTestToken().PackBalanceOf(account), block))
	require.NoError(t, err)
	return b
}
