package types

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/x/mpc/outbound"
)

// Gas limits of the pool's calls to the staking contract, at least 25% over what they
// cost on the development L1 (contracts/pool_actions_test.go measures them: a slash
// 621,000, an escrow refund 187,000 and a release 185,000 when each creates a storage
// slot (the ledger nonce's first write, a recipient's first balance), a reward batch of
// 100 payments 11.7 million): a limit too low makes the call fail out of gas, which the
// validators' dry runs catch. An escrow call may create two slots at once, hence 400,000.
const (
	SlashGas  = 800_000
	EscrowGas = 400_000
	// A reward batch pays a storage write and an event per payment: MaxPaymentsPerBatch
	// of them must stay under EIP-7825's 2^24 per transaction.
	RewardBatchBaseGas       = 200_000
	RewardBatchGasPerPayment = 146_000
	// MaxPaymentsPerBatch bounds one REWARD_BATCH action, so that its call fits one L1
	// transaction; more accrued sequencers make several batches with consecutive ids.
	MaxPaymentsPerBatch = 100
)

// L1Call is the staking contract call that carries out the action, from the pool.
func (a L1Action) L1Call(stakingContract common.Address) (outbound.Call, error) {
	c := staking.NewThemisStaking()
	call := outbound.Call{To: stakingContract}
	switch {
	case a.Kind == L1_ACTION_KIND_SLASH && a.Slash != nil:
		if len(a.Slash.OffenceId) != OffenceIDLen || !a.Slash.Amount.IsPositive() || a.Slash.Severity > 255 {
			return call, fmt.Errorf("action %d: malformed slash", a.Id)
		}
		var offence [32]byte
		copy(offence[:], a.Slash.OffenceId)
		call.Data = c.PackSlash(new(big.Int).SetUint64(a.Slash.SequencerId), a.Slash.Amount.BigInt(), uint8(a.Slash.Severity), offence)
		call.Gas = SlashGas
	case a.Kind == L1_ACTION_KIND_REFUND_ESCROW && a.Escrow != nil && a.Escrow.EscrowId != 0:
		call.Data, call.Gas = c.PackRefundEscrow(new(big.Int).SetUint64(a.Escrow.EscrowId)), EscrowGas
	case a.Kind == L1_ACTION_KIND_RELEASE_ESCROW && a.Escrow != nil && a.Escrow.EscrowId != 0:
		call.Data, call.Gas = c.PackReleaseEscrow(new(big.Int).SetUint64(a.Escrow.EscrowId)), EscrowGas
	case a.Kind == L1_ACTION_KIND_REWARD_BATCH && a.RewardBatch != nil && len(a.RewardBatch.Payments) > 0:
		b := a.RewardBatch
		ids, amounts := make([]*big.Int, len(b.Payments)), make([]*big.Int, len(b.Payments))
		for i, p := range b.Payments {
			if !p.Amount.IsPositive() {
				return call, fmt.Errorf("action %d: payment %d of %s", a.Id, i, p.Amount)
			}
			ids[i], amounts[i] = new(big.Int).SetUint64(p.SequencerId), p.Amount.BigInt()
		}
		call.Data = c.PackSubmitRewardBatch(new(big.Int).SetUint64(b.BatchId), ids, amounts)
		call.Gas = RewardBatchBaseGas + RewardBatchGasPerPayment*uint64(len(b.Payments))
	default:
		return call, fmt.Errorf("action %d: kind %s without its payload", a.Id, a.Kind)
	}
	return call, call.Validate()
}

// Refusal is what an error of the staking contract means for an action the pool's
// dry runs say it reverts with.
type Refusal struct {
	// Error is the contract's error name ("0x12345678" if the selector is none of
	// its errors, "revert" without error data).
	Error string
	// ForGood: no later state of L1 lets the call pass (park it); otherwise hold it
	// and dry-run it again later.
	ForGood bool
}

// forGood are the staking contract's errors no later L1 state undoes for the same
// call: the offence already slashed, a sequencer that does not exist, an escrow
// settled or past its refund window, a malformed call. UnknownEscrow is not among
// them: the escrow ids come from relayed events, so it only means a dry run read
// below the block that made the escrow.
var forGood = map[string]bool{
	"OffenceAlreadySlashed": true, "UnknownSequencer": true, "ZeroAmount": true, "InvalidSeverity": true,
	"EscrowSettled": true, "EscrowRefundWindowClosed": true, "LengthMismatch": true,
}

// stakingErrors are the staking contract's errors by selector.
var stakingErrors = func() map[[4]byte]string {
	parsed, err := staking.ThemisStakingMetaData.ParseABI()
	if err != nil {
		panic(err) // the committed binding's ABI: a build error
	}
	out := make(map[[4]byte]string, len(parsed.Errors))
	for name, e := range parsed.Errors {
		out[[4]byte(e.ID[:4])] = name
	}
	return out
}()

// ClassifyRefusal names the error a refused call's dry runs agreed on (its selector;
// empty: a revert without data, or an EVM failure such as out of gas) and says
// whether it is for good. Anything the contract does not name is held, not parked
// (a refusal costs no gas; only calls that reverted on L1 count toward parking).
func ClassifyRefusal(selector []byte) Refusal {
	if len(selector) != 4 {
		return Refusal{Error: "revert"}
	}
	name, ok := stakingErrors[[4]byte(selector)]
	if !ok {
		return Refusal{Error: fmt.Sprintf("0x%x", selector)}
	}
	return Refusal{Error: name, ForGood: forGood[name]}
}
