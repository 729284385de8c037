package keystore

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

// sealedExt ends every sealed file's name on disk; temporaries and claims start with a
// dot and never carry it, so a listing cannot pick one up.
const sealedExt = ".sealed"

// Options open a Store.
type Options struct {
	// Passphrase, when not empty, is mixed into the key. A store created with one
	// needs it on every open; a store created without one refuses it.
	Passphrase []byte
	// Create makes a new store when dir holds none (with a passphrase: in passphrase
	// mode). Without it, a missing store is ErrNoStore.
	Create bool
	// ScryptN is the scrypt cost of a new passphrase store (0: DefaultScryptN).
	ScryptN int
}

// Store is a directory of sealed files. Names are slash-separated paths of up to four
// components of [A-Za-z0-9._-] (not starting with a dot), stored as <dir>/<name>.sealed.
//
// It is safe for concurrent use in one process. Across processes every write is
// create-only and every removal of a pool entry is a claim by rename, so two processes
// never hand out the same preparams; key shares have one writer, the TSS engine.
type Store struct {
	dir    string
	sealer *Sealer
	mu     sync.Mutex // orders the share lifecycle's read-check-write steps

	// beforeCommit is a test hook between a temporary write and its commit.
	beforeCommit func(path string) error
}

// Open opens the store in dir (normally <home>/tss), creating it if opts.Create.
func Open(dir string, nodeKey []byte, opts Options) (*Store, error) {
	bz, err := readHeader(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if !opts.Create {
			return nil, fmt.Errorf("%s: %w", dir, ErrNoStore)
		}
		return create(dir, nodeKey, opts)
	}
	if err != nil {
		return nil, err
	}
	h, err := parseHeader(bz)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	sealer, err := h.sealer(nodeKey, opts.Passphrase)
	if err != nil {
		return nil, fmt.Errorf("TSS store %s: %w", dir, err)
	}
	if err := os.Chmod(dir, dirPerm); err != nil {
		return nil, err
	}
	if err := removeStale(dir, time.Now()); err != nil {
		return nil, fmt.Errorf("TSS store %s: remove leftovers of a crash: %w", dir, err)
	}
	return &Store{dir: dir, sealer: sealer}, nil
}

func create(dir string, nodeKey []byte, opts Options) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, err
	}
	if err := ensureDir(filepath.Dir(dir), filepath.Base(dir)); err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, dirPerm); err != nil {
		return nil, err
	}
	// Without its header no file of a passphrase store can be opened again: a
	// directory with sealed files but no header is an operator's mistake to fix from
	// a backup, not a reason to start a new, different key.
	if n, err := countSealed(dir); err != nil {
		return nil, err
	} else if n > 0 {
		return nil, fmt.Errorf("TSS store %s holds %d sealed files but no %s: restore it from a backup (or move the directory away to start afresh)", dir, n, headerFile)
	}
	var kdf *ScryptParams
	if len(opts.Passphrase) > 0 {
		var err error
		if kdf, err = NewScryptParams(opts.ScryptN); err != nil {
			return nil, err
		}
	}
	sealer, err := NewSealer(nodeKey, opts.Passphrase, kdf)
	if err != nil {
		return nil, err
	}
	bz, err := marshalHeader(newHeader(sealer, kdf))
	if err != nil {
		return nil, err
	}
	if err := writeNew(filepath.Join(dir, headerFile), bz, nil); errors.Is(err, ErrExists) {
		// Another process created it first: open that one.
		return Open(dir, nodeKey, Options{Passphrase: opts.Passphrase})
	} else if err != nil {
		return nil, err
	}
	return &Store{dir: dir, sealer: sealer}, nil
}

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

// Mode is what the store's key is derived from.
func (s *Store) Mode() Mode { return s.sealer.mode }

var namePart = regexp.MustCompile(`^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$`)

// ValidName reports whether name can name a sealed file.
func ValidName(name string) error {
	parts := strings.Split(name, "/")
	if len(parts) > 4 {
		return fmt.Errorf("sealed file name %q has more than 4 components", name)
	}
	for _, p := range parts {
		if !namePart.MatchString(p) {
			return fmt.Errorf("sealed file name %q: component %q is not [A-Za-z0-9._-]{1,128} starting with a letter, digit, _ or -", name, p)
		}
	}
	return nil
}

func (s *Store) path(name string) (string, error) {
	if err := ValidName(name); err != nil {
		return "", err
	}
	return filepath.Join(s.dir, filepath.FromSlash(name)+sealedExt), nil
}

// Put seals plaintext as a new file name; a file of that name is ErrExists.
func (s *Store) Put(name string, plaintext []byte) error {
	p, err := s.path(name)
	if err != nil {
		return err
	}
	blob, err := s.sealer.Seal(name, plaintext)
	if err != nil {
		return err
	}
	return s.putBlob(name, p, blob)
}

func (s *Store) putBlob(name, p string, blob []byte) error {
	if err := ensureDir(s.dir, filepath.Dir(filepath.FromSlash(name))); err != nil {
		return err
	}
	if err := writeNew(p, blob, s.beforeCommit); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Get opens the file name; a missing one is ErrNotFound.
func (s *Store) Get(name string) ([]byte, error) {
	p, err := s.path(name)
	if err != nil {
		return nil, err
	}
	blob, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", name, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	return s.sealer.Open(name, blob)
}

// Has reports whether the file name exists (without opening it).
func (s *Store) Has(name string) (bool, error) {
	p, err := s.path(name)
	if err != nil {
		return false, err
	}
	_, err = os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// Delete removes the file name durably; a missing one is no error.
func (s *Store) Delete(name string) error {
	p, err := s.path(name)
	if err != nil {
		return err
	}
	return removeFile(p)
}

// Take opens and removes the file name as one step that at most one caller (in any
// process) wins: the file is first renamed to a claim of this caller's own, which
// only one rename can do. A file someone else took is ErrNotFound. A file that fails
// to open is put back and reported, so tampering or a wrong key never loses it.
func (s *Store) Take(name string) ([]byte, error) {
	p, err := s.path(name)
	if err != nil {
		return nil, err
	}
	var nonce [8]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return nil, err
	}
	claim := filepath.Join(filepath.Dir(p), claimPfx+hex.EncodeToString(nonce[:])+"-"+filepath.Base(p))
	if err := os.Rename(p, claim); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", name, ErrNotFound)
	} else if err != nil {
		return nil, err
	}
	blob, err := os.ReadFile(claim)
	var pt []byte
	if err == nil {
		pt, err = s.sealer.Open(name, blob)
	}
	if err != nil {
		if rerr := os.Rename(claim, p); rerr != nil {
			return nil, errors.Join(err, fmt.Errorf("put %s back: %w", name, rerr))
		}
		return nil, err
	}
	if err := removeFile(claim); err != nil {
		return nil, err
	}
	return pt, nil
}

// List returns the names of the sealed files directly under dir ("" is the top),
// sorted; a missing dir is empty.
func (s *Store) List(dir string) ([]string, error) {
	files, _, err := s.entries(dir)
	return files, err
}

// ListDirs returns the names of the subdirectories of dir, sorted.
func (s *Store) ListDirs(dir string) ([]string, error) {
	_, dirs, err := s.entries(dir)
	return dirs, err
}

func (s *Store) entries(dir string) (files, dirs []string, err error) {
	if dir != "" {
		if err := ValidName(dir); err != nil {
			return nil, nil, err
		}
	}
	des, err := os.ReadDir(filepath.Join(s.dir, filepath.FromSlash(dir)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	join := func(base string) string {
		if dir == "" {
			return base
		}
		return dir + "/" + base
	}
	for _, de := range des {
		n := de.Name()
		switch {
		case de.IsDir() && namePart.MatchString(n):
			dirs = append(dirs, join(n))
		case de.Type().IsRegular() && strings.HasSuffix(n, sealedExt) && namePart.MatchString(strings.TrimSuffix(n, sealedExt)):
			files = append(files, join(strings.TrimSuffix(n, sealedExt)))
		}
	}
	sort.Strings(files)
	sort.Strings(dirs)
	return files, dirs, nil
}

// walk calls fn with every sealed file's name and raw blob, in name order.
func (s *Store) walk(fn func(name string, blob []byte) error) error {
	var rec func(dir string) error
	rec = func(dir string) error {
		files, dirs, err := s.entries(dir)
		if err != nil {
			return err
		}
		for _, name := range files {
			p, _ := s.path(name)
			blob, err := os.ReadFile(p)
			if errors.Is(err, fs.ErrNotExist) {
				continue // taken or pruned meanwhile
			}
			if err != nil {
				return err
			}
			if err := fn(name, blob); err != nil {
				return err
			}
		}
		for _, d := range dirs {
			if err := rec(d); err != nil {
				return err
			}
		}
		return nil
	}
	return rec("")
}

func countSealed(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(d.Name(), sealedExt) {
			n++
		}
		return err
	})
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	return n, err
}
