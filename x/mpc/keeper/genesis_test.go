package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/committee"
	"github.com/themis-network/themis/x/mpc/types"
)

// fixtureGenesis is a genesis that starts from a pool key and its committee, as the
// e2e suite does with a fixture key: nodes 1..n, generation 3, confirmed at height 0.
func fixtureGenesis(c *chain, n int) *types.GenesisState {
	gs := types.DefaultGenesis()
	gs.Params = testParams()
	var members []types.Party
	for i := 1; i <= n; i++ {
		nd := c.node(uint64(i))
		members = append(members, types.Party{SequencerId: nd.id, Signer: nd.signer(), PubKey: nd.pub(), Power: nd.power})
	}
	addr, err := types.ParsePubKey(c.groupPub())
	require.NoError(c.t, err)
	gs.PoolKey = &types.PoolKey{
		PublicKey: c.groupPub(), Address: addr, Generation: 3,
		Committee: types.Committee{Members: members, Threshold: uint32(2 * n / 3)},
	}
	return gs
}

// TestGenesisWithAFixturePoolKey: a chain started from a pool key signs at once with
// its committee and generation, and reshares nothing while the committee is unchanged.
func TestGenesisWithAFixturePoolKey(t *testing.T) {
	base := newChain(t, 4)
	c := newChainWithGenesis(t, 4, fixtureGenesis(base, 4))
	id := c.requestSig("first batch")
	c.block()
	s := c.session(c.request(id).Session)
	require.EqualValues(t, 3, s.Generation)
	c.block()
	require.Equal(t, types.SIGN_REQUEST_STATUS_SIGNED, c.request(id).Status)
	c.run(10)
	_, open := c.openOf(types.SESSION_KIND_RESHARE)
	require.False(t, open)
	c.checkInvariants()
}

// TestGenesisExportImportMidSession: a chain exported with open sessions, voices and
// claims imports to the same state and carries on: the import completes the keygen.
func TestGenesisExportImportMidSession(t *testing.T) {
	c, s := openSign(t, 5)
	c.node(1).blames = claim(s, c.node(4), types.BLAME_REASON_MISSING)
	c.requestSig("second")
	c.requestSig("third")
	c.block()
	gs, err := c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	require.NotEmpty(t, gs.BlameVotes)
	require.Equal(t, []types.Dispute{{A: 1, B: 4}}, gs.Sessions[s.Number-1].Disputes, "the claim's dispute is exported")
	require.NotNil(t, gs.PoolKey)
	require.Len(t, gs.SignRequests, 3)
	c.checkInvariants()

	// Open keygen with voices.
	k, ks := openKeygen(t, 4)
	k.node(1).results = []*types.SessionResult{{SessionKey: ks.SessionKey, PublicKey: k.groupPub()}}
	k.block()
	gs, err = k.k.ExportGenesis(k.ctx)
	require.NoError(t, err)
	require.Len(t, gs.Voices, 1)
	k.checkInvariants()
	imported := newChainWithGenesis(t, 4, gs)
	for _, n := range imported.nodes {
		n.engine = n.id != 1 // 1's voice came with the genesis; 2 more complete it
		if n.id == 4 {
			n.engine = false
		}
	}
	imported.block()
	pk, ok := imported.poolKey()
	require.True(t, ok, "the imported voice counts with the new ones")
	require.Equal(t, ks.Number, pk.Session)
}

// TestGenesisValidateRejects: a genesis that InitGenesis could not load consistently
// is refused.
func TestGenesisValidateRejects(t *testing.T) {
	c := newChain(t, 4)
	for _, tc := range []struct {
		name string
		f    func(*types.GenesisState)
	}{
		{"params", func(gs *types.GenesisState) { gs.Params.MaxMpcParties = 0 }},
		{"pool address", func(gs *types.GenesisState) { gs.PoolKey.Address = c.node(1).signer() }},
		{"pool key", func(gs *types.GenesisState) { gs.PoolKey.PublicKey = c.node(1).pub()[:32] }},
		{"generation 0", func(gs *types.GenesisState) { gs.PoolKey.Generation = 0 }},
		{"threshold", func(gs *types.GenesisState) { gs.PoolKey.Committee.Threshold = 3 }},
		{"no committee", func(gs *types.GenesisState) { gs.PoolKey.Committee = types.Committee{} }},
		{"members unsorted", func(gs *types.GenesisState) {
			m := gs.PoolKey.Committee.Members
			m[0], m[1] = m[1], m[0]
		}},
		{"member signer", func(gs *types.GenesisState) { gs.PoolKey.Committee.Members[2].Signer = c.node(1).signer() }},
		{"session number", func(gs *types.GenesisState) { gs.Sessions[0].Number = 2 }},
		{"open session with a result", func(gs *types.GenesisState) { gs.Sessions[len(gs.Sessions)-1].Signature = c.sign(make([]byte, 32)) }},
		{"signing without its session", func(gs *types.GenesisState) { gs.SignRequests[0].Session = 1 }},
		{"request id", func(gs *types.GenesisState) { gs.SignRequests[0].Id = 5 }},
		{"signed without a signature", func(gs *types.GenesisState) {
			gs.SignRequests[0].Status = types.SIGN_REQUEST_STATUS_SIGNED
			gs.Sessions[len(gs.Sessions)-1].Status = types.SESSION_STATUS_TIMED_OUT
		}},
		{"readiness key", func(gs *types.GenesisState) { gs.Readiness[0].PubKey = c.node(4).pub() }},
		{"readiness twice", func(gs *types.GenesisState) { gs.Readiness = append(gs.Readiness, gs.Readiness[0]) }},
		{"readiness endpoint", func(gs *types.GenesisState) { gs.Readiness[0].Endpoint = "nope" }},
		{"blame vote of a non-party", func(gs *types.GenesisState) { gs.BlameVotes[0].Voter = 99 }},
		{"blame vote against oneself", func(gs *types.GenesisState) { gs.BlameVotes[0].Voter = gs.BlameVotes[0].Accused }},
		{"dispute unordered", func(gs *types.GenesisState) { gs.Sessions[len(gs.Sessions)-1].Disputes[0] = types.Dispute{A: 3, B: 1} }},
		{"dispute with a non-signer", func(gs *types.GenesisState) { gs.Sessions[len(gs.Sessions)-1].Disputes[0] = types.Dispute{A: 1, B: 4} }},
		{"dispute twice", func(gs *types.GenesisState) {
			s := &gs.Sessions[len(gs.Sessions)-1]
			s.Disputes = append(s.Disputes, s.Disputes[0])
		}},
		{"dispute progress without disputes", func(gs *types.GenesisState) {
			s := &gs.Sessions[len(gs.Sessions)-1]
			s.Disputes, s.DisputeProgress = nil, 3
		}},
		{"request dispute unordered", func(gs *types.GenesisState) { gs.SignRequests[0].Disputes = []types.Dispute{{A: 2, B: 1}} }},
		{"request dispute naming id 0", func(gs *types.GenesisState) { gs.SignRequests[0].Disputes = []types.Dispute{{A: 0, B: 1}} }},
		{"request dispute twice", func(gs *types.GenesisState) {
			gs.SignRequests[0].Disputes = []types.Dispute{{A: 1, B: 2}, {A: 1, B: 2}}
		}},
		{"request disputes past the bound", func(gs *types.GenesisState) {
			for a := uint64(1); len(gs.SignRequests[0].Disputes) <= committee.MaxDisputesPerRequest; a++ {
				for b := a + 1; b <= 100; b++ {
					gs.SignRequests[0].Disputes = append(gs.SignRequests[0].Disputes, types.Dispute{A: a, B: b})
				}
			}
		}},
		{"keygen with disputes", func(gs *types.GenesisState) { gs.Sessions[0].Disputes = []types.Dispute{{A: 1, B: 2}} }},
		{"previous session dangling", func(gs *types.GenesisState) { gs.Sessions[len(gs.Sessions)-1].PreviousSession = 999 }},
		{"previous session not a sign session", func(gs *types.GenesisState) { gs.Sessions[len(gs.Sessions)-1].PreviousSession = 1 }},
		{"keygen open with a key", func(gs *types.GenesisState) {
			gs.Sessions[0].Status = types.SESSION_STATUS_OPEN
			gs.Sessions[0].PublicKey = nil
			gs.Sessions[0].ClosedHeight = 0
			gs.Sessions[0].BlameDeadlineHeight = 0
		}},
		{"retired key above the confirmed one", func(gs *types.GenesisState) {
			gs.RetiredKeys = []types.RetiredPoolKey{{PoolKey: *gs.PoolKey, RetiredHeight: 5, Reason: "lost"}}
		}},
		{"retired key without a reason", func(gs *types.GenesisState) {
			gs.RetiredKeys = []types.RetiredPoolKey{{PoolKey: *gs.PoolKey, RetiredHeight: 5}}
			gs.PoolKey.Generation++
		}},
		{"a cancelled pool tx with versions closed at another height than the retirement", func(gs *types.GenesisState) {
			gs.RetiredKeys = []types.RetiredPoolKey{{PoolKey: *gs.PoolKey, RetiredHeight: 5, Reason: "lost"}}
			gs.PoolKey.Generation++
			gs.PoolTxs = []types.PoolTx{{Id: 1, Purpose: "l2_batch", To: "0x00000000000000000000000000000000000000bb", Gas: 100_000,
				Status: types.POOL_TX_STATUS_CANCELLED, ClosedHeight: 6, Versions: []types.PoolTxVersion{{}}}}
		}},
		{"retired keys out of order", func(gs *types.GenesisState) {
			r := types.RetiredPoolKey{PoolKey: *gs.PoolKey, RetiredHeight: 5, Reason: "lost"}
			gs.RetiredKeys = []types.RetiredPoolKey{r, r}
			gs.PoolKey.Generation++
		}},
		{"keygen open after a retirement with the old generation", func(gs *types.GenesisState) {
			gs.RetiredKeys = []types.RetiredPoolKey{{PoolKey: *gs.PoolKey, RetiredHeight: 5, Reason: "lost"}}
			gs.PoolKey = nil
			gs.SignRequests, gs.BlameVotes = nil, nil
			gs.Sessions = gs.Sessions[:1]
			gs.Sessions[0].Status, gs.Sessions[0].PublicKey, gs.Sessions[0].ClosedHeight, gs.Sessions[0].BlameDeadlineHeight = types.SESSION_STATUS_OPEN, nil, 0, 0
		}},
		{"a request from before the retirement still queued", func(gs *types.GenesisState) {
			gs.RetiredKeys = []types.RetiredPoolKey{{PoolKey: *gs.PoolKey, RetiredHeight: gs.SignRequests[0].CreatedHeight, Reason: "lost"}}
			gs.PoolKey = nil
			gs.Sessions, gs.BlameVotes = gs.Sessions[:1], nil
			gs.SignRequests[0].Status, gs.SignRequests[0].Session = types.SIGN_REQUEST_STATUS_QUEUED, 0
		}},
		{"a cancelled pool tx with versions and no retired key", func(gs *types.GenesisState) {
			gs.PoolTxs = []types.PoolTx{{Id: 1, Purpose: "l2_batch", To: "0x00000000000000000000000000000000000000bb", Gas: 100_000,
				Status: types.POOL_TX_STATUS_CANCELLED, Versions: []types.PoolTxVersion{{}}}}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, s := openSign(t, 4)
			d.node(1).blames = claim(s, d.node(3), types.BLAME_REASON_MISSING)
			d.block()
			gs, err := d.k.ExportGenesis(d.ctx)
			require.NoError(t, err)
			require.NoError(t, gs.Validate())
			tc.f(gs)
			require.ErrorIs(t, gs.Validate(), types.ErrInvalidGenesis)
		})
	}
}
