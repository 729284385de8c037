package differential

import (
	"math/big"
	"strings"

	"cosmossdk.io/math"
	"github.com/ethereum/go-ethereum/common"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// The expected chain record, as pure functions of the contract's record. "L1 decides
// stake and keys; the chain decides admission" (SPEC 3.1): every field but the status and
// the power is copied from the contract; the status maps the contract's state, and where
// the contract shows the lock alive, applies the chain's admission rule with the chain's
// own input (Policy: the governance whitelist, which the harness sets) and the
// contract's max_lock for power.
// Model (model.go) applies ExpectStatus when the chain learns something.

// Policy is what the chain's admission and power read: the whitelist governance set,
// and the contract's max_lock (mirrored from LockLimitsUpdated).
type Policy struct {
	Whitelist map[string]bool // lower-case 0x owners
	MaxLock   *big.Int
}

// Whitelisted reports whether governance admits owner.
func (p Policy) Whitelisted(owner common.Address) bool { return p.Whitelist[lowerHex(owner)] }

// Learned is what reached the chain about one sequencer: the admission rule is applied
// again only then (x/sequencer/keeper/admission.go).
type Learned struct {
	Event      bool // one of its events was relayed and applied (its nonce moved)
	Readmitted bool // governance whitelisted its owner (again)
}

// Expected is one sequencer's record as the chain should hold it.
type Expected struct {
	Owner, Signer, RewardRecipient string
	PubKey                         []byte
	Locked                         math.Int
	Nonce                          uint64
	Status                         seqtypes.SequencerStatus
	Power                          int64
	// UnlockableAt is the contract's claim time once an exit started (unix seconds), 0 before.
	UnlockableAt uint64
}

// Expect is the chain's record of c with the given status (ExpectStatus's).
func Expect(c ContractSeq, p Policy, status seqtypes.SequencerStatus) Expected {
	e := Expected{
		Owner: lowerHex(c.Owner), Signer: lowerHex(c.Signer), RewardRecipient: lowerHex(c.RewardRecipient),
		PubKey: c.PubKey, Locked: math.NewIntFromBigInt(c.Locked), Nonce: c.Nonce, Status: status,
		Power: ExpectPower(status, c.Locked, p.MaxLock),
	}
	if c.Status == L1Unlocking || c.Status == L1Unlocked {
		e.UnlockableAt = c.UnlockableAt
	}
	return e
}

// ExpectStatus is the chain's status of c once the chain learned something (or nothing)
// about it, given the status it had (UNSPECIFIED for a lock not recorded yet):
//   - the contract's exit is the chain's: Unlocking is UNLOCKING, Unlocked is UNLOCKED;
//   - a live lock whose owner governance has not whitelisted is NOT_ADMITTED (stake
//     recorded, no power), whatever it was: removal from the whitelist offboards;
//   - a whitelisted member (ACTIVE before) stays ACTIVE: losing stake to a slash, or a
//     raised min_lock, does not take its admission (what a slash does to the status is
//     x/slashing's; min_lock is the contract's, which enforces it on every lock and
//     withdrawal, so the stake is not an admission input and the relay timing of a
//     limits change decides nothing);
//   - anything else (a new lock, a NOT_ADMITTED one) is admitted when the chain learns
//     something about it (an event, or its owner whitelisted again); otherwise it
//     stays NOT_ADMITTED.
func ExpectStatus(c ContractSeq, p Policy, prev seqtypes.SequencerStatus, learned Learned) seqtypes.SequencerStatus {
	switch c.Status {
	case L1Unlocking:
		return seqtypes.SEQUENCER_STATUS_UNLOCKING
	case L1Unlocked:
		return seqtypes.SEQUENCER_STATUS_UNLOCKED
	}
	switch {
	case !p.Whitelisted(c.Owner):
		return seqtypes.SEQUENCER_STATUS_NOT_ADMITTED
	case prev == seqtypes.SEQUENCER_STATUS_ACTIVE:
		return seqtypes.SEQUENCER_STATUS_ACTIVE
	case prev == seqtypes.SEQUENCER_STATUS_UNSPECIFIED || learned.Event || learned.Readmitted:
		return seqtypes.SEQUENCER_STATUS_ACTIVE
	default:
		return seqtypes.SEQUENCER_STATUS_NOT_ADMITTED
	}
}

// ExpectPower is SPEC 3.1's voting power: min(locked, max_lock) / 10^18, whole tokens
// rounded down, for an ACTIVE sequencer; 0 otherwise.
func ExpectPower(status seqtypes.SequencerStatus, locked, maxLock *big.Int) int64 {
	if status != seqtypes.SEQUENCER_STATUS_ACTIVE {
		return 0
	}
	counted := locked
	if counted.Cmp(maxLock) > 0 {
		counted = maxLock
	}
	return new(big.Int).Quo(counted, ether).Int64()
}

func lowerHex(a common.Address) string { return strings.ToLower(a.Hex()) }
