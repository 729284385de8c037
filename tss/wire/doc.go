// Package wire is the envelope two TSS engines exchange, its one canonical binary
// encoding, its signature and the encryption of point-to-point payloads.
//
// An envelope binds a tss-lib message to a chain, a chain-derived session, a sender
// (the sequencer's signer address, which is also its CometBFT consensus key), a role,
// a recipient and a per-sender sequence number, and is signed over all of it. The
// codec is strict so that every envelope has exactly one encoding: a signature, a
// replay check or an echo hash over the bytes then means one thing only.
//
// Layout of version 1 (big-endian integers; "str8" is a one-byte length then bytes):
//
//	version   uint16           checked first: a receiver that does not speak it stops here
//	kind      uint8            1 = TSS message, 2 = echo
//	chain id  str8             1..64 printable ASCII bytes
//	session   [32]byte         chain-derived session id
//	round     str8             1..96 printable ASCII bytes (tss-lib message type name)
//	seq       uint32           per sender per session
//	from      [20]byte         sender's signer address, never zero
//	from role uint8            0 = plain party, 1 = old committee, 2 = new committee
//	to        [20]byte         zero = broadcast
//	to role   uint8            0 for a broadcast
//	payload   uint32 + bytes   at most 1 MiB; ciphertext for a point-to-point message
//	signature [65]byte         R || S || V, V in {0, 1}
//
// Everything before the payload is the header: it is the ECIES authenticated data of
// a point-to-point payload, so a ciphertext cannot be moved into another envelope.
package wire
