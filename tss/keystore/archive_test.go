package keystore

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestBackupRestoresOnANewMachineWithTheSameNodeKey(t *testing.T) {
	nk := newNodeKey()
	s := openNew(t, nk, []byte("pw"))
	require.NoError(t, s.Put("preparams/a", []byte("pp")))
	sh := s.Shares()
	require.NoError(t, sh.PutPending(key, 1, save(1)))
	require.NoError(t, sh.Confirm(key, 1))
	require.NoError(t, sh.PutPending(key, 2, save(2)))

	out := filepath.Join(t.TempDir(), "tss-backup")
	n, err := s.BackupFile(out)
	require.NoError(t, err)
	require.Equal(t, 4, n)
	fi, err := os.Stat(out)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	_, err = s.BackupFile(out)
	require.ErrorIs(t, err, ErrExists, "a backup never overwrites a file")
	raw, err := os.ReadFile(out)
	require.NoError(t, err)
	require.NotContains(t, string(raw), string(save(1)))

	target := filepath.Join(t.TempDir(), "home", "tss")
	_, _, err = RestoreFile(out, target, newNodeKey(), []byte("pw"))
	require.ErrorIs(t, err, ErrWrongNodeKey)
	_, _, err = RestoreFile(out, target, nk, []byte("wrong"))
	require.ErrorIs(t, err, ErrWrongPassphrase)
	_, _, err = RestoreFile(out, target, nk, nil)
	require.ErrorIs(t, err, ErrPassphraseRequired)
	_, err = os.Stat(target)
	require.True(t, os.IsNotExist(err), "a failed restore leaves nothing")

	r, n, err := RestoreFile(out, target, nk, []byte("pw"))
	require.NoError(t, err)
	require.Equal(t, 4, n)
	requireCurrent(t, r.Shares(), 1)
	bz, ok, err := r.Shares().Pending(key, 2)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, save(2), bz)

	reopened, err := Open(target, nk, Options{Passphrase: []byte("pw")})
	require.NoError(t, err)
	got, err := reopened.Get("preparams/a")
	require.NoError(t, err)
	require.Equal(t, "pp", string(got))

	_, _, err = RestoreFile(out, target, nk, []byte("pw"))
	require.ErrorContains(t, err, "never overwrites")
}

func TestRestoreRefusesATamperedArchive(t *testing.T) {
	nk := newNodeKey()
	s := openNew(t, nk, nil)
	require.NoError(t, s.Put("preparams/a", []byte("pp")))
	var buf bytes.Buffer
	_, err := s.Backup(&buf)
	require.NoError(t, err)
	raw := buf.Bytes()
	raw[len(raw)-3] ^= 1
	_, _, err = Restore(bytes.NewReader(raw), filepath.Join(t.TempDir(), "tss"), nk, nil)
	require.ErrorIs(t, err, ErrCorrupt)
	_, _, err = Restore(bytes.NewReader([]byte("hello")), filepath.Join(t.TempDir(), "tss"), nk, nil)
	require.ErrorContains(t, err, "not a themis TSS backup")
}

func TestBackupRefusesADamagedStore(t *testing.T) {
	s := openNew(t, newNodeKey(), nil)
	require.NoError(t, s.Put("preparams/a", []byte("pp")))
	flipLastByte(t, filepath.Join(s.Dir(), "preparams", "a.sealed"))
	_, err := s.Backup(&bytes.Buffer{})
	require.ErrorIs(t, err, ErrCorrupt)
	require.ErrorContains(t, err, "preparams/a")
}
