package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/testutil/tssfixtures"
	"github.com/themis-network/themis/tss/session"
)

// memNet delivers messages between the sessions of one process.
type memNet struct {
	self     common.Address
	sessions map[common.Address]*session.Session
}

func (n memNet) Send(_ context.Context, m session.Outbound) error {
	for a, s := range n.sessions {
		if a == n.self || (m.To != nil && *m.To != a) {
			continue
		}
		_ = s.Deliver(session.Inbound{From: n.self, FromRole: m.FromRole, ToRole: m.ToRole, Round: m.Round, Broadcast: m.Broadcast, Payload: m.Payload})
	}
	return nil
}

// makeTestKey runs a keygen of the fixture addresses with the fixture preparams and
// writes each party's share: unit tests sign with it without a keygen of their own.
func makeTestKey(dir string, parties []common.Address, threshold int, preparams []*keygen.LocalPreParams) error {
	sessions := map[common.Address]*session.Session{}
	for i, a := range parties {
		plan := session.Plan{ID: [32]byte{0xfe}, Kind: session.KindKeygen, Self: a, Parties: parties, Threshold: threshold, Generation: 1, RoundTimeout: 5 * time.Minute}
		s, err := session.New(plan, memNet{self: a, sessions: sessions}, session.Inputs{Preparams: preparams[i]})
		if err != nil {
			return err
		}
		sessions[a] = s
	}
	results := make([]*session.Result, len(parties))
	errs := make([]error, len(parties))
	var wg sync.WaitGroup
	for i, a := range parties {
		wg.Add(1)
		go func(i int, s *session.Session) {
			defer wg.Done()
			results[i], errs[i] = s.Run(context.Background())
		}(i, sessions[a])
	}
	wg.Wait()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range parties {
		if errs[i] != nil {
			return fmt.Errorf("party %d: %w", i, errs[i])
		}
		bz, err := json.Marshal(results[i].Share)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("share-%02d.json", i)), bz, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("test key %x in %s\n", results[0].PublicKey, dir)
	return nil
}

// writeTestKey makes the committed test key unless it is already there.
func writeTestKey(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "share-00.json")); err == nil {
		fmt.Printf("%s has a test key, kept\n", dir)
		return nil
	}
	parties := make([]common.Address, tssfixtures.TestKeyParties)
	preparams := make([]*keygen.LocalPreParams, len(parties))
	for i := range parties {
		parties[i] = tssfixtures.Address(i)
		pp, err := tssfixtures.Preparams(i)
		if err != nil {
			return err
		}
		preparams[i] = pp
	}
	return makeTestKey(dir, parties, tssfixtures.TestKeyThreshold, preparams)
}
