package voteext_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/encoding/protowire"

	"github.com/themis-network/themis/x/voteext"
	"github.com/themis-network/themis/x/voteext/types"
)

var known = voteext.NewModuleSet(testModule, otherModule)

// rawVerdict encodes a SideTxVerdict by hand, canonically (defaults omitted), so
// tests can append to it what the generated code never would. A non-zero legacyID
// writes the removed field 2 (the item's queue id), which decoders must now refuse.
func rawVerdict(module string, legacyID uint64, digest []byte, v uint64) []byte {
	var b []byte
	if module != "" {
		b = protowire.AppendTag(b, 1, protowire.BytesType)
		b = protowire.AppendString(b, module)
	}
	if legacyID != 0 {
		b = protowire.AppendTag(b, 2, protowire.VarintType)
		b = protowire.AppendVarint(b, legacyID)
	}
	if len(digest) != 0 {
		b = protowire.AppendTag(b, 3, protowire.BytesType)
		b = protowire.AppendBytes(b, digest)
	}
	if v != 0 {
		b = protowire.AppendTag(b, 4, protowire.VarintType)
		b = protowire.AppendVarint(b, v)
	}
	return b
}

func rawExt(height uint64, verdicts ...[]byte) []byte {
	var b []byte
	b = protowire.AppendTag(b, 1, protowire.VarintType)
	b = protowire.AppendVarint(b, height)
	for _, v := range verdicts {
		b = protowire.AppendTag(b, 2, protowire.BytesType)
		b = protowire.AppendBytes(b, v)
	}
	return b
}

func TestDecodeRoundTrip(t *testing.T) {
	e := ext(7, yes(testModule, 1, dg("a")), no(otherModule, 2, dg("b")), vd(testModule, 3, dg("c"), types.Verdict_VERDICT_UNSPECIFIED))
	bz := mustEncode(t, e)
	// The hand encoding agrees with the generated one: the tests below start from
	// canonical bytes.
	require.Equal(t, rawExt(7, rawVerdict(testModule, 0, dg("a"), 1), rawVerdict(otherModule, 0, dg("b"), 2),
		rawVerdict(testModule, 0, dg("c"), 0)), bz)

	got, err := voteext.DecodeAndCheck(bz, 7, known, nil)
	require.NoError(t, err)
	require.Equal(t, e, got)

	empty := mustEncode(t, ext(7))
	got, err = voteext.DecodeAndCheck(empty, 7, known, nil)
	require.NoError(t, err)
	require.Empty(t, got.Verdicts)
}

func TestDecodeRejects(t *testing.T) {
	good := rawVerdict(testModule, 0, dg("a"), 1)
	withUnknown := func(b []byte, field protowire.Number) []byte {
		b = protowire.AppendTag(bytes.Clone(b), field, protowire.VarintType)
		return protowire.AppendVarint(b, 1)
	}
	// enc uses the generated encoder: canonical bytes whose content is invalid.
	enc := func(height int64, vs ...*types.SideTxVerdict) []byte { return mustEncode(t, ext(height, vs...)) }
	many := make([]*types.SideTxVerdict, voteext.MaxVerdictsPerExtension+1)
	for i := range many {
		many[i] = yes(testModule, 0, dg(fmt.Sprint(i)))
	}
	cases := []struct {
		name string
		bz   []byte
		want error
	}{
		// Non-canonical encodings of a valid extension.
		{"unknown field in extension", withUnknown(rawExt(7, good), 99), voteext.ErrNonCanonical},
		{"unknown field in verdict", rawExt(7, withUnknown(good, 5)), voteext.ErrNonCanonical},
		{"removed queue-id field", rawExt(7, rawVerdict(testModule, 1, dg("a"), 1)), voteext.ErrNonCanonical},
		{"explicit default verdict", rawExt(7, append(bytes.Clone(good[:len(good)-2]), 0x20, 0x00)), voteext.ErrNonCanonical},
		{"explicit default height then real one", append([]byte{0x08, 0x00}, rawExt(7, good)...), voteext.ErrNonCanonical},
		{"over-long varint", append([]byte{0x08, 0x87, 0x00}, rawExt(7, good)[2:]...), voteext.ErrNonCanonical},
		{"fields out of order", append(protowire.AppendBytes(protowire.AppendTag(nil, 2, protowire.BytesType), good), 0x08, 0x07), voteext.ErrNonCanonical},
		{"height repeated", append(rawExt(6), rawExt(7, good)...), voteext.ErrNonCanonical},
		// Not protobuf.
		{"garbage", []byte{0xff, 0xff, 0xff}, voteext.ErrMalformed},
		{"truncated", rawExt(7, good)[:10], voteext.ErrMalformed},
		// Canonical but over a limit or malformed in content.
		{"too many verdicts", enc(7, many...), voteext.ErrTooManyVerdicts},
		{"too large", enc(7, yes(strings.Repeat("m", voteext.MaxVoteExtensionBytes), 1, dg("a"))), voteext.ErrExtensionTooLarge},
		{"short digest", enc(7, yes(testModule, 1, dg("a")[:31])), voteext.ErrBadDigest},
		{"long digest", enc(7, yes(testModule, 1, append(dg("a"), 0))), voteext.ErrBadDigest},
		{"no digest", enc(7, yes(testModule, 1, nil)), voteext.ErrBadDigest},
		{"verdict out of range", enc(7, vd(testModule, 1, dg("a"), 3)), voteext.ErrBadVerdict},
		{"negative verdict", enc(7, vd(testModule, 1, dg("a"), -1)), voteext.ErrBadVerdict},
		{"empty module", enc(7, yes("", 1, dg("a"))), voteext.ErrEmptyModule},
		{"module name too long", enc(7, yes(strings.Repeat("m", voteext.MaxModuleNameLen+1), 1, dg("a"))), voteext.ErrModuleNameTooLong},
		{"duplicate item", enc(7, yes(testModule, 0, dg("a")), no(testModule, 0, dg("a"))), voteext.ErrDuplicateItem},
		{"duplicate identical item", enc(7, yes(testModule, 1, dg("a")), yes(testModule, 1, dg("a"))), voteext.ErrDuplicateItem},
		// Valid on its own, wrong for this chain and height.
		{"unknown module", enc(7, yes("nosuchmodule", 1, dg("a"))), voteext.ErrUnknownModule},
		{"wrong height", enc(8, yes(testModule, 1, dg("a"))), voteext.ErrWrongHeight},
		{"empty bytes are height 0", nil, voteext.ErrWrongHeight},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := voteext.DecodeAndCheck(tc.bz, 7, known, nil)
			require.Error(t, err)
			require.True(t, errors.Is(err, tc.want), "want %v, got %v", tc.want, err)
		})
	}
}

// The limits are reachable by honest producers: a full extension of long module
// names still fits.
func TestDecodeLimitsFit(t *testing.T) {
	long := strings.Repeat("m", voteext.MaxModuleNameLen)
	e := types.VoteExtension{Height: 1 << 62}
	for i := range voteext.MaxVerdictsPerExtension {
		e.Verdicts = append(e.Verdicts, yes(long, 0, dg(fmt.Sprint(i))))
	}
	bz := mustEncode(t, e)
	require.Less(t, len(bz), voteext.MaxVoteExtensionBytes)
	_, err := voteext.DecodeAndCheck(bz, 1<<62, voteext.NewModuleSet(long), nil)
	require.NoError(t, err)
}

func TestEncodeRejectsNilVerdict(t *testing.T) {
	_, err := voteext.EncodeVoteExtension(ext(1, nil))
	require.ErrorIs(t, err, voteext.ErrMalformed)
}

func TestDecodeInjectedCommitCanonical(t *testing.T) {
	e := newEnv(t, 1, 1)
	ec := e.commit(t, []*types.VoteExtension{ptr(ext(testExtHeight)), nil})
	bz := marshalCommit(t, ec)
	got, err := voteext.DecodeInjectedCommit(bz)
	require.NoError(t, err)
	require.Equal(t, marshalCommit(t, got), bz)

	padded := protowire.AppendVarint(protowire.AppendTag(bytes.Clone(bz), 77, protowire.VarintType), 1)
	_, err = voteext.DecodeInjectedCommit(padded)
	require.ErrorIs(t, err, voteext.ErrNonCanonical)

	_, err = voteext.DecodeInjectedCommit([]byte{0xff})
	require.ErrorIs(t, err, voteext.ErrMissingCommit)
}

func ptr[T any](v T) *T { return &v }
