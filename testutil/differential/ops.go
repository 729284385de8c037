package differential

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Kind is one L1 operation (with, where the chain cannot mirror it yet, its chain-side
// counterpart: see README.md).
type Kind uint8

// Every operation of the spec's list; AdvanceTime lets exit delays pass.
const (
	Lock               Kind = iota // owner: approve + lock with a fresh proven signer key
	Relock                         // owner: approve + relock its sequencer
	Withdraw                       // owner: partial withdrawal (stays >= minLock when Param allows)
	ClaimWithdrawal                // owner: pending withdrawal paid after the delay (no relayed event)
	InitiateUnlock                 // owner: start the exit
	ClaimUnlock                    // owner: claim after the exit delay
	UpdateSigner                   // owner: new proven key (or, 1 in 8, a burned one: reverts)
	SetRewardRecipient             // owner
	Slash                          // pool: slash(id, amount, severity, offence)
	CreditRewards                  // pool: submitRewardBatch for the owner's sequencer (no relayed event)
	WithdrawRewards                // owner: pending rewards to the reward recipient (no relayed event)
	Whitelist                      // governance and/or the pool-signed L1 setWhitelist
	LockLimits                     // pool: setLockLimits, and governance sets the chain's limits
	ExitDelay                      // pool: setExitDelay, and governance sets the chain's param
	Pause                          // pool: pause(duration) or lift it (no chain counterpart)
	AdvanceTime                    // the L1 clock jumps (days)
	numKinds
)

var kindNames = [numKinds]string{"lock", "relock", "withdraw", "claim-withdrawal", "initiate-unlock", "claim-unlock",
	"update-signer", "set-reward-recipient", "slash", "credit-rewards", "withdraw-rewards", "whitelist",
	"lock-limits", "exit-delay", "pause", "advance-time"}

func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// onSequencer reports whether the kind acts on an existing sequencer.
func (k Kind) onSequencer() bool {
	switch k {
	case Lock, Whitelist, LockLimits, ExitDelay, Pause, AdvanceTime:
		return false
	}
	return true
}

// kindWeights is how often each kind is drawn: the ones that move stake and keys most,
// the configuration changes least (each of those changes the rules for everything after).
var kindWeights = [numKinds]int{
	Lock: 5, Relock: 3, Withdraw: 3, ClaimWithdrawal: 1, InitiateUnlock: 2, ClaimUnlock: 3,
	UpdateSigner: 2, SetRewardRecipient: 2, Slash: 3, CreditRewards: 1, WithdrawRewards: 1,
	Whitelist: 4, LockLimits: 1, ExitDelay: 1, Pause: 1, AdvanceTime: 2,
}

// kindTable lists each kind as often as its weight: a byte modulo its length draws one.
var kindTable = func() []Kind {
	var t []Kind
	for k, w := range kindWeights {
		for range w {
			t = append(t, Kind(k))
		}
	}
	return t
}()

// Op is one step of a sequence. What Param means is up to the kind (exec.go); every
// value is valid, so any bytes decode into a sequence (the fuzz target's input).
type Op struct {
	Kind Kind
	// Actor picks the owner (targets.go); bits 0x18 both set: carried (Carried); bits
	// 0xe0 all set: unsteered.
	Actor uint8
	Param uint16
}

func (o Op) String() string {
	carried := ""
	if o.Carried() {
		carried = "+"
	}
	return fmt.Sprintf("%s(%d, %d)%s", o.Kind, o.Actor, o.Param, carried)
}

func (o Op) owner() int { return int(o.Actor) % NumOwners }

// Carried reports whether the op's events reach the chain only with the next op's (one
// op in four): the bridge relays both in one round and the pool approves them together.
func (o Op) Carried() bool { return o.Actor&0x18 == 0x18 }

// opBytes is the size of one encoded op.
const opBytes = 4

// DecodeOps reads ops from b, opBytes each (a short tail is ignored), at most maxOps.
func DecodeOps(b []byte, maxOps int) []Op {
	var ops []Op
	for len(b) >= opBytes && len(ops) < maxOps {
		ops = append(ops, Op{Kind: kindTable[int(b[0])%len(kindTable)], Actor: b[1], Param: uint16(b[2])<<8 | uint16(b[3])})
		b = b[opBytes:]
	}
	return ops
}

// EncodeOps is DecodeOps's inverse for ops whose kind is in kindTable.
func EncodeOps(ops []Op) []byte {
	b := make([]byte, 0, len(ops)*opBytes)
	for _, o := range ops {
		i := 0
		for kindTable[i] != o.Kind {
			i++
		}
		b = append(b, byte(i), o.Actor, byte(o.Param>>8), byte(o.Param))
	}
	return b
}

// RandomOps draws n ops from a PRNG seeded with seed: sequence i of the test is
// RandomOps(i, n), so a failure names its seed and reproduces.
func RandomOps(seed uint64, n int) []Op {
	rng := rand.New(rand.NewPCG(seed, 0x7468656d6973)) // "themis"
	b := make([]byte, n*opBytes)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return DecodeOps(b, n)
}

// FormatOps lists ops one a line, numbered, for a failure report.
func FormatOps(ops []Op, outcomes []string) string {
	var sb strings.Builder
	for i, o := range ops {
		fmt.Fprintf(&sb, "  %2d %-40s", i, o)
		if i < len(outcomes) {
			sb.WriteString(" -> " + outcomes[i])
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}
