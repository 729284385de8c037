package reporter

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/themis-network/themis/x/epoch/randao"
	"github.com/themis-network/themis/x/epoch/types"
)

// DefaultOnionLength is the number of reveals per onion: about 4.5 hours of blocks at
// one second, after which the node commits a fresh onion (that block it reveals
// nothing). The node keeps the layers in memory (512 KiB).
const DefaultOnionLength = 1 << 14

// SecretLen is the size of the onion secret.
const SecretLen = 32

// LoadOrCreateSecret reads the onion secret at path, creating it (0600) with fresh
// randomness if it does not exist. Losing it only costs this validator its reveals
// until it commits a new onion; leaking it lets others predict its reveals (not its
// signatures), so it is kept like the consensus key, not in the data the node shares.
func LoadOrCreateSecret(path string) ([]byte, error) {
	bz, err := os.ReadFile(path)
	if err == nil {
		if len(bz) != SecretLen {
			return nil, fmt.Errorf("onion secret %s has %d bytes, want %d (move it away to start a new onion)", path, len(bz), SecretLen)
		}
		return bz, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	secret := make([]byte, SecretLen)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	// Write to a temporary file and rename, so a crash never leaves a short secret.
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, secret, 0o600); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return nil, err
	}
	return secret, nil
}

// onions derives this validator's onions, remembers the layers of the current one,
// and which onion it reveals from. The reveal of extension height H is layer
// length - (H - start): one value per height, whatever the chain has applied yet
// (ExtendVote sees the state before the previous height's extensions are applied).
type onions struct {
	secret []byte
	length uint64
	index  uint64
	// layers[k] = sha256^k(root) of onion index; nil until first built.
	layers [][randao.Size]byte
	// cur is the onion being revealed: its index and the height that committed it.
	cur struct {
		index uint64
		start int64
		valid bool
	}
}

// layersOf returns the layers of onion index, building them once.
func (o *onions) layersOf(index uint64) ([][randao.Size]byte, error) {
	if o.layers != nil && o.index == index {
		return o.layers, nil
	}
	on, err := randao.NewOnion(o.secret, index, o.length)
	if err != nil {
		return nil, err
	}
	root, err := on.Reveal(on.Length) // layer 0
	if err != nil {
		return nil, err
	}
	layers := make([][randao.Size]byte, o.length+1)
	layers[0] = root
	for k := uint64(1); k <= o.length; k++ {
		layers[k] = sha256.Sum256(layers[k-1][:])
	}
	o.index, o.layers = index, layers
	return layers, nil
}

// next fills r, for extension height, with the reveal of the current onion, or with
// a new commitment when there is none this node can open (first start, used up, lost
// by the chain, or made from another secret).
func (o *onions) next(st types.OnionState, has bool, height int64, r *types.Report) error {
	if !o.cur.valid && has {
		o.adopt(st) // after a restart: continue the chain's onion if it is ours
	}
	if o.cur.valid {
		d := height - o.cur.start
		layers, err := o.layersOf(o.cur.index)
		if err != nil {
			return err
		}
		if d == 0 { // another round of the committing height: the same commitment
			outer := layers[o.length]
			r.Commitment = &types.OnionCommitment{Index: o.cur.index, Length: o.length, Layer: outer[:]}
			return nil
		}
		if d > 0 && uint64(d) <= o.length && o.chainHolds(st, has, height) {
			reveal := layers[o.length-uint64(d)]
			r.Reveal = reveal[:]
			return nil
		}
	}
	index := uint64(0)
	if has {
		index = st.Index + 1
	}
	if o.cur.valid && o.cur.index >= index {
		index = o.cur.index + 1
	}
	layers, err := o.layersOf(index)
	if err != nil {
		return err
	}
	outer := layers[o.length]
	r.Commitment = &types.OnionCommitment{Index: index, Length: o.length, Layer: outer[:]}
	o.cur.index, o.cur.start, o.cur.valid = index, height, true
	return nil
}

// chainHolds tells whether the chain has (or is about to have) the current onion: the
// commitment is applied one height after it is made, so for two heights the chain may
// not show it yet. After that it must be there, within the reveal skip bound.
func (o *onions) chainHolds(st types.OnionState, has bool, height int64) bool {
	if height-o.cur.start <= 2 {
		return true
	}
	return has && st.Index == o.cur.index && st.StartHeight == o.cur.start &&
		height-st.LayerHeight <= types.MaxRevealSkip
}

// adopt takes over the chain's onion for this validator if this node's secret made it.
func (o *onions) adopt(st types.OnionState) {
	if st.Length != o.length || st.LayerHeight < st.StartHeight {
		return
	}
	used := uint64(st.LayerHeight - st.StartHeight)
	if used > o.length {
		return
	}
	layers, err := o.layersOf(st.Index)
	if err != nil || !bytes.Equal(layers[o.length-used][:], st.Layer) {
		return
	}
	o.cur.index, o.cur.start, o.cur.valid = st.Index, st.StartHeight, true
}
