package types_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/epoch/types"
)

func TestReportCodec(t *testing.T) {
	h32 := bytes.Repeat([]byte{7}, 32)
	valid := []types.Report{
		{},
		{HasHead: true, L2Hash: h32},
		{HasHead: true, L2Height: 99, L2Hash: h32, L2Time: 1_700_000_000, TssReady: true, Reveal: h32},
		{Commitment: &types.OnionCommitment{Index: 3, Length: 16384, Layer: h32}},
	}
	for i, r := range valid {
		bz, err := types.EncodeReport(r)
		require.NoError(t, err, "case %d", i)
		got, err := types.DecodeReport(bz)
		require.NoError(t, err, "case %d", i)
		again, err := types.EncodeReport(got)
		require.NoError(t, err)
		require.Equal(t, bz, again)
	}
	invalid := map[string]types.Report{
		"short hash":              {HasHead: true, L2Hash: h32[:31]},
		"height without has_head": {L2Height: 5},
		"hash without has_head":   {L2Hash: h32},
		"short reveal":            {Reveal: h32[:5]},
		"reveal and commitment":   {Reveal: h32, Commitment: &types.OnionCommitment{Length: 1, Layer: h32}},
		"onion of length 0":       {Commitment: &types.OnionCommitment{Layer: h32}},
		"onion too long":          {Commitment: &types.OnionCommitment{Length: 1 << 20, Layer: h32}},
		"short commitment":        {Commitment: &types.OnionCommitment{Length: 4, Layer: h32[:4]}},
	}
	for name, r := range invalid {
		t.Run(name, func(t *testing.T) {
			_, err := types.EncodeReport(r)
			require.ErrorIs(t, err, types.ErrInvalidReport)
			bz, err := r.Marshal()
			require.NoError(t, err)
			_, err = types.DecodeReport(bz)
			require.ErrorIs(t, err, types.ErrInvalidReport)
		})
	}
	// Non-canonical: an explicit default (has_head = false, field 1 varint 0).
	_, err := types.DecodeReport([]byte{0x08, 0x00})
	require.ErrorIs(t, err, types.ErrInvalidReport)
	// Unknown field 15.
	_, err = types.DecodeReport([]byte{0x78, 0x01})
	require.ErrorIs(t, err, types.ErrInvalidReport)
	_, err = types.DecodeReport([]byte{0xff})
	require.ErrorIs(t, err, types.ErrInvalidReport)
}

func FuzzDecodeReport(f *testing.F) {
	h32 := bytes.Repeat([]byte{7}, 32)
	for _, r := range []types.Report{{}, {HasHead: true, L2Height: 9, L2Hash: h32, Reveal: h32}, {Commitment: &types.OnionCommitment{Length: 2, Layer: h32}}} {
		bz, _ := r.Marshal()
		f.Add(bz)
	}
	f.Add([]byte{0x08, 0x00})
	// With a rejected header: valid, with a byte more, and cut short.
	wr := types.Report{HasHead: true, L2Height: 9, L2Hash: h32, RejectedHeader: rejectedRLP(f)}
	withHeader, _ := wr.Marshal()
	f.Add(withHeader)
	f.Add(append(bytes.Clone(withHeader), 0x00))
	f.Add(withHeader[:len(withHeader)-1])
	f.Fuzz(func(t *testing.T, bz []byte) {
		r, err := types.DecodeReport(bz)
		if err != nil {
			return
		}
		// Whatever decodes is valid and re-encodes to the same bytes.
		again, err := types.EncodeReport(r)
		if err != nil || !bytes.Equal(again, bz) {
			t.Fatalf("decoded report does not round-trip: %v", err)
		}
	})
}

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	atMin := types.DefaultParams()
	atMin.StallThreshold = types.MinStallThreshold
	require.NoError(t, atMin.Validate())
	for name, mutate := range map[string]func(*types.Params){
		"zero length":       func(p *types.Params) { p.EpochLength = 0 },
		"huge length":       func(p *types.Params) { p.EpochLength = types.MaxEpochLength + 1 },
		"lead = length":     func(p *types.Params) { p.LeadTime = p.EpochLength },
		"tiny threshold":    func(p *types.Params) { p.StallThreshold = 0 },
		"threshold < 5 s":   func(p *types.Params) { p.StallThreshold = types.MinStallThreshold - time.Millisecond },
		"tiny window":       func(p *types.Params) { p.ReadinessWindow = 0 },
		"tolerance > epoch": func(p *types.Params) { p.HeadTolerance = p.EpochLength + 1 },
	} {
		p := types.DefaultParams()
		mutate(&p)
		require.ErrorIs(t, p.Validate(), types.ErrInvalidParams, name)
	}
}
