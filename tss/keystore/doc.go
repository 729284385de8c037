// Package keystore keeps the TSS engine's secrets at rest: preparams (Paillier and
// safe-prime material that takes minutes to generate) and key shares (tss-lib's
// LocalPartySaveData), each in its own sealed file under <home>/tss.
//
// Sealing is XChaCha20-Poly1305 with a key derived (HKDF-SHA256) from the CometBFT node
// key, so that an unattended restart can open the store; optionally a passphrase
// (scrypt) is mixed in, so that a stolen disk with its node_key.json is not enough.
// Every sealed file names the key it was sealed with (a short key-check id) and binds
// its own name as additional data, so a wrong key is reported as such, and a torn,
// tampered or swapped file is detected and reported with its name.
//
// Files are written create-only through a temporary file, fsync, link/rename and a
// directory fsync: a crash leaves the old state or the new, never half a file, and no
// file is ever rewritten in place. Key shares follow the rule that a share is never
// removed before its successor is confirmed on chain (see Shares).
//
// README.md in this directory has the threat model and the operator's backup story.
package keystore
