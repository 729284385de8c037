package keystore

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// File-system primitives of the store. Each one leaves the directory in a state that
// survives a crash at any point: a file is either absent or complete.

const (
	dirPerm  = 0o700
	tmpPfx   = ".tmp-"
	claimPfx = ".claim-"
	// staleAfter is how old a temporary or claimed file must be before Open removes
	// it. A live writer holds one for milliseconds; the margin keeps a second process
	// (say `themisd tss status` while the node runs) from removing a file in use.
	staleAfter = 10 * time.Minute
)

// writeNew creates path holding data, or fails with ErrExists; it never replaces a
// file. The data goes to a temporary file that is fsynced, then hard-linked to its
// name (link fails if the name exists, which makes create-only atomic), and the
// directory is fsynced so the new name survives a power cut. beforeCommit, when not
// nil, runs between the temporary write and the link: tests use it to play a crash.
func writeNew(path string, data []byte, beforeCommit func(string) error) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, tmpPfx+filepath.Base(path)+"-*") // mode 0600
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		_ = os.Remove(tmp)
		return werr
	}
	if beforeCommit != nil {
		if err := beforeCommit(path); err != nil {
			return err // a crash leaves the temporary file; Open removes it later
		}
	}
	if err := os.Link(tmp, path); err != nil {
		if !errors.Is(err, fs.ErrExist) {
			// A file system without hard links: check, then rename. Only this
			// fallback could replace a file created between the two steps.
			if _, serr := os.Lstat(path); errors.Is(serr, fs.ErrNotExist) {
				if err := os.Rename(tmp, path); err != nil {
					_ = os.Remove(tmp)
					return err
				}
				return syncDir(dir)
			}
		}
		_ = os.Remove(tmp)
		return ErrExists
	}
	if err := os.Remove(tmp); err != nil {
		return err
	}
	return syncDir(dir)
}

// removeFile deletes path (absent is fine) and makes the removal durable.
func removeFile(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// ensureDir creates root/rel with mode 0700, fsyncing each parent that gained an entry.
func ensureDir(root, rel string) error {
	cur := root
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if part == "" {
			continue
		}
		next := filepath.Join(cur, part)
		err := os.Mkdir(next, dirPerm)
		switch {
		case err == nil:
			if err := syncDir(cur); err != nil {
				return err
			}
		case !errors.Is(err, fs.ErrExist):
			return err
		}
		cur = next
	}
	return nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("fsync %s: %w", dir, err)
	}
	return nil
}

// removeStale deletes temporary and claimed files older than staleAfter: the
// leftovers of a crash. A claimed file is a preparams set whose taker died before it
// deleted it; dropping it costs one set, returning it could hand one set out twice.
func removeStale(root string, now time.Time) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !strings.HasPrefix(d.Name(), tmpPfx) && !strings.HasPrefix(d.Name(), claimPfx) {
			return nil
		}
		info, err := d.Info()
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if now.Sub(info.ModTime()) < staleAfter {
			return nil
		}
		return removeFile(path)
	})
}
