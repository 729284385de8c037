package keystore

import (
	"bytes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/scrypt"
)

// Mode says what a store's sealing key is derived from.
type Mode uint8

const (
	// ModeNodeKey: the node key alone; a restart needs nothing but the node's own files.
	ModeNodeKey Mode = 1
	// ModeNodeKeyPassphrase: the node key and a passphrase; a restart needs the passphrase.
	ModeNodeKeyPassphrase Mode = 2
)

func (m Mode) String() string {
	switch m {
	case ModeNodeKey:
		return "node-key"
	case ModeNodeKeyPassphrase:
		return "node-key+passphrase"
	default:
		return fmt.Sprintf("mode(%d)", uint8(m))
	}
}

// kdfInfo names this use of the node key; a new derivation gets a new version here,
// so no other use of the node key can ever produce the same AEAD key.
const kdfInfo = "themis/tss/keystore/v1"

// checkLen is the length of the key-check ids. They only tell a wrong key from a
// damaged file: 64 bits make an accidental match negligible, and they reveal nothing
// about the key (HKDF outputs under other info strings).
const checkLen = 8

// ScryptParams are the passphrase KDF's salt and costs, stored in the store's header.
type ScryptParams struct {
	Salt []byte `json:"salt"`
	N    int    `json:"n"`
	R    int    `json:"r"`
	P    int    `json:"p"`
}

// Cost bounds for scrypt. The default costs 32 MiB and about 0.1 s per open; the
// upper bound keeps a doctored header from making Open take hours.
const (
	DefaultScryptN = 1 << 15
	minScryptN     = 1 << 10
	maxScryptN     = 1 << 22
	scryptSaltLen  = 32
)

// NewScryptParams draws a fresh salt; n = 0 takes DefaultScryptN.
func NewScryptParams(n int) (*ScryptParams, error) {
	if n == 0 {
		n = DefaultScryptN
	}
	p := &ScryptParams{Salt: make([]byte, scryptSaltLen), N: n, R: 8, P: 1}
	if _, err := rand.Read(p.Salt); err != nil {
		return nil, err
	}
	return p, p.validate()
}

func (p *ScryptParams) validate() error {
	if p == nil {
		return fmt.Errorf("passphrase mode without scrypt parameters")
	}
	if len(p.Salt) < 16 || p.N < minScryptN || p.N > maxScryptN || p.N&(p.N-1) != 0 || p.R < 1 || p.R > 32 || p.P < 1 || p.P > 16 {
		return fmt.Errorf("scrypt parameters out of range (n=%d r=%d p=%d, %d-byte salt)", p.N, p.R, p.P, len(p.Salt))
	}
	return nil
}

// Sealer seals and opens blobs with one key. It is safe for concurrent use.
type Sealer struct {
	mode      Mode
	aead      cipher.AEAD
	nodeCheck [checkLen]byte
	keyCheck  [checkLen]byte
}

// NewSealer derives the sealing key from the node's private key bytes and, when
// passphrase is not empty, from scrypt(passphrase, kdf.Salt) too.
func NewSealer(nodeKey, passphrase []byte, kdf *ScryptParams) (*Sealer, error) {
	if len(nodeKey) < 32 {
		return nil, fmt.Errorf("node key of %d bytes is too short", len(nodeKey))
	}
	s := &Sealer{mode: ModeNodeKey}
	if err := derive(s.nodeCheck[:], nodeKey, kdfInfo+"/node-check"); err != nil {
		return nil, err
	}
	ikm := nodeKey
	if len(passphrase) > 0 {
		if err := kdf.validate(); err != nil {
			return nil, err
		}
		pw, err := scrypt.Key(passphrase, kdf.Salt, kdf.N, kdf.R, kdf.P, 32)
		if err != nil {
			return nil, err
		}
		ikm = append(append(make([]byte, 0, len(nodeKey)+len(pw)), nodeKey...), pw...)
		s.mode = ModeNodeKeyPassphrase
	}
	key := make([]byte, chacha20poly1305.KeySize)
	if err := derive(key, ikm, kdfInfo); err != nil {
		return nil, err
	}
	if err := derive(s.keyCheck[:], ikm, kdfInfo+"/key-check"); err != nil {
		return nil, err
	}
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, err
	}
	s.aead = aead
	return s, nil
}

func derive(out, ikm []byte, info string) error {
	k, err := hkdf.Key(sha256.New, ikm, nil, info, len(out))
	if err != nil {
		return err
	}
	copy(out, k)
	return nil
}

// Mode is what the key is derived from.
func (s *Sealer) Mode() Mode { return s.mode }

// Blob layout (all integers are single bytes):
//
//	magic "TKS1" | version | mode | node-check (8) | key-check (8) | nonce (24) | ciphertext+tag
//
// The whole prefix up to the nonce and the blob's purpose name are the AEAD's
// additional data: a blob moved to another name, or with an edited mode byte, fails.
var blobMagic = []byte("TKS1")

const (
	blobVersion   = 1
	blobPrefixLen = 4 + 1 + 1 + checkLen + checkLen
	blobHeaderLen = blobPrefixLen + chacha20poly1305.NonceSizeX
	// BlobOverhead is what sealing adds to a plaintext's length.
	BlobOverhead = blobHeaderLen + chacha20poly1305.Overhead
)

// Seal encrypts plaintext for the purpose name (a file name, "backup", ...).
func (s *Sealer) Seal(name string, plaintext []byte) ([]byte, error) {
	out := make([]byte, blobHeaderLen, BlobOverhead+len(plaintext))
	copy(out, blobMagic)
	out[4], out[5] = blobVersion, byte(s.mode)
	copy(out[6:], s.nodeCheck[:])
	copy(out[6+checkLen:], s.keyCheck[:])
	if _, err := rand.Read(out[blobPrefixLen:blobHeaderLen]); err != nil {
		return nil, err
	}
	return s.aead.Seal(out, out[blobPrefixLen:blobHeaderLen], plaintext, additionalData(out[:blobHeaderLen], name)), nil
}

// Open authenticates and decrypts a blob sealed for name. A blob sealed with another
// node key or passphrase is reported as such before any decryption is tried.
func (s *Sealer) Open(name string, blob []byte) ([]byte, error) {
	if len(blob) < BlobOverhead || !bytes.Equal(blob[:4], blobMagic) {
		return nil, fmt.Errorf("%s: %w", name, ErrCorrupt)
	}
	if blob[4] != blobVersion {
		return nil, fmt.Errorf("%s: %w (version %d)", name, ErrUnsupported, blob[4])
	}
	if !bytes.Equal(blob[6:6+checkLen], s.nodeCheck[:]) {
		return nil, fmt.Errorf("%s: %w", name, ErrWrongNodeKey)
	}
	switch m := Mode(blob[5]); {
	case m == ModeNodeKeyPassphrase && s.mode == ModeNodeKey:
		return nil, fmt.Errorf("%s: %w", name, ErrPassphraseRequired)
	case m != s.mode:
		return nil, fmt.Errorf("%s: sealed in mode %s, opened in mode %s: %w", name, m, s.mode, ErrCorrupt)
	}
	if !bytes.Equal(blob[6+checkLen:blobPrefixLen], s.keyCheck[:]) {
		if s.mode == ModeNodeKeyPassphrase {
			return nil, fmt.Errorf("%s: %w", name, ErrWrongPassphrase)
		}
		return nil, fmt.Errorf("%s: %w", name, ErrCorrupt)
	}
	pt, err := s.aead.Open(nil, blob[blobPrefixLen:blobHeaderLen], blob[blobHeaderLen:], additionalData(blob[:blobHeaderLen], name))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, ErrCorrupt)
	}
	return pt, nil
}

func additionalData(header []byte, name string) []byte {
	ad := make([]byte, 0, len(header)+len(kdfInfo)+1+len(name))
	ad = append(ad, header...)
	ad = append(ad, kdfInfo...)
	ad = append(ad, 0)
	return append(ad, name...)
}
