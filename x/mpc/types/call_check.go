package types

const (
	// MaxCallChecks bounds the pool calls checked at once (and the dry runs one report
	// carries): the lowest-id CHECKING transactions are checked, the rest wait.
	MaxCallChecks = 8
	// SelectorLen is a custom error selector's length (the first 4 bytes of the
	// Keccak-256 of its signature).
	SelectorLen = 4
)
