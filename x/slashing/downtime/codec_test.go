package downtime_test

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/slashing/downtime"
)

func encode(version byte, window, next, counted, missed uint32, bits ...byte) []byte {
	bz := make([]byte, 17)
	bz[0] = version
	binary.BigEndian.PutUint32(bz[1:], window)
	binary.BigEndian.PutUint32(bz[5:], next)
	binary.BigEndian.PutUint32(bz[9:], counted)
	binary.BigEndian.PutUint32(bz[13:], missed)
	return append(bz, bits...)
}

func TestCodecRoundTrip(t *testing.T) {
	for _, s := range []downtime.Signing{
		{},
		pattern(downtime.Signing{}, "x.x", 4),
		pattern(downtime.Signing{}, "xx.x.xx..x", 9),
		full(t, downtime.MaxWindow, 12345),
	} {
		bz, err := s.MarshalBinary()
		require.NoError(t, err)
		var back downtime.Signing
		require.NoError(t, back.UnmarshalBinary(bz))
		require.Equal(t, s.Missed(), back.Missed())
		require.Equal(t, s.Counted(), back.Counted())
		require.Equal(t, s.Window(), back.Window())
		require.Equal(t, s.History(), back.History())
	}
	bz, _ := pattern(downtime.Signing{}, "x.x", 4).MarshalBinary()
	require.Equal(t, encode(1, 4, 3, 3, 2, 0b101), bz, "layout: version, window, next, counted, missed, bits")
}

// TestCodecRejectsCorruptState: every invariant Record keeps is checked on the way in.
func TestCodecRejectsCorruptState(t *testing.T) {
	for _, tc := range []struct {
		name string
		bz   []byte
	}{
		{"empty", nil},
		{"short header", encode(1, 4, 0, 0, 0)[:16]},
		{"unknown version", encode(2, 4, 3, 3, 2, 0b101)},
		{"records without a window", encode(1, 0, 0, 1, 0)},
		{"bits without a window", encode(1, 0, 0, 0, 0, 0)},
		{"window over the maximum", encode(1, downtime.MaxWindow+1, 0, 0, 0)},
		{"bits too short", encode(1, 9, 0, 0, 0, 0)},
		{"bits too long", encode(1, 4, 0, 0, 0, 0, 0)},
		{"slot outside the window", encode(1, 4, 4, 8, 0, 0)},
		{"slot behind the records of a partial ring", encode(1, 4, 1, 2, 0, 0)},
		{"a miss in a slot never written", encode(1, 4, 2, 2, 1, 0b100)},
		{"a miss in the padding", encode(1, 4, 0, 4, 1, 0b10000)},
		{"missed disagrees with the bits", encode(1, 4, 0, 4, 1, 0b11)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var s downtime.Signing
			require.ErrorIs(t, s.UnmarshalBinary(tc.bz), downtime.ErrBadSigning)
			require.Equal(t, downtime.Signing{}, s, "a failed decode leaves the value alone")
		})
	}
}

// FuzzUnmarshalSigning: any bytes decode to an error or to a state that encodes back
// to the same bytes (the encoding is canonical), never a panic.
func FuzzUnmarshalSigning(f *testing.F) {
	f.Add([]byte{})
	f.Add(encode(1, 4, 3, 3, 2, 0b101))
	f.Add(encode(1, 9, 0, 20, 3, 0b111, 0))
	f.Fuzz(func(t *testing.T, bz []byte) {
		var s downtime.Signing
		if s.UnmarshalBinary(bz) != nil {
			return
		}
		again, err := s.MarshalBinary()
		require.NoError(t, err)
		require.Equal(t, bz, again)
		_ = s.Record(true, s.Window()+1)
		_ = s.Record(false, max(s.Window(), 1))
	})
}
