package keystore

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/cometbft/cometbft/p2p"
)

// LoadNodeKey reads the CometBFT node key (config/node_key.json, or wherever
// config.toml's node_key_file points) and returns its ed25519 private key bytes, the
// input of the sealing key. The node key, not the consensus key, because a signer
// change on L1 replaces the consensus key, and the pool's preparams must survive that.
func LoadNodeKey(path string) ([]byte, error) {
	nk, err := p2p.LoadNodeKey(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", path, ErrNoNodeKey)
	}
	if err != nil {
		return nil, fmt.Errorf("read node key %s: %w", path, err)
	}
	priv, ok := nk.PrivKey.(ed25519.PrivKey)
	if !ok || len(priv) != ed25519.PrivateKeySize {
		return nil, fmt.Errorf("node key %s is not an ed25519 key", path)
	}
	return priv.Bytes(), nil
}
