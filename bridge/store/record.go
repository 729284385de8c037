package store

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// On-disk layout (all integers big endian, so that keys sort numerically):
//
//	"c"                                            -> cursor: last fully processed L1 block (8 bytes)
//	"m"                                            -> identity of the L1 source this store belongs to
//	"o" | seq id (8) | nonce (8) | block (8) | log index (8) | tx hash (32)
//	                                               -> outbox record (see encodeRecord)
//	"p" | the same 72 bytes as the outbox key      -> parked record (see encodeParked)
//	"n" | seq id (8)                               -> high-water mark: the highest nonce of the
//	                                                  sequencer ever queued (8) and its block (8)
//
// Outbox keys sort by (sequencer id, nonce), the order the chain applies events in. A
// parked item is the same event under another prefix: parking and un-parking move one
// key in one batch, and the relay loop never reads the "p" range.
var (
	cursorKey    = []byte("c")
	identityKey  = []byte("m")
	outboxPrefix = []byte("o")
	parkedPrefix = []byte("p")
	markPrefix   = []byte("n")
)

const (
	outboxKeyLen  = 1 + 8 + 8 + 8 + 8 + 32
	markKeyLen    = 1 + 8
	markValueLen  = 8 + 8
	recordVersion = 1
	parkedVersion = 1
	// MaxReasonLen bounds a parking reason on disk (the chain's error text is cut there).
	MaxReasonLen = 512
	// maxTypeURLLen bounds the type URL in a record (the real ones are ~40 bytes).
	maxTypeURLLen = 256
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ErrCorruptRecord marks an outbox record that does not decode.
var ErrCorruptRecord = errors.New("corrupt outbox record")

// KeyInfo is what an outbox key says about its event.
type KeyInfo struct {
	SequencerID uint64
	Nonce       uint64
	BlockNumber uint64
	LogIndex    uint64
	TxHash      [32]byte
}

// outboxKey builds the key of an event message.
func outboxKey(msg seqtypes.L1EventMsg) ([]byte, error) {
	ref := msg.GetEvent()
	h, err := parseTxHash(ref.TxHash)
	if err != nil {
		return nil, err
	}
	if ref.BlockNumber == 0 {
		return nil, fmt.Errorf("event %s has no block number", seqtypes.EventKey(ref))
	}
	k := make([]byte, 0, outboxKeyLen)
	k = append(k, outboxPrefix...)
	k = binary.BigEndian.AppendUint64(k, msg.GetSequencerId())
	k = binary.BigEndian.AppendUint64(k, msg.GetNonce())
	k = binary.BigEndian.AppendUint64(k, ref.BlockNumber)
	k = binary.BigEndian.AppendUint64(k, ref.LogIndex)
	k = append(k, h[:]...)
	return k, nil
}

// ParseKey splits an outbox key.
func ParseKey(k []byte) (KeyInfo, error) {
	if len(k) != outboxKeyLen || k[0] != outboxPrefix[0] {
		return KeyInfo{}, fmt.Errorf("%w: key of %d bytes", ErrCorruptRecord, len(k))
	}
	var ki KeyInfo
	ki.SequencerID = binary.BigEndian.Uint64(k[1:9])
	ki.Nonce = binary.BigEndian.Uint64(k[9:17])
	ki.BlockNumber = binary.BigEndian.Uint64(k[17:25])
	ki.LogIndex = binary.BigEndian.Uint64(k[25:33])
	copy(ki.TxHash[:], k[33:])
	return ki, nil
}

func parseTxHash(s string) ([32]byte, error) {
	var h [32]byte
	if len(s) != 66 || !strings.HasPrefix(s, "0x") {
		return h, fmt.Errorf("tx hash %q: want 0x and 64 hex digits", s)
	}
	if _, err := hex.Decode(h[:], []byte(s[2:])); err != nil {
		return h, fmt.Errorf("tx hash %q: %v", s, err)
	}
	return h, nil
}

// encodeRecord is the value of an outbox key:
//
//	version (1) | crc32c of the rest (4) | uvarint len(type URL) | type URL | protobuf message
//
// LevelDB checksums its own blocks; the record checksum also catches a record that was
// damaged elsewhere (a disk that returns stale sectors, a manual edit), so that a bad
// record is detected at open instead of decoding into a different event.
func encodeRecord(msg seqtypes.L1EventMsg) ([]byte, error) {
	typeURL := sdk.MsgTypeURL(msg)
	bz, err := proto.Marshal(msg)
	if err != nil {
		return nil, err
	}
	body := binary.AppendUvarint(nil, uint64(len(typeURL)))
	body = append(body, typeURL...)
	body = append(body, bz...)
	out := make([]byte, 5, 5+len(body))
	out[0] = recordVersion
	binary.BigEndian.PutUint32(out[1:5], crc32.Checksum(body, castagnoli))
	return append(out, body...), nil
}

// decodeRecord is the inverse of encodeRecord. It never panics on any input.
func decodeRecord(v []byte) (seqtypes.L1EventMsg, error) {
	if len(v) < 5 {
		return nil, fmt.Errorf("%w: %d bytes", ErrCorruptRecord, len(v))
	}
	if v[0] != recordVersion {
		return nil, fmt.Errorf("%w: version %d", ErrCorruptRecord, v[0])
	}
	body := v[5:]
	if crc32.Checksum(body, castagnoli) != binary.BigEndian.Uint32(v[1:5]) {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrCorruptRecord)
	}
	n, w := binary.Uvarint(body)
	if w <= 0 || n > maxTypeURLLen || n > uint64(len(body)-w) {
		return nil, fmt.Errorf("%w: bad type URL length", ErrCorruptRecord)
	}
	typeURL := string(body[w : w+int(n)])
	msg, err := seqtypes.DecodePendingEvent(seqtypes.PendingEvent{MsgType: typeURL, Msg: body[w+int(n):]})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorruptRecord, err)
	}
	return msg, nil
}

// decodeItem decodes a record and checks that it is the event its key names.
func decodeItem(k, v []byte) (Item, error) {
	ki, err := ParseKey(k)
	if err != nil {
		return Item{}, err
	}
	msg, err := decodeRecord(v)
	if err != nil {
		return Item{}, err
	}
	want, err := outboxKey(msg)
	if err != nil || string(want) != string(k) {
		return Item{}, fmt.Errorf("%w: record does not match its key", ErrCorruptRecord)
	}
	return Item{Key: append([]byte(nil), k...), Info: ki, Msg: msg}, nil
}

// parkedKey is the parked twin of an outbox key.
func parkedKey(outbox []byte) []byte {
	k := bytes.Clone(outbox)
	k[0] = parkedPrefix[0]
	return k
}

// outboxKeyOf is the outbox key of a parked key.
func outboxKeyOf(parked []byte) []byte {
	k := bytes.Clone(parked)
	k[0] = outboxPrefix[0]
	return k
}

func markKey(seq uint64) []byte { return append(bytes.Clone(markPrefix), u64(seq)...) }

// seqNoncePrefix is the key prefix of every item of (sequencer, nonce) under prefix.
func seqNoncePrefix(prefix []byte, seq, nonce uint64) []byte {
	k := append(bytes.Clone(prefix), u64(seq)...)
	return append(k, u64(nonce)...)
}

// encodeParked is the value of a parked key:
//
//	version (1) | crc32c of the rest (4) | uvarint len(class) | class | uvarint len(reason) |
//	reason | since (8, unix ns) | next retry (8, unix ns) | uvarint retries | outbox record
//
// The outbox record is kept byte for byte, so un-parking restores exactly the event.
func encodeParked(p Parking, record []byte) []byte {
	body := binary.AppendUvarint(nil, uint64(len(p.Class)))
	body = append(body, p.Class...)
	reason := p.Reason
	if len(reason) > MaxReasonLen {
		reason = reason[:MaxReasonLen]
	}
	body = binary.AppendUvarint(body, uint64(len(reason)))
	body = append(body, reason...)
	body = binary.BigEndian.AppendUint64(body, uint64(p.Since.UnixNano()))
	body = binary.BigEndian.AppendUint64(body, uint64(p.NextRetry.UnixNano()))
	body = binary.AppendUvarint(body, uint64(p.Retries))
	body = append(body, record...)
	out := make([]byte, 5, 5+len(body))
	out[0] = parkedVersion
	binary.BigEndian.PutUint32(out[1:5], crc32.Checksum(body, castagnoli))
	return append(out, body...)
}

// decodeParked is the inverse of encodeParked; it returns the parking and the outbox
// record. It never panics on any input.
func decodeParked(v []byte) (Parking, []byte, error) {
	if len(v) < 5 || v[0] != parkedVersion {
		return Parking{}, nil, fmt.Errorf("%w: parked record header", ErrCorruptRecord)
	}
	body := v[5:]
	if crc32.Checksum(body, castagnoli) != binary.BigEndian.Uint32(v[1:5]) {
		return Parking{}, nil, fmt.Errorf("%w: parked record checksum mismatch", ErrCorruptRecord)
	}
	var p Parking
	str := func(limit uint64) (string, bool) {
		n, w := binary.Uvarint(body)
		if w <= 0 || n > limit || n > uint64(len(body)-w) {
			return "", false
		}
		s := string(body[w : w+int(n)])
		body = body[w+int(n):]
		return s, true
	}
	var ok bool
	if p.Class, ok = str(64); !ok {
		return Parking{}, nil, fmt.Errorf("%w: parked class", ErrCorruptRecord)
	}
	if p.Reason, ok = str(MaxReasonLen); !ok {
		return Parking{}, nil, fmt.Errorf("%w: parked reason", ErrCorruptRecord)
	}
	if len(body) < 16 {
		return Parking{}, nil, fmt.Errorf("%w: parked times", ErrCorruptRecord)
	}
	p.Since = time.Unix(0, int64(binary.BigEndian.Uint64(body[:8])))
	p.NextRetry = time.Unix(0, int64(binary.BigEndian.Uint64(body[8:16])))
	body = body[16:]
	n, w := binary.Uvarint(body)
	if w <= 0 || n > 1<<32-1 {
		return Parking{}, nil, fmt.Errorf("%w: parked retries", ErrCorruptRecord)
	}
	p.Retries = uint32(n)
	return p, body[w:], nil
}

// decodeParkedItem decodes a parked record and checks that it is the event its key names.
func decodeParkedItem(k, v []byte) (ParkedItem, error) {
	if len(k) != outboxKeyLen || k[0] != parkedPrefix[0] {
		return ParkedItem{}, fmt.Errorf("%w: parked key of %d bytes", ErrCorruptRecord, len(k))
	}
	p, record, err := decodeParked(v)
	if err != nil {
		return ParkedItem{}, err
	}
	it, err := decodeItem(outboxKeyOf(k), record)
	if err != nil {
		return ParkedItem{}, err
	}
	return ParkedItem{Item: it, Parking: p}, nil
}
