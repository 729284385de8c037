package transport

import "github.com/ethereum/go-ethereum/common"

// maxSeqsPerSender bounds the memory one sender can make a session keep. An honest
// sender of a 21-party session uses a few hundred sequence numbers (one broadcast,
// n-1 point-to-point messages and n-1 echo envelopes a round); more is abuse.
const maxSeqsPerSender = 1 << 15

// seenSeqs remembers every sequence number each sender used in one session. An exact
// set rather than a sliding window: sends to different peers run in parallel and
// retries arrive late, so numbers arrive out of order, and a window would either
// refuse late honest envelopes or let old ones back in.
type seenSeqs map[common.Address]map[uint32]struct{}

func (s seenSeqs) has(from common.Address, seq uint32) bool {
	_, ok := s[from][seq]
	return ok
}

func (s seenSeqs) full(from common.Address) bool { return len(s[from]) >= maxSeqsPerSender }

func (s seenSeqs) add(from common.Address, seq uint32) {
	m := s[from]
	if m == nil {
		m = map[uint32]struct{}{}
		s[from] = m
	}
	m[seq] = struct{}{}
}
