package keystore

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// A backup archive is one file:
//
//	"THEMIS-TSS-BACKUP 1\n" | the store's header (keystore.json, plaintext, one line) "\n" | sealed blob
//
// The header travels in the clear because the key that opens the rest needs its
// scrypt salt; it holds no secret. The blob is sealed with the store's own key for the
// name "backup" and holds every sealed file of the store as it is on disk (so each is
// still bound to its name), which seals the set as a whole: no file can be dropped
// from or added to an archive unnoticed.
const archiveMagic = "THEMIS-TSS-BACKUP 1\n"

const archiveName = "backup"

// maxArchive bounds what Restore reads (preparams are 6 KiB a set, shares tens of KiB).
const maxArchive = 1 << 30

type archiveFile struct {
	Name string `json:"name"`
	Blob []byte `json:"blob"`
}

type archiveBody struct {
	Files []archiveFile `json:"files"`
}

// Backup writes the whole store to w as one archive. Every file is opened first, so a
// backup of a damaged store fails (naming the file) instead of carrying the damage.
// It returns how many files the archive holds.
func (s *Store) Backup(w io.Writer) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	hdr, err := readHeader(s.dir)
	if err != nil {
		return 0, err
	}
	var body archiveBody
	if err := s.walk(func(name string, blob []byte) error {
		if _, err := s.sealer.Open(name, blob); err != nil {
			return err
		}
		body.Files = append(body.Files, archiveFile{Name: name, Blob: blob})
		return nil
	}); err != nil {
		return 0, err
	}
	pt, err := json.Marshal(body)
	if err != nil {
		return 0, err
	}
	sealed, err := s.sealer.Seal(archiveName, pt)
	if err != nil {
		return 0, err
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, hdr); err != nil {
		return 0, fmt.Errorf("%s: %w", headerFile, err)
	}
	out := append([]byte(archiveMagic), compact.Bytes()...)
	out = append(out, '\n')
	if _, err := w.Write(append(out, sealed...)); err != nil {
		return 0, err
	}
	return len(body.Files), nil
}

// BackupFile writes the archive to path, create-only, mode 0600.
func (s *Store) BackupFile(path string) (int, error) {
	var buf bytes.Buffer
	n, err := s.Backup(&buf)
	if err != nil {
		return 0, err
	}
	if err := writeNew(path, buf.Bytes(), nil); errors.Is(err, ErrExists) {
		return 0, fmt.Errorf("%s exists; pick another file: %w", path, ErrExists)
	} else if err != nil {
		return 0, err
	}
	return n, nil
}

// Restore unpacks an archive into dir, which must hold no store (absent or empty
// directory). It needs the same node key, and the passphrase if the archive's store
// had one. The store is assembled in a sibling directory and renamed into place, so
// a crash during a restore leaves no half store behind.
func Restore(r io.Reader, dir string, nodeKey, passphrase []byte) (*Store, int, error) {
	br := bufio.NewReader(io.LimitReader(r, maxArchive))
	magic := make([]byte, len(archiveMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != archiveMagic {
		return nil, 0, errors.New("not a themis TSS backup archive")
	}
	line, err := br.ReadBytes('\n')
	if err != nil {
		return nil, 0, errors.New("backup archive: truncated header")
	}
	h, err := parseHeader(line)
	if err != nil {
		return nil, 0, fmt.Errorf("backup archive: %w", err)
	}
	sealer, err := h.sealer(nodeKey, passphrase)
	if err != nil {
		return nil, 0, fmt.Errorf("backup archive: %w", err)
	}
	sealed, err := io.ReadAll(br)
	if err != nil {
		return nil, 0, err
	}
	pt, err := sealer.Open(archiveName, sealed)
	if err != nil {
		return nil, 0, fmt.Errorf("backup archive: %w", err)
	}
	var body archiveBody
	if err := json.Unmarshal(pt, &body); err != nil {
		return nil, 0, fmt.Errorf("backup archive: %w", err)
	}
	if err := mustBeEmpty(dir); err != nil {
		return nil, 0, err
	}
	hdr, err := marshalHeader(h)
	if err != nil {
		return nil, 0, err
	}
	if err := assemble(dir, hdr, body.Files, sealer); err != nil {
		return nil, 0, err
	}
	return &Store{dir: dir, sealer: sealer}, len(body.Files), nil
}

// RestoreFile is Restore from the archive at path.
func RestoreFile(path, dir string, nodeKey, passphrase []byte) (*Store, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	return Restore(f, dir, nodeKey, passphrase)
}

func mustBeEmpty(dir string) error {
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(des) > 0 {
		return fmt.Errorf("%s is not empty: a restore never overwrites a TSS store (move it away first)", dir)
	}
	return nil
}

// assemble writes the header and files into a fresh sibling of dir and renames it
// into place (an empty dir is replaced; anything else makes the rename fail).
func assemble(dir string, hdr []byte, files []archiveFile, sealer *Sealer) error {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	var nonce [6]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return err
	}
	tmpDir := filepath.Join(parent, "."+filepath.Base(dir)+".restoring-"+hex.EncodeToString(nonce[:]))
	if err := os.Mkdir(tmpDir, dirPerm); err != nil {
		return err
	}
	staged := &Store{dir: tmpDir, sealer: sealer}
	err := writeNew(filepath.Join(tmpDir, headerFile), hdr, nil)
	for i := 0; err == nil && i < len(files); i++ {
		f := files[i]
		var p string
		if p, err = staged.path(f.Name); err != nil {
			break
		}
		if _, err = sealer.Open(f.Name, f.Blob); err != nil {
			break
		}
		err = staged.putBlob(f.Name, p, f.Blob)
	}
	if err == nil {
		if err = os.Rename(tmpDir, dir); err == nil {
			return syncDir(parent)
		}
	}
	_ = os.RemoveAll(tmpDir)
	return err
}
