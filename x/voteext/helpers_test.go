package voteext_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"sort"
	"sync"
	"testing"

	storetypes "cosmossdk.io/store/types"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/secp256k1"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/voteext"
	"github.com/themis-network/themis/x/voteext/types"
)

const (
	testChainID = "themis-test"
	testModule  = "sequencer"
	otherModule = "bridge"
)

// dg is the 32-byte digest of s.
func dg(s string) []byte {
	d := sha256.Sum256([]byte(s))
	return d[:]
}

// vd is a verdict on digest. The id is the test's name for the item (items names an
// item id by the digest dg('a'+id)); verdicts carry the digest alone.
func vd(module string, _ uint64, digest []byte, v types.Verdict) *types.SideTxVerdict {
	return &types.SideTxVerdict{Module: module, Digest: digest, Verdict: v}
}

// idOf inverts items' naming: the id whose digest is d, or 0.
func idOf(d []byte) uint64 {
	for id := uint64(1); id < 256; id++ {
		if bytes.Equal(d, dg(string(rune('a'+id)))) {
			return id
		}
	}
	return 0
}

func yes(module string, id uint64, digest []byte) *types.SideTxVerdict {
	return vd(module, id, digest, types.Verdict_VERDICT_YES)
}

func no(module string, id uint64, digest []byte) *types.SideTxVerdict {
	return vd(module, id, digest, types.Verdict_VERDICT_NO)
}

func ext(height int64, vs ...*types.SideTxVerdict) types.VoteExtension {
	return types.VoteExtension{Height: height, Verdicts: vs}
}

func mustEncode(t testing.TB, e types.VoteExtension) []byte {
	t.Helper()
	bz, err := voteext.EncodeVoteExtension(e)
	require.NoError(t, err)
	return bz
}

// addr makes a 20-byte address for tally tests that need no keys.
func addr(i int) []byte {
	a := make([]byte, 20)
	binary.BigEndian.PutUint64(a[12:], uint64(i)+1)
	return a
}

// plainSet is a validator set without keys, for the pure tally tests.
func plainSet(powers ...int64) voteext.ValidatorSet {
	var set voteext.ValidatorSet
	for i, p := range powers {
		set.Validators = append(set.Validators, voteext.Validator{ConsAddress: addr(i), Power: p})
		set.TotalPower += p
	}
	return set
}

// keyedValidator is a validator with a real CometBFT secp256k1 key.
type keyedValidator struct {
	priv  secp256k1.PrivKey
	addr  []byte
	power int64
}

// keyedSet makes validators with real keys, in CometBFT's order (power descending,
// then address ascending), and the chain's record of them.
func keyedSet(powers ...int64) ([]keyedValidator, voteext.ValidatorSet) {
	vals := make([]keyedValidator, len(powers))
	for i, p := range powers {
		priv := secp256k1.GenPrivKey()
		vals[i] = keyedValidator{priv: priv, addr: priv.PubKey().Address(), power: p}
	}
	sort.Slice(vals, func(i, j int) bool {
		if vals[i].power != vals[j].power {
			return vals[i].power > vals[j].power
		}
		return bytes.Compare(vals[i].addr, vals[j].addr) < 0
	})
	var set voteext.ValidatorSet
	for _, v := range vals {
		set.Validators = append(set.Validators, voteext.Validator{
			ConsAddress: v.addr,
			PubKey:      v.priv.PubKey().Bytes(),
			Power:       v.power,
		})
		set.TotalPower += v.power
	}
	return vals, set
}

// signedVote is the extended vote v cast for extHeight in round with extension bz,
// signed the way CometBFT's privval signs it (CometBFT's own sign-bytes function, not
// ours, so a mistake in ours cannot hide in the tests).
func signedVote(t testing.TB, v keyedValidator, extHeight int64, round int32, bz []byte) abci.ExtendedVoteInfo {
	t.Helper()
	msg := cmttypes.VoteExtensionSignBytes(testChainID, &cmtproto.Vote{
		Type:      cmtproto.PrecommitType,
		Height:    extHeight,
		Round:     round,
		Extension: bz,
	})
	sig, err := v.priv.Sign(msg)
	require.NoError(t, err)
	return abci.ExtendedVoteInfo{
		Validator:          abci.Validator{Address: v.addr, Power: v.power},
		VoteExtension:      bz,
		ExtensionSignature: sig,
		BlockIdFlag:        cmtproto.BlockIDFlagCommit,
	}
}

func absentVote(v keyedValidator) abci.ExtendedVoteInfo {
	return abci.ExtendedVoteInfo{
		Validator:   abci.Validator{Address: v.addr, Power: v.power},
		BlockIdFlag: cmtproto.BlockIDFlagAbsent,
	}
}

// lastCommitOf is what CometBFT reports as the block's last commit for ec.
func lastCommitOf(ec abci.ExtendedCommitInfo) abci.CommitInfo {
	ci := abci.CommitInfo{Round: ec.Round}
	for _, v := range ec.Votes {
		ci.Votes = append(ci.Votes, abci.VoteInfo{Validator: v.Validator, BlockIdFlag: v.BlockIdFlag})
	}
	return ci
}

func marshalCommit(t testing.TB, ec abci.ExtendedCommitInfo) []byte {
	t.Helper()
	bz, err := ec.Marshal()
	require.NoError(t, err)
	return bz
}

// fakeSets is an in-memory ValidatorSetProvider.
type fakeSets map[int64]voteext.ValidatorSet

func (f fakeSets) ValidatorSetAt(_ context.Context, h int64) (voteext.ValidatorSet, error) {
	s, ok := f[h]
	if !ok {
		return voteext.ValidatorSet{}, fmt.Errorf("no set at %d", h)
	}
	return s, nil
}

// kvQueue is a queue whose Resolve writes through ctx to a real KV store, so tests can
// see whether a failed Resolve left state behind.
type kvQueue struct {
	module   string
	key      storetypes.StoreKey
	items    []voteext.SideTx
	fail     map[string]error // by digest
	mu       sync.Mutex
	resolved []resolution
}

type resolution struct {
	digest  []byte
	outcome voteext.Outcome
}

func (q *kvQueue) Module() string { return q.module }

func (q *kvQueue) Pending(_ context.Context, limit int, _ voteext.VoteRound) ([]voteext.SideTx, error) {
	if limit < len(q.items) {
		return q.items[:limit], nil
	}
	return q.items, nil
}

func resolvedKey(digest []byte) []byte { return append([]byte("resolved/"), digest...) }

func (q *kvQueue) Resolve(ctx sdk.Context, digest []byte, outcome voteext.Outcome) error {
	// Write first, fail afterwards: the framework must throw the write away.
	ctx.KVStore(q.key).Set(resolvedKey(digest), []byte{byte(outcome)})
	ctx.EventManager().EmitEvent(sdk.NewEvent("resolved", sdk.NewAttribute("digest", fmt.Sprintf("%X", digest))))
	if err := q.fail[string(digest)]; err != nil {
		return err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	q.resolved = append(q.resolved, resolution{digest: digest, outcome: outcome})
	return nil
}

func undecidedKey(digest []byte) []byte { return append([]byte("undecided/"), digest...) }

// Undecided counts, through ctx, the votes that judged an item without a decision.
func (q *kvQueue) Undecided(ctx sdk.Context, digest []byte) error {
	st := ctx.KVStore(q.key)
	n := byte(0)
	if bz := st.Get(undecidedKey(digest)); len(bz) == 1 {
		n = bz[0]
	}
	st.Set(undecidedKey(digest), []byte{n + 1})
	return nil
}

// env is a chain context with vote extensions enabled from height 1.
type env struct {
	ctx   sdk.Context
	key   storetypes.StoreKey
	vals  []keyedValidator
	set   voteext.ValidatorSet
	queue *kvQueue
	sets  fakeSets
}

const (
	testHeight    = int64(10) // the block being proposed / finalized
	testExtHeight = testHeight - 1
)

func newEnv(t testing.TB, powers ...int64) *env {
	t.Helper()
	key := storetypes.NewKVStoreKey("voteext_test")
	tc := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("voteext_test_t"))
	ctx := tc.Ctx.
		WithChainID(testChainID).
		WithBlockHeight(testHeight).
		WithConsensusParams(cmtproto.ConsensusParams{Abci: &cmtproto.ABCIParams{VoteExtensionsEnableHeight: 1}})
	vals, set := keyedSet(powers...)
	return &env{
		ctx:   ctx,
		key:   key,
		vals:  vals,
		set:   set,
		queue: &kvQueue{module: testModule, key: key},
		sets:  fakeSets{testExtHeight: set},
	}
}

func (e *env) handlers(cfg voteext.Config) *voteext.Handlers {
	cfg.ValidatorSets = e.sets
	if cfg.Queues == nil {
		cfg.Queues = []voteext.SideTxQueue{e.queue}
	}
	return voteext.NewHandlers(cfg)
}

// commit builds the honest extended commit of testExtHeight: validator i casts exts[i]
// (nil: absent).
func (e *env) commit(t testing.TB, exts []*types.VoteExtension) abci.ExtendedCommitInfo {
	t.Helper()
	ec := abci.ExtendedCommitInfo{Round: 0}
	for i, v := range e.vals {
		if i >= len(exts) || exts[i] == nil {
			ec.Votes = append(ec.Votes, absentVote(v))
			continue
		}
		ec.Votes = append(ec.Votes, signedVote(t, v, testExtHeight, 0, mustEncode(t, *exts[i])))
	}
	return ec
}
