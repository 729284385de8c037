package reporter

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/types"
)

// signedAt is an EIP-1559 transaction of key at nonce.
func signedAt(t *testing.T, key []byte, nonce uint64) *gethtypes.Transaction {
	t.Helper()
	k, err := crypto.ToECDSA(key)
	require.NoError(t, err)
	chainID := big.NewInt(31337)
	to := common.HexToAddress("0xbb")
	tx, err := gethtypes.SignNewTx(k, gethtypes.NewLondonSigner(chainID), &gethtypes.DynamicFeeTx{
		ChainID: chainID, Nonce: nonce, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(2), Gas: 50_000, To: &to, Data: []byte{1, 2},
	})
	require.NoError(t, err)
	return tx
}

// withPoolKey gives the harness a pool address with a known private key (so the test
// can sign as the pool) and returns the key.
func withPoolKey(t *testing.T, h *harness) []byte {
	t.Helper()
	key := crypto.Keccak256([]byte("pool"))
	k, err := crypto.ToECDSA(key)
	require.NoError(t, err)
	pool := crypto.PubkeyToAddress(k.PublicKey)
	h.chain.pool.Address = types.AddressString(pool)
	h.l1.set(func(f *fakeL1) { f.pending = pool })
	return key
}

// nonce7UsedIn84: the pool's nonce moves from 7 to 8 in block 84, which holds txs.
func nonce7UsedIn84(h *harness, txs ...*gethtypes.Transaction) {
	h.l1.set(func(f *fakeL1) {
		f.nonceFn = func(b uint64) uint64 {
			if b >= 84 {
				return 8
			}
			return 7
		}
		f.blocks = map[uint64]*gethtypes.Block{84: gethtypes.NewBlockWithHeader(&gethtypes.Header{Number: big.NewInt(84)}).
			WithBody(gethtypes.Body{Transactions: txs})}
	})
}

// L1 used the in-flight transaction's nonce 7 in block 84 under a hash the chain
// does not know: the watcher finds the block by the pool's nonce, picks the pool's
// transaction at nonce 7 (not another sender's), and reports its receipt with its
// signature; the search is not repeated while the result holds.
func TestL1AlternateFoundAtTheNonce(t *testing.T) {
	h := newHarness(t)
	poolKey := withPoolKey(t, h)
	h.inFlight(3, hash1)

	other := signedAt(t, crypto.Keccak256([]byte("someone else")), 7)
	alt := signedAt(t, poolKey, 7)
	nonce7UsedIn84(h, other, alt)
	h.l1.set(func(f *fakeL1) {
		f.receipts[alt.Hash()] = &gethtypes.Receipt{TxHash: alt.Hash(), BlockNumber: big.NewInt(84), Status: gethtypes.ReceiptStatusSuccessful}
	})
	r := h.pollOK(t)
	require.NotNil(t, r.Receipt)
	require.Equal(t, alt.Hash().Bytes(), r.Receipt.TxHash)
	require.EqualValues(t, 84, r.Receipt.L1Block)
	require.False(t, r.Receipt.Reverted)
	v, rr, s := alt.RawSignatureValues()
	require.Equal(t, rr.FillBytes(make([]byte, 32)), r.Receipt.Signature[:32])
	require.Equal(t, s.FillBytes(make([]byte, 32)), r.Receipt.Signature[32:64])
	require.Equal(t, byte(v.Uint64()), r.Receipt.Signature[64])

	searched := len(h.l1.nonceBlocks)
	r = h.pollOK(t)
	require.Equal(t, alt.Hash().Bytes(), r.Receipt.TxHash)
	require.Equal(t, searched+1, len(h.l1.nonceBlocks), "the next poll reads the nonce at the head once, no search")
}

// No search while the confirmed nonce has not passed the transaction's; a block
// without the pool's transaction at the nonce reports nothing (and is logged).
func TestL1AlternateNotReportedWithoutProof(t *testing.T) {
	h := newHarness(t)
	h.inFlight(3, hash1) // nonce 7; the pool's nonce at 88 is 7
	r := h.pollOK(t)
	require.Nil(t, r.Receipt)
	require.Equal(t, []uint64{88}, h.l1.nonceBlocks, "no search while the nonce is unused")

	other := signedAt(t, crypto.Keccak256([]byte("someone else")), 7)
	nonce7UsedIn84(h, other)
	r = h.pollOK(t)
	require.NotNil(t, r, "the rest of the snapshot still counts")
	require.EqualValues(t, 8, r.PoolNonce)
	require.Nil(t, r.Receipt, "another sender's transaction at the nonce is not the pool's")
}

// On a pruned L1 node (state of recent blocks only) the search still finds the
// alternate: the polls saw the nonce unused at 88, so it reads state above 88 only,
// not from the transaction's old l1_height.
func TestL1AlternateSearchReadsRecentStateOnly(t *testing.T) {
	h := newHarness(t)
	poolKey := withPoolKey(t, h)
	h.l1.set(func(f *fakeL1) { f.prunedBelow = 80 })
	h.inFlight(3, hash1)
	h.chain.inFlight.L1Height = 1 // taken long ago
	require.Nil(t, h.pollOK(t).Receipt, "nonce 7 unused at 88")

	alt := signedAt(t, poolKey, 7)
	h.l1.set(func(f *fakeL1) {
		f.head = 107 // confirmed 95
		f.nonceFn = func(b uint64) uint64 {
			if b >= 90 {
				return 8
			}
			return 7
		}
		f.blocks = map[uint64]*gethtypes.Block{90: gethtypes.NewBlockWithHeader(&gethtypes.Header{Number: big.NewInt(90)}).
			WithBody(gethtypes.Body{Transactions: []*gethtypes.Transaction{alt}})}
		f.receipts[alt.Hash()] = &gethtypes.Receipt{TxHash: alt.Hash(), BlockNumber: big.NewInt(90), Status: gethtypes.ReceiptStatusSuccessful}
	})
	r := h.pollOK(t)
	require.NotNil(t, r.Receipt)
	require.Equal(t, alt.Hash().Bytes(), r.Receipt.TxHash)
	for _, b := range h.l1.nonceBlocks {
		require.GreaterOrEqual(t, b, uint64(88), "no state read below what the polls saw")
	}
}

// A node restarted after the nonce moved never saw it unused, and its pruned L1 node
// has no state for the old heights the nonce search needs: it scans block bodies
// instead, from the confirmed height down, at most maxBodiesPerPoll per poll, and
// finds the transaction over a few polls.
func TestL1AlternateScansBodiesWhenStateIsPruned(t *testing.T) {
	h := newHarness(t)
	poolKey := withPoolKey(t, h)
	h.inFlight(3, hash1)
	h.chain.inFlight.L1Height = 1 // taken long ago; no poll saw the nonce unused
	alt := signedAt(t, poolKey, 7)
	other := signedAt(t, crypto.Keccak256([]byte("someone else")), 7)
	h.l1.set(func(f *fakeL1) {
		f.prunedBelow = 100
		f.head = 212 // confirmed 200
		f.nonceFn = func(b uint64) uint64 {
			if b >= 90 {
				return 8
			}
			return 7
		}
		f.blocks = map[uint64]*gethtypes.Block{}
		for b := uint64(1); b <= 212; b++ {
			var txs []*gethtypes.Transaction
			switch b {
			case 90:
				txs = []*gethtypes.Transaction{alt}
			case 150:
				txs = []*gethtypes.Transaction{other} // another sender's at the nonce: not it
			}
			f.blocks[b] = gethtypes.NewBlockWithHeader(&gethtypes.Header{Number: new(big.Int).SetUint64(b)}).WithBody(gethtypes.Body{Transactions: txs})
		}
		f.receipts[alt.Hash()] = &gethtypes.Receipt{TxHash: alt.Hash(), BlockNumber: big.NewInt(90), Status: gethtypes.ReceiptStatusSuccessful}
	})
	var r *types.L1Report
	polls := 0
	for r == nil || r.Receipt == nil {
		polls++
		require.LessOrEqual(t, polls, 3, "found within (200-90)/64+1 polls")
		before := len(h.l1.bodyReads)
		r = h.pollOK(t)
		require.LessOrEqual(t, len(h.l1.bodyReads)-before, maxBodiesPerPoll, "a poll reads at most maxBodiesPerPoll bodies")
	}
	require.Equal(t, 2, polls)
	require.Equal(t, alt.Hash().Bytes(), r.Receipt.TxHash)
	require.EqualValues(t, 90, r.Receipt.L1Block)
	for _, b := range h.l1.bodyReads {
		require.GreaterOrEqual(t, b, uint64(90), "scanned from the top down, stopped at the find")
	}
}
