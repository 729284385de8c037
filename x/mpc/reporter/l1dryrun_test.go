package reporter

import (
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/types"
)

// checking makes the chain check calls with these ids (to the staking contract).
func (h *harness) checking(ids ...uint64) {
	h.chain.checking = nil
	for _, id := range ids {
		h.chain.checking = append(h.chain.checking, types.PoolTx{
			Id: id, Status: types.POOL_TX_STATUS_CHECKING, To: types.AddressString(stakingAddr), Data: []byte{byte(id), 0xaa}, Gas: 100_000 + id,
		})
	}
}

// Each call the chain checks is dry-run as the pool would send it (from the pool
// address, with the call's data and gas) at the confirmed height, and reported with
// how it ended: a success, or a revert with its error selector.
func TestL1DryRunsTheCheckedCallsAsThePool(t *testing.T) {
	h := newHarness(t)
	h.checking(3, 5)
	h.l1.dryRun = func(call ethereum.CallMsg) error {
		if call.Data[0] == 5 {
			return revertError{data: "0xdeadbeef0000000000000000000000000000000000000000000000000000000000000001"}
		}
		return nil
	}
	r := h.pollOK(t)
	require.NotNil(t, r)
	require.Equal(t, []types.CallCheck{{PoolTx: 3}, {PoolTx: 5, Reverted: true, Selector: []byte{0xde, 0xad, 0xbe, 0xef}}}, r.Checks)
	require.Len(t, h.l1.dryRuns, 2)
	for i, id := range []uint64{3, 5} {
		d := h.l1.dryRuns[i]
		require.Equal(t, poolAddr, d.call.From)
		require.Equal(t, stakingAddr, *d.call.To)
		require.Equal(t, []byte{byte(id), 0xaa}, d.call.Data)
		require.Equal(t, 100_000+id, d.call.Gas)
		require.Equal(t, uint64(88), d.block, "at the head minus the confirmations, with the other facts")
	}
}

// A bare revert or an EVM failure (out of gas) is an answer without a selector; a
// failed read is no answer for that call, and the snapshot's other facts stand.
func TestL1DryRunFailuresAreAnswersOrNothing(t *testing.T) {
	h := newHarness(t)
	h.checking(1, 2, 3)
	h.l1.dryRun = func(call ethereum.CallMsg) error {
		switch call.Data[0] {
		case 1:
			return revertError{data: "0x"}
		case 2:
			return errors.New("out of gas")
		}
		return errors.New("i/o timeout")
	}
	r := h.pollOK(t)
	require.NotNil(t, r)
	require.Equal(t, []types.CallCheck{{PoolTx: 1, Reverted: true}, {PoolTx: 2, Reverted: true}}, r.Checks)
	require.Equal(t, uint64(88), r.L1Height, "the other facts are still reported")
	require.Equal(t, uint64(7), r.PoolNonce)
}

// A dry run of a call the chain no longer checks (queued, refused or withdrawn since
// the poll) is not reported.
func TestL1DryRunsOfCallsNoLongerCheckedAreNotReported(t *testing.T) {
	h := newHarness(t)
	h.checking(1, 2)
	require.Len(t, h.pollOK(t).Checks, 2)
	h.checking(2)
	r := h.report(t)
	require.Equal(t, []types.CallCheck{{PoolTx: 2}}, r.Checks)
	h.checking()
	r = h.report(t)
	require.Empty(t, r.Checks)
}

// otherNodeError is a non-go-ethereum L1 node's revert: another code, revert data.
type otherNodeError struct{ data string }

func (e otherNodeError) Error() string          { return "Execution reverted" }
func (e otherNodeError) ErrorCode() int         { return -32000 }
func (e otherNodeError) ErrorData() interface{} { return e.data }

// Other L1 node software answers the same: revert data under another error code, and
// its messages matched without regard to case.
func TestL1DryRunsOfOtherNodeSoftware(t *testing.T) {
	h := newHarness(t)
	h.checking(1, 2)
	h.l1.dryRun = func(call ethereum.CallMsg) error {
		if call.Data[0] == 1 {
			return otherNodeError{data: "0xcafebabe"}
		}
		return errors.New("Execution Reverted")
	}
	r := h.pollOK(t)
	require.Equal(t, []types.CallCheck{{PoolTx: 1, Reverted: true, Selector: []byte{0xca, 0xfe, 0xba, 0xbe}}, {PoolTx: 2, Reverted: true}}, r.Checks)
}
