package randao_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/epoch/randao"
)

var secret = bytes.Repeat([]byte{7}, 32)

func TestOnionPeelsLayerByLayer(t *testing.T) {
	o, err := randao.NewOnion(secret, 0, 64)
	require.NoError(t, err)
	prev := o.Commitment()
	for j := uint64(1); j <= 64; j++ {
		r, err := o.Reveal(j)
		require.NoError(t, err)
		require.NoError(t, randao.Verify(prev[:], r[:]), "reveal %d opens layer %d", j, j-1)
		require.ErrorIs(t, randao.Verify(r[:], prev[:]), randao.ErrBadReveal, "layers never open backwards")
		prev = r
	}
	_, err = o.Reveal(65)
	require.ErrorIs(t, err, randao.ErrExhausted)
	_, err = o.Reveal(0)
	require.ErrorIs(t, err, randao.ErrExhausted)
}

func TestOnionRejectsBadInput(t *testing.T) {
	_, err := randao.NewOnion(secret[:31], 0, 8)
	require.ErrorContains(t, err, "secret of 31 bytes")
	_, err = randao.NewOnion(secret, 0, 0)
	require.ErrorIs(t, err, randao.ErrBadOnion)
	_, err = randao.NewOnion(secret, 0, randao.MaxLength+1)
	require.ErrorContains(t, err, "outside [1, 65536]")
	require.ErrorContains(t, randao.Verify(make([]byte, 31), make([]byte, 32)), "31 and 32 bytes")
	require.ErrorIs(t, randao.Verify(nil, nil), randao.ErrBadReveal)

	a, _ := randao.NewOnion(secret, 0, 8)
	b, _ := randao.NewOnion(secret, 1, 8)
	other, _ := randao.NewOnion(bytes.Repeat([]byte{8}, 32), 0, 8)
	require.NotEqual(t, a.Commitment(), b.Commitment(), "a new index is a new onion")
	require.NotEqual(t, a.Commitment(), other.Commitment(), "a new secret is a new onion")
	ra, _ := a.Reveal(1)
	cb := b.Commitment()
	require.ErrorIs(t, randao.Verify(cb[:], ra[:]), randao.ErrBadReveal, "one onion's reveal does not open another")
}

func TestMixSeparatesEveryInput(t *testing.T) {
	prev := bytes.Repeat([]byte{1}, 32)
	c := []randao.Contribution{{Validator: []byte("val-a"), Reveal: bytes.Repeat([]byte{2}, 32)}}
	base := randao.Mix(prev, "themis-1", 5, c)
	require.Equal(t, base, randao.Mix(prev, "themis-1", 5, c), "deterministic")
	seeds := map[[32]byte]string{base: "base"}
	for name, s := range map[string][32]byte{
		"other prev":     randao.Mix(bytes.Repeat([]byte{9}, 32), "themis-1", 5, c),
		"other chain":    randao.Mix(prev, "themis-2", 5, c),
		"other epoch":    randao.Mix(prev, "themis-1", 6, c),
		"withheld":       randao.Mix(prev, "themis-1", 5, nil),
		"other reveal":   randao.Mix(prev, "themis-1", 5, []randao.Contribution{{Validator: []byte("val-a"), Reveal: bytes.Repeat([]byte{3}, 32)}}),
		"other revealer": randao.Mix(prev, "themis-1", 5, []randao.Contribution{{Validator: []byte("val-b"), Reveal: bytes.Repeat([]byte{2}, 32)}}),
		// Shifting bytes between fields must not collide (length prefixes).
		"shifted": randao.Mix(prev, "themis-1", 5, []randao.Contribution{{Validator: []byte("val-a\x02"), Reveal: bytes.Repeat([]byte{2}, 31)}}),
	} {
		_, dup := seeds[s]
		require.False(t, dup, "%s collides", name)
		seeds[s] = name
	}
}

// Property: for any onion and step, the next reveal opens the current one and a reveal
// two steps on does not (a validator cannot skip a layer to pick another value).
func TestOnionProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		sec := rapid.SliceOfN(rapid.Byte(), 32, 64).Draw(t, "secret")
		length := rapid.Uint64Range(3, 200).Draw(t, "length")
		o, err := randao.NewOnion(sec, rapid.Uint64().Draw(t, "index"), length)
		require.NoError(t, err)
		j := rapid.Uint64Range(1, length-2).Draw(t, "j")
		cur, _ := o.Reveal(j)
		next, _ := o.Reveal(j + 1)
		skip, _ := o.Reveal(j + 2)
		require.NoError(t, randao.Verify(cur[:], next[:]))
		require.ErrorIs(t, randao.Verify(cur[:], skip[:]), randao.ErrBadReveal)
	})
}

// Verify reads reveals from other validators' vote extensions: any bytes, no panic, and
// only the exact preimage passes.
func FuzzVerify(f *testing.F) {
	o, _ := randao.NewOnion(secret, 0, 4)
	c := o.Commitment()
	r, _ := o.Reveal(1)
	f.Add(c[:], r[:])
	f.Add([]byte{}, []byte{1})
	f.Fuzz(func(t *testing.T, prev, reveal []byte) {
		err := randao.Verify(prev, reveal)
		if err == nil && (len(reveal) != 32 || len(prev) != 32) {
			t.Fatalf("accepted %d/%d bytes", len(prev), len(reveal))
		}
	})
}

func BenchmarkRevealFullOnion(b *testing.B) {
	o, _ := randao.NewOnion(secret, 0, randao.MaxLength)
	for b.Loop() {
		_, _ = o.Reveal(1)
	}
}

func TestVerifySkip(t *testing.T) {
	o, err := randao.NewOnion(bytes.Repeat([]byte{3}, 32), 0, 10)
	require.NoError(t, err)
	c := o.Commitment()
	r3, err := o.Reveal(3)
	require.NoError(t, err)
	require.NoError(t, randao.VerifySkip(c[:], r3[:], 3))
	require.ErrorIs(t, randao.VerifySkip(c[:], r3[:], 2), randao.ErrBadReveal)
	require.ErrorIs(t, randao.VerifySkip(c[:], r3[:], 4), randao.ErrBadReveal)
	require.ErrorIs(t, randao.VerifySkip(c[:], r3[:], 0), randao.ErrBadReveal)
	r1, err := o.Reveal(1)
	require.NoError(t, err)
	require.NoError(t, randao.VerifySkip(c[:], r1[:], 1))
	require.NoError(t, randao.Verify(c[:], r1[:]))
}
