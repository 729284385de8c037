package reporter

import (
	"bytes"
	"context"
	"math/big"
	"testing"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/epoch/types"
)

type noOnion struct{}

func (noOnion) Get(context.Context, []byte) (types.OnionState, error) {
	return types.OnionState{}, collections.ErrNotFound
}

type cached [][]byte

func (c cached) Rejected() [][]byte { return c }

// wantOnly is a chain that wants only the refused blocks of the given heights.
type wantOnly map[uint64]bool

func (w wantOnly) WrongRootWanted(_ sdk.Context, rh types.RejectedHeader, _ []byte) (bool, error) {
	return w[rh.Height()], nil
}

func sealedRLP(t *testing.T, height uint64) []byte {
	t.Helper()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	h := &ethtypes.Header{Coinbase: crypto.PubkeyToAddress(key.PublicKey), Number: new(big.Int).SetUint64(height),
		Difficulty: new(big.Int), Root: common.Hash{9}}
	require.NoError(t, types.SealL2Header(h, 1, 1, 59902, key))
	bz, err := rlp.EncodeToBytes(h)
	require.NoError(t, err)
	return bz
}

func reportOf(t *testing.T, cfg Config, height int64) types.Report {
	t.Helper()
	cfg.ConsAddress = bytes.Repeat([]byte{1}, 20)
	cfg.Secret = bytes.Repeat([]byte{2}, SecretLen)
	src, err := New(cfg, noOnion{})
	require.NoError(t, err)
	bz, err := src.Report(context.Background(), sdk.Context{}, height)
	require.NoError(t, err)
	r, err := types.DecodeReport(bz)
	require.NoError(t, err)
	return r
}

// A cached block that is not evidence (no seal, junk) is skipped, never costing the
// whole report; the chain's view filters the rest; candidates rotate by height.
func TestReportCarriesARefusedBlock(t *testing.T) {
	a, b := sealedRLP(t, 5), sealedRLP(t, 6)
	unsealed, _ := rlp.EncodeToBytes(&ethtypes.Header{Number: big.NewInt(5), Difficulty: new(big.Int)})
	junk := []byte{0xde, 0xad}

	r := reportOf(t, Config{Rejections: cached{junk, unsealed}}, 10)
	require.Nil(t, r.RejectedHeader, "nothing that is evidence")

	r = reportOf(t, Config{Rejections: cached{junk, a, unsealed}}, 10)
	require.Equal(t, a, r.RejectedHeader)

	got := map[string]bool{}
	for h := int64(10); h < 14; h++ {
		got[string(reportOf(t, Config{Rejections: cached{b, a}}, h).RejectedHeader)] = true
	}
	require.Len(t, got, 2, "both candidates get reported")

	r = reportOf(t, Config{Rejections: cached{b, a}, WrongRoots: wantOnly{5: true}}, 11)
	require.Equal(t, a, r.RejectedHeader, "only what the chain still wants")
	r = reportOf(t, Config{Rejections: cached{b, a}, WrongRoots: wantOnly{}}, 11)
	require.Nil(t, r.RejectedHeader)

	// Only the MaxRejectedConsidered newest are looked at.
	many := cached{}
	for range MaxRejectedConsidered {
		many = append(many, junk)
	}
	r = reportOf(t, Config{Rejections: append(many, a)}, 10)
	require.Nil(t, r.RejectedHeader)
}
