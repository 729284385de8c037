package l2

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func leaf(h common.Hash) common.Hash { return crypto.Keccak256Hash([]byte{0}, h[:]) }
func node(l, r common.Hash) common.Hash {
	return crypto.Keccak256Hash([]byte{1}, l[:], r[:])
}

// The tree shapes of RFC 6962 section 2.1, written out by hand.
func TestMerkleRootShapes(t *testing.T) {
	a, b, c, d, e := common.Hash{0xa}, common.Hash{0xb}, common.Hash{0xc}, common.Hash{0xd}, common.Hash{0xe}
	for _, tc := range []struct {
		name   string
		leaves []common.Hash
		want   common.Hash
	}{
		{"empty", nil, crypto.Keccak256Hash()},
		{"one", []common.Hash{a}, leaf(a)},
		{"two", []common.Hash{a, b}, node(leaf(a), leaf(b))},
		{"three: split at two", []common.Hash{a, b, c}, node(node(leaf(a), leaf(b)), leaf(c))},
		{"four", []common.Hash{a, b, c, d}, node(node(leaf(a), leaf(b)), node(leaf(c), leaf(d)))},
		{"five: split at four", []common.Hash{a, b, c, d, e}, node(node(node(leaf(a), leaf(b)), node(leaf(c), leaf(d))), leaf(e))},
	} {
		t.Run(tc.name, func(t *testing.T) { require.Equal(t, tc.want, MerkleRoot(tc.leaves)) })
	}
}

// Property: two different lists never share a root (in particular a list and the list
// of its inner nodes, or a list and itself with a leaf appended, dropped or moved).
func TestMerkleRootDistinct(t *testing.T) {
	gen := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) common.Hash {
		return common.Hash{rapid.Byte().Draw(t, "b")}
	}), 0, 40)
	rapid.Check(t, func(t *rapid.T) {
		x, y := gen.Draw(t, "x"), gen.Draw(t, "y")
		same := len(x) == len(y)
		for i := 0; same && i < len(x); i++ {
			same = x[i] == y[i]
		}
		if same != (MerkleRoot(x) == MerkleRoot(y)) {
			t.Fatalf("lists %v and %v: same %v, roots %s %s", x, y, same, MerkleRoot(x), MerkleRoot(y))
		}
	})
	a, b := common.Hash{1}, common.Hash{2}
	require.NotEqual(t, MerkleRoot([]common.Hash{a, b}), MerkleRoot([]common.Hash{node(leaf(a), leaf(b))}),
		"an inner node does not pass for a leaf")
}
