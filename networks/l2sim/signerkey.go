package l2sim

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"os"
	"strings"

	cmtsecp "github.com/cometbft/cometbft/crypto/secp256k1"
	cmtjson "github.com/cometbft/cometbft/libs/json"
	"github.com/cometbft/cometbft/privval"
	"github.com/ethereum/go-ethereum/crypto"
)

// LoadSignerKey reads a CometBFT priv_validator_key.json holding a secp256k1 key: the
// sequencer's consensus key, which is also its L1 signer and so its L2 producer key.
// It parses the file itself rather than through privval.LoadFilePV, which exits the
// process on a missing or malformed file instead of returning an error.
func LoadSignerKey(path string) (*ecdsa.PrivateKey, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no signer key at %s: run 'themisd init' first, or pass the node's --home", path)
	}
	if err != nil {
		return nil, fmt.Errorf("signer key: %w", err)
	}
	var pvKey privval.FilePVKey
	if err := cmtjson.Unmarshal(data, &pvKey); err != nil {
		return nil, fmt.Errorf("signer key %s is not a CometBFT priv_validator_key.json: %w", path, err)
	}
	if pvKey.PrivKey == nil {
		return nil, fmt.Errorf("signer key %s has no priv_key", path)
	}
	priv, ok := pvKey.PrivKey.(cmtsecp.PrivKey)
	if !ok {
		return nil, fmt.Errorf("signer key %s is a %s key; the L2 producer key must be secp256k1", path, pvKey.PrivKey.Type())
	}
	key, err := crypto.ToECDSA(priv.Bytes())
	if err != nil {
		return nil, fmt.Errorf("signer key %s: %w", path, err)
	}
	return key, nil
}

// ParsePeers splits a comma-separated list of peer URLs (http or https), skipping
// empty entries.
func ParsePeers(list string) ([]string, error) {
	var peers []string
	for _, p := range strings.Split(list, ",") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		u, err := normalizePeer(p)
		if err != nil {
			return nil, err
		}
		peers = append(peers, u)
	}
	return peers, nil
}
