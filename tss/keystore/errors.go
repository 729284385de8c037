package keystore

import "errors"

// Errors callers can test for with errors.Is. Every error about one file is wrapped
// with that file's name (relative to the store).
var (
	// ErrWrongNodeKey: the file (or store) was sealed with another node_key.json.
	ErrWrongNodeKey = errors.New("sealed with a different node key (config/node_key.json)")
	// ErrWrongPassphrase: the node key matches but the passphrase does not.
	ErrWrongPassphrase = errors.New("wrong passphrase")
	// ErrPassphraseRequired: the store is sealed with a passphrase and none was given.
	ErrPassphraseRequired = errors.New("the TSS store is sealed with a passphrase: pass --passphrase-file or set " + PassphraseEnv)
	// ErrPassphraseUnused: a passphrase was given for a store sealed with the node key only.
	ErrPassphraseUnused = errors.New("the TSS store is sealed with the node key only; a passphrase was given but would not be used (unset it, or back up, remove and re-create the store with a passphrase)")
	// ErrCorrupt: the file is torn, tampered with, or was moved from another name.
	ErrCorrupt = errors.New("fails authentication: torn, tampered with, or moved from another name")
	// ErrUnsupported: the file was written by a newer format version.
	ErrUnsupported = errors.New("sealed in a format this themisd does not know (newer version?)")
	// ErrNotFound: no such sealed file.
	ErrNotFound = errors.New("not found")
	// ErrExists: a create-only write found the file already there.
	ErrExists = errors.New("already exists")
	// ErrNoStore: there is no store in the directory and Options.Create is false.
	ErrNoStore = errors.New("no TSS store: run `themisd tss init` first")
	// ErrNoNodeKey: node_key.json is missing.
	ErrNoNodeKey = errors.New("no node key: run `themisd init` first")
)
