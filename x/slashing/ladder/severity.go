package ladder

import "fmt"

// Severity is an offence's rung on the ladder. Medium, High and Critical are the L1
// staking contract's severity codes byte for byte (slash's uint8 severity argument), so
// the keeper passes uint8(s) to the pool-signed slash transaction unchanged. Low never
// reaches L1: it slashes nothing.
type Severity uint8

const (
	Low      Severity = 0
	Medium   Severity = 1
	High     Severity = 2
	Critical Severity = 3
)

// Valid reports whether s is one of the four rungs.
func (s Severity) Valid() bool { return s <= Critical }

// String names the rung ("low", "medium", "high", "critical").
func (s Severity) String() string {
	switch s {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	case Critical:
		return "critical"
	}
	return fmt.Sprintf("severity(%d)", uint8(s))
}

// denominator is the ladder's fraction of the stake as 1/denominator, the contract's
// _severityCap: 16, 8, 4. Low slashes nothing (0). Call it on a valid severity only.
func denominator(s Severity) int64 {
	switch s {
	case Medium:
		return 16
	case High:
		return 8
	case Critical:
		return 4
	}
	return 0
}
