package transport

import (
	"bytes"
	"context"
	"crypto/sha256"
	"math/big"
	"testing"
	"time"

	tsscommon "github.com/bnb-chain/tss-lib/v2/common"
	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/bnb-chain/tss-lib/v2/ecdsa/signing"
	"github.com/bnb-chain/tss-lib/v2/tss"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/themis-network/themis/tss/wire"
)

// engine is the least a session runner does: tss-lib's outgoing messages go to
// Conn.Send (Round = the message type name), delivered ones to the local party.
type engine struct {
	party  tss.Party
	byAddr map[common.Address]*tss.PartyID
	errs   chan<- error
}

func (e *engine) Deliver(from common.Address, _, _ uint8, _ string, broadcast bool, payload []byte) {
	go func() { // tss-lib computes the next round inside Update: keep Deliver short
		m, err := tss.ParseWireMessage(payload, e.byAddr[from], broadcast)
		if err == nil {
			_, terr := e.party.Update(m)
			if terr != nil {
				err = terr
			}
		}
		if err != nil {
			e.errs <- err
		}
	}()
}

// Real tss-lib signing (3 of the library's 5 fixture keys, whose secrets are public)
// over three transports on loopback; the signature recovers the group key, and every
// broadcast of the session was echoed consistently.
func TestTSSLibSigningOverTransport(t *testing.T) {
	if testing.Short() {
		t.Skip("runs tss-lib signing (about 2 s on 2 cores)")
	}
	const n = 3
	const threshold = 2 // the degree the library's n = 5 fixtures were generated with
	keys, _, err := keygen.LoadKeygenTestFixtures(n)
	if err != nil {
		t.Fatal(err)
	}
	nodes, _ := newNet(t, n, nil)
	info := plainSession(0x77, nodes...)
	digest := sha256.Sum256([]byte("a pool batch"))
	errs := make(chan error, 64)
	ends := make(chan *tsscommon.SignatureData, n)
	conns := make([]*Conn, n)
	engines := make([]*engine, n)

	for i, nd := range nodes {
		// Fresh PartyIDs per engine: tss.SortPartyIDs mutates them.
		unsorted := make(tss.UnSortedPartyIDs, n)
		for j := range unsorted {
			unsorted[j] = tss.NewPartyID(nodes[j].addr.Hex(), nodes[j].addr.Hex(), keys[j].ShareID)
		}
		pids := tss.SortPartyIDs(unsorted)
		eng := &engine{byAddr: map[common.Address]*tss.PartyID{}, errs: errs}
		var self *tss.PartyID
		for _, p := range pids {
			a := common.HexToAddress(p.Id)
			eng.byAddr[a] = p
			if a == nd.addr {
				self = p
			}
		}
		out := make(chan tss.Message, 64)
		params := tss.NewParameters(tss.S256(), tss.NewPeerContext(pids), self, n, threshold)
		eng.party = signing.NewLocalParty(new(big.Int).SetBytes(digest[:]), params, keys[i], out, ends, 32)
		engines[i] = eng
		conns[i], err = nd.tr.Open(info, eng)
		if err != nil {
			t.Fatal(err)
		}
		go pump(conns[i], info, out, errs)
	}
	// Parties start once every session is open, as after the chain schedules it.
	for _, e := range engines {
		go func() {
			if err := e.party.Start(); err != nil {
				errs <- err
			}
		}()
	}
	var sig *tsscommon.SignatureData
	for got := 0; got < n; {
		select {
		case err := <-errs:
			t.Fatal(err)
		case sig = <-ends:
			got++
		case <-time.After(60 * time.Second):
			t.Fatal("signing did not finish")
		}
	}
	pub, err := crypto.SigToPub(digest[:], append(bytes.Clone(sig.Signature), sig.SignatureRecovery[0]))
	if err != nil {
		t.Fatal(err)
	}
	if pub.X.Cmp(keys[0].ECDSAPub.X()) != 0 || pub.Y.Cmp(keys[0].ECDSAPub.Y()) != 0 {
		t.Fatal("signature does not recover the group key")
	}
	for i, c := range conns {
		eventually(t, "echoes", func() bool { return c.EchoStatus().Complete })
		if st := c.EchoStatus(); len(st.Missing)+len(st.Conflicts) != 0 {
			t.Fatalf("engine %d: %+v", i, st)
		}
	}
}

// pump sends what the local party emits: broadcasts to all, the rest to each named
// recipient (found by PartyID.Id, the signer address).
func pump(c *Conn, info SessionInfo, out <-chan tss.Message, errs chan<- error) {
	parties := map[common.Address]Party{}
	for _, p := range info.Parties {
		parties[p.Address] = p
	}
	for m := range out {
		bz, routing, err := m.WireBytes()
		if err != nil {
			errs <- err
			return
		}
		go func() {
			if routing.To == nil {
				if err := c.Send(context.Background(), m.Type(), wire.RoleParty, nil, bz); err != nil {
					errs <- err
				}
				return
			}
			for _, to := range routing.To {
				p := parties[common.HexToAddress(to.Id)]
				if err := c.Send(context.Background(), m.Type(), wire.RoleParty, &p, bz); err != nil {
					errs <- err
				}
			}
		}()
	}
}
