package keeper_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/mpc/types"
	"github.com/themis-network/themis/x/voteext"
)

// BenchmarkApplyReportsWorst100 is PreBlock's x/mpc part in the worst block a set of
// 100 validators can make: a resharing of 21 parties (15 dealers) and 4 sign sessions
// open, and every validator reporting a signature of its own for each sign session
// (valid shape, another key: none completes; one failed recovery per validator is all
// a block pays, 100), a fake key for the resharing and 8 blame claims. The strict
// check (CheckReport) is measured apart.
func BenchmarkApplyReportsWorst100(b *testing.B) {
	c := newChain(b, 100)
	c.keygen()
	for _, n := range c.nodes {
		n.engine = false
	}
	c.addNode(101, 20) // a stronger newcomer pushes 21 out: a resharing
	c.node(101).engine = false
	for i := range 4 {
		c.requestSig(string(rune('a' + i)))
	}
	c.until(10, "resharing opened", func() bool { _, ok := c.openOf(types.SESSION_KIND_RESHARE); return ok })
	open := c.open()
	require.Len(b, open, 5)
	var reshare types.Session
	for _, s := range open {
		if s.Kind == types.SESSION_KIND_RESHARE {
			reshare = s
		}
	}
	require.Len(b, reshare.OldParties, 15)
	require.Len(b, reshare.NewParties, 21)

	set := voteext.ValidatorSet{}
	var reports []voteext.ValidatorReport
	for _, m := range c.seqs.active {
		n := c.node(m.SequencerId)
		r := types.MpcReport{Ready: true, Endpoint: n.endpoint}
		for _, s := range open {
			if s.Kind == types.SESSION_KIND_SIGN {
				sig, err := crypto.Sign(s.Digest, n.priv)
				require.NoError(b, err)
				r.Results = append(r.Results, &types.SessionResult{SessionKey: s.SessionKey, Signature: sig})
			}
		}
		r.Results = append(r.Results, &types.SessionResult{SessionKey: reshare.SessionKey, PublicKey: crypto33(privOf("fake", m.SequencerId))})
		for i := range 8 {
			accused := reshare.NewParties[(int(m.SequencerId)+i)%len(reshare.NewParties)]
			r.Blames = append(r.Blames, &types.BlameClaim{SessionKey: reshare.SessionKey, Accused: accused.Signer, Reason: types.BLAME_REASON_INVALID})
		}
		payload, err := types.EncodeReport(r)
		require.NoError(b, err)
		require.LessOrEqual(b, len(payload), voteext.MaxReportBytes)
		v := voteext.Validator{ConsAddress: m.ConsAddress, PubKey: m.PubKey, Power: m.Power}
		set.Validators = append(set.Validators, v)
		set.TotalPower += m.Power
		reports = append(reports, voteext.ValidatorReport{Validator: v, Payload: payload})
	}
	b.Run("ApplyReports", func(b *testing.B) {
		for b.Loop() {
			ctx, _ := c.ctx.CacheContext()
			require.NoError(b, c.k.ApplyReports(ctx, c.height, set, reports))
		}
	})
	b.Run("CheckReport", func(b *testing.B) {
		for b.Loop() {
			for _, r := range reports {
				require.NoError(b, c.k.CheckReport(r.Payload))
			}
		}
	})
}
