package abcinet_test

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"testing"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/testutil/abcinet"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
)

func newMpcNet(t *testing.T) (*abcinet.Net, []byte) {
	seed := sha256.Sum256([]byte("abcinet group key"))
	group, err := crypto.ToECDSA(seed[:])
	require.NoError(t, err)
	p := mpctypes.DefaultParams()
	p.CommitteeSettleBlocks = 2
	net := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000, Mpc: &abcinet.MpcOptions{Params: p, Group: group}})
	return net, crypto.CompressPubkey(&group.PublicKey)
}

// TestMpcKeygenThroughVoteExtensions runs x/mpc through the real ABCI++ path on 4
// in-process apps: each engine's readiness and keygen result ride in its signed vote
// extension, every app checks them strictly and applies them in PreBlock, and every
// app confirms the same pool key (NextBlock fails on any app-hash divergence). One
// engine reporting a key of its own does not stop the other three.
func TestMpcKeygenThroughVoteExtensions(t *testing.T) {
	net, groupPub := newMpcNet(t)
	net.Validators[3].Mpc.SetFakeKey(crypto.CompressPubkey(&mustKey(t, "liar").PublicKey))
	a := net.Validators[0].App
	var pk mpctypes.PoolKey
	for range 12 {
		require.True(t, net.NextBlock().Accepted)
		ctx := a.NewUncachedContext(false, cmtproto.Header{})
		var ok bool
		var err error
		if pk, ok, err = a.MpcKeeper.GetPoolKey(ctx); err != nil || ok {
			require.NoError(t, err)
			break
		}
	}
	require.Equal(t, groupPub, pk.PublicKey, "the pool key is confirmed through the vote extensions")
	require.EqualValues(t, 1, pk.Generation)
	require.Len(t, pk.Committee.Members, 4)
	require.EqualValues(t, 2, pk.Committee.Threshold)
	for _, v := range net.Validators[1:] {
		ctx := v.App.NewUncachedContext(false, cmtproto.Header{})
		other, ok, err := v.App.MpcKeeper.GetPoolKey(ctx)
		require.NoError(t, err)
		require.True(t, ok)
		require.Equal(t, pk, other)
	}
	for range 4 {
		require.True(t, net.NextBlock().Accepted)
	}
	ctx := a.NewUncachedContext(false, cmtproto.Header{})
	open, err := a.MpcKeeper.OpenSessionList(ctx)
	require.NoError(t, err)
	require.Empty(t, open, "the committee is unchanged: no resharing")
}

func mustKey(t *testing.T, label string) *ecdsa.PrivateKey {
	seed := sha256.Sum256([]byte(label))
	k, err := crypto.ToECDSA(seed[:])
	require.NoError(t, err)
	return k
}
