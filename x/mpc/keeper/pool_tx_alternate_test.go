package keeper_test

import (
	"crypto/ecdsa"
	"crypto/rand"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/mpc/types"
)

// secondSignature is another valid low-S signature of digest by priv, with a fresh
// random nonce: what a second tss-lib session of the same request produces.
func secondSignature(t *testing.T, digest []byte, priv *ecdsa.PrivateKey) []byte {
	n := crypto.S256().Params().N
	for {
		k, err := rand.Int(rand.Reader, n)
		require.NoError(t, err)
		if k.Sign() == 0 {
			continue
		}
		rx, ry := crypto.S256().ScalarBaseMult(k.Bytes())
		r := new(big.Int).Mod(rx, n)
		s := new(big.Int).Mul(r, priv.D)
		s.Add(s, new(big.Int).SetBytes(digest))
		s.Mul(s, new(big.Int).ModInverse(k, n))
		s.Mod(s, n)
		if r.Sign() == 0 || s.Sign() == 0 {
			continue
		}
		v := byte(ry.Bit(0))
		if s.Cmp(new(big.Int).Rsh(n, 1)) > 0 {
			s.Sub(n, s)
			v ^= 1
		}
		sig := make([]byte, 65)
		r.FillBytes(sig[:32])
		s.FillBytes(sig[32:64])
		sig[64] = v
		return sig
	}
}

// alternateOfFirstVersion waits until the first pool transaction is signing and
// returns its version 0 signed with a signature the chain never sees, by key.
func alternateOfFirstVersion(t *testing.T, c *chain, key *ecdsa.PrivateKey) (*ethtypes.Transaction, types.PoolTx) {
	c.until(100, "the first pool transaction signing", func() bool {
		txs := c.poolTxs()
		return len(txs) > 0 && txs[0].Status == types.POOL_TX_STATUS_SIGNING
	})
	ptx := c.poolTxs()[0]
	req := c.request(ptx.Versions[0].SignRequest)
	unsigned := new(ethtypes.Transaction)
	require.NoError(t, unsigned.UnmarshalBinary(req.Payload[12:]))
	signed, err := unsigned.WithSignature(ethtypes.NewLondonSigner(c.l1.chainID), secondSignature(t, req.Digest, key))
	require.NoError(t, err)
	return signed, ptx
}

// A pool signature the chain never recorded (a timed-out session's late result, or a
// signer finishing the last round alone) reaches L1 first. The validators find the
// transaction at the pool's nonce; the chain proves it a version signed by the pool
// and lands it: the batch is accepted once, and the outbox moves on.
func TestAlternateSignatureLandsAsTheVersion(t *testing.T) {
	c := newOutboundChain(t)
	alt, ptx := alternateOfFirstVersion(t, c, c.group)
	c.l1.mempool = append(c.l1.mempool, alt) // the withholder broadcasts first

	c.until(300, "3 batches accepted", func() bool { return len(c.accepted()) >= 3 })
	first := c.poolTxs()[0]
	require.Equal(t, ptx.Id, first.Id)
	require.Equal(t, types.POOL_TX_STATUS_CONFIRMED, first.Status)
	landed := first.Versions[first.Landed]
	require.True(t, landed.Alternate)
	require.Equal(t, alt.Hash().Bytes(), landed.TxHash)
	require.Equal(t, first.Versions[0].MaxFee, landed.MaxFee, "the alternate signs version 0's fees")
	raw, err := alt.MarshalBinary()
	require.NoError(t, err)
	require.Equal(t, raw, landed.Raw)
	require.Equal(t, alt.Hash().Bytes(), c.accepted()[0].TxHash, "the batch is the one the alternate carried")
	require.Equal(t, 1, countHash(c.l1.landed, c.accepted()[0].TxHash))
	for i, b := range c.accepted() {
		require.Equal(t, uint64(i), b.Index, "contiguous, each once")
	}
}

// A receipt that is not the pool's — a transaction of the same call and nonce signed
// by another key — is never landed, even with every validator behind it: the chain
// rebuilds the version and recovers the sender itself. Nor does a signature that
// turns no version into the reported hash.
func TestAlternateMustBeThePools(t *testing.T) {
	c := newOutboundChain(t)
	other, err := crypto.GenerateKey()
	require.NoError(t, err)
	forged, ptx := alternateOfFirstVersion(t, c, other)
	lie := func(rc *types.PoolTxReceipt) func(c *chain) []byte {
		return func(c *chain) []byte {
			r := c.honestL1Report()
			r.Receipt = rc
			bz, err := types.EncodeL1Report(r)
			require.NoError(t, err)
			return bz
		}
	}
	forgedReceipt := &types.PoolTxReceipt{PoolTx: ptx.Id, TxHash: forged.Hash().Bytes(), L1Block: 50, Signature: outbound.SignatureOf(forged)}
	mismatched := &types.PoolTxReceipt{PoolTx: ptx.Id, TxHash: common.Hash{7}.Bytes(), L1Block: 50, Signature: outbound.SignatureOf(forged)}
	for _, rc := range []*types.PoolTxReceipt{forgedReceipt, mismatched} {
		for _, n := range c.nodes {
			n.l1Lie = lie(rc)
		}
		c.run(20)
		tx, err := c.k.GetPoolTx(c.ctx, ptx.Id)
		require.NoError(t, err)
		require.NotEqual(t, types.POOL_TX_STATUS_CONFIRMED, tx.Status)
		require.NotEqual(t, types.POOL_TX_STATUS_REVERTED, tx.Status)
		for _, v := range tx.Versions {
			require.False(t, v.Alternate)
		}
	}
	for _, n := range c.nodes {
		n.l1Lie = nil
	}
	c.until(200, "the real version accepted", func() bool { return len(c.accepted()) >= 1 })
}

// A minority reporting a real alternate cannot land it; the honest majority's
// receipt of the version that did land wins.
func TestMinorityAlternateIsOutvoted(t *testing.T) {
	c := newOutboundChain(t)
	alt, ptx := alternateOfFirstVersion(t, c, c.group)
	c.node(1).l1Lie = func(c *chain) []byte {
		r := c.honestL1Report()
		r.Receipt = &types.PoolTxReceipt{PoolTx: ptx.Id, TxHash: alt.Hash().Bytes(), L1Block: r.L1Height, Signature: outbound.SignatureOf(alt)}
		bz, err := types.EncodeL1Report(r)
		require.NoError(t, err)
		return bz
	}
	c.until(200, "a batch accepted", func() bool { return len(c.accepted()) >= 1 })
	first := c.poolTxs()[0]
	require.False(t, first.Versions[first.Landed].Alternate, "one validator of four is not more than 2/3")
}

// A version that landed is not replaced while its receipt is still on its way (the
// agreed pool nonce is past the transaction's): a replacement could never land and
// would only spend a signing session.
func TestLandedVersionIsNotReplacedWhileItsReceiptIsPending(t *testing.T) {
	c := newOutboundChain(t)
	noReceipt := func(c *chain) []byte {
		r := c.honestL1Report()
		r.Receipt = nil // the receipt lookups lag (a slow node, deep confirmations)
		bz, err := types.EncodeL1Report(r)
		require.NoError(t, err)
		return bz
	}
	for _, n := range c.nodes {
		n.l1Lie = noReceipt
	}
	c.until(100, "the first pool transaction's nonce used on L1", func() bool {
		txs := c.poolTxs()
		return len(txs) > 0 && c.outbound().L1View.PoolNonce > txs[0].Nonce
	})
	c.run(40) // stuck_blocks is 8
	require.Len(t, c.poolTxs()[0].Versions, 1, "no replacement of a version that landed")
	for _, n := range c.nodes {
		n.l1Lie = nil
	}
	c.until(50, "the batch accepted", func() bool { return len(c.accepted()) >= 1 })
	require.Len(t, c.poolTxs()[0].Versions, 1)
}
