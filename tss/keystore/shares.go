package keystore

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Share lifecycle errors.
var (
	// ErrConfirmed: the generation is confirmed; its share is never replaced or discarded.
	ErrConfirmed = errors.New("generation is confirmed on chain; its share is never replaced or discarded")
	// ErrStale: the generation is older than the current one.
	ErrStale = errors.New("generation is older than the current one")
	// ErrPendingExists: a different pending share of this generation exists.
	ErrPendingExists = errors.New("a different pending share of this generation exists (Discard it first)")
)

// Shares keeps key shares (tss-lib LocalPartySaveData, serialised by the caller) by key
// id and generation, under the rule that a share is never removed before its
// successor is confirmed on chain:
//
//	PutPending(g)  a keygen or resharing session produced generation g; not yet confirmed
//	Confirm(g)     the chain confirmed g: it becomes current, the generation it replaced
//	               stays as previous (rollback), older generations are deleted
//	Discard(g)     the chain never confirmed g (the session was retried or abandoned)
//
// On disk every generation is its own file, shares/<key id>/<g>.share, and a
// confirmation is another new file, shares/<key id>/<g>.confirmed, holding the share's
// hash: no file is rewritten, and the state is whatever files exist, so a crash
// between any two steps leaves a state that reads correctly (at worst with a pruning
// left over, which the next Confirm finishes).
type Shares struct{ s *Store }

// Shares is the store's share lifecycle.
func (s *Store) Shares() *Shares { return &Shares{s: s} }

const sharesDir = "shares"

// KeyState is what the store holds for one key id.
type KeyState struct {
	KeyID       string `json:"key_id"`
	Current     uint64 `json:"current"`
	HasCurrent  bool   `json:"has_current"`
	Previous    uint64 `json:"previous"`
	HasPrevious bool   `json:"has_previous"`
	// Pending are the unconfirmed generations newer than Current, ascending.
	Pending []uint64 `json:"pending"`
}

type confirmation struct {
	Generation  uint64 `json:"generation"`
	ShareSHA256 string `json:"share_sha256"`
}

func shareName(keyID string, gen uint64) string {
	return fmt.Sprintf("%s/%s/%020d.share", sharesDir, keyID, gen)
}

func confirmName(keyID string, gen uint64) string {
	return fmt.Sprintf("%s/%s/%020d.confirmed", sharesDir, keyID, gen)
}

func validKeyID(keyID string) error {
	if !namePart.MatchString(keyID) {
		return fmt.Errorf("key id %q is not [A-Za-z0-9._-]{1,128} starting with a letter, digit, _ or -", keyID)
	}
	return nil
}

// genFiles is which files exist per generation.
type genFiles struct{ share, confirmed bool }

func (sh *Shares) scan(keyID string) (map[uint64]genFiles, error) {
	if err := validKeyID(keyID); err != nil {
		return nil, err
	}
	names, err := sh.s.List(sharesDir + "/" + keyID)
	if err != nil {
		return nil, err
	}
	gens := map[uint64]genFiles{}
	for _, n := range names {
		base := n[strings.LastIndexByte(n, '/')+1:]
		num, kind, ok := strings.Cut(base, ".")
		g, err := strconv.ParseUint(num, 10, 64)
		if !ok || err != nil || len(num) != 20 {
			continue // not ours; never touched
		}
		f := gens[g]
		switch kind {
		case "share":
			f.share = true
		case "confirmed":
			f.confirmed = true
		default:
			continue
		}
		gens[g] = f
	}
	return gens, nil
}

func stateOf(keyID string, gens map[uint64]genFiles) KeyState {
	st := KeyState{KeyID: keyID}
	var confirmed []uint64
	for g, f := range gens {
		if f.share && f.confirmed {
			confirmed = append(confirmed, g)
		}
	}
	sort.Slice(confirmed, func(i, j int) bool { return confirmed[i] > confirmed[j] })
	if len(confirmed) > 0 {
		st.Current, st.HasCurrent = confirmed[0], true
	}
	if len(confirmed) > 1 {
		st.Previous, st.HasPrevious = confirmed[1], true
	}
	for g, f := range gens {
		if f.share && !f.confirmed && (!st.HasCurrent || g > st.Current) {
			st.Pending = append(st.Pending, g)
		}
	}
	sort.Slice(st.Pending, func(i, j int) bool { return st.Pending[i] < st.Pending[j] })
	return st
}

// State is what the store holds for keyID (file presence only; nothing is opened).
func (sh *Shares) State(keyID string) (KeyState, error) {
	gens, err := sh.scan(keyID)
	if err != nil {
		return KeyState{}, err
	}
	return stateOf(keyID, gens), nil
}

// Keys are the key ids with any share file, sorted.
func (sh *Shares) Keys() ([]string, error) {
	dirs, err := sh.s.ListDirs(sharesDir)
	if err != nil {
		return nil, err
	}
	for i, d := range dirs {
		dirs[i] = strings.TrimPrefix(d, sharesDir+"/")
	}
	return dirs, nil
}

// PutPending stores the result of a keygen or resharing session as an unconfirmed
// generation. Storing the same bytes again is a no-op (a restarted engine may
// repeat it); different bytes for a pending generation are ErrPendingExists.
func (sh *Shares) PutPending(keyID string, generation uint64, save []byte) error {
	return sh.update(keyID, func(gens map[uint64]genFiles, st KeyState) error {
		return sh.putPending(keyID, generation, save, gens[generation], st)
	})
}

func (sh *Shares) putPending(keyID string, generation uint64, save []byte, f genFiles, st KeyState) error {
	switch {
	case f.share && f.confirmed:
		return fmt.Errorf("%s generation %d: %w", keyID, generation, ErrConfirmed)
	case st.HasCurrent && generation < st.Current:
		return fmt.Errorf("%s generation %d (current %d): %w", keyID, generation, st.Current, ErrStale)
	case f.share:
		old, err := sh.s.Get(shareName(keyID, generation))
		if err != nil {
			return err
		}
		if bytes.Equal(old, save) {
			return nil
		}
		return fmt.Errorf("%s generation %d: %w", keyID, generation, ErrPendingExists)
	}
	return sh.s.Put(shareName(keyID, generation), save)
}

// Confirm makes a pending generation current once the chain has confirmed it, keeps
// the generation it replaced as previous, and deletes older ones. Confirming the
// current generation again is a no-op that finishes any pruning a crash interrupted.
func (sh *Shares) Confirm(keyID string, generation uint64) error {
	return sh.update(keyID, func(gens map[uint64]genFiles, st KeyState) error {
		return sh.confirm(keyID, generation, gens, st)
	})
}

func (sh *Shares) confirm(keyID string, generation uint64, gens map[uint64]genFiles, st KeyState) error {
	f := gens[generation]
	switch {
	case f.share && f.confirmed:
		if st.Current != generation {
			return fmt.Errorf("%s generation %d (current %d): %w", keyID, generation, st.Current, ErrStale)
		}
		return sh.prune(keyID, gens, st)
	case !f.share:
		return fmt.Errorf("%s generation %d: no pending share: %w", keyID, generation, ErrNotFound)
	case st.HasCurrent && generation < st.Current:
		return fmt.Errorf("%s generation %d (current %d): %w", keyID, generation, st.Current, ErrStale)
	}
	// Open it first: a share that does not open is never made current.
	save, err := sh.s.Get(shareName(keyID, generation))
	if err != nil {
		return err
	}
	sum := sha256.Sum256(save)
	bz, err := json.Marshal(confirmation{Generation: generation, ShareSHA256: hex.EncodeToString(sum[:])})
	if err != nil {
		return err
	}
	if err := sh.s.Put(confirmName(keyID, generation), bz); err != nil {
		return err
	}
	f.confirmed = true
	gens[generation] = f
	return sh.prune(keyID, gens, stateOf(keyID, gens))
}

// prune deletes every generation but current, previous and the pending ones newer
// than current. A generation's confirmation goes before its share: a crash in
// between leaves a stale unconfirmed share below current, which reads as nothing
// and goes with the next prune.
func (sh *Shares) prune(keyID string, gens map[uint64]genFiles, st KeyState) error {
	keep := func(g uint64) bool {
		if st.HasCurrent && g == st.Current || st.HasPrevious && g == st.Previous {
			return true
		}
		return !st.HasCurrent || g > st.Current
	}
	var drop []uint64
	for g := range gens {
		if !keep(g) {
			drop = append(drop, g)
		}
	}
	sort.Slice(drop, func(i, j int) bool { return drop[i] < drop[j] })
	for _, g := range drop {
		if err := sh.s.Delete(confirmName(keyID, g)); err != nil {
			return err
		}
		if err := sh.s.Delete(shareName(keyID, g)); err != nil {
			return err
		}
	}
	return nil
}

// Current is the confirmed share in use: its generation and bytes; ok is false when
// no generation of keyID is confirmed.
func (sh *Shares) Current(keyID string) (generation uint64, save []byte, ok bool, err error) {
	st, err := sh.State(keyID)
	if err != nil || !st.HasCurrent {
		return 0, nil, false, err
	}
	save, err = sh.confirmed(keyID, st.Current)
	return st.Current, save, err == nil, err
}

// Previous is the confirmed generation that Current replaced, kept for rollback.
func (sh *Shares) Previous(keyID string) (generation uint64, save []byte, ok bool, err error) {
	st, err := sh.State(keyID)
	if err != nil || !st.HasPrevious {
		return 0, nil, false, err
	}
	save, err = sh.confirmed(keyID, st.Previous)
	return st.Previous, save, err == nil, err
}

// confirmed opens a confirmed generation and checks it is the share that was confirmed.
func (sh *Shares) confirmed(keyID string, gen uint64) ([]byte, error) {
	save, err := sh.s.Get(shareName(keyID, gen))
	if err != nil {
		return nil, err
	}
	bz, err := sh.s.Get(confirmName(keyID, gen))
	if err != nil {
		return nil, err
	}
	var c confirmation
	if err := json.Unmarshal(bz, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", confirmName(keyID, gen), err)
	}
	sum := sha256.Sum256(save)
	if c.Generation != gen || c.ShareSHA256 != hex.EncodeToString(sum[:]) {
		return nil, fmt.Errorf("%s does not confirm %s: %w", confirmName(keyID, gen), shareName(keyID, gen), ErrCorrupt)
	}
	return save, nil
}

// Pending is the unconfirmed share of a generation; ok is false when there is none
// (absent, or already confirmed).
func (sh *Shares) Pending(keyID string, generation uint64) (save []byte, ok bool, err error) {
	gens, err := sh.scan(keyID)
	if err != nil {
		return nil, false, err
	}
	if f := gens[generation]; !f.share || f.confirmed {
		return nil, false, nil
	}
	save, err = sh.s.Get(shareName(keyID, generation))
	if errors.Is(err, ErrNotFound) {
		return nil, false, nil
	}
	return save, err == nil, err
}

// Discard deletes a pending generation the chain never confirmed; a confirmed one is
// ErrConfirmed, an absent one no error.
func (sh *Shares) Discard(keyID string, generation uint64) error {
	return sh.update(keyID, func(gens map[uint64]genFiles, _ KeyState) error {
		if f := gens[generation]; f.confirmed && f.share {
			return fmt.Errorf("%s generation %d: %w", keyID, generation, ErrConfirmed)
		}
		return sh.s.Delete(shareName(keyID, generation))
	})
}

// update runs one lifecycle step on the files of keyID as they are now, with the
// store's lock held so the check and the write that follows it are one step.
func (sh *Shares) update(keyID string, step func(gens map[uint64]genFiles, st KeyState) error) error {
	sh.s.mu.Lock()
	defer sh.s.mu.Unlock()
	gens, err := sh.scan(keyID)
	if err != nil {
		return err
	}
	return step(gens, stateOf(keyID, gens))
}
