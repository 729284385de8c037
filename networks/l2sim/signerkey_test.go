package l2sim

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cometbft/cometbft/crypto/ed25519"
	cmtsecp "github.com/cometbft/cometbft/crypto/secp256k1"
	"github.com/cometbft/cometbft/privval"
	"github.com/ethereum/go-ethereum/crypto"
)

func TestLoadSignerKey(t *testing.T) {
	dir := t.TempDir()
	keyFile, stateFile := filepath.Join(dir, "key.json"), filepath.Join(dir, "state.json")
	priv := cmtsecp.GenPrivKey()
	privval.NewFilePV(priv, keyFile, stateFile).Save()
	key, err := LoadSignerKey(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := crypto.ToECDSA(priv.Bytes())
	if crypto.PubkeyToAddress(key.PublicKey) != crypto.PubkeyToAddress(want.PublicKey) {
		t.Fatal("loaded another key")
	}

	if _, err := LoadSignerKey(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "themisd init") {
		t.Errorf("missing file: %v", err)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{not json"), 0o600)
	if _, err := LoadSignerKey(bad); err == nil {
		t.Error("malformed file accepted")
	}
	edFile := filepath.Join(dir, "ed.json")
	privval.NewFilePV(ed25519.GenPrivKey(), edFile, filepath.Join(dir, "ed_state.json")).Save()
	if _, err := LoadSignerKey(edFile); err == nil || !strings.Contains(err.Error(), "secp256k1") {
		t.Errorf("ed25519 key: %v", err)
	}
}

func TestParsePeers(t *testing.T) {
	got, err := ParsePeers(" http://127.0.0.1:8645, ,https://x:1/ ")
	if err != nil || len(got) != 2 || got[0] != "http://127.0.0.1:8645" || got[1] != "https://x:1/" {
		t.Fatalf("%q %v", got, err)
	}
	if got, err := ParsePeers(""); err != nil || len(got) != 0 {
		t.Fatalf("empty: %q %v", got, err)
	}
	for _, bad := range []string{"127.0.0.1:8645", "ftp://x", "http://"} {
		if _, err := ParsePeers(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
