package keystore

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSealerRoundTripBindsName(t *testing.T) {
	s, err := NewSealer(newNodeKey(), nil, nil)
	require.NoError(t, err)
	blob, err := s.Seal("preparams/a", []byte("secret"))
	require.NoError(t, err)
	require.Len(t, blob, BlobOverhead+len("secret"))
	pt, err := s.Open("preparams/a", blob)
	require.NoError(t, err)
	require.Equal(t, "secret", string(pt))

	// The same blob under another name is refused: files cannot be swapped.
	_, err = s.Open("preparams/b", blob)
	require.ErrorIs(t, err, ErrCorrupt)
	require.ErrorContains(t, err, "preparams/b")
}

func TestSealerTellsWrongNodeKeyFromDamage(t *testing.T) {
	nk := newNodeKey()
	s, err := NewSealer(nk, nil, nil)
	require.NoError(t, err)
	blob, err := s.Seal("x", []byte("secret"))
	require.NoError(t, err)

	other, err := NewSealer(newNodeKey(), nil, nil)
	require.NoError(t, err)
	_, err = other.Open("x", blob)
	require.ErrorIs(t, err, ErrWrongNodeKey)

	for i := range blob {
		if i >= 6 && i < blobPrefixLen { // the check ids: those report a wrong key
			continue
		}
		bad := append([]byte(nil), blob...)
		bad[i] ^= 0x01
		_, err := s.Open("x", bad)
		require.Error(t, err, "flipped byte %d", i)
		require.NotErrorIs(t, err, ErrWrongNodeKey, "flipped byte %d", i)
	}
	_, err = s.Open("x", blob[:len(blob)-1])
	require.ErrorIs(t, err, ErrCorrupt, "torn")
	_, err = s.Open("x", blob[:10])
	require.ErrorIs(t, err, ErrCorrupt, "torn header")
}

func TestSealerPassphraseMode(t *testing.T) {
	nk := newNodeKey()
	kdf, err := NewScryptParams(fastScrypt)
	require.NoError(t, err)
	s, err := NewSealer(nk, []byte("correct horse"), kdf)
	require.NoError(t, err)
	require.Equal(t, ModeNodeKeyPassphrase, s.Mode())
	blob, err := s.Seal("x", []byte("secret"))
	require.NoError(t, err)

	wrong, err := NewSealer(nk, []byte("battery staple"), kdf)
	require.NoError(t, err)
	_, err = wrong.Open("x", blob)
	require.ErrorIs(t, err, ErrWrongPassphrase)

	nodeOnly, err := NewSealer(nk, nil, nil)
	require.NoError(t, err)
	_, err = nodeOnly.Open("x", blob)
	require.ErrorIs(t, err, ErrPassphraseRequired)

	// A different node key is reported as such even with the right passphrase.
	otherNode, err := NewSealer(newNodeKey(), []byte("correct horse"), kdf)
	require.NoError(t, err)
	_, err = otherNode.Open("x", blob)
	require.ErrorIs(t, err, ErrWrongNodeKey)
}

func TestScryptParamsBounded(t *testing.T) {
	_, err := NewSealer(newNodeKey(), []byte("p"), &ScryptParams{Salt: make([]byte, 32), N: 1 << 30, R: 8, P: 1})
	require.Error(t, err, "a doctored header must not make an open take hours")
	_, err = NewSealer(newNodeKey(), []byte("p"), &ScryptParams{Salt: make([]byte, 32), N: 2, R: 8, P: 1})
	require.Error(t, err)
}
