package types

import (
	"bytes"
	"sort"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"
)

// BuildValidatorSet orders the members by power (highest first), then by sequencer id,
// and sums the power. Members with zero power are left out.
func BuildValidatorSet(members []ValidatorPower) ValidatorSet {
	out := make([]ValidatorPower, 0, len(members))
	var total int64
	for _, m := range members {
		if m.Power > 0 {
			out = append(out, m)
			total += m.Power
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Power != out[j].Power {
			return out[i].Power > out[j].Power
		}
		return out[i].SequencerId < out[j].SequencerId
	})
	return ValidatorSet{Validators: out, TotalPower: total}
}

// DiffValidatorSets returns the CometBFT updates that turn old into new: removed keys
// get power 0, new or changed keys their new power. The order is deterministic:
// removals by key bytes, then the new set's order.
func DiffValidatorSets(old, next ValidatorSet) []abci.ValidatorUpdate {
	nextByKey := make(map[string]int64, len(next.Validators))
	for _, v := range next.Validators {
		nextByKey[string(v.PubKey)] = v.Power
	}
	oldByKey := make(map[string]int64, len(old.Validators))
	var removed [][]byte
	for _, v := range old.Validators {
		oldByKey[string(v.PubKey)] = v.Power
		if _, stays := nextByKey[string(v.PubKey)]; !stays {
			removed = append(removed, v.PubKey)
		}
	}
	sort.Slice(removed, func(i, j int) bool { return bytes.Compare(removed[i], removed[j]) < 0 })
	var updates []abci.ValidatorUpdate
	for _, key := range removed {
		updates = append(updates, validatorUpdate(key, 0))
	}
	for _, v := range next.Validators {
		if power, had := oldByKey[string(v.PubKey)]; !had || power != v.Power {
			updates = append(updates, validatorUpdate(v.PubKey, v.Power))
		}
	}
	return updates
}

// ToValidatorUpdates lists a whole set as updates (used at genesis).
func ToValidatorUpdates(set ValidatorSet) []abci.ValidatorUpdate {
	return DiffValidatorSets(ValidatorSet{}, set)
}

func validatorUpdate(compressedKey []byte, power int64) abci.ValidatorUpdate {
	return abci.ValidatorUpdate{
		PubKey: cmtprotocrypto.PublicKey{Sum: &cmtprotocrypto.PublicKey_Secp256K1{Secp256K1: compressedKey}},
		Power:  power,
	}
}
