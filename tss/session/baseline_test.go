package session

import (
	"crypto/sha256"
	"fmt"
	"math/big"
	"testing"

	"github.com/bnb-chain/tss-lib/v2/common"
	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/bnb-chain/tss-lib/v2/ecdsa/signing"
	"github.com/bnb-chain/tss-lib/v2/tss"

	"github.com/themis-network/themis/testutil/tssfixtures"
)

// The baseline is tss-lib used the way its own tests use it: every party in one
// process, messages handed over as wire bytes with no session, checks or transport.
// The engine's figures in BENCHMARKS.md are read against it.

// rawRoute delivers one message to its recipients, as tss-lib's tests do.
func rawRoute(parties []tss.Party, msg tss.Message, errCh chan<- error) {
	bz, _, err := msg.WireBytes()
	if err != nil {
		errCh <- err
		return
	}
	deliver := func(p tss.Party) {
		if _, terr := p.UpdateFromBytes(bz, msg.GetFrom(), msg.IsBroadcast()); terr != nil {
			errCh <- terr
		}
	}
	if msg.GetTo() == nil {
		for _, p := range parties {
			if p.PartyID().Index != msg.GetFrom().Index {
				go deliver(p)
			}
		}
		return
	}
	for _, to := range msg.GetTo() {
		go deliver(parties[to.Index])
	}
}

// rawKeygen runs an in-process keygen of n parties with fixture preparams.
func rawKeygen(tb testing.TB, n, t int) rawKey {
	ids := tss.GenerateTestPartyIDs(n)
	ctx := tss.NewPeerContext(ids)
	out := make(chan tss.Message, 64*n)
	end := make(chan *keygen.LocalPartySaveData, n)
	errCh := make(chan error, n)
	parties := make([]tss.Party, n)
	for i := range ids {
		params := tss.NewParameters(tss.S256(), ctx, ids[i], n, t)
		parties[i] = keygen.NewLocalParty(params, out, end, *tssfixtures.MustPreparams(i))
	}
	for _, p := range parties {
		go func(p tss.Party) {
			if err := p.Start(); err != nil {
				errCh <- err
			}
		}(p)
	}
	saves := make([]*keygen.LocalPartySaveData, n)
	for done := 0; done < n; {
		select {
		case err := <-errCh:
			tb.Fatalf("raw keygen: %v", err)
		case m := <-out:
			rawRoute(parties, m, errCh)
		case s := <-end:
			idx, err := s.OriginalIndex()
			if err != nil {
				tb.Fatal(err)
			}
			saves[idx] = s
			done++
		}
	}
	return rawKey{saves: saves, ids: ids}
}

// rawKey is an in-process key: the saves and the party ids they were made for.
type rawKey struct {
	saves []*keygen.LocalPartySaveData
	ids   tss.SortedPartyIDs
}

// rawSign signs a digest in-process with the first t+1 saves.
func rawSign(tb testing.TB, key rawKey, t int, digest [32]byte) {
	// Fresh PartyIDs with the keygen's keys: SortPartyIDs mutates them.
	fresh := make(tss.UnSortedPartyIDs, t+1)
	for i := range fresh {
		fresh[i] = tss.NewPartyID(key.ids[i].Id, key.ids[i].Moniker, key.ids[i].KeyInt())
	}
	ids := tss.SortPartyIDs(fresh)
	saves := key.saves
	ctx := tss.NewPeerContext(ids)
	out := make(chan tss.Message, 64*len(ids))
	end := make(chan *common.SignatureData, len(ids))
	errCh := make(chan error, len(ids))
	parties := make([]tss.Party, len(ids))
	for i := range ids {
		params := tss.NewParameters(tss.S256(), ctx, ids[i], len(ids), t)
		parties[i] = signing.NewLocalParty(new(big.Int).SetBytes(digest[:]), params, *saves[i], out, end, 32)
	}
	for _, p := range parties {
		go func(p tss.Party) {
			if err := p.Start(); err != nil {
				errCh <- err
			}
		}(p)
	}
	for done := 0; done < len(ids); {
		select {
		case err := <-errCh:
			tb.Fatalf("raw signing: %v", err)
		case m := <-out:
			rawRoute(parties, m, errCh)
		case <-end:
			done++
		}
	}
}

func digestOf(i int) [32]byte { return sha256.Sum256([]byte(fmt.Sprintf("bench %d", i))) }
