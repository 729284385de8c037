package abcinet

import (
	"math/rand"

	cosmossecp "github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app"
)

// SignedTxFrom builds a transaction signed by validator i's account (its sequencer's
// signer account), with no fee and the most gas a fee-free relay of that many messages
// may ask (ante.Policy.FreeGasLimit), the way its bridge relays.
func (net *Net) SignedTxFrom(i int, msgs ...sdk.Msg) []byte {
	t := net.t
	v := net.Validators[i]
	txCfg := v.App.TxConfig()
	if net.accSeqs == nil {
		net.accSeqs = map[int]uint64{}
	}
	seq := net.accSeqs[i]
	priv := &cosmossecp.PrivKey{Key: v.Key.Priv.Bytes()}
	tx, err := simtestutil.GenSignedMockTx(rand.New(rand.NewSource(int64(seq)+int64(i)<<32)), txCfg, msgs, sdk.NewCoins(),
		app.FeePolicy().FreeGasLimit(len(msgs)), ChainID, []uint64{uint64(i)}, []uint64{seq}, priv) // genesis account number i
	require.NoError(t, err)
	net.accSeqs[i] = seq + 1
	bz, err := txCfg.TxEncoder()(tx)
	require.NoError(t, err)
	return bz
}

// SubmitterOf is the bech32 account of validator i, which signs SignedTxFrom(i, ...).
func (net *Net) SubmitterOf(i int) string {
	return sdk.AccAddress(net.Validators[i].Key.Sig.AccAddress()).String()
}
