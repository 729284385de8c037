package keystore

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// headerFile is the store's plaintext header: the mode, the passphrase KDF's salt and
// costs, and the key-check ids. It holds no secret. It is written once, when the store
// is created, and never changed; it is part of every backup.
const headerFile = "keystore.json"

const headerFormat = 1

type header struct {
	Format    int           `json:"format"`
	Mode      string        `json:"mode"`
	NodeCheck string        `json:"node_check"`
	KeyCheck  string        `json:"key_check"`
	Scrypt    *ScryptParams `json:"scrypt,omitempty"`
}

func newHeader(s *Sealer, kdf *ScryptParams) header {
	h := header{
		Format:    headerFormat,
		Mode:      s.mode.String(),
		NodeCheck: hex.EncodeToString(s.nodeCheck[:]),
		KeyCheck:  hex.EncodeToString(s.keyCheck[:]),
	}
	if s.mode == ModeNodeKeyPassphrase {
		h.Scrypt = kdf
	}
	return h
}

func parseHeader(bz []byte) (header, error) {
	var h header
	if err := json.Unmarshal(bz, &h); err != nil {
		return h, fmt.Errorf("%s: %w", headerFile, err)
	}
	if h.Format != headerFormat {
		return h, fmt.Errorf("%s: %w (format %d)", headerFile, ErrUnsupported, h.Format)
	}
	if _, err := h.mode(); err != nil {
		return h, err
	}
	return h, nil
}

func (h header) mode() (Mode, error) {
	for _, m := range []Mode{ModeNodeKey, ModeNodeKeyPassphrase} {
		if h.Mode == m.String() {
			return m, nil
		}
	}
	return 0, fmt.Errorf("%s: unknown mode %q", headerFile, h.Mode)
}

// sealer derives the header's key from the node key and passphrase, and tells a wrong
// node key from a wrong passphrase with the header's check ids, before any file is read.
func (h header) sealer(nodeKey, passphrase []byte) (*Sealer, error) {
	mode, err := h.mode()
	if err != nil {
		return nil, err
	}
	switch {
	case mode == ModeNodeKeyPassphrase && len(passphrase) == 0:
		return nil, ErrPassphraseRequired
	case mode == ModeNodeKey && len(passphrase) > 0:
		return nil, ErrPassphraseUnused
	}
	s, err := NewSealer(nodeKey, passphrase, h.Scrypt)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", headerFile, err)
	}
	if hex.EncodeToString(s.nodeCheck[:]) != h.NodeCheck {
		return nil, ErrWrongNodeKey
	}
	if hex.EncodeToString(s.keyCheck[:]) != h.KeyCheck {
		if mode == ModeNodeKeyPassphrase {
			return nil, ErrWrongPassphrase
		}
		return nil, fmt.Errorf("%s: key-check id does not match the node key's: %w", headerFile, ErrCorrupt)
	}
	return s, nil
}

func readHeader(dir string) ([]byte, error) {
	return os.ReadFile(filepath.Join(dir, headerFile))
}

func marshalHeader(h header) ([]byte, error) {
	bz, err := json.MarshalIndent(h, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(bz, '\n'), nil
}
