// Package transport carries tss/wire envelopes between the threshold-signing engines
// of the sequencers: POST /tss/v1/msg with one envelope as the body, plain HTTP/1.1
// over TCP, net/http only.
//
// # Why plain HTTP and not TLS
//
// The chain already names every engine's signer key, and every envelope is signed
// with it over everything it says (chain, session, round, sequence number, sender,
// recipient, payload), so authenticity and integrity do not depend on the channel.
// Point-to-point rounds, the only ones carrying secrets (Shamir shares, Paillier
// material), are encrypted end to end with ECIES to the recipient's signer key, with
// the envelope header as authenticated data; an operator's reverse proxy or a relay
// can neither read nor redirect them. Broadcasts are commitments and proofs meant for
// every party: they are signed, not encrypted. What TLS would add is hiding metadata
// (who talks to whom, which round, how large) from a network observer, at the price of
// a second identity system (certificates that must be bound to the chain's keys and
// rotated with them). We take the simpler design and state the limit below.
//
// # What the receiving side enforces
//
//  1. Strict decoding (one encoding per envelope, bounded sizes; the body is capped
//     with http.MaxBytesReader), the protocol version first (a peer of another
//     release gets "unknown-version" and a Themis-Wire-Versions header), the chain
//     id, and the sender's signature against From.
//  2. A session not opened here yet: the envelope is queued, charged to its verified
//     sender, only if that sender is a registered sequencer (Directory.Endpoint) and
//     the chain does not already know the session as one this node will never open
//     (SessionFilter). Bounds: a count per sender (a full sender loses its own oldest
//     entry), a byte total (the sender holding most bytes loses its oldest entry, so
//     a flood never evicts a quiet sender) and an age. Open re-checks queued envelopes
//     in full and delivers them in arrival order before anything newer.
//  3. An open session: From in FromRole must be a party, To/ToRole must be this node
//     (or a broadcast), Seq must be new for (session, sender) (an exact set, since
//     parallel sends and retries arrive out of order), point-to-point payloads must
//     open. The first message per (sender, roles, round) wins; tss-lib would let a
//     second overwrite it. Our own envelopes reflected back are refused.
//  4. Echo: for each broadcast delivered, the node sends every other party an ECHO
//     envelope with the broadcast's slot (origin, role, round) and content digest.
//     Conn.EchoStatus compares. On a conflict the node fetches the peer's copy
//     (GET /tss/v1/envelope) and, if that is a differently-signed broadcast of the
//     origin for the same slot, hands an EquivocationProof to the OnEquivocation hook.
//     The chain checks it with wire.VerifyEquivocationProof. An echoer that lies
//     produces an unproven conflict and blames nobody.
//  5. Answers: 200 delivered, 202 queued, 409 already have it (the sender counts it as
//     delivered: a retry whose first attempt arrived), 429/503 try later, other 4xx a
//     definite refusal with a short reason token, counted in Metrics.
//
// # Sending
//
// Conn.Send resolves each peer through the Directory on every attempt, sends to all
// peers in parallel, retries with doubling backoff up to SendRetries and returns the
// joined per-peer failures: a peer that is down delays nobody else. An engine signs one
// broadcast per (role, round); Send refuses a second, which is what makes two signed
// ones proof of misbehaviour. Sequence numbers start at a random point per Conn, so an
// engine restarted inside a session does not reuse numbers its peers have seen.
//
// # Limits
//
//   - Metadata (who sends what size to whom, in which round) is visible on the wire.
//   - The signer key serves ECDSA (CometBFT votes, SDK transactions, these envelopes;
//     the wire signing tag keeps them apart) and ECDH for ECIES. No attack on this reuse
//     is known, but it has no joint proof either; a dedicated transport key registered
//     on chain would remove the question.
//   - Withholding is not provable: an origin that sends a broadcast to some parties only
//     shows as missing (NotReceived) in EchoStatus, and a party that never echoes shows
//     as missing. The session then times out and the chain's blame procedure (more than
//     2/3 judging) decides; the transport only proves what signatures prove.
//   - An unproven conflict (a lying echoer) can stall a session: the runner should
//     abandon it and let the chain retry with another participant set.
//   - A proof needs both versions in hand: per-session storage of received broadcasts
//     is bounded (MaxStoredBytes); slots past the bound are delivered but not provable.
//   - Replay state is in memory. Re-opening a session after a restart is not safe
//     (the new Conn has no record of consumed sequence numbers); the runner must treat
//     a restart as leaving its open sessions. Envelopes from an unregistered key, or for
//     a session the SessionFilter rejects, get no queue space; without a SessionFilter,
//     replayed envelopes of old sessions still count against their own signer's quota.
//   - There is no per-IP rate limit: cost per request is bounded (header and body
//     limits, timeouts, signature check before any state), not the request rate.
package transport
