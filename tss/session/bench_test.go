package session

import (
	"testing"
	"time"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/testutil/tssfixtures"
)

// The benchmarks put the raw library (in-process, no checks) beside this package's
// sessions on an in-memory network, with the same parties and fixture preparams. The
// engine over the real transport is measured in tss/engine. `make bench` runs them.

func BenchmarkKeygen4(b *testing.B) {
	b.Run("inprocess", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			rawKeygen(b, 4, 2)
		}
	})
	b.Run("session", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			plans, inputs := keygenPlans(byte(i), addrs(4), 2, 1)
			mustSucceed(b, runAll(b, newHub(), plans, inputs))
		}
	})
}

func benchSign(b *testing.B, n, t int) {
	raw := rawKeygen(b, n, t)
	parties := addrs(n)
	plans, inputs := keygenPlans(200, parties, t, 1)
	outs := runAll(b, newHub(), plans, inputs)
	mustSucceed(b, outs)
	shares := map[common.Address]*keygen.LocalPartySaveData{}
	for _, o := range outs {
		shares[o.addr] = o.res.Share
	}
	b.Run("inprocess", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			rawSign(b, raw, t, digestOf(i))
		}
	})
	b.Run("session", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sp, si := signPlans(byte(i), parties[:t+1], t, 1, digestOf(i), shares)
			mustSucceed(b, runAll(b, newHub(), sp, si))
		}
	})
}

func BenchmarkSign3of4(b *testing.B) { benchSign(b, 4, 2) }

func BenchmarkSign5of7(b *testing.B) { benchSign(b, 7, 4) }

// BenchmarkReshare4to5 deals a 4-party key (t=2) to 5 parties (t=3) from t+1 = 3
// dealers, beside a keygen of the new committee (n=5).
func BenchmarkReshare4to5(b *testing.B) {
	parties := addrs(5)
	plans, inputs := keygenPlans(100, parties[:4], 2, 1)
	outs := runAll(b, newHub(), plans, inputs)
	mustSucceed(b, outs)
	shares := map[common.Address]*keygen.LocalPartySaveData{}
	for _, o := range outs {
		shares[o.addr] = o.res.Share
	}
	b.Run("reshare", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var rp []Plan
			var ri []Inputs
			for j, a := range parties {
				p := Plan{ID: [32]byte{byte(i), 1}, Kind: KindReshare, Self: a, Generation: 1, OldParties: parties[:3], OldThreshold: 2,
					NewParties: parties, NewThreshold: 3, NewGeneration: 2, RoundTimeout: 2 * time.Minute}
				in := Inputs{Preparams: tssfixtures.MustPreparams(5 + j)}
				if j < 3 {
					in.Share = shares[a]
				}
				rp, ri = append(rp, p), append(ri, in)
			}
			mustSucceed(b, runAll(b, newHub(), rp, ri))
		}
	})
	b.Run("keygen5", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			plans, inputs := keygenPlans(byte(i), parties, 3, 1)
			mustSucceed(b, runAll(b, newHub(), plans, inputs))
		}
	})
}
