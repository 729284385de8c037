package keystore

import (
	"bytes"
	"errors"
	"fmt"
	"os"
)

// PassphraseEnv is the environment variable read when no passphrase file is given.
const PassphraseEnv = "THEMIS_TSS_PASSPHRASE"

// ResolvePassphrase returns the passphrase from file (trailing newlines trimmed, as
// editors add one) or, without a file, from PassphraseEnv through getenv (os.Getenv
// in production, a map in tests). No passphrase at all is nil, not an error: the store
// then runs in node-key mode.
func ResolvePassphrase(file string, getenv func(string) string) ([]byte, error) {
	if file != "" {
		bz, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("passphrase file: %w", err)
		}
		bz = bytes.TrimRight(bz, "\r\n")
		if len(bz) == 0 {
			return nil, fmt.Errorf("passphrase file %s is empty", file)
		}
		return bz, nil
	}
	if getenv == nil {
		return nil, errors.New("no environment reader")
	}
	if v := getenv(PassphraseEnv); v != "" {
		return []byte(v), nil
	}
	return nil, nil
}
