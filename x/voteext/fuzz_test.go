package voteext_test

import (
	"bytes"
	"testing"

	"google.golang.org/protobuf/encoding/protowire"

	"github.com/themis-network/themis/x/voteext"
	"github.com/themis-network/themis/x/voteext/types"
)

// FuzzDecodeVoteExtension: the strict decoder never panics, and whatever it accepts
// is canonical (re-encodes to the very same bytes) and within every limit.
func FuzzDecodeVoteExtension(f *testing.F) {
	seeds := [][]byte{
		nil,
		{0x08, 0x07},
		{0xff, 0xff, 0xff},
		rawExt(7, rawVerdict(testModule, 1, dg("a"), 1)),
		rawExt(7, rawVerdict(testModule, 1, dg("a"), 1), rawVerdict(testModule, 1, dg("b"), 2)),
		rawExt(7, rawVerdict(testModule, 1, dg("a")[:5], 1)),
		rawExt(7, rawVerdict(testModule, 1, dg("a"), 9)),
		protowire.AppendVarint(protowire.AppendTag(rawExt(7), 99, protowire.VarintType), 1),
		{0x08, 0x87, 0x00},
	}
	for _, s := range seeds {
		f.Add(s)
	}
	// A larger valid extension; kept well below the limits so that minimizing the
	// mutants of it stays cheap (the limits themselves are tested in codec_test.go).
	var full types.VoteExtension
	full.Height = 1 << 40
	for i := range 16 {
		full.Verdicts = append(full.Verdicts, yes(otherModule, uint64(i), dg("z")))
	}
	bz, err := voteext.EncodeVoteExtension(full)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(bz)

	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := voteext.DecodeVoteExtension(data)
		if err != nil {
			return
		}
		again, err := voteext.EncodeVoteExtension(e)
		if err != nil {
			t.Fatalf("accepted input does not re-encode: %v", err)
		}
		if !bytes.Equal(again, data) {
			t.Fatalf("accepted input is not canonical:\n in  %x\n out %x", data, again)
		}
		if len(data) > voteext.MaxVoteExtensionBytes || len(e.Verdicts) > voteext.MaxVerdictsPerExtension {
			t.Fatalf("accepted input over the limits: %d bytes, %d verdicts", len(data), len(e.Verdicts))
		}
		for _, v := range e.Verdicts {
			if len(v.Digest) != voteext.DigestLen || v.Module == "" || v.Verdict < 0 || v.Verdict > types.Verdict_VERDICT_NO {
				t.Fatalf("accepted a malformed verdict %+v", v)
			}
		}
		// The full check on top must not panic either.
		_, _ = voteext.DecodeAndCheck(data, e.Height, known, nil)
	})
}
