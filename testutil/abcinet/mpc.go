package abcinet

import (
	"context"
	"crypto/ecdsa"
	"sync"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/crypto"

	mpckeeper "github.com/themis-network/themis/x/mpc/keeper"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
)

// MpcOptions give every validator a stand-in TSS engine (MpcEngine) and x/mpc's
// genesis params.
type MpcOptions struct {
	Params mpctypes.Params
	// Group is the key the honest engines hold between them (they report its public
	// key for keygens and resharings and sign with it).
	Group *ecdsa.PrivateKey
}

// MpcEngine stands in for a validator's TSS engine: it reports ready, the confirmed
// generation it holds a share of, and, for every open session it is a party of, what
// an honest engine that ran it would (the group's key, or the group's signature of
// the digest). FakeKey makes it report that key for keygens and resharings instead.
type MpcEngine struct {
	mu      sync.Mutex
	keeper  mpckeeper.Keeper
	pub     []byte
	group   *ecdsa.PrivateKey
	fakeKey []byte
}

// SetFakeKey makes the engine lie about the key of keygens and resharings.
func (e *MpcEngine) SetFakeKey(key []byte) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.fakeKey = key
}

func isParty(ps []mpctypes.Party, pub []byte) bool {
	for _, p := range ps {
		if string(p.PubKey) == string(pub) {
			return true
		}
	}
	return false
}

// Report implements voteext.ReportSource.
func (e *MpcEngine) Report(_ context.Context, chain sdk.Context, _ int64) ([]byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	r := mpctypes.MpcReport{Ready: true}
	pool, has, err := e.keeper.GetPoolKey(chain)
	if err != nil {
		return nil, err
	}
	if has && isParty(pool.Committee.Members, e.pub) {
		r.ShareGeneration = pool.Generation
	}
	open, err := e.keeper.OpenSessionList(chain)
	if err != nil {
		return nil, err
	}
	for _, s := range open {
		switch s.Kind {
		case mpctypes.SESSION_KIND_KEYGEN, mpctypes.SESSION_KIND_RESHARE:
			if !isParty(s.NewParties, e.pub) {
				continue
			}
			key := crypto.CompressPubkey(&e.group.PublicKey)
			if e.fakeKey != nil {
				key = e.fakeKey
			}
			r.Results = append(r.Results, &mpctypes.SessionResult{SessionKey: s.SessionKey, PublicKey: key})
		case mpctypes.SESSION_KIND_SIGN:
			if !isParty(s.Signers, e.pub) {
				continue
			}
			sig, err := crypto.Sign(s.Digest, e.group)
			if err != nil {
				return nil, err
			}
			r.Results = append(r.Results, &mpctypes.SessionResult{SessionKey: s.SessionKey, Signature: sig})
		}
	}
	return mpctypes.EncodeReport(r)
}
