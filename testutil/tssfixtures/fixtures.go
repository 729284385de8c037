// Package tssfixtures serves the project's committed TSS test fixtures: preparams
// generated once by ./gen (make tss-fixtures). Their secrets are public: tests and the
// localnet only, never a key that guards anything.
package tssfixtures

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"embed"
	"encoding/json"
	"fmt"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

//go:embed preparams testkey
var files embed.FS

// Count is the number of committed preparams sets.
const Count = 12

// PreparamsJSON is the committed file of set i as it is (JSON of keygen.LocalPreParams).
func PreparamsJSON(i int) ([]byte, error) {
	bz, err := files.ReadFile(fmt.Sprintf("preparams/party-%02d.json", i))
	if err != nil {
		return nil, fmt.Errorf("tss fixture preparams %d: %w", i, err)
	}
	return bz, nil
}

// Preparams decodes committed preparams set i (0 <= i < Count), a fresh value each call.
func Preparams(i int) (*keygen.LocalPreParams, error) {
	bz, err := PreparamsJSON(i)
	if err != nil {
		return nil, err
	}
	pp := new(keygen.LocalPreParams)
	if err := json.Unmarshal(bz, pp); err != nil {
		return nil, fmt.Errorf("tss fixture preparams %d: %w", i, err)
	}
	if !pp.ValidateWithProof() {
		return nil, fmt.Errorf("tss fixture preparams %d fail validation", i)
	}
	return pp, nil
}

// MustPreparams is Preparams for tests.
func MustPreparams(i int) *keygen.LocalPreParams {
	pp, err := Preparams(i)
	if err != nil {
		panic(err)
	}
	return pp
}

// SignerKey is the i-th fixture party's signer key, derived from a public seed so that
// engines in tests can sign transport messages as the parties of the test key.
func SignerKey(i int) *ecdsa.PrivateKey {
	seed := sha256.Sum256([]byte(fmt.Sprintf("themis/tssfixtures/signer/%d", i)))
	k, err := crypto.ToECDSA(seed[:])
	if err != nil {
		panic(err) // a sha256 output is a valid key with overwhelming probability; fixed seeds checked by tests
	}
	return k
}

// Address is the i-th fixture party's signer address, the one the committed test key
// was made for.
func Address(i int) common.Address { return crypto.PubkeyToAddress(SignerKey(i).PublicKey) }

// TestKeyParties and TestKeyThreshold describe the committed test key: a keygen of
// the first four fixture addresses, generation 1, t = 2.
const (
	TestKeyParties   = 4
	TestKeyThreshold = 2
)

// TestKeyShare returns the committed test key's share of party i.
func TestKeyShare(i int) (*keygen.LocalPartySaveData, error) {
	bz, err := files.ReadFile(fmt.Sprintf("testkey/share-%02d.json", i))
	if err != nil {
		return nil, fmt.Errorf("tss fixture share %d: %w", i, err)
	}
	s := new(keygen.LocalPartySaveData)
	if err := json.Unmarshal(bz, s); err != nil {
		return nil, fmt.Errorf("tss fixture share %d: %w", i, err)
	}
	return s, nil
}
