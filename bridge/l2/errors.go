package l2

import (
	"errors"
	"strings"
	"unicode"
)

var (
	// ErrMalformed marks an answer of the L2 node that is not a valid answer to the call:
	// not JSON-RPC, a field missing, not hex or out of range, a block hash that is not
	// its header's, a block other than the one asked for, or a range that does not link.
	ErrMalformed = errors.New("malformed L2 response")
	// ErrNoBlock: the L2 node answered null for a block (it does not have it, e.g. the
	// head moved down between eth_blockNumber and eth_getBlockByNumber).
	ErrNoBlock = errors.New("L2 node has no such block")
	// ErrWrongChain: the L2 node reports another chain id than the one expected.
	ErrWrongChain = errors.New("L2 node serves another chain")
)

// clip shortens what the L2 node sent before it goes into an error or a log line (an
// answer may be megabytes) and replaces control characters, so that a hostile answer
// cannot forge log lines.
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
