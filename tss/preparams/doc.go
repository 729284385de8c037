// Package preparams keeps a pool of tss-lib preparams (keygen.LocalPreParams: a
// Paillier key and two safe primes with their proof parameters) sealed in the TSS
// keystore, so that a keygen or resharing session never waits for safe primes: one
// set takes 7 s to well over a minute on two cores, with a heavy tail.
//
// A set is used by one session only and then dropped: Take removes it atomically (even
// against another process), so two sessions never share a Paillier key. TopUp refills
// the pool in the background, on the smallest footprint the library allows, and
// pauses whenever a TSS session runs (Gate), because a session's proofs compete for
// the same cores and have deadlines.
package preparams
