package keeper_test

import (
	"crypto/ecdsa"
	"crypto/rand"
	"math/big"
	"testing"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	epochtypes "github.com/themis-network/themis/x/epoch/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

const testL2Chain = 59902

// The schedule of the equivocation tests: epoch 7 has sequencer 2 produce L2 heights
// 100..199, epoch 8 sequencer 3 heights 200..299; nothing covers 300 on.
func newL2Chain(t testing.TB) *chain {
	c := newChain(t)
	c.setL2ChainID(testL2Chain)
	c.scheduleEpoch(7, 100, 199, 2)
	c.scheduleEpoch(8, 200, 299, 3)
	return c
}

func (c *chain) setL2ChainID(id uint64) { c.epochs.l2ChainID = id }

// scheduleEpoch puts an epoch in the fake x/epoch's live schedule, with the producer's
// signer as x/epoch records it when it decides the epoch.
func (c *chain) scheduleEpoch(id, start, end, producer uint64) {
	c.epochs.schedule = append(c.epochs.schedule, epochtypes.Epoch{
		Id: id, StartHeight: start, EndHeight: end, PlannedEndHeight: end, ProducerId: producer, Signer: c.Seq(producer).Signer,
	})
}

// key is the private signer key of sequencer id.
func (c *chain) key(id uint64) *ecdsa.PrivateKey {
	return c.SignerPrivKey(c.Seq(id).PubKey)
}

// l2Header is an unsealed Cancun-era L2 header at height n; variant tells blocks of
// one height apart (it is the state root's last byte).
func l2Header(n uint64, variant byte, coinbase common.Address) *ethtypes.Header {
	zero := uint64(0)
	withdrawals, beacon := ethtypes.EmptyWithdrawalsHash, common.HexToHash("0xbeac")
	return &ethtypes.Header{
		ParentHash: common.BigToHash(new(big.Int).SetUint64(n - 1)), UncleHash: ethtypes.EmptyUncleHash, Coinbase: coinbase,
		Root: common.Hash{31: variant}, TxHash: ethtypes.EmptyTxsHash, ReceiptHash: ethtypes.EmptyReceiptsHash,
		Difficulty: big.NewInt(0), Number: new(big.Int).SetUint64(n), GasLimit: 30_000_000, Time: 1_700_000_000 + n,
		BaseFee: big.NewInt(1_000_000_000), WithdrawalsHash: &withdrawals, BlobGasUsed: &zero, ExcessBlobGas: &zero,
		ParentBeaconRoot: &beacon,
	}
}

// sealed is the header of height n (variant) sealed with key as producer, for chain,
// for the epoch of that producer the test's schedule planned over n (0 if none).
func sealed(t testing.TB, n uint64, variant byte, producer, chain uint64, key *ecdsa.PrivateKey) *ethtypes.Header {
	t.Helper()
	h := l2Header(n, variant, crypto.PubkeyToAddress(key.PublicKey))
	require.NoError(t, epochtypes.SealL2Header(h, producer, plannedEpoch(n, producer), chain, key))
	return h
}

// testSchedule is the schedule of the chain the running test built (tests here do not
// run in parallel), for sealed.
var testSchedule *[]epochtypes.Epoch

// plannedEpoch is the test schedule's epoch of producer planned over L2 height n.
func plannedEpoch(n, producer uint64) uint64 {
	if testSchedule == nil {
		return 0
	}
	for i := len(*testSchedule) - 1; i >= 0; i-- { // the newest epoch first
		e := (*testSchedule)[i]
		end := max(e.EndHeight, e.PlannedEndHeight)
		if e.ProducerId == producer && e.StartHeight <= n && n <= end {
			return e.Id
		}
	}
	return 0
}

func encode(t testing.TB, h *ethtypes.Header) []byte {
	t.Helper()
	bz, err := rlp.EncodeToBytes(h)
	require.NoError(t, err)
	return bz
}

// sealedRLP is sealed, RLP-encoded.
func sealedRLP(t testing.TB, n uint64, variant byte, producer, chain uint64, key *ecdsa.PrivateKey) []byte {
	t.Helper()
	return encode(t, sealed(t, n, variant, producer, chain, key))
}

// malleate is h with its signature's other valid form (s -> N-s, v flipped): the same
// signer, a high s, and another block hash.
func malleate(h *ethtypes.Header) *ethtypes.Header {
	m := ethtypes.CopyHeader(h)
	sig := m.Extra[epochtypes.L2VanityLen:]
	s := new(big.Int).Sub(crypto.S256().Params().N, new(big.Int).SetBytes(sig[32:64]))
	s.FillBytes(sig[32:64])
	sig[64] ^= 1
	return m
}

// resign is h signed again with a random nonce (as a signer without RFC 6979, a KMS,
// would): another valid, canonical signature of the same block.
func resign(t testing.TB, h *ethtypes.Header, key *ecdsa.PrivateKey) *ethtypes.Header {
	t.Helper()
	out := ethtypes.CopyHeader(h)
	out.Extra = out.Extra[:epochtypes.L2VanityLen]
	hash, err := epochtypes.L2SealHash(out)
	require.NoError(t, err)
	n := crypto.S256().Params().N
	r, s, err := ecdsa.Sign(rand.Reader, key, hash[:])
	require.NoError(t, err)
	if s.Cmp(new(big.Int).Rsh(n, 1)) > 0 {
		s.Sub(n, s)
	}
	sig := make([]byte, 65)
	r.FillBytes(sig[:32])
	s.FillBytes(sig[32:64])
	for v := byte(0); v < 2; v++ {
		sig[64] = v
		if pub, err := crypto.SigToPub(hash[:], sig); err == nil && crypto.PubkeyToAddress(*pub) == h.Coinbase {
			out.Extra = append(out.Extra, sig...)
			require.NotEqual(t, h.Extra, out.Extra)
			return out
		}
	}
	require.FailNow(t, "no recovery id recovers the signer")
	return nil
}

func (c *chain) submitter() string { return sdk.AccAddress(make([]byte, 20)).String() }

func (c *chain) submit(a, b []byte) (*types.MsgSubmitL2EquivocationResponse, error) {
	return c.msg.SubmitL2Equivocation(c.Ctx, &types.MsgSubmitL2Equivocation{Submitter: c.submitter(), HeaderA: a, HeaderB: b})
}

// A valid equivocation: the producer scheduled for L2 height 150 sealed two different
// blocks at it. Anyone's transaction judges it critical in the same block: a quarter of
// the whole lock (odd units included) queued as an L1 slash with its escrow, the stake
// the chain sees lowered at once, owner and signer banned, out of the validator set two
// blocks later, and (producer, epoch) recorded.
func TestL2Equivocation_ValidIsCriticalBansAndSlashesAQuarter(t *testing.T) {
	c := newL2Chain(t)
	c.FreshEvents()
	key := c.key(2)
	a, b := sealed(t, 150, 1, 2, testL2Chain, key), sealed(t, 150, 2, 2, testL2Chain, key)
	resp, err := c.submit(encode(t, a), encode(t, b))
	require.NoError(t, err)
	require.Equal(t, uint64(1), resp.OffenceId)

	lock := sequencertest.Tokens(40_000).AddRaw(7)
	slashed := lock.QuoRaw(4)
	o := c.offence(resp.OffenceId)
	require.Equal(t, types.OFFENCE_CLASS_L2_EQUIVOCATION, o.Class)
	require.Equal(t, types.SEVERITY_CRITICAL, o.Severity)
	require.Equal(t, uint64(2), o.SequencerId)
	require.Equal(t, "l2-equivocation/2/150", o.EvidenceRef)
	require.Contains(t, o.Evidence, "height 150")
	require.Contains(t, o.Evidence, a.Hash().Hex())
	require.Contains(t, o.Evidence, b.Hash().Hex())
	require.Equal(t, lock, o.StakeBefore)
	require.Equal(t, slashed, o.Slashed)
	require.Equal(t, lock, o.Slashed.Add(o.Remaining))
	require.True(t, o.Banned)
	require.True(t, o.Removed)
	require.False(t, o.Jailed)
	require.Zero(t, o.MediumStrikes, "a critical offence is no medium strike")

	s := c.Seq(2)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_BANNED, s.Status)
	require.Equal(t, slashed, s.UnconfirmedSlash)
	for _, addr := range []string{s.Owner, s.Signer} {
		banned, err := c.K.Banned.Has(c.Ctx, addr)
		require.NoError(t, err)
		require.True(t, banned, addr)
	}
	require.Zero(t, c.power(2))
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(3).Status, "nobody else is touched")

	act := c.action(o.L1ActionId)
	require.Equal(t, types.L1_ACTION_KIND_SLASH, act.Kind)
	require.Equal(t, types.L1_ACTION_STATUS_QUEUED, act.Status)
	require.Equal(t, &types.SlashAction{SequencerId: 2, Amount: slashed, Severity: types.SEVERITY_CRITICAL, OffenceId: types.L1OffenceID(c.Ctx.ChainID(), 1)}, act.Slash)
	e := c.escrow(1, 2)
	require.Equal(t, types.ESCROW_STATUS_PENDING_L1, e.Status)
	require.Equal(t, slashed, e.Amount)

	judged, err := c.k.Equivocations.Has(c.Ctx, collections.Join(uint64(2), uint64(7))) // (producer, epoch)
	require.NoError(t, err)
	require.True(t, judged)
	require.Len(t, sequencertest.TypedEvents[*types.EventOffenceJudged](t, c.Ctx), 1)

	c.endBlock()
	h := c.Ctx.BlockHeight()
	set, err := c.K.RecordedSetAt(c.Ctx, h+2)
	require.NoError(t, err)
	require.False(t, inSet(set, 2), "banned: out of the validator set at H+2")
	require.True(t, inSet(set, 3))

	// L1 confirms the critical slash: the action and escrow settle as for any offence.
	c.confirm(1, slashed, 77)
	require.Equal(t, types.L1_ACTION_STATUS_CONFIRMED, c.action(o.L1ActionId).Status)
	require.Equal(t, types.ESCROW_STATUS_HELD, c.escrow(1, 2).Status)
}

// Every refusal has its own registered error and leaves the state as it was.
func TestL2Equivocation_Refusals(t *testing.T) {
	for _, tc := range []struct {
		name string
		// evidence builds the two headers (and may change the chain first).
		evidence  func(t *testing.T, c *chain) (a, b []byte)
		submitter string
		want      error
		contains  string
	}{
		{name: "l2_chain_id unset", want: types.ErrNoL2ChainID, contains: "no L2 chain id configured",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				c.setL2ChainID(0)
				k := c.key(2)
				return sealedRLP(t, 150, 1, 2, testL2Chain, k), sealedRLP(t, 150, 2, 2, testL2Chain, k)
			}},
		{name: "submitter not an address", submitter: "themis1nope", want: types.ErrInvalidAddress,
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				return sealedRLP(t, 150, 1, 2, testL2Chain, k), sealedRLP(t, 150, 2, 2, testL2Chain, k)
			}},
		{name: "empty header", want: types.ErrInvalidL2Header, contains: "header_b is empty",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				return sealedRLP(t, 150, 1, 2, testL2Chain, c.key(2)), nil
			}},
		{name: "same header twice", want: types.ErrSameL2Block,
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				a := sealedRLP(t, 150, 1, 2, testL2Chain, c.key(2))
				return a, append([]byte(nil), a...)
			}},
		{name: "one block signed twice (a second valid signature)", want: types.ErrSameL2Block, contains: "differ only in their signatures",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				a := sealed(t, 150, 1, 2, testL2Chain, k)
				return encode(t, a), encode(t, resign(t, a, k))
			}},
		{name: "different heights", want: types.ErrL2HeightMismatch, contains: "header_a is of L2 height 150, header_b of 151",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				return sealedRLP(t, 150, 1, 2, testL2Chain, k), sealedRLP(t, 151, 2, 2, testL2Chain, k)
			}},
		{name: "bad RLP", want: types.ErrInvalidL2Header, contains: "header_a",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				return []byte{0xde, 0xad, 0xbe, 0xef}, sealedRLP(t, 150, 2, 2, testL2Chain, c.key(2))
			}},
		{name: "an RLP string, not a header", want: types.ErrInvalidL2Header,
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				s, err := rlp.EncodeToBytes("a block, honestly")
				require.NoError(t, err)
				return sealedRLP(t, 150, 1, 2, testL2Chain, c.key(2)), s
			}},
		{name: "non-canonical RLP (a length with a leading zero)", want: types.ErrInvalidL2Header, contains: "header_b",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				b := sealedRLP(t, 150, 2, 2, testL2Chain, k)
				require.Equal(t, byte(0xf9), b[0], "a list with a 2-byte length")
				return sealedRLP(t, 150, 1, 2, testL2Chain, k), append([]byte{0xfa, 0x00}, b[1:]...)
			}},
		{name: "oversized header", want: types.ErrL2HeaderTooLarge, contains: "at most 8192",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				big := sealed(t, 150, 2, 2, testL2Chain, k)
				big.Extra = append(big.Extra, make([]byte, types.MaxL2HeaderBytes)...)
				return sealedRLP(t, 150, 1, 2, testL2Chain, k), encode(t, big)
			}},
		{name: "trailing bytes", want: types.ErrL2HeaderTrailingBytes, contains: "header_a",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				return append(sealedRLP(t, 150, 1, 2, testL2Chain, k), 0x80), sealedRLP(t, 150, 2, 2, testL2Chain, k)
			}},
		{name: "two headers in one", want: types.ErrL2HeaderTrailingBytes,
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				a, b := sealedRLP(t, 150, 1, 2, testL2Chain, k), sealedRLP(t, 150, 2, 2, testL2Chain, k)
				return append(append([]byte(nil), a...), b...), b
			}},
		{name: "height beyond 64 bits", want: types.ErrInvalidL2Header, contains: "does not fit in 64 bits",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				h := l2Header(150, 1, crypto.PubkeyToAddress(k.PublicKey))
				h.Number = new(big.Int).Lsh(big.NewInt(1), 64)
				require.NoError(t, epochtypes.SealL2Header(h, 2, 7, testL2Chain, k))
				return encode(t, h), encode(t, h)
			}},
		{name: "unsealed header (no extraData)", want: types.ErrInvalidL2Seal, contains: "header_b: extraData is 0 bytes",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				return sealedRLP(t, 150, 1, 2, testL2Chain, k), encode(t, l2Header(150, 2, crypto.PubkeyToAddress(k.PublicKey)))
			}},
		{name: "malleated high-s signature of the same block", want: types.ErrInvalidL2Seal, contains: "out of range",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				a := sealed(t, 150, 1, 2, testL2Chain, c.key(2))
				require.NotEqual(t, a.Hash(), malleate(a).Hash(), "another block hash")
				return encode(t, a), encode(t, malleate(a))
			}},
		{name: "malleated high-s signature of a different block", want: types.ErrInvalidL2Seal, contains: "header_a",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				return encode(t, malleate(sealed(t, 150, 1, 2, testL2Chain, k))), sealedRLP(t, 150, 2, 2, testL2Chain, k)
			}},
		{name: "signature of another coinbase", want: types.ErrInvalidL2Seal, contains: "the coinbase is",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				b := sealed(t, 150, 2, 2, testL2Chain, k)
				b.Coinbase = crypto.PubkeyToAddress(c.key(3).PublicKey)
				return sealedRLP(t, 150, 1, 2, testL2Chain, k), encode(t, b)
			}},
		{name: "seals for another chain id", want: types.ErrL2ChainMismatch, contains: "sealed for L2 chain 1, this chain's L2 is 59902",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				return sealedRLP(t, 150, 1, 2, 1, k), sealedRLP(t, 150, 2, 2, 1, k)
			}},
		{name: "one seal for another chain id (a staging network with the same key)", want: types.ErrL2ChainMismatch, contains: "header_b",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				return sealedRLP(t, 150, 1, 2, testL2Chain, k), sealedRLP(t, 150, 2, 2, testL2Chain+1, k)
			}},
		{name: "seals name different producers", want: types.ErrL2ProducerMismatch, contains: "producer 2, header_b by 3",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				return sealedRLP(t, 150, 1, 2, testL2Chain, c.key(2)), sealedRLP(t, 150, 2, 3, testL2Chain, c.key(3))
			}},
		{name: "valid seals by another sequencer for the height", want: types.ErrNotScheduledProducer,
			contains: "epoch 7's, produced by sequencer 2; the seals name 3",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(3)
				return sealedRLP(t, 150, 1, 3, testL2Chain, k), sealedRLP(t, 150, 2, 3, testL2Chain, k)
			}},
		{name: "the producer's key naming another producer id", want: types.ErrNotScheduledProducer,
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				return sealedRLP(t, 150, 1, 3, testL2Chain, k), sealedRLP(t, 150, 2, 3, testL2Chain, k)
			}},
		{name: "a non-producer key naming the scheduled producer", want: types.ErrNotScheduledSigner, contains: "header_a is signed by",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(3)
				return sealedRLP(t, 150, 1, 2, testL2Chain, k), sealedRLP(t, 150, 2, 2, testL2Chain, k)
			}},
		{name: "framing: one real block, one forged by another sequencer's key", want: types.ErrNotScheduledSigner, contains: "header_b is signed by",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				return sealedRLP(t, 150, 1, 2, testL2Chain, c.key(2)), sealedRLP(t, 150, 2, 2, testL2Chain, c.key(3))
			}},
		{name: "framing: a key of nobody's", want: types.ErrNotScheduledSigner,
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k, _ := sequencertest.RandomSignerKey(t)
				return sealedRLP(t, 150, 1, 2, testL2Chain, k), sealedRLP(t, 150, 2, 2, testL2Chain, k)
			}},
		{name: "the producer's key at a height of another producer's epoch", want: types.ErrNotScheduledSigner,
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				return sealedRLP(t, 250, 1, 3, testL2Chain, k), sealedRLP(t, 250, 2, 3, testL2Chain, k)
			}},
		{name: "no epoch covers the height", want: types.ErrNoL2Epoch, contains: "L2 height 300",
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				return sealedRLP(t, 300, 1, 2, testL2Chain, k), sealedRLP(t, 300, 2, 2, testL2Chain, k)
			}},
		{name: "no epoch before the first", want: types.ErrNoL2Epoch,
			evidence: func(t *testing.T, c *chain) ([]byte, []byte) {
				k := c.key(2)
				return sealedRLP(t, 99, 1, 2, testL2Chain, k), sealedRLP(t, 99, 2, 2, testL2Chain, k)
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newL2Chain(t)
			a, b := tc.evidence(t, c)
			sub := tc.submitter
			if sub == "" {
				sub = c.submitter()
			}
			_, err := c.msg.SubmitL2Equivocation(c.Ctx, &types.MsgSubmitL2Equivocation{Submitter: sub, HeaderA: a, HeaderB: b})
			require.ErrorIs(t, err, tc.want)
			if tc.contains != "" {
				require.ErrorContains(t, err, tc.contains)
			}
			all, err := c.query.Offences(c.Ctx, &types.QueryOffencesRequest{})
			require.NoError(t, err)
			require.Empty(t, all.Offences)
			for _, id := range []uint64{2, 3} {
				require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(id).Status)
			}
			it, err := c.k.Equivocations.Iterate(c.Ctx, nil)
			require.NoError(t, err)
			defer it.Close()
			require.False(t, it.Valid(), "nothing recorded")
		})
	}
}

// One charge per producer and epoch: the same pair again, swapped, a third header for
// the height paired with either, and another height of the same epoch are all refused
// as already judged (critical banned the producer at the first). Another epoch of the
// same producer is another offence.
func TestL2Equivocation_JudgedOncePerProducerAndEpoch(t *testing.T) {
	c := newL2Chain(t)
	c.scheduleEpoch(10, 300, 399, 2)
	k := c.key(2)
	a, b, third := sealedRLP(t, 150, 1, 2, testL2Chain, k), sealedRLP(t, 150, 2, 2, testL2Chain, k), sealedRLP(t, 150, 3, 2, testL2Chain, k)
	_, err := c.submit(a, b)
	require.NoError(t, err)
	stake := sequencertypes.ChainStake(c.Seq(2))

	for name, pair := range map[string][2][]byte{
		"the same pair": {a, b}, "swapped": {b, a}, "a third header with a": {a, third}, "a third header with b": {third, b},
		"another height of the epoch": {sealedRLP(t, 151, 1, 2, testL2Chain, k), sealedRLP(t, 151, 2, 2, testL2Chain, k)},
	} {
		_, err := c.submit(pair[0], pair[1])
		require.ErrorIs(t, err, types.ErrAlreadyJudged, name)
		require.ErrorContains(t, err, "sequencer 2's equivocation in epoch 7", name)
	}
	require.Equal(t, stake, sequencertypes.ChainStake(c.Seq(2)), "charged once")

	resp, err := c.submit(sealedRLP(t, 301, 1, 2, testL2Chain, k), sealedRLP(t, 301, 2, 2, testL2Chain, k))
	require.NoError(t, err, "another epoch is another offence")
	require.Equal(t, uint64(2), resp.OffenceId)
	require.Equal(t, "l2-equivocation/2/301", c.offence(2).EvidenceRef)
}

// The live schedule decides: when a re-election cut sequencer 2's epoch at 150 and
// sequencer 3 produces from there, 2's blocks at 160 were never the chain's (no
// equivocation of 2's), 3's are, and 2's before the cut still are.
func TestL2Equivocation_UsesTheLiveScheduleAfterACut(t *testing.T) {
	c := newChain(t)
	c.setL2ChainID(testL2Chain)
	c.scheduleEpoch(7, 100, 149, 2) // planned to 199, cut at 150
	c.epochs.schedule[0].PlannedEndHeight = 199
	c.scheduleEpoch(9, 150, 249, 3) // the re-election
	k2, k3 := c.key(2), c.key(3)

	_, err := c.submit(sealedRLP(t, 160, 1, 2, testL2Chain, k2), sealedRLP(t, 160, 2, 2, testL2Chain, k2))
	require.ErrorIs(t, err, types.ErrNotScheduledProducer)
	require.ErrorContains(t, err, "epoch 9's, produced by sequencer 3")

	resp, err := c.submit(sealedRLP(t, 160, 1, 3, testL2Chain, k3), sealedRLP(t, 160, 2, 3, testL2Chain, k3))
	require.NoError(t, err)
	require.Equal(t, uint64(3), c.offence(resp.OffenceId).SequencerId)

	resp, err = c.submit(sealedRLP(t, 149, 1, 2, testL2Chain, k2), sealedRLP(t, 149, 2, 2, testL2Chain, k2))
	require.NoError(t, err)
	require.Equal(t, uint64(2), c.offence(resp.OffenceId).SequencerId)
	require.Contains(t, c.offence(resp.OffenceId).Evidence, "epoch 7")
}

// The signer that counts is the epoch's: after the producer changed its signer on L1,
// the old key's seals of the epoch's heights are its equivocation; the new key's were
// never the schedule's.
func TestL2Equivocation_TheEpochsSignerCounts(t *testing.T) {
	c := newL2Chain(t)
	old := c.key(2)
	s := c.Seq(2)
	pub, newKey := c.NewKey()
	c.Apply(c.SignerChangeMsg(2, s.L1Nonce+1, pub))
	require.Equal(t, newKey.L1Address(), c.Seq(2).Signer)
	require.NotEqual(t, c.Seq(2).Signer, c.epochs.schedule[0].Signer)
	fresh := c.SignerPrivKey(pub)

	_, err := c.submit(sealedRLP(t, 150, 1, 2, testL2Chain, fresh), sealedRLP(t, 150, 2, 2, testL2Chain, fresh))
	require.ErrorIs(t, err, types.ErrNotScheduledSigner)

	resp, err := c.submit(sealedRLP(t, 150, 1, 2, testL2Chain, old), sealedRLP(t, 150, 2, 2, testL2Chain, old))
	require.NoError(t, err)
	require.True(t, c.offence(resp.OffenceId).Banned)
}

// Arbitrary bytes never panic the handler; whatever it accepts is two strictly decoded
// headers of one height with different hashes, and an offence of the scheduled producer.
func FuzzSubmitL2Equivocation(f *testing.F) {
	c := newL2Chain(f)
	k2, k3 := c.key(2), c.key(3)
	a := sealedRLP(f, 150, 1, 2, testL2Chain, k2)
	f.Add(a, sealedRLP(f, 150, 2, 2, testL2Chain, k2))
	f.Add(a, a)
	f.Add(a, sealedRLP(f, 150, 2, 3, testL2Chain, k3))
	f.Add(sealedRLP(f, 250, 1, 3, testL2Chain, k3), sealedRLP(f, 250, 2, 3, testL2Chain, k3))
	f.Add(append(a, 0x80), a)
	f.Add([]byte{0xf9, 0xff, 0xff}, []byte{})
	f.Add([]byte{0xc0}, []byte{0xc1, 0x80})
	sub := c.submitter()
	f.Fuzz(func(t *testing.T, ha, hb []byte) {
		ctx, _ := c.Ctx.CacheContext()
		resp, err := c.msg.SubmitL2Equivocation(ctx, &types.MsgSubmitL2Equivocation{Submitter: sub, HeaderA: ha, HeaderB: hb})
		if err != nil {
			return
		}
		da, err := types.DecodeL2Header(ha)
		require.NoError(t, err)
		db, err := types.DecodeL2Header(hb)
		require.NoError(t, err)
		require.Equal(t, da.Number, db.Number)
		require.NotEqual(t, da.Hash(), db.Hash())
		o, err := c.k.Offences.Get(ctx, resp.OffenceId)
		require.NoError(t, err)
		producer := uint64(2) // the schedule: 2 produces 100..199, 3 produces 200..299
		if da.Number.Uint64() >= 200 {
			producer = 3
		}
		require.Equal(t, producer, o.SequencerId)
	})
}

// A producer drawn again over heights of its own cancelled epoch rebuilds them on the
// agreed head: its old block of such a height (sealed for the cancelled epoch) and its
// new one are no equivocation. The seal names its epoch; only two seals for the live
// epoch are.
func TestL2Equivocation_RedrawnOverItsOwnCancelledEpochIsNoEquivocation(t *testing.T) {
	c := newChain(t)
	c.setL2ChainID(testL2Chain)
	c.scheduleEpoch(7, 100, 195, 3)
	c.epochs.schedule[0].PlannedEndHeight = 199 // cut at 195 when 3 left the set
	c.scheduleEpoch(8, 200, 299, 2)
	c.epochs.schedule[1].Cancelled = true // 2's decided successor epoch, cancelled
	k := c.key(2)
	old := sealedRLP(t, 200, 1, 2, testL2Chain, k) // sealed for epoch 8
	c.epochs.schedule[1].EndHeight = 0             // the cancelled epoch covers nothing now
	c.scheduleEpoch(9, 196, 295, 2)                // 2 drawn again from 196
	fresh := sealedRLP(t, 200, 2, 2, testL2Chain, k)
	_, err := c.submit(old, fresh)
	require.ErrorIs(t, err, types.ErrL2EpochMismatch)
	require.ErrorContains(t, err, "header_a is sealed for epoch 8; L2 height 200 is epoch 9's")
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_ACTIVE, c.Seq(2).Status)
}
