package types

import (
	"unicode/utf8"

	errorsmod "cosmossdk.io/errors"
)

// MaxReasonBytes bounds the reason kept with a retired pool key.
const MaxReasonBytes = 256

// ValidateReason checks a retirement's reason: 1 to MaxReasonBytes bytes of UTF-8.
func ValidateReason(reason string) error {
	if reason == "" || len(reason) > MaxReasonBytes || !utf8.ValidString(reason) {
		return errorsmod.Wrapf(ErrInvalidReason, "a reason of 1 to %d bytes of UTF-8 (got %d bytes)", MaxReasonBytes, len(reason))
	}
	return nil
}

// NextKeyGeneration is the generation of the next keygen: 1 on a fresh chain, else
// one past the newest retired key (a retired generation is never reused: engines keep
// shares by generation).
func NextKeyGeneration(lastRetired uint64) uint64 { return lastRetired + 1 }

// lastRetired is the newest retired generation (0: none).
func lastRetired(gs GenesisState) uint64 {
	if n := len(gs.RetiredKeys); n > 0 {
		return gs.RetiredKeys[n-1].PoolKey.Generation
	}
	return 0
}

// validateRetiredKeys checks the retired keys: each a valid key with its reason, in
// strictly increasing generations, all below the confirmed key's. (No order between a
// key's confirmation and retirement heights: a chain restarted from an export lower
// can retire a key confirmed above it.)
func validateRetiredKeys(gs GenesisState) error {
	for i, r := range gs.RetiredKeys {
		if err := r.PoolKey.Validate(); err != nil {
			return invalid("retired key %d: %v", i, err)
		}
		if err := ValidateReason(r.Reason); err != nil {
			return invalid("retired key %d: %v", i, err)
		}
		if i > 0 && gs.RetiredKeys[i-1].PoolKey.Generation >= r.PoolKey.Generation {
			return invalid("retired key %d: generation %d not above %d", i, r.PoolKey.Generation, gs.RetiredKeys[i-1].PoolKey.Generation)
		}
	}
	if gs.PoolKey != nil && gs.PoolKey.Generation <= lastRetired(gs) {
		return invalid("pool key of generation %d, not above the retired %d", gs.PoolKey.Generation, lastRetired(gs))
	}
	if gs.PoolKey != nil || len(gs.RetiredKeys) == 0 {
		return nil
	}
	// Between a retirement and the next key nothing of the old key is pending: no
	// request made before the retirement waits to be signed (the new key would sign a
	// transaction built for the old address), no pool transaction is being signed or sent.
	retired := gs.RetiredKeys[len(gs.RetiredKeys)-1].RetiredHeight
	for _, r := range gs.SignRequests {
		if (r.Status == SIGN_REQUEST_STATUS_QUEUED || r.Status == SIGN_REQUEST_STATUS_SIGNING) && r.CreatedHeight <= retired {
			return invalid("sign request %d: %s from before the key's retirement at %d", r.Id, r.Status, retired)
		}
	}
	for _, tx := range gs.PoolTxs {
		if tx.Status == POOL_TX_STATUS_SIGNING || tx.Status == POOL_TX_STATUS_SENT {
			return invalid("pool tx %d: %s with no pool key", tx.Id, tx.Status)
		}
	}
	return nil
}

// retiredAt reports whether a key was retired at height (the block that voided the
// pool transactions in flight).
func retiredAt(gs GenesisState, height int64) bool {
	for _, r := range gs.RetiredKeys {
		if r.RetiredHeight == height {
			return true
		}
	}
	return false
}
