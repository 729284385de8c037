package l2

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/ethereum/go-ethereum/common"
)

// ErrMalformed marks an answer of the L2 node that does not decode: not JSON-RPC,
// a field that is missing, not hex, or out of range, or a block other than the one
// asked for.
var ErrMalformed = errors.New("malformed L2 response")

// decodeQuantity decodes a JSON-RPC quantity ("0x1a"). Unlike go-ethereum's hexutil it
// accepts leading zeros ("0x001a"), which some nodes send; it refuses anything that is
// not a JSON string of "0x" and 1+ hex digits, and values above 2^64-1.
func decodeQuantity(raw json.RawMessage, field string) (uint64, error) {
	s, err := hexString(raw, field)
	if err != nil {
		return 0, err
	}
	return parseQuantity(s, field)
}

// parseQuantity is decodeQuantity for an already unquoted string.
func parseQuantity(s, field string) (uint64, error) {
	digits, ok := strings.CutPrefix(s, "0x")
	if !ok {
		return 0, fmt.Errorf("%w: %s %q lacks the 0x prefix", ErrMalformed, field, clip(s))
	}
	if digits == "" {
		return 0, fmt.Errorf("%w: %s %q has no digits", ErrMalformed, field, s)
	}
	if !isHex(digits) {
		return 0, fmt.Errorf("%w: %s %q is not hex", ErrMalformed, field, clip(s))
	}
	trimmed := strings.TrimLeft(digits, "0")
	if len(trimmed) > 16 {
		return 0, fmt.Errorf("%w: %s %q does not fit 64 bits", ErrMalformed, field, clip(s))
	}
	if trimmed == "" {
		return 0, nil
	}
	// Cannot fail: at most 16 hex digits, all checked above.
	v, err := strconv.ParseUint(trimmed, 16, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %s %q: %v", ErrMalformed, field, clip(s), err)
	}
	return v, nil
}

// decodeHash decodes a 32-byte hash: "0x" and exactly 64 hex digits.
func decodeHash(raw json.RawMessage, field string) (common.Hash, error) {
	s, err := hexString(raw, field)
	if err != nil {
		return common.Hash{}, err
	}
	digits, ok := strings.CutPrefix(s, "0x")
	if !ok {
		return common.Hash{}, fmt.Errorf("%w: %s %q lacks the 0x prefix", ErrMalformed, field, clip(s))
	}
	if len(digits) != 2*common.HashLength {
		return common.Hash{}, fmt.Errorf("%w: %s has %d hex digits, want %d", ErrMalformed, field, len(digits), 2*common.HashLength)
	}
	b, err := hex.DecodeString(digits)
	if err != nil {
		return common.Hash{}, fmt.Errorf("%w: %s %q is not hex", ErrMalformed, field, clip(s))
	}
	return common.BytesToHash(b), nil
}

// hexString unquotes a field that must be a JSON string; absent and null fields are
// reported as missing.
func hexString(raw json.RawMessage, field string) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return "", fmt.Errorf("%w: %s is missing", ErrMalformed, field)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("%w: %s must be a hex string, got JSON %s", ErrMalformed, field, clip(string(raw)))
	}
	return s, nil
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// clip shortens what the L2 node sent before it goes into an error or a log line (an
// answer may be up to MaxResponseBytes) and replaces control characters, so that a
// hostile answer cannot forge log lines.
func clip(s string) string {
	const limit = 80
	if len(s) > limit {
		s = strings.ToValidUTF8(s[:limit], "") + "…"
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '?'
		}
		return r
	}, s)
}
