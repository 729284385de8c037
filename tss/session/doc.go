// Package session runs one threshold-ECDSA session (keygen, resharing or signing) of
// tss-lib v2 for the parties the chain named, over any Network.
//
// The package is the one place that talks to tss-lib. It adds what the library leaves
// to its caller (TOOLCHAIN.md, "tss-lib v2 notes"):
//
//   - party identities are derived from the chain's view (signer address and key
//     generation), fresh for every session, so no PartyID object is ever shared
//     between sessions (tss.SortPartyIDs mutates them);
//   - the sender of every message is the authenticated transport sender, never a
//     field inside the message, and a message type must come from the committee that
//     may send it (in a resharing, an old party cannot speak for a new one);
//   - the first message of a sender for a round wins: the library would silently let
//     a second one overwrite it, so a repeat is dropped and, when its bytes differ,
//     reported as a conflict;
//   - a broadcast-only message type must arrive as a broadcast and a point-to-point
//     type point to point;
//   - checks the library only gained after v2.0.2 are made here where they can be
//     made from outside: a keygen dealer's VSS decommitment must carry exactly t+1
//     points;
//   - a round that makes no progress for RoundTimeout fails the session, naming the
//     parties it still waits for (the raw material of a MISSING blame);
//   - no proof is ever switched off (there is a test that greps for it).
//
// The session id binds every message to the chain's session through the transport
// (tss/wire); this package only routes payloads.
package session
