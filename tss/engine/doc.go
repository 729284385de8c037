// Package engine runs the sessions the chain schedules and tells the chain what came
// of them.
//
// The chain is the only source of work. Each height, the node's vote-extension step
// hands the engine a Work snapshot of committed state (Observe): the confirmed
// generation, the committee and the open sessions with their parties. The engine
// starts every session it is a party of, once, and keeps what it produced (a public
// key, a signature, a new share) and whom it blames for a failure until the session
// leaves the chain's open set. Report gives the vote extension its report: ready,
// the confirmed generation held, the transport endpoint, results and blame claims.
//
// Crash safety:
//   - a session is marked started (durably) before its first message is sent; after
//     a restart a marked session is never run again, because a second run would send
//     different round messages under the same session id, which is exactly what an
//     equivocating party does. The chain times the session out and retries it under
//     a new session id, which the restarted engine takes part in;
//   - a new share is stored pending and confirmed only when the chain's confirmed
//     generation reaches it; the share it replaces is kept (keystore) until then, so
//     the old committee signs on while a resharing is unconfirmed;
//   - preparams are taken from the pool before a session that needs them; a crash
//     loses that set, never reuses it.
package engine
