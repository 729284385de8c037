// Package outbound decides the pool's L1 transactions: pure functions of the chain's
// state, so every validator builds the same transaction, asks the pool to sign the
// same hash and gets the same signed bytes.
//
//   - A transaction is an EIP-1559 call from the pool address with a nonce the chain
//     tracks from confirmed receipts, never from an L1 node's mempool view.
//   - Fee caps come from parameters and the L1 base fee the validators agreed on in
//     their vote extensions: maxFee = min(2*baseFee + tip, cap), the usual headroom
//     for six full blocks of base-fee growth.
//   - A replacement (dropped, stuck or underpriced) keeps the nonce and raises both
//     the tip and the fee cap by at least the 10% geth's pool demands, so at most one
//     of the versions of a nonce can ever land: nothing is applied twice.
//   - The signing hash is the London signer's hash for the L1 chain id; a signature
//     is accepted only if the assembled transaction's sender is the pool address.
package outbound
