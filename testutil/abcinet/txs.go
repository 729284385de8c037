package abcinet

import (
	"context"
	"math/rand"
	"time"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	cosmossecp "github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	"github.com/stretchr/testify/require"
)

// SignedTxBy builds a transaction signed by validator i's key with the given account
// sequence, fee and gas limit. Unlike SignedTxFrom it keeps no sequence and offers a
// fee: a test playing a sender that is refused decides itself which sequence its next
// transaction carries, and whether it pays.
func (net *Net) SignedTxBy(i int, seq uint64, fee sdk.Coins, gas uint64, msgs ...sdk.Msg) []byte {
	t := net.t
	v := net.Validators[i]
	acc := net.accountOf(i)
	txCfg := v.App.TxConfig()
	priv := &cosmossecp.PrivKey{Key: v.Key.Priv.Bytes()}
	tx, err := simtestutil.GenSignedMockTx(rand.New(rand.NewSource(int64(seq))), txCfg, msgs, fee,
		gas, ChainID, []uint64{acc.GetAccountNumber()}, []uint64{seq}, priv)
	require.NoError(t, err)
	bz, err := txCfg.TxEncoder()(tx)
	require.NoError(t, err)
	return bz
}

// AccountSequence is validator i's account sequence in committed state: the sequence
// its next transaction must carry.
func (net *Net) AccountSequence(i int) uint64 {
	return net.accountOf(i).GetSequence()
}

// accountOf is validator i's chain account in committed state.
func (net *Net) accountOf(i int) sdk.AccountI {
	a := net.Validators[0].App
	acc := a.AccountKeeper.GetAccount(a.NewUncachedContext(false, cmtproto.Header{}), net.Validators[i].Key.Sig.AccAddress())
	require.NotNil(net.t, acc, "validator %d has no chain account", i)
	return acc
}

// SignedUnorderedTxBy builds an unordered transaction (x/auth: no account sequence, a
// timeout timestamp that is also its nonce) signed by validator i's key, as the bridge
// sends its relays.
func (net *Net) SignedUnorderedTxBy(i int, timeout time.Time, fee sdk.Coins, gas uint64, msgs ...sdk.Msg) []byte {
	t := net.t
	v := net.Validators[i]
	acc := net.accountOf(i)
	txCfg := v.App.TxConfig()
	priv := &cosmossecp.PrivKey{Key: v.Key.Priv.Bytes()}
	b := txCfg.NewTxBuilder()
	require.NoError(t, b.SetMsgs(msgs...))
	b.SetFeeAmount(fee)
	b.SetGasLimit(gas)
	b.SetUnordered(true)
	b.SetTimeoutTimestamp(timeout)
	mode := signing.SignMode_SIGN_MODE_DIRECT
	// Direct mode signs the signer infos too: set them (an empty signature) first.
	require.NoError(t, b.SetSignatures(signing.SignatureV2{PubKey: priv.PubKey(), Data: &signing.SingleSignatureData{SignMode: mode}}))
	signerData := authsigning.SignerData{
		Address: sdk.AccAddress(v.Key.Sig.AccAddress()).String(), ChainID: ChainID,
		AccountNumber: acc.GetAccountNumber(), PubKey: priv.PubKey(),
	}
	sig, err := clienttx.SignWithPrivKey(context.Background(), mode, signerData, b, priv, txCfg, 0)
	require.NoError(t, err)
	require.NoError(t, b.SetSignatures(sig))
	bz, err := txCfg.TxEncoder()(b.GetTx())
	require.NoError(t, err)
	return bz
}

// BlockTime is the time of the last block (the harness's blocks are a second apart).
func (net *Net) BlockTime() time.Time {
	return net.genesisTime.Add(time.Duration(net.height) * time.Second)
}
