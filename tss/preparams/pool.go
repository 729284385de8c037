package preparams

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"

	"github.com/themis-network/themis/tss/keystore"
)

// ErrEmpty: the pool holds no set.
var ErrEmpty = errors.New("the preparams pool is empty: run `themisd tss init` (or let the node's background top-up refill it)")

// dir is where the pool's sets live in the store: preparams/<fingerprint>.sealed.
const dir = "preparams"

// Pool is the preparams sets sealed in a keystore. It is safe for concurrent use, also
// by several processes on one store.
type Pool struct {
	store *keystore.Store
	taken chan struct{}
}

// NewPool is the pool in store.
func NewPool(store *keystore.Store) *Pool {
	return &Pool{store: store, taken: make(chan struct{}, 1)}
}

// Count is how many sets the pool holds. A listing error counts as empty; the
// same error then comes back from Put or Take, where it can be acted on.
func (p *Pool) Count() int {
	names, err := p.store.List(dir)
	if err != nil {
		return 0
	}
	return len(names)
}

// fingerprint names a set by its public moduli, so the same set (an imported fixture
// imported twice) is stored once; the moduli are public in every keygen anyway.
func fingerprint(pp *keygen.LocalPreParams) string {
	h := sha256.New()
	h.Write(pp.NTildei.Bytes())
	h.Write([]byte{0})
	h.Write(pp.PaillierSK.N.Bytes())
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Put validates a set and seals it into the pool; a set already there is no error.
func (p *Pool) Put(pp *keygen.LocalPreParams) error {
	_, err := p.put(pp)
	return err
}

func (p *Pool) put(pp *keygen.LocalPreParams) (added bool, err error) {
	if err := validate(pp); err != nil {
		return false, err
	}
	bz, err := json.Marshal(pp)
	if err != nil {
		return false, err
	}
	err = p.store.Put(dir+"/"+fingerprint(pp), bz)
	if errors.Is(err, keystore.ErrExists) {
		return false, nil
	}
	return err == nil, err
}

// Take removes one set from the pool and returns it; ErrEmpty when there is none. A
// set is handed out once, even to takers in different processes.
func (p *Pool) Take() (*keygen.LocalPreParams, error) {
	names, err := p.store.List(dir)
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		bz, err := p.store.Take(name)
		if errors.Is(err, keystore.ErrNotFound) {
			continue // another taker won this one
		}
		if err != nil {
			return nil, err
		}
		select {
		case p.taken <- struct{}{}:
		default:
		}
		pp := new(keygen.LocalPreParams)
		if err := json.Unmarshal(bz, pp); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if err := validate(pp); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return pp, nil
	}
	return nil, ErrEmpty
}

// Taken receives (coalesced) after every Take in this process: the top-up's cue.
func (p *Pool) Taken() <-chan struct{} { return p.taken }
