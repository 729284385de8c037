package reporter

import (
	"bytes"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/x/mpc/types"
)

// L1Wants is what the chain wants this validator's L1 and L2 nodes to say, read from
// committed state in ExtendVote. The watcher reads exactly this on its next poll, and
// a fact it holds is reported only while it still answers what the chain wants: a
// receipt of a transaction no longer in flight, or the commitment of a batch no
// longer proposed, would only be noise the tally throws away.
type L1Wants struct {
	// Pool is the pool key's address (zero: no pool key, so no L1 fact is wanted).
	Pool common.Address
	// StakingContract holds pendingPoolAddress; Confirmations is how far below the L1
	// head the facts are read (x/sequencer's l1_confirmations).
	StakingContract common.Address
	Confirmations   uint64
	// PoolTx is the pool transaction in flight (0: none) and TxHashes the hashes of
	// its signed versions, at most one of which can land (they share a nonce).
	PoolTx   uint64
	TxHashes []common.Hash
	// Nonce is the transaction's nonce and FromL1 the agreed L1 height when it took
	// it: when L1 used the nonce under none of TxHashes, the watcher looks for the
	// pool's transaction at Nonce from FromL1 up (an alternate signature).
	Nonce  uint64
	FromL1 uint64
	// Batch is the proposed L2 batch (nil: none).
	Batch *BatchRange
	// Calls are the pool calls the chain is checking (types.MaxCallChecks at most):
	// each is dry-run from Pool at the confirmed height.
	Calls []CallToCheck
}

// CallToCheck is a pool call to dry-run: its pool transaction id and the call.
type CallToCheck struct {
	PoolTx uint64
	To     common.Address
	Data   []byte
	Gas    uint64
}

// BatchRange names an L2 batch: its index in the inbox and its blocks.
type BatchRange struct {
	Index, Start, End uint64
}

// l1Snapshot is one poll's L1 reads, all at one confirmed height, for the wants it
// was read for. It is never changed once stored (a report may share its bytes).
type l1Snapshot struct {
	at            time.Time
	pool, staking common.Address
	confirmations uint64

	height   uint64 // confirmed: head minus confirmations, at least 1
	baseFee  []byte // the head's
	nonce    uint64
	balance  []byte
	proposed bool
	receipt  *types.PoolTxReceipt // a version's receipt at or below height; nil: none
	checks   []types.CallCheck    // dry runs of the calls wanted, by pool tx id
}

// batchFact is the commitment the L2 node gave for one range.
type batchFact struct {
	rng        BatchRange
	commitment types.BatchCommitment
}

// answer is the report the facts give for want at now: L1 facts only from a snapshot
// read for the same pool, contract and depth within maxAge (a node that stopped
// answering must not keep voting what it saw long ago), a receipt only of a version
// in flight, a commitment only of the proposed range. Empty: nothing to say.
func answer(want L1Wants, snap *l1Snapshot, batch *batchFact, now time.Time, maxAge time.Duration) types.L1Report {
	var r types.L1Report
	if snap != nil && want.Pool != (common.Address{}) && snap.pool == want.Pool && snap.staking == want.StakingContract &&
		snap.confirmations == want.Confirmations && now.Sub(snap.at) <= maxAge {
		r.L1Height, r.BaseFee, r.PoolNonce, r.PoolBalance, r.PoolProposed = snap.height, snap.baseFee, snap.nonce, snap.balance, snap.proposed
		if rc := snap.receipt; rc != nil && rc.PoolTx == want.PoolTx && (hasHash(want.TxHashes, rc.TxHash) || len(rc.Signature) > 0) {
			r.Receipt = rc
		}
		r.Checks = checksWanted(want.Calls, snap.checks)
	}
	if b := want.Batch; b != nil && batch != nil && batch.rng == *b {
		c := batch.commitment
		r.Batch = &c
	}
	return r
}

// checksWanted are the snapshot's dry runs of calls the chain still checks, in
// pool tx order (both lists are).
func checksWanted(calls []CallToCheck, checks []types.CallCheck) []types.CallCheck {
	var out []types.CallCheck
	for _, c := range checks {
		for _, call := range calls {
			if call.PoolTx == c.PoolTx {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

func hasHash(list []common.Hash, h []byte) bool {
	for _, x := range list {
		if bytes.Equal(x[:], h) {
			return true
		}
	}
	return false
}

// isEmpty reports whether r says nothing.
func isEmpty(r types.L1Report) bool {
	return r.L1Height == 0 && r.Batch == nil
}
