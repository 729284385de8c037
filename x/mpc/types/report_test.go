package types_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/mpc/committee"
	"github.com/themis-network/themis/x/mpc/types"
)

var (
	key32  = bytes.Repeat([]byte{7}, 32)
	key32b = bytes.Repeat([]byte{8}, 32)
	pub33  = append([]byte{2}, bytes.Repeat([]byte{9}, 32)...)
)

func goodSig(t testing.TB) []byte {
	k, err := crypto.ToECDSA(bytes.Repeat([]byte{1}, 32))
	require.NoError(t, err)
	sig, err := crypto.Sign(key32, k)
	require.NoError(t, err)
	return sig
}

func goodReport(t testing.TB) types.MpcReport {
	return types.MpcReport{
		Ready: true, ShareGeneration: 3, Endpoint: "https://10.0.0.1:9000",
		Results: []*types.SessionResult{{SessionKey: key32, PublicKey: pub33}, {SessionKey: key32b, Signature: goodSig(t)}},
		Blames:  []*types.BlameClaim{{SessionKey: key32, Accused: "0x" + strings.Repeat("ab", 20), Reason: types.BLAME_REASON_MISSING}},
	}
}

func TestReportRoundTrip(t *testing.T) {
	r := goodReport(t)
	bz, err := types.EncodeReport(r)
	require.NoError(t, err)
	back, err := types.DecodeReport(bz)
	require.NoError(t, err)
	require.Equal(t, r, back)
	empty, err := types.EncodeReport(types.MpcReport{})
	require.NoError(t, err)
	_, err = types.DecodeReport(empty)
	require.NoError(t, err, "an empty report (not ready, nothing) is valid")
}

// TestDecodeReportIsStrict: every malformed report is refused with ErrInvalidReport.
func TestDecodeReportIsStrict(t *testing.T) {
	good := goodReport(t)
	base, err := good.Marshal()
	require.NoError(t, err)
	sig := goodSig(t)
	mutate := func(f func(*types.MpcReport)) []byte {
		r := goodReport(t)
		f(&r)
		bz, err := r.Marshal()
		require.NoError(t, err)
		return bz
	}
	for _, tc := range []struct {
		name string
		bz   []byte
	}{
		{"garbage", []byte{0xff, 0xff}},
		{"unknown field", append(append([]byte(nil), base...), 0xf8, 0x01, 0x01)}, // field 31, varint 1
		{"explicit default", append([]byte{0x08, 0x00}, base[2:]...)},             // ready = false written out
		{"bad endpoint", mutate(func(r *types.MpcReport) { r.Endpoint = "ftp://x:1" })},
		{"short session key", mutate(func(r *types.MpcReport) { r.Results[0].SessionKey = key32[:31] })},
		{"result twice", mutate(func(r *types.MpcReport) { r.Results[1].SessionKey = key32 })},
		{"both results", mutate(func(r *types.MpcReport) { r.Results[0].Signature = sig })},
		{"no result", mutate(func(r *types.MpcReport) { r.Results[0].PublicKey = nil })},
		{"uncompressed key", mutate(func(r *types.MpcReport) { r.Results[0].PublicKey = append([]byte{4}, pub33[1:]...) })},
		{"short signature", mutate(func(r *types.MpcReport) { r.Results[1].Signature = sig[:64] })},
		{"v = 27", mutate(func(r *types.MpcReport) { s := append([]byte(nil), sig...); s[64] = 27; r.Results[1].Signature = s })},
		{"too many results", mutate(func(r *types.MpcReport) {
			for i := range types.MaxResultsPerReport {
				r.Results = append(r.Results, &types.SessionResult{SessionKey: bytes.Repeat([]byte{byte(i + 100)}, 32), PublicKey: pub33})
			}
		})},
		{"no reason", mutate(func(r *types.MpcReport) { r.Blames[0].Reason = 0 })},
		{"unknown reason", mutate(func(r *types.MpcReport) { r.Blames[0].Reason = 9 })},
		{"upper-case accused", mutate(func(r *types.MpcReport) { r.Blames[0].Accused = "0x" + strings.Repeat("AB", 20) })},
		{"blame twice", mutate(func(r *types.MpcReport) { r.Blames = append(r.Blames, r.Blames[0]) })},
		{"too many blames", mutate(func(r *types.MpcReport) {
			for i := range types.MaxBlamesPerReport {
				r.Blames = append(r.Blames, &types.BlameClaim{SessionKey: bytes.Repeat([]byte{byte(i + 100)}, 32), Accused: r.Blames[0].Accused, Reason: 1})
			}
		})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := types.DecodeReport(tc.bz)
			require.ErrorIs(t, err, types.ErrInvalidReport)
		})
	}
}

// TestDecodeReportNeverPanics: random bytes are refused or decoded, never a panic, and
// whatever decodes re-encodes to the same bytes.
func TestDecodeReportNeverPanics(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		bz := rapid.SliceOfN(rapid.Byte(), 0, 300).Draw(rt, "bz")
		r, err := types.DecodeReport(bz)
		if err != nil {
			return
		}
		again, err := types.EncodeReport(r)
		require.NoError(rt, err)
		require.Equal(rt, bz, again)
	})
}

func FuzzDecodeReport(f *testing.F) {
	r := goodReport(f)
	good, _ := r.Marshal()
	f.Add(good)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, bz []byte) {
		r, err := types.DecodeReport(bz)
		if err != nil {
			return
		}
		again, err := types.EncodeReport(r)
		require.NoError(t, err)
		require.Equal(t, bz, again)
	})
}

func TestValidateEndpoint(t *testing.T) {
	for _, ok := range []string{"", "http://127.0.0.1:26700", "https://tss.example.org:443", "https://[::1]:9000", "http://node-1:1/"} {
		require.NoError(t, types.ValidateEndpoint(ok), ok)
	}
	for _, bad := range []string{
		"tss.example.org:443", "ftp://a:1", "https://a", "https://a:0", "https://a:65536", "https://a:08",
		"https://:9000", "https://u:p@a:1", "https://a:1/path", "https://a:1?q=1", "https://a:1#f",
		"https://a:1?", "https://" + strings.Repeat("a", 200) + ":1", "http://a:port",
	} {
		require.ErrorIs(t, types.ValidateEndpoint(bad), types.ErrInvalidEndpoint, bad)
	}
}

func TestVerifyPoolSignature(t *testing.T) {
	k, err := crypto.ToECDSA(bytes.Repeat([]byte{1}, 32))
	require.NoError(t, err)
	pool := types.AddressString(crypto.PubkeyToAddress(k.PublicKey))
	sig := goodSig(t)
	require.NoError(t, types.VerifyPoolSignature(key32, sig, pool))
	require.ErrorIs(t, types.VerifyPoolSignature(key32b, sig, pool), types.ErrInvalidSignature)
	require.ErrorIs(t, types.VerifyPoolSignature(key32, sig, "0x"+strings.Repeat("00", 20)), types.ErrInvalidSignature)
	require.ErrorIs(t, types.VerifyPoolSignature(key32[:31], sig, pool), types.ErrInvalidSignature)
	flipped := append([]byte(nil), sig...)
	flipped[64] ^= 1
	require.Error(t, types.VerifyPoolSignature(key32, flipped, pool), "the other recovery id recovers another key")
}

func TestParsePubKey(t *testing.T) {
	k, err := crypto.ToECDSA(bytes.Repeat([]byte{1}, 32))
	require.NoError(t, err)
	addr, err := types.ParsePubKey(crypto.CompressPubkey(&k.PublicKey))
	require.NoError(t, err)
	require.Equal(t, types.AddressString(crypto.PubkeyToAddress(k.PublicKey)), addr)
	require.True(t, types.ValidAddress(addr))
	_, err = types.ParsePubKey(append([]byte{2}, bytes.Repeat([]byte{0xff}, 32)...)) // x beyond the field
	require.ErrorIs(t, err, types.ErrInvalidPubKey)
	_, err = types.ParsePubKey(pub33[:32])
	require.ErrorIs(t, err, types.ErrInvalidPubKey)
}

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	for _, tc := range []struct {
		name string
		f    func(*types.Params)
	}{
		{"no parties", func(p *types.Params) { p.MaxMpcParties = 0 }},
		{"too many parties", func(p *types.Params) { p.MaxMpcParties = types.MaxMpcPartiesLimit + 1 }},
		{"min above max", func(p *types.Params) { p.MinParties = p.MaxMpcParties + 1 }},
		{"min zero", func(p *types.Params) { p.MinParties = 0 }},
		{"keygen timeout", func(p *types.Params) { p.KeygenTimeoutBlocks = 0 }},
		{"reshare timeout", func(p *types.Params) { p.ReshareTimeoutBlocks = types.MaxBlocksParam + 1 }},
		{"sign timeout", func(p *types.Params) { p.SignTimeoutBlocks = 0 }},
		{"ready window", func(p *types.Params) { p.ReadyWindowBlocks = 0 }},
		{"settle", func(p *types.Params) { p.CommitteeSettleBlocks = types.MaxBlocksParam + 1 }},
		{"severity", func(p *types.Params) { p.BlameSeverity = 7 }},
		{"results", func(p *types.Params) { p.MaxReportResults = 0 }},
		{"results above the hard bound", func(p *types.Params) { p.MaxReportResults = types.MaxResultsPerReport + 1 }},
		{"blames above the hard bound", func(p *types.Params) { p.MaxBlamesPerReport = types.MaxBlamesPerReport + 1 }},
		{"open sign sessions", func(p *types.Params) { p.MaxOpenSignSessions = 0 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.f(&p)
			require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
		})
	}
}

// A request remembers every pair of the largest committee the params allow.
func TestMaxDisputesPerRequestCoversTheLargestCommittee(t *testing.T) {
	n := types.MaxMpcPartiesLimit
	require.Equal(t, n*(n-1)/2, committee.MaxDisputesPerRequest)
}

func TestPayloadTypeNames(t *testing.T) {
	require.NoError(t, types.ValidatePayloadTypeName("l2_batch"))
	for _, bad := range []string{"", "L2Batch", "l2-batch", strings.Repeat("a", 65)} {
		require.ErrorIs(t, types.ValidatePayloadTypeName(bad), types.ErrUnknownPayloadType, bad)
	}
}

// TestFitReport: a report trimmed to x/voteext's 2,048 bytes keeps its readiness and
// endpoint, drops blames before results, and still decodes.
func TestFitReport(t *testing.T) {
	sig := goodSig(t)
	r := types.MpcReport{Ready: true, ShareGeneration: 9, Endpoint: "https://" + strings.Repeat("a", 180) + ":9000"}
	for i := range 16 {
		r.Results = append(r.Results, &types.SessionResult{SessionKey: bytes.Repeat([]byte{byte(i)}, 32), Signature: sig})
	}
	for i := range 8 {
		r.Blames = append(r.Blames, &types.BlameClaim{SessionKey: bytes.Repeat([]byte{byte(i)}, 32), Accused: "0x" + strings.Repeat("ab", 20), Reason: types.BLAME_REASON_MISSING})
	}
	require.Greater(t, r.Size(), 2048)
	fit := types.FitReport(r, 2048)
	require.LessOrEqual(t, fit.Size(), 2048)
	require.Less(t, len(fit.Blames), 8, "blames go first")
	require.Len(t, fit.Results, 16, "16 sign results and a 200-byte endpoint fit")
	require.Equal(t, r.Endpoint, fit.Endpoint)
	require.Len(t, r.Blames, 8, "the input is untouched")
	bz, err := types.EncodeReport(fit)
	require.NoError(t, err)
	_, err = types.DecodeReport(bz)
	require.NoError(t, err)
	tiny := types.FitReport(r, 300)
	require.Empty(t, tiny.Results)
	require.True(t, tiny.Ready)
}
