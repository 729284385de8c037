// Package differential shows that the chain's sequencer table equals the L1 staking
// contract's: random sequences of every L1 operation run on go-ethereum's simulated
// backend, what the contract emits travels through the bridge's real listener, decoder,
// store and processor into the real x/sequencer keeper, and after every step each
// sequencer's status, stake, nonce, keys, reward recipient and power on the chain are
// compared with a pure function of what the contract says (expect.go). README.md says
// which operations the chain mirrors from events and which the harness mirrors for it.
package differential
