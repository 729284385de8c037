package wire

import "errors"

// Sentinel errors. Every error this package returns wraps exactly one of them (with
// fmt.Errorf("%w: ...")), so a caller can map it to a reason with errors.Is and a log line
// still says which field was wrong.
var (
	// ErrUnknownVersion: the envelope's first two bytes name a protocol version this
	// build does not speak. Checked before anything else, so two releases can tell each
	// other apart during an upgrade even if the rest of the layout changed.
	ErrUnknownVersion  = errors.New("wire: unknown protocol version")
	ErrTooLarge        = errors.New("wire: envelope too large")
	ErrTruncated       = errors.New("wire: truncated")
	ErrTrailingBytes   = errors.New("wire: trailing bytes")
	ErrUnknownKind     = errors.New("wire: unknown kind")
	ErrUnknownRole     = errors.New("wire: unknown role")
	ErrBadChainID      = errors.New("wire: bad chain id")
	ErrBadRound        = errors.New("wire: bad round")
	ErrZeroSender      = errors.New("wire: zero sender address")
	ErrBadAddressing   = errors.New("wire: bad addressing")
	ErrPayloadTooLarge = errors.New("wire: payload too large")

	ErrBadSignature = errors.New("wire: bad signature")
	ErrHighS        = errors.New("wire: malleable high-S signature")
	ErrWrongSigner  = errors.New("wire: signed by another key")

	ErrNotPointToPoint = errors.New("wire: not a point-to-point envelope")
	ErrBadKey          = errors.New("wire: bad key")
	ErrDecrypt         = errors.New("wire: cannot decrypt")

	ErrBadEcho = errors.New("wire: bad echo payload")

	ErrNotEquivocation = errors.New("wire: not an equivocation")
)
