package abcinet_test

import (
	"math/big"
	"testing"
	"time"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/networks/l2sim"
	"github.com/themis-network/themis/testutil/abcinet"
	epochtypes "github.com/themis-network/themis/x/epoch/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// sealedL2Block is L2 block height sealed by validator v's key as sequencer
// producerID of the simulators' L2 chain, with a state root of its own.
func sealedL2Block(t *testing.T, v *abcinet.Validator, producerID, epochID, height uint64) []byte {
	t.Helper()
	key, err := crypto.ToECDSA(v.Key.Priv.Bytes())
	require.NoError(t, err)
	h := &ethtypes.Header{
		ParentHash: common.Hash{1}, Coinbase: crypto.PubkeyToAddress(key.PublicKey), Root: common.Hash{0xba, 0xd},
		TxHash: common.Hash{2}, Number: new(big.Int).SetUint64(height), Time: 1_700_000_000 + height,
		Difficulty: new(big.Int), UncleHash: ethtypes.EmptyUncleHash, ReceiptHash: ethtypes.EmptyReceiptsHash, GasLimit: 30_000_000,
	}
	require.NoError(t, epochtypes.SealL2Header(h, producerID, epochID, l2sim.DefaultChainID, key))
	bz, err := rlp.EncodeToBytes(h)
	require.NoError(t, err)
	return bz
}

// TestWrongStateRootThroughVoteExtensions runs the wrong-state-root evidence through
// the real ABCI++ path on 4 in-process apps, with no transaction from anyone: the
// producer seals an L2 block with a wrong state root, the L2 nodes of the 3 other
// validators refuse it, and their watchers hand it to their vote extensions. PreBlock
// tallies 3/4 of power > 2/3: x/epoch records the offence, x/slashing judges it
// critical in the same block (1/4 slashed, owner and signer banned), and the next
// block re-elects the producer by removal. The stall the refused block causes is not
// charged. Every app computes the same state (NextBlock fails on any divergence).
func TestWrongStateRootThroughVoteExtensions(t *testing.T) {
	params := epochtypes.DefaultParams()
	params.EpochLength = 10
	params.LeadTime = 3
	params.StallThreshold = 5 * time.Second
	params.ReadinessWindow = 5 * time.Second
	params.HeadTolerance = 2
	params.L2ChainId = l2sim.DefaultChainID
	net := abcinet.New(t, abcinet.Options{Validators: 4, Stake: 50_000, L2: true, Epoch: &params})
	a := net.Validators[0].App
	l2 := uint64(0)
	produce := func() {
		l2++
		for _, v := range net.Validators {
			v.L2.Set(l2)
		}
	}
	for _, v := range net.Validators {
		v.L2.Set(0)
	}
	for range 3 {
		require.True(t, net.NextBlock().Accepted)
	}
	for range 3 {
		produce()
		require.True(t, net.NextBlock().Accepted)
	}
	require.True(t, net.NextBlock().Accepted) // the last head is applied
	c := a.NewUncachedContext(false, cmtproto.Header{})
	p, err := a.EpochKeeper.Progress.Get(c)
	require.NoError(t, err)
	require.Equal(t, l2, p.Height)
	cur, ok, err := a.EpochKeeper.EpochAt(c, l2+1)
	require.NoError(t, err)
	require.True(t, ok)
	producer := net.Validators[cur.ProducerId-1]
	lock := func() sequencertypes.Sequencer {
		s, err := a.SequencerKeeper.GetSequencer(a.NewUncachedContext(false, cmtproto.Header{}), cur.ProducerId)
		require.NoError(t, err)
		return s
	}().Locked

	// The producer's block l2+1 has a wrong state root: the others refuse it (their
	// heads stay at l2) and their watchers cache it.
	wrongAt := l2 + 1
	bad := sealedL2Block(t, producer, cur.ProducerId, cur.Id, wrongAt)
	for _, v := range net.Validators {
		if v != producer {
			v.L2.SetRejected(bad)
		}
	}
	var convicted bool
	for range 3 {
		res := net.NextBlock()
		require.True(t, res.Accepted)
		require.LessOrEqual(t, len(res.Txs), 1, "the injected commit only: no transaction from anyone")
		c = a.NewUncachedContext(false, cmtproto.Header{})
		if o, err := a.EpochKeeper.Offences.Get(c, 1); err == nil {
			require.Equal(t, epochtypes.OffenceKind_OFFENCE_KIND_WRONG_STATE_ROOT, o.Kind)
			require.Equal(t, cur.ProducerId, o.SequencerId)
			require.Equal(t, cur.Id, o.EpochId)
			require.Equal(t, wrongAt, o.L2Height)
			require.Equal(t, crypto.Keccak256(bad), o.HeaderHash)
			require.True(t, o.Handled, "judged by x/slashing in the same block")
			convicted = true
			break
		}
	}
	require.True(t, convicted, "no conviction within 3 blocks")
	judged, err := a.SlashingKeeper.Offences.Get(c, 1)
	require.NoError(t, err)
	require.Equal(t, slashingtypes.OFFENCE_CLASS_WRONG_STATE_ROOT, judged.Class)
	require.Equal(t, slashingtypes.SEVERITY_CRITICAL, judged.Severity)
	require.Equal(t, "epoch-offence/1", judged.EvidenceRef)
	require.Equal(t, lock.QuoRaw(4), judged.Slashed)
	require.True(t, judged.Banned)
	s, err := a.SequencerKeeper.GetSequencer(c, cur.ProducerId)
	require.NoError(t, err)
	require.Equal(t, sequencertypes.SEQUENCER_STATUS_BANNED, s.Status)

	// Next block: the banned producer is replaced from the agreed head + 1.
	require.True(t, net.NextBlock().Accepted)
	c = a.NewUncachedContext(false, cmtproto.Header{})
	re, ok, err := a.EpochKeeper.EpochAt(c, wrongAt)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, epochtypes.RotationReason_ROTATION_REASON_REMOVAL, re.Reason)
	require.Equal(t, cur.ProducerId, re.ReplacedProducerId)
	require.Equal(t, wrongAt, re.StartHeight)

	// The new producer goes on; well past the stall threshold nothing else is charged.
	for _, v := range net.Validators {
		v.L2.SetRejected()
	}
	for range 8 {
		produce()
		require.True(t, net.NextBlock().Accepted)
	}
	c = a.NewUncachedContext(false, cmtproto.Header{})
	var epochOffences, judgedOffences int
	require.NoError(t, a.EpochKeeper.Offences.Walk(c, nil, func(_ uint64, o epochtypes.Offence) (bool, error) {
		epochOffences++
		return false, nil
	}))
	require.NoError(t, a.SlashingKeeper.Offences.Walk(c, nil, func(_ uint64, o slashingtypes.Offence) (bool, error) {
		judgedOffences++
		require.NotEqual(t, slashingtypes.SEVERITY_MEDIUM, o.Severity, "no medium for the stall")
		return false, nil
	}))
	require.Equal(t, 1, epochOffences)
	require.Equal(t, 1, judgedOffences)
	p, err = a.EpochKeeper.Progress.Get(c)
	require.NoError(t, err)
	require.Greater(t, p.Height, wrongAt, "the L2 goes on under the new producer")
}
