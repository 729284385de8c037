package types

import (
	"bytes"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"
)

// The queue form of a relayed L1 event: its type URL, its exact bytes and a digest
// over both. Validators vote on the digest, so a verdict only counts for identical content.

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
	}
	return msg, msg != nil
}

// EncodePendingEvent turns a relayed event into its queue form; the digest covers
// the type and the exact bytes, so a verdict can only count for identical content.
func EncodePendingEvent(msg L1EventMsg) (msgType string, bz, digest []byte, err error) {
	msgType = sdk.MsgTypeURL(msg)
	bz, err = proto.Marshal(msg)
	if err != nil {
		return "", nil, nil, err
	}
	digest = Digest(append(append([]byte(msgType), 0), bz...))
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
	return nil
}
