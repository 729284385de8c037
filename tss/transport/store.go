package transport

// broadcastStore keeps the first signed envelope received (or sent) for each broadcast
// slot of a session, so that a peer whose echo disagrees can fetch what we hold and
// check it against its own. Bounded by bytes: past the bound new slots are not kept,
// which costs only the ability to prove equivocation on them.
type broadcastStore struct {
	max   int
	bytes int
	raw   map[Slot][]byte
}

func newBroadcastStore(max int) *broadcastStore {
	return &broadcastStore{max: max, raw: map[Slot][]byte{}}
}

func (s *broadcastStore) put(k Slot, raw []byte) {
	if _, ok := s.raw[k]; ok || s.bytes+len(raw) > s.max {
		return
	}
	s.raw[k] = raw
	s.bytes += len(raw)
}

func (s *broadcastStore) get(k Slot) ([]byte, bool) {
	raw, ok := s.raw[k]
	return raw, ok
}
