package keeper_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"testing"
	"time"

	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/epoch/keeper"
	"github.com/themis-network/themis/x/epoch/reporter"
	"github.com/themis-network/themis/x/epoch/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// fakeSequencers is x/sequencer as x/epoch sees it: an active set and signers.
type fakeSequencers struct {
	active []sequencertypes.ValidatorPower
}

func (f *fakeSequencers) ActiveValidatorSet(context.Context) (sequencertypes.ValidatorSet, error) {
	var total int64
	for _, m := range f.active {
		total += m.Power
	}
	return sequencertypes.ValidatorSet{Validators: append([]sequencertypes.ValidatorPower(nil), f.active...), TotalPower: total}, nil
}

func (f *fakeSequencers) GetSequencer(_ context.Context, id uint64) (sequencertypes.Sequencer, error) {
	status := sequencertypes.SEQUENCER_STATUS_UNLOCKING
	for _, m := range f.active {
		if m.SequencerId == id {
			status = sequencertypes.SEQUENCER_STATUS_ACTIVE
		}
	}
	return sequencertypes.Sequencer{Id: id, Signer: signerOf(id), Status: status}, nil
}

// keyOf is sequencer id's signer key (deterministic), which seals its L2 blocks.
func keyOf(id uint64) *ecdsa.PrivateKey {
	seed := sha256.Sum256(binary.BigEndian.AppendUint64([]byte("sequencer-key"), id))
	k, err := crypto.ToECDSA(seed[:])
	if err != nil {
		panic(err)
	}
	return k
}

// signerOf is sequencer id's signer as x/sequencer records it (0x, lower case).
func signerOf(id uint64) string {
	return "0x" + hex.EncodeToString(crypto.PubkeyToAddress(keyOf(id).PublicKey).Bytes())
}

func consAddrOf(id uint64) []byte {
	h := sha256.Sum256(binary.BigEndian.AppendUint64(nil, id))
	return h[:20]
}

// node is one validator: its L2 head as its watcher sees it, and its report source.
type nodeHead = reporter.Head

type node struct {
	id     uint64
	power  int64
	head   reporter.Head
	hasL2  bool // its L2 node answers
	online bool // its precommit (with extension) makes the commit
	src    *reporter.Source
	// rejected are the blocks its L2 node refused for a wrong state root, newest first.
	rejected [][]byte
}

func (n *node) Rejected() [][]byte { return n.rejected }

func (n *node) Head() (reporter.Head, bool) { return n.head, n.hasL2 }
func (n *node) LastSuccess() time.Time {
	if n.hasL2 {
		return time.Now()
	}
	return time.Time{}
}

// chain drives the keeper block by block as the app does: PreBlock applies the
// extensions of the previous height, then EndBlock decides.
type chain struct {
	t      testing.TB
	k      keeper.Keeper
	ctx    sdk.Context
	seqs   *fakeSequencers
	nodes  []*node
	height int64
	now    time.Time
	// commit writes the store to disk as the end of a block does.
	commit func()
}

const testChainID = "themis-test"

func newChain(t testing.TB, powers ...int64) *chain {
	t.Helper()
	sequencertest.SetBech32Prefixes()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	tkey := storetypes.NewTransientStoreKey("transient_" + types.StoreKey)
	start := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	tc := testutil.DefaultContextWithDB(t, key, tkey)
	ctx := tc.Ctx.WithBlockHeight(1).WithBlockTime(start).
		WithChainID(testChainID).WithEventManager(sdk.NewEventManager())
	seqs := &fakeSequencers{}
	k := keeper.NewKeeper(sequencertest.Codec(), runtime.NewKVStoreService(key), sequencertest.AddressCodec(), sequencertest.Authority(t), seqs)
	gs := types.DefaultGenesis()
	gs.Params.EpochLength = 20
	gs.Params.LeadTime = 5
	gs.Params.StallThreshold = 5 * time.Second
	gs.Params.ReadinessWindow = 3 * time.Second
	gs.Params.HeadTolerance = 2
	require.NoError(t, k.InitGenesis(ctx, *gs))
	c := &chain{t: t, k: k, ctx: ctx, seqs: seqs, height: 1, now: start, commit: func() { tc.CMS.Commit() }}
	for i, p := range powers {
		c.addNode(uint64(i+1), p)
	}
	sealingChain = c
	return c
}

func (c *chain) addNode(id uint64, power int64) *node {
	return c.addNodeWithSecret(id, power, fmt.Sprintf("secret-%d", id))
}

func (c *chain) addNodeWithSecret(id uint64, power int64, seedText string) *node {
	n := &node{id: id, power: power, hasL2: true, online: true}
	secret := sha256.Sum256([]byte(seedText))
	src, err := reporter.New(reporter.Config{ConsAddress: consAddrOf(id), Secret: secret[:], OnionLength: 8, Heads: n,
		Rejections: n, WrongRoots: c.k}, c.k.Onions)
	require.NoError(c.t, err)
	n.src = src
	c.nodes = append(c.nodes, n)
	c.seqs.active = append(c.seqs.active, sequencertypes.ValidatorPower{ConsAddress: consAddrOf(id), Power: power, SequencerId: id})
	return n
}

func (c *chain) node(id uint64) *node { return c.nodes[id-1] }

// remove takes a sequencer out of the active set (unlock, jail).
func (c *chain) remove(id uint64) {
	var kept []sequencertypes.ValidatorPower
	for _, m := range c.seqs.active {
		if m.SequencerId != id {
			kept = append(kept, m)
		}
	}
	c.seqs.active = kept
}

// block runs one block of dt: the online nodes' reports of the previous height are
// applied, then EndBlock runs.
func (c *chain) block(dt time.Duration) { c.t.Helper(); c.blockWith(dt, nil) }

// blockWith is block where the nodes in forged replace their report's rejected header
// with the given bytes (a byzantine validator signs what it likes within the rules).
func (c *chain) blockWith(dt time.Duration, forged map[uint64][]byte) {
	c.t.Helper()
	prev := c.ctx
	c.height++
	c.now = c.now.Add(dt)
	c.ctx = c.ctx.WithBlockHeight(c.height).WithBlockTime(c.now).WithEventManager(sdk.NewEventManager())
	set := voteext.ValidatorSet{}
	var reports []voteext.ValidatorReport
	for _, m := range c.seqs.active {
		n := c.node(m.SequencerId)
		v := voteext.Validator{ConsAddress: m.ConsAddress, Power: m.Power}
		set.Validators = append(set.Validators, v)
		set.TotalPower += m.Power
		r := voteext.ValidatorReport{Validator: v}
		if n.online {
			payload, err := n.src.Report(context.Background(), prev, c.height-1)
			require.NoError(c.t, err)
			if hdr, ok := forged[n.id]; ok {
				r, err := types.DecodeReport(payload)
				require.NoError(c.t, err)
				r.RejectedHeader = hdr
				payload, err = types.EncodeReport(r)
				require.NoError(c.t, err)
			}
			require.NoError(c.t, c.k.CheckReport(payload))
			r.Payload = payload
		}
		reports = append(reports, r)
	}
	require.NoError(c.t, c.k.ApplyReports(c.ctx, c.height-1, set, reports))
	require.NoError(c.t, c.k.EndBlock(c.ctx))
}

// produce makes the L2 grow by up to n blocks as real L2 nodes would: each block is
// made by the producer the schedule names for its height, only if that producer's L2
// node is up, and is seen by every node whose L2 is up (they sync from each other).
func (c *chain) produce(n uint64) {
	c.t.Helper()
	for range n {
		tip := c.bestHead().Height
		e, ok, err := c.k.EpochAt(c.ctx, tip+1)
		require.NoError(c.t, err)
		if !ok || int(e.ProducerId) > len(c.nodes) || !c.node(e.ProducerId).hasL2 {
			return
		}
		for _, nd := range c.nodes {
			if nd.hasL2 {
				nd.head.Height = tip + 1
				nd.head.Hash = sha256.Sum256(binary.BigEndian.AppendUint64(nil, nd.head.Height))
			}
		}
	}
}

// run runs blocks of one second while the current producer produces one L2 block per
// block (if produce is true).
func (c *chain) run(blocks int, produce bool) {
	for range blocks {
		if produce {
			c.produce(1)
		}
		c.block(time.Second)
	}
}

func (c *chain) progress() types.HeadProgress {
	p, err := c.k.Progress.Get(c.ctx)
	require.NoError(c.t, err)
	return p
}

func (c *chain) current() types.Epoch {
	c.t.Helper()
	e, ok, err := c.k.EpochAt(c.ctx, c.progress().Height+1)
	require.NoError(c.t, err)
	require.True(c.t, ok, "no current epoch")
	return e
}

func (c *chain) epochs() []types.Epoch {
	gs, err := c.k.ExportGenesis(c.ctx)
	require.NoError(c.t, err)
	return gs.Epochs
}

// checkInvariants: the exported state validates (live epochs contiguous, etc.) and
// re-imports to the same export.
func (c *chain) checkInvariants() {
	c.t.Helper()
	gs, err := c.k.ExportGenesis(c.ctx)
	require.NoError(c.t, err)
	require.NoError(c.t, gs.Validate())
}

// singleReport is a one-validator set with one report payload, for direct ApplyReports calls.
func (c *chain) singleReport(id uint64, payload []byte) (voteext.ValidatorSet, []voteext.ValidatorReport) {
	v := voteext.Validator{ConsAddress: consAddrOf(id), Power: c.node(id).power}
	return voteext.ValidatorSet{Validators: []voteext.Validator{v}, TotalPower: v.Power}, []voteext.ValidatorReport{{Validator: v, Payload: payload}}
}
