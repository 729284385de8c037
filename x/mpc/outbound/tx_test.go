package outbound

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"pgregory.net/rapid"
)

var chainID = big.NewInt(1337)

func gwei(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e9)) }

func TestFeesFor(t *testing.T) {
	cases := []struct {
		name            string
		base, tip, cap  *big.Int
		wantFee, wantTp *big.Int
	}{
		{"headroom", gwei(10), gwei(1), gwei(100), gwei(21), gwei(1)},
		{"capped", gwei(60), gwei(2), gwei(100), gwei(100), gwei(2)},
		{"tip above cap", gwei(1), gwei(200), gwei(100), gwei(100), gwei(100)},
		{"zero base fee", big.NewInt(0), gwei(1), gwei(100), gwei(1), gwei(1)},
	}
	for _, c := range cases {
		f, err := FeesFor(c.base, c.tip, c.cap)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if f.MaxFee.Cmp(c.wantFee) != 0 || f.MaxTip.Cmp(c.wantTp) != 0 {
			t.Errorf("%s: got fee %v tip %v, want %v %v", c.name, f.MaxFee, f.MaxTip, c.wantFee, c.wantTp)
		}
	}
	if _, err := FeesFor(gwei(-1), gwei(1), gwei(1)); !errors.Is(err, ErrBadFees) {
		t.Fatalf("negative base fee: %v", err)
	}
	if _, err := FeesFor(gwei(1), gwei(1), big.NewInt(0)); !errors.Is(err, ErrBadFees) {
		t.Fatalf("zero cap: %v", err)
	}
}

// A replacement always beats its predecessor by the bump on both caps (what geth's
// pool requires), never passes the cap, and says so when it cannot.
func TestBumpProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		capG := rapid.Int64Range(1, 1000).Draw(t, "cap")
		prevFee := rapid.Int64Range(1, capG).Draw(t, "prevFee")
		prevTip := rapid.Int64Range(0, prevFee).Draw(t, "prevTip")
		freshFee := rapid.Int64Range(1, 2000).Draw(t, "freshFee")
		freshTip := rapid.Int64Range(0, freshFee).Draw(t, "freshTip")
		bump := rapid.Uint64Range(0, 100).Draw(t, "bump")
		prev := Fees{MaxFee: gwei(prevFee), MaxTip: gwei(prevTip)}
		fresh := Fees{MaxFee: gwei(freshFee), MaxTip: gwei(freshTip)}
		got, ok := Bump(prev, fresh, bump, gwei(capG))
		if !ok {
			return
		}
		b := bump
		if b < 10 {
			b = 10
		}
		for _, pair := range [][2]*big.Int{{got.MaxFee, prev.MaxFee}, {got.MaxTip, prev.MaxTip}} {
			lhs := new(big.Int).Mul(pair[0], big.NewInt(100))
			rhs := new(big.Int).Mul(pair[1], new(big.Int).SetUint64(100+b))
			if lhs.Cmp(rhs) < 0 {
				t.Fatalf("replacement %v not %d%% above %v", pair[0], b, pair[1])
			}
		}
		if got.MaxFee.Cmp(gwei(capG)) > 0 || got.MaxTip.Cmp(got.MaxFee) > 0 {
			t.Fatalf("replacement breaks the cap: %+v", got)
		}
	})
}

func TestBuildSignAssemble(t *testing.T) {
	pool, _ := crypto.GenerateKey()
	poolAddr := crypto.PubkeyToAddress(pool.PublicKey)
	call := Call{To: common.HexToAddress("0x1111111111111111111111111111111111111111"), Data: []byte{1, 2, 3}, Gas: 100_000}
	fees, _ := FeesFor(gwei(10), gwei(1), gwei(100))
	tx, err := Build(chainID, 7, call, fees)
	if err != nil {
		t.Fatal(err)
	}
	h := SigningHash(chainID, tx)
	sig, err := crypto.Sign(h[:], pool)
	if err != nil {
		t.Fatal(err)
	}
	signed, err := Assemble(chainID, tx, sig, poolAddr)
	if err != nil {
		t.Fatal(err)
	}
	if signed.Nonce() != 7 || signed.Gas() != 100_000 || *signed.To() != call.To {
		t.Fatalf("signed tx differs: %+v", signed)
	}
	// Deterministic: the same inputs give the same hash on every validator.
	tx2, _ := Build(chainID, 7, call, fees)
	if SigningHash(chainID, tx2) != h {
		t.Fatal("signing hash is not deterministic")
	}
	other, _ := crypto.GenerateKey()
	bad, _ := crypto.Sign(h[:], other)
	if _, err := Assemble(chainID, tx, bad, poolAddr); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("a signature by another key: %v", err)
	}
	if _, err := Assemble(big.NewInt(1), tx, sig, poolAddr); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("a signature for another chain id: %v", err)
	}
	if _, err := Assemble(chainID, tx, sig[:64], poolAddr); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("short signature: %v", err)
	}
}

func TestBuildRejects(t *testing.T) {
	fees, _ := FeesFor(gwei(10), gwei(1), gwei(100))
	if _, err := Build(chainID, 0, Call{Gas: 50_000}, fees); !errors.Is(err, ErrBadCall) {
		t.Fatalf("no recipient: %v", err)
	}
	to := common.HexToAddress("0x01")
	if _, err := Build(chainID, 0, Call{To: to, Gas: 100}, fees); !errors.Is(err, ErrBadCall) {
		t.Fatalf("gas below 21000: %v", err)
	}
	if _, err := Build(chainID, 0, Call{To: to, Gas: 50_000}, Fees{MaxFee: gwei(1), MaxTip: gwei(2)}); !errors.Is(err, ErrBadFees) {
		t.Fatalf("tip above cap: %v", err)
	}
}
