package reporter

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/tss/engine"
	"github.com/themis-network/themis/tss/session"
	"github.com/themis-network/themis/x/mpc/types"
)

func party(t *testing.T) (types.Party, common.Address) {
	t.Helper()
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	addr := crypto.PubkeyToAddress(k.PublicKey)
	return types.Party{Signer: strings.ToLower(addr.Hex()), PubKey: crypto.CompressPubkey(&k.PublicKey)}, addr
}

// A resharing's generation on chain is the one it produces; the engine also needs the
// old one, whose shares the dealers hold.
func TestSpecOfResharingNamesBothGenerations(t *testing.T) {
	old, oldAddr := party(t)
	nw, _ := party(t)
	s := types.Session{SessionKey: make([]byte, 32), Kind: types.SESSION_KIND_RESHARE, Generation: 3,
		OldParties: []types.Party{old}, OldThreshold: 1, NewParties: []types.Party{old, nw}, Threshold: 1}
	spec, err := specOf(s, map[string]string{string(old.PubKey): "http://127.0.0.1:7700"})
	require.NoError(t, err)
	require.Equal(t, session.KindReshare, spec.Kind)
	require.EqualValues(t, 2, spec.Generation)
	require.EqualValues(t, 3, spec.NewGeneration)
	require.Equal(t, oldAddr, spec.OldParties[0].Address)
	require.Equal(t, "http://127.0.0.1:7700", spec.OldParties[0].Endpoint)
	require.Empty(t, spec.NewParties[1].Endpoint)

	s.Generation = 1
	_, err = specOf(s, nil)
	require.Error(t, err, "a resharing cannot produce generation 1")
}

func TestSpecOfRejectsMalformedSessions(t *testing.T) {
	p, _ := party(t)
	sign := types.Session{SessionKey: make([]byte, 32), Kind: types.SESSION_KIND_SIGN, Generation: 1, Signers: []types.Party{p}, Digest: make([]byte, 31)}
	_, err := specOf(sign, nil)
	require.Error(t, err, "short digest")
	sign.Digest = make([]byte, 32)
	sign.SessionKey = make([]byte, 31)
	_, err = specOf(sign, nil)
	require.Error(t, err, "short session key")
	bad := p
	bad.PubKey = []byte{2, 1, 2}
	kg := types.Session{SessionKey: make([]byte, 32), Kind: types.SESSION_KIND_KEYGEN, Generation: 1, NewParties: []types.Party{bad}}
	_, err = specOf(kg, nil)
	require.Error(t, err, "a party key that is not a point")
	_, err = specOf(types.Session{SessionKey: make([]byte, 32)}, nil)
	require.Error(t, err, "unknown kind")
}

// The engine's report becomes a report the chain's strict check accepts.
func TestToProtoPassesTheChainsCheck(t *testing.T) {
	accused := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	digest := crypto.Keccak256([]byte("payload"))
	sig, err := crypto.Sign(digest, k)
	require.NoError(t, err)
	r := engine.Report{Ready: true, ShareGeneration: 2, Endpoint: "http://127.0.0.1:7700",
		Results: []engine.Result{{Key: [32]byte{1}, Signature: sig}, {Key: [32]byte{2}, PublicKey: crypto.CompressPubkey(&k.PublicKey)}},
		Blames:  []engine.Blame{{Key: [32]byte{3}, Accused: accused, Reason: engine.BlameEquivocation}}}
	p := ToProto(r)
	bz, err := types.EncodeReport(p)
	require.NoError(t, err)
	got, err := types.DecodeReport(bz)
	require.NoError(t, err)
	require.Equal(t, types.BLAME_REASON_EQUIVOCATION, got.Blames[0].Reason)
	require.Equal(t, strings.ToLower(accused.Hex()), got.Blames[0].Accused)
	require.Len(t, got.Results, 2)
}
