package keeper_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"testing"

	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/mpc/keeper"
	"github.com/themis-network/themis/x/mpc/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

const testChainID = "themis-test"

// fakeSequencers is x/sequencer as x/mpc sees it: the active set.
type fakeSequencers struct {
	active []sequencertypes.ValidatorPower
	params sequencertypes.Params
	l1     sequencertypes.L1Config
	// admin are the administration differences x/sequencer reports (l1_admin tests).
	admin []sequencertypes.L1AdminChange
	// approved is the recovery pool x/mpc approved last (ApproveRecoveryPool);
	// approveErr makes the approval fail.
	approved   string
	approveErr error
}

func (f *fakeSequencers) ApproveRecoveryPool(_ context.Context, address string) error {
	if f.approveErr != nil {
		return f.approveErr
	}
	f.approved = address
	return nil
}

func (f *fakeSequencers) L1AdminChanges(_ context.Context, limit int) ([]sequencertypes.L1AdminChange, error) {
	return f.admin[:min(limit, len(f.admin))], nil
}

func (f *fakeSequencers) GetParams(context.Context) (sequencertypes.Params, error) {
	return f.params, nil
}

func (f *fakeSequencers) GetL1Config(context.Context) (sequencertypes.L1Config, error) {
	return f.l1, nil
}

func (f *fakeSequencers) ActiveValidatorSet(context.Context) (sequencertypes.ValidatorSet, error) {
	return sequencertypes.BuildValidatorSet(append([]sequencertypes.ValidatorPower(nil), f.active...)), nil
}

// privOf is a deterministic secp256k1 key for a label and an index.
func privOf(label string, i uint64) *ecdsa.PrivateKey {
	seed := sha256.Sum256(binary.BigEndian.AppendUint64([]byte(label), i))
	k, err := crypto.ToECDSA(seed[:])
	if err != nil {
		panic(err)
	}
	return k
}

// node is one validator with its TSS engine as the test drives it.
type node struct {
	id    uint64
	power int64
	priv  *ecdsa.PrivateKey
	// online: its precommit (with its extension) makes the commit.
	online bool
	// ready and endpoint are what its engine reports.
	ready    bool
	endpoint string
	// engine: it runs the sessions it is a party of honestly, reporting the group key
	// (keygen, resharing) or a signature (sign) as soon as a session is open.
	engine bool
	// lost: it lost its share (reports share generation 0).
	lost bool
	// results and blames are added to its report as they are (a byzantine node).
	results []*types.SessionResult
	blames  []*types.BlameClaim
	// l1Lie, when set, replaces its honest mpc-l1 report.
	l1Lie func(c *chain) []byte
}

func (n *node) pub() []byte { return crypto.CompressPubkey(&n.priv.PublicKey) }

func (n *node) cons() []byte { return types.ConsAddress(n.pub()) }

func (n *node) signer() string { return types.AddressString(crypto.PubkeyToAddress(n.priv.PublicKey)) }

// chain drives the keeper block by block as the app does: PreBlock applies the reports
// of the previous height, then EndBlock runs.
type chain struct {
	t      testing.TB
	k      keeper.Keeper
	ctx    sdk.Context
	key    *storetypes.KVStoreKey
	seqs   *fakeSequencers
	nodes  []*node
	height int64
	// group is the pool's key as the honest engines hold it between them.
	group *ecdsa.PrivateKey
	// payloads is the test payload type registered with the keeper.
	payloads *testPayload
	// l1 and l2 are the outside world of the outbound path (nil: off).
	l1 *fakeL1
	l2 *fakeL2Head
}

// testParams are small numbers so a test runs a few dozen blocks.
func testParams() types.Params {
	p := types.DefaultParams()
	p.MinParties = 3
	p.KeygenTimeoutBlocks = 10
	p.ReshareTimeoutBlocks = 10
	p.SignTimeoutBlocks = 5
	p.ReadyWindowBlocks = 3
	p.CommitteeSettleBlocks = 2
	return p
}

// newChain starts a chain with n active, ready, honest validators of power 10 each.
func newChain(t testing.TB, n int) *chain {
	t.Helper()
	gs := types.DefaultGenesis()
	gs.Params = testParams()
	return newChainWithGenesis(t, n, gs)
}

func newChainWithGenesis(t testing.TB, n int, gs *types.GenesisState) *chain {
	t.Helper()
	sequencertest.SetBech32Prefixes()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	tkey := storetypes.NewTransientStoreKey("transient_" + types.StoreKey)
	tc := testutil.DefaultContextWithDB(t, key, tkey)
	ctx := tc.Ctx.WithBlockHeight(1).WithChainID(testChainID).WithEventManager(sdk.NewEventManager())
	seqs := &fakeSequencers{}
	k := keeper.NewKeeper(sequencertest.Codec(), runtime.NewKVStoreService(key), sequencertest.AddressCodec(), sequencertest.Authority(t), seqs)
	c := &chain{t: t, k: k, ctx: ctx, key: key, seqs: seqs, height: 1, group: privOf("group", 0)}
	c.payloads = &testPayload{key: key}
	require.NoError(t, k.RegisterPayloadType(c.payloads))
	require.NoError(t, k.InitGenesis(ctx, *gs))
	for i := 1; i <= n; i++ {
		c.addNode(uint64(i), 10)
	}
	return c
}

// addNode adds an active, ready, honest validator.
func (c *chain) addNode(id uint64, power int64) *node {
	n := &node{id: id, power: power, priv: privOf("node", id), online: true, ready: true, engine: true,
		endpoint: fmt.Sprintf("https://node%d.example:9000", id)}
	c.nodes = append(c.nodes, n)
	c.activate(n)
	return n
}

func (c *chain) activate(n *node) {
	c.seqs.active = append(c.seqs.active, sequencertypes.ValidatorPower{ConsAddress: n.cons(), PubKey: n.pub(), Power: n.power, SequencerId: n.id})
}

func (c *chain) node(id uint64) *node {
	for _, n := range c.nodes {
		if n.id == id {
			return n
		}
	}
	c.t.Fatalf("no node %d", id)
	return nil
}

// deactivate takes a sequencer out of the active set (unlock, jail, removal).
func (c *chain) deactivate(id uint64) {
	var kept []sequencertypes.ValidatorPower
	for _, m := range c.seqs.active {
		if m.SequencerId != id {
			kept = append(kept, m)
		}
	}
	c.seqs.active = kept
}

// changeSigner gives sequencer id a new signer (consensus) key.
func (c *chain) changeSigner(id uint64) {
	n := c.node(id)
	n.priv = privOf("rotated", id)
	c.deactivate(id)
	c.activate(n)
}

func (c *chain) groupPub() []byte { return crypto.CompressPubkey(&c.group.PublicKey) }

func (c *chain) poolKey() (types.PoolKey, bool) {
	pk, ok, err := c.k.GetPoolKey(c.ctx)
	require.NoError(c.t, err)
	return pk, ok
}

func isParty(ps []types.Party, id uint64) bool {
	for _, p := range ps {
		if p.SequencerId == id {
			return true
		}
	}
	return false
}

// report is what n puts in its extension, seeing the committed state of the last block.
func (c *chain) report(n *node, open []types.Session, pool types.PoolKey, hasPool bool) []byte {
	r := types.MpcReport{Ready: n.ready, Endpoint: n.endpoint}
	if hasPool && !n.lost && isParty(pool.Committee.Members, n.id) {
		r.ShareGeneration = pool.Generation
	}
	if n.engine {
		for _, s := range open {
			switch s.Kind {
			case types.SESSION_KIND_KEYGEN, types.SESSION_KIND_RESHARE:
				if isParty(s.NewParties, n.id) {
					r.Results = append(r.Results, &types.SessionResult{SessionKey: s.SessionKey, PublicKey: c.groupPub()})
				}
			case types.SESSION_KIND_SIGN:
				if isParty(s.Signers, n.id) {
					r.Results = append(r.Results, &types.SessionResult{SessionKey: s.SessionKey, Signature: c.sign(s.Digest)})
				}
			}
		}
	}
	r.Results = append(r.Results, n.results...)
	r.Blames = append(r.Blames, n.blames...)
	payload, err := types.EncodeReport(r)
	require.NoError(c.t, err)
	require.NoError(c.t, c.k.CheckReport(payload))
	return payload
}

// sign is the pool's signature of a digest (what t+1 honest engines produce).
func (c *chain) sign(digest []byte) []byte {
	sig, err := crypto.Sign(digest, c.group)
	require.NoError(c.t, err)
	return sig
}

// block runs one block: the reports of the online validators of the active set are
// applied, then EndBlock runs.
func (c *chain) block() {
	c.t.Helper()
	open, err := c.k.OpenSessionList(c.ctx)
	require.NoError(c.t, err)
	pool, hasPool := c.poolKey()
	c.height++
	c.ctx = c.ctx.WithBlockHeight(c.height).WithEventManager(sdk.NewEventManager())
	set := voteext.ValidatorSet{}
	var reports []voteext.ValidatorReport
	for _, m := range c.seqs.active {
		v := voteext.Validator{ConsAddress: m.ConsAddress, PubKey: m.PubKey, Power: m.Power}
		set.Validators = append(set.Validators, v)
		set.TotalPower += m.Power
		r := voteext.ValidatorReport{Validator: v}
		if n := c.node(m.SequencerId); n.online {
			r.Payload = c.report(n, open, pool, hasPool)
		}
		reports = append(reports, r)
	}
	require.NoError(c.t, c.k.ApplyReports(c.ctx, c.height-1, set, reports))
	if c.l1 != nil {
		c.applyL1Reports(set, reports)
	}
	require.NoError(c.t, c.k.EndBlock(c.ctx))
	if c.l1 != nil {
		c.l1Block()
	}
}

func (c *chain) run(blocks int) {
	c.t.Helper()
	for range blocks {
		c.block()
	}
}

// until runs blocks until cond holds, at most max blocks.
func (c *chain) until(max int, what string, cond func() bool) {
	c.t.Helper()
	for range max {
		if cond() {
			return
		}
		c.block()
	}
	require.True(c.t, cond(), "after %d blocks: %s", max, what)
}

// keygen runs blocks until the pool key is confirmed.
func (c *chain) keygen() types.PoolKey {
	c.t.Helper()
	c.until(30, "pool key confirmed", func() bool { _, ok := c.poolKey(); return ok })
	pk, _ := c.poolKey()
	return pk
}

func (c *chain) open() []types.Session {
	open, err := c.k.OpenSessionList(c.ctx)
	require.NoError(c.t, err)
	return open
}

// openOf returns the open session of kind, if any.
func (c *chain) openOf(kind types.SessionKind) (types.Session, bool) {
	for _, s := range c.open() {
		if s.Kind == kind {
			return s, true
		}
	}
	return types.Session{}, false
}

func (c *chain) session(n uint64) types.Session {
	s, err := c.k.GetSession(c.ctx, n)
	require.NoError(c.t, err)
	return s
}

func (c *chain) request(id uint64) types.SignRequest {
	r, err := c.k.GetSignRequest(c.ctx, id)
	require.NoError(c.t, err)
	return r
}

func (c *chain) sessions() []types.Session {
	gs, err := c.k.ExportGenesis(c.ctx)
	require.NoError(c.t, err)
	return gs.Sessions
}

func (c *chain) blames() []types.Blame {
	gs, err := c.k.ExportGenesis(c.ctx)
	require.NoError(c.t, err)
	return gs.Blames
}

// checkInvariants: the exported state validates and re-imports to the same export.
func (c *chain) checkInvariants() {
	c.t.Helper()
	gs, err := c.k.ExportGenesis(c.ctx)
	require.NoError(c.t, err)
	require.NoError(c.t, gs.Validate())
	fresh := newChainWithGenesis(c.t, 0, gs)
	again, err := fresh.k.ExportGenesis(fresh.ctx)
	require.NoError(c.t, err)
	require.Equal(c.t, gs, again)
}

func ids(ps []types.Party) []uint64 {
	out := make([]uint64, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.SequencerId)
	}
	return out
}

func events[T proto.Message](c *chain) []T { return sequencertest.TypedEvents[T](c.t, c.ctx) }

// testPayload is a payload type for tests: the digest is sha256("test/" || payload);
// an empty payload is refused; OnSigned records the request (in the store, so that a
// failing OnSigned can be seen to write nothing) and fails while fail is set.
type testPayload struct {
	key    *storetypes.KVStoreKey
	fail   bool
	signed []uint64
}

func (*testPayload) Name() string { return "test_payload" }

func (*testPayload) Digest(payload []byte) ([32]byte, error) {
	if len(payload) == 0 {
		return [32]byte{}, errors.New("empty payload")
	}
	return sha256.Sum256(append([]byte("test/"), payload...)), nil
}

func (p *testPayload) OnSigned(ctx context.Context, id uint64, _, sig []byte) error {
	sdk.UnwrapSDKContext(ctx).KVStore(p.key).Set(callbackKey(id), sig)
	if p.fail {
		return errors.New("the L1 outbox is full")
	}
	p.signed = append(p.signed, id)
	return nil
}

// callbackKey is a raw store key no collection uses (prefix 0xff).
func callbackKey(id uint64) []byte { return binary.BigEndian.AppendUint64([]byte{0xff}, id) }

func (c *chain) callbackWrote(id uint64) bool {
	return c.ctx.KVStore(c.key).Has(callbackKey(id))
}

// requestSig queues a test payload and returns its id.
func (c *chain) requestSig(payload string) uint64 {
	c.t.Helper()
	id, err := c.k.RequestSignature(c.ctx, "test_payload", []byte(payload))
	require.NoError(c.t, err)
	return id
}

func digestOf(payload string) []byte {
	d := sha256.Sum256(append([]byte("test/"), payload...))
	return d[:]
}

var _ = bytes.Equal

func crypto33(k *ecdsa.PrivateKey) []byte { return crypto.CompressPubkey(&k.PublicKey) }

func cryptoAddress(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

// highS turns a low-S signature into its high-S twin (same R, S' = n - S, V flipped),
// which recovers to the same key but is refused.
func highS(sig []byte) []byte {
	n := crypto.S256().Params().N
	s := new(big.Int).SetBytes(sig[32:64])
	out := append([]byte(nil), sig...)
	new(big.Int).Sub(n, s).FillBytes(out[32:64])
	out[64] ^= 1
	return out
}
