package types

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"slices"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"
)

// The queue form of a relayed L1 event: its type URL, its exact bytes and a digest
// over its content. Validators vote on the digest, so a verdict only counts for
// identical content.

// newL1EventMsg returns an empty event message for a type URL. A switch rather than a
// package-level map: the type URLs are known only after this package's init has
// registered its protobuf types.
func newL1EventMsg(typeURL string) (L1EventMsg, bool) {
	var msg L1EventMsg
	switch typeURL {
	case sdk.MsgTypeURL(&MsgLocked{}):
		msg = &MsgLocked{}
	case sdk.MsgTypeURL(&MsgRelocked{}):
		msg = &MsgRelocked{}
	case sdk.MsgTypeURL(&MsgWithdrawn{}):
		msg = &MsgWithdrawn{}
	case sdk.MsgTypeURL(&MsgUnlockInitiated{}):
		msg = &MsgUnlockInitiated{}
	case sdk.MsgTypeURL(&MsgUnlockClaimed{}):
		msg = &MsgUnlockClaimed{}
	case sdk.MsgTypeURL(&MsgSignerChanged{}):
		msg = &MsgSignerChanged{}
	case sdk.MsgTypeURL(&MsgRewardRecipientChanged{}):
		msg = &MsgRewardRecipientChanged{}
	case sdk.MsgTypeURL(&MsgSlashed{}):
		msg = &MsgSlashed{}
	case sdk.MsgTypeURL(&MsgConfigChanged{}):
		msg = &MsgConfigChanged{}
	case sdk.MsgTypeURL(&MsgLedgerChanged{}):
		msg = &MsgLedgerChanged{}
	}
	return msg, msg != nil
}

// EncodePendingEvent turns a relayed event into its queue form. The digest covers the
// type and every field but the submitter: every validator's bridge relays the same
// event, and the second copy must be recognised as the one already waiting
// (ErrEventAlreadyPending) instead of queueing it again. A copy that differs in any
// L1 field has another digest, so a forged variant cannot block the honest one.
func EncodePendingEvent(msg L1EventMsg) (msgType string, bz, digest []byte, err error) {
	msgType = sdk.MsgTypeURL(msg)
	bz, err = proto.Marshal(msg)
	if err != nil {
		return "", nil, nil, err
	}
	// A copy through the wire form (gogoproto's Clone cannot merge custom types).
	content, ok := newL1EventMsg(msgType)
	if !ok {
		return "", nil, nil, fmt.Errorf("%s is not a relayed L1 event", msgType)
	}
	if err := proto.Unmarshal(bz, content); err != nil {
		return "", nil, nil, err
	}
	content.SetSubmitter("")
	contentBz, err := proto.Marshal(content)
	if err != nil {
		return "", nil, nil, err
	}
	digest = Digest(append(append([]byte(msgType), 0), contentBz...))
	return msgType, bz, digest, nil
}

// DecodePendingEvent is the inverse of EncodePendingEvent.
func DecodePendingEvent(p PendingEvent) (L1EventMsg, error) {
	msg, ok := newL1EventMsg(p.MsgType)
	if !ok {
		return nil, fmt.Errorf("pending event %d has unknown type %q", p.Id, p.MsgType)
	}
	if err := proto.Unmarshal(p.Msg, msg); err != nil {
		return nil, fmt.Errorf("pending event %d: %w", p.Id, err)
	}
	return msg, nil
}

// CheckPendingEvent reports whether a stored queue item decodes and matches its
// digest; genesis import refuses an item that would stall the queue.
func CheckPendingEvent(p PendingEvent) error {
	msg, err := DecodePendingEvent(p)
	if err != nil {
		return err
	}
	msgType, _, digest, err := EncodePendingEvent(msg)
	if err != nil {
		return err
	}
	if msgType != p.MsgType || !bytes.Equal(digest, p.Digest) {
		return fmt.Errorf("pending event %d: digest does not match its content", p.Id)
	}
	if len(p.Relayers) == 0 {
		return fmt.Errorf("pending event %d: no relayer (every item sits in a relayer's lane)", p.Id)
	}
	for i, r := range p.Relayers {
		if r == 0 || slices.Contains(p.Relayers[:i], r) {
			return fmt.Errorf("pending event %d: relayer %d is zero or listed twice", p.Id, r)
		}
	}
	return nil
}

// RelayerShare is one relayer's share of a queue of maxPending items split evenly over
// active relayers (at least one item each). Before any set is recorded (genesis),
// known is false and a relayer may use the whole queue.
func RelayerShare(maxPending uint64, active int, known bool) uint64 {
	if !known || active <= 0 {
		return maxPending
	}
	return max(1, maxPending/uint64(active))
}

// WithinLookahead reports whether an event with nonce may be put to the vote while
// the sequencer's applied nonce is applied: it is after it, and at most lookahead
// ahead (0: only the very next nonce).
func WithinLookahead(applied, nonce, lookahead uint64) bool {
	if nonce <= applied {
		return false
	}
	return nonce-applied <= max(lookahead, 1)
}

// PendingKey names a relayed event by its queue digest (hex): the content the pool
// votes on, without the submitter. Bridges compare what they would relay with what
// waits by this key, never by the L1 log's position alone: a variant of a real event
// (same tx hash and log index, another block number) is another item.
func PendingKey(msg L1EventMsg) (string, error) {
	_, _, digest, err := EncodePendingEvent(msg)
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(digest), nil
}
