package downtime_test

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/slashing/downtime"
)

var t0 = time.Unix(1_700_000_000, 0).UTC()

// small are parameters for readable scenarios: a window of 100 blocks, more than 50
// missed is over the threshold, a grace of 10 blocks. It absorbs 8 trimmers
// (MaxTrimmers): any set of up to 8, an equal-power set of up to 27.
func small() downtime.Params {
	p := downtime.DefaultParams()
	p.Window = 100
	p.GraceBlocks = 10
	return p
}

// pattern records a string of blocks: 'x' missed, '.' signed.
func pattern(s downtime.Signing, blocks string, window uint32) downtime.Signing {
	for _, c := range blocks {
		s = s.Record(c == 'x', window)
	}
	return s
}

// full crafts a Signing with a full window of window blocks whose first missed
// records are misses, through the codec (fast for large windows and sets).
func full(t require.TestingT, window, missed uint32) downtime.Signing {
	bz := make([]byte, 17, 17+(window+7)/8)
	bz[0] = 1
	binary.BigEndian.PutUint32(bz[1:], window)
	binary.BigEndian.PutUint32(bz[5:], 0)
	binary.BigEndian.PutUint32(bz[9:], window)
	binary.BigEndian.PutUint32(bz[13:], missed)
	bits := make([]byte, (window+7)/8)
	for i := range missed {
		bits[i/8] |= 1 << (i % 8)
	}
	var s downtime.Signing
	require.NoError(t, s.UnmarshalBinary(append(bz, bits...)))
	return s
}

// chain plays blocks through the package the way the keeper will: grace first, then
// one record per member if the block is counted, then the verdict.
type chain struct {
	t          *testing.T
	p          downtime.Params
	members    []downtime.Member
	height     int64
	now        time.Time
	graceUntil int64
}

func newChain(t *testing.T, p downtime.Params, powers ...int64) *chain {
	c := &chain{t: t, p: p, now: t0}
	for i, pw := range powers {
		c.members = append(c.members, downtime.Member{ID: uint64(i + 1), Power: pw})
	}
	return c
}

// block advances one block dt after the previous one; absent says which member IDs
// are missing from its last commit.
func (c *chain) block(dt time.Duration, upgraded bool, absent func(id uint64, h int64) bool) downtime.Verdict {
	c.t.Helper()
	c.height++
	prev := c.now
	c.now = c.now.Add(dt)
	c.graceUntil = downtime.GraceUntil(c.height, prev, c.now, upgraded, c.p, c.graceUntil)
	if downtime.Counting(c.height, c.graceUntil) {
		for i := range c.members {
			m := &c.members[i]
			m.Signing = m.Signing.Record(absent(m.ID, c.height), c.p.Window)
		}
	}
	v, err := downtime.Outage(c.members, c.p)
	require.NoError(c.t, err)
	return v
}

// run plays n one-second blocks and returns the heights at which the verdict was high.
func (c *chain) run(n int, absent func(id uint64, h int64) bool) []int64 {
	var high []int64
	for range n {
		if c.block(time.Second, false, absent).High {
			high = append(high, c.height)
		}
	}
	return high
}

// offline: the listed members are absent in [from, to] (inclusive).
func offline(from, to int64, ids ...uint64) func(uint64, int64) bool {
	return func(id uint64, h int64) bool {
		if h < from || h > to {
			return false
		}
		for _, x := range ids {
			if x == id {
				return true
			}
		}
		return false
	}
}

// either: absent when any of fs says so.
func either(fs ...func(uint64, int64) bool) func(uint64, int64) bool {
	return func(id uint64, h int64) bool {
		for _, f := range fs {
			if f(id, h) {
				return true
			}
		}
		return false
	}
}
