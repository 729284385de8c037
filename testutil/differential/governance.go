package differential

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// The chain-side counterparts of the L1 configuration ops: what governance does on the
// chain, sent by the harness through x/sequencer's msg server with the gov authority.

// whitelist: where 0 is SPEC 3.1's path (governance decides on the chain, then the pool
// signs the L1 change); 1 is governance alone (its L1 transaction has not landed yet);
// 2 is the L1 change alone (a bootstrap administrator; the chain does not mirror
// WhitelistUpdated, the chain's whitelist is governance's).
func (s *Sequence) whitelist(owner common.Address, allowed bool, where uint16) (string, error) {
	what := fmt.Sprintf("whitelist %s allowed=%v", owner, allowed)
	if where != 2 {
		msg := &seqtypes.MsgUpdateWhitelist{Authority: s.env.Authority}
		if allowed {
			msg.Add = []string{lowerHex(owner)}
		} else {
			msg.Remove = []string{lowerHex(owner)}
		}
		if _, err := s.env.Msg.UpdateWhitelist(s.env.Ctx, msg); err != nil {
			return "", fmt.Errorf("governance whitelist: %w", err)
		}
		s.model.Whitelist(owner, allowed)
		what += " on chain"
	} else {
		what += " only"
	}
	if where == 1 {
		return what + " (not on L1)", nil
	}
	err := s.send(s.w.Pool, stakingABI.PackSetWhitelist(owner, allowed))
	if err == nil {
		s.l1Whitelist[owner] = allowed
	}
	return l1Outcome(err, what+" on L1")
}

// lockLimits: the pool sets the contract's limits; the chain learns them only from the
// relayed LockLimitsUpdated, in configNonce order.
func (s *Sequence) lockLimits(p uint16) (string, error) {
	minLock := minLocks[int(p)%len(minLocks)]
	maxLock := maxLocks[int(p>>2)%len(maxLocks)]
	if maxLock == 0 {
		maxLock = minLock
	}
	what := fmt.Sprintf("lock limits %d..%d tokens", minLock, maxLock)
	err := s.send(s.w.Pool, stakingABI.PackSetLockLimits(tokens(minLock), tokens(maxLock)))
	return l1Outcome(err, what)
}
