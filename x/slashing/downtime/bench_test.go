package downtime_test

import (
	"testing"

	"github.com/themis-network/themis/x/slashing/downtime"
)

const benchMembers = 100

// benchSet: 100 members on the default window (1200 blocks), each with a full window
// of misses on a 7-block cycle, so most records flip a bit (the copy-on-write path).
func benchSet(b *testing.B) ([]downtime.Member, downtime.Params) {
	p := downtime.DefaultParams()
	members := make([]downtime.Member, benchMembers)
	for i := range members {
		var s downtime.Signing
		for h := range p.Window {
			s = s.Record(benchMissed(i, int(h)), p.Window)
		}
		members[i] = downtime.Member{ID: uint64(i + 1), Power: int64(1000 + i), Signing: s}
	}
	b.ReportAllocs()
	b.ResetTimer()
	return members, p
}

func benchMissed(member, height int) bool { return (member+height)%7 == 0 }

// BenchmarkRecord100 is one block's recording for 100 members.
func BenchmarkRecord100(b *testing.B) {
	members, p := benchSet(b)
	h := int(p.Window)
	for range b.N {
		for i := range members {
			members[i].Signing = members[i].Signing.Record(benchMissed(i, h), p.Window)
		}
		h++
	}
}

// BenchmarkOutage100 is one block's verdict for 100 members.
func BenchmarkOutage100(b *testing.B) {
	members, p := benchSet(b)
	for range b.N {
		if _, err := downtime.Outage(members, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEndBlock100 is the whole per-block path the keeper will run for 100
// members, store codec included: decode each state, record, encode, then decide.
func BenchmarkEndBlock100(b *testing.B) {
	members, p := benchSet(b)
	stored := make([][]byte, len(members))
	for i, m := range members {
		stored[i], _ = m.Signing.MarshalBinary()
	}
	b.ResetTimer()
	h := int(p.Window)
	for range b.N {
		for i := range members {
			var s downtime.Signing
			if err := s.UnmarshalBinary(stored[i]); err != nil {
				b.Fatal(err)
			}
			members[i].Signing = s.Record(benchMissed(i, h), p.Window)
			stored[i], _ = members[i].Signing.MarshalBinary()
		}
		if _, err := downtime.Outage(members, p); err != nil {
			b.Fatal(err)
		}
		h++
	}
}
