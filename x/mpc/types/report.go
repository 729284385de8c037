package types

import (
	"bytes"

	errorsmod "cosmossdk.io/errors"
)

// Hard bounds on one report, checked by CheckReport before an extension is accepted.
// They are consensus rules (changing them needs a coordinated upgrade); the params
// max_report_results and max_blames_per_report, at most these, say how many of them
// PreBlock reads. The whole payload is also bounded by x/voteext's MaxReportBytes
// (2,048 bytes): 16 sign results (about 103 bytes each) fit, 16 results and 8 blames
// with a 200-byte endpoint do not, so a reporter fills what fits, results first.
const (
	MaxResultsPerReport = 32
	MaxBlamesPerReport  = 16
)

// EncodeReport encodes a report for the vote extension. gogoproto's Marshal is
// canonical, which is what DecodeReport demands.
func EncodeReport(r MpcReport) ([]byte, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return r.Marshal()
}

// FitReport returns r trimmed to encode in at most maxBytes (x/voteext's
// MaxReportBytes): blames are dropped from the end first, then results, since a
// result can complete a session and a blame only adds to a tally that has time.
// Readiness, the share generation and the endpoint are always kept (at most about 215
// bytes). The caller's slices are not modified.
func FitReport(r MpcReport, maxBytes int) MpcReport {
	for r.Size() > maxBytes && len(r.Blames) > 0 {
		r.Blames = r.Blames[:len(r.Blames)-1]
	}
	for r.Size() > maxBytes && len(r.Results) > 0 {
		r.Results = r.Results[:len(r.Results)-1]
	}
	return r
}

// DecodeReport decodes a vote-extension payload strictly: the bytes must be exactly
// the canonical encoding of a valid report, so unknown fields, repeated scalars and
// explicit defaults are refused and no two encodings of one report exist.
func DecodeReport(bz []byte) (MpcReport, error) {
	var r MpcReport
	if err := r.Unmarshal(bz); err != nil {
		return MpcReport{}, errorsmod.Wrap(ErrInvalidReport, err.Error())
	}
	again, err := r.Marshal()
	if err != nil {
		return MpcReport{}, errorsmod.Wrap(ErrInvalidReport, err.Error())
	}
	if !bytes.Equal(again, bz) {
		return MpcReport{}, errorsmod.Wrapf(ErrInvalidReport, "not canonical: %d bytes in, %d canonical", len(bz), len(again))
	}
	if err := r.Validate(); err != nil {
		return MpcReport{}, err
	}
	return r, nil
}

// Validate checks a report on its own: a valid endpoint; at most MaxResultsPerReport
// results, each naming a 32-byte session key once, with exactly one of a 33-byte
// compressed public key or a 65-byte low-S signature; at most MaxBlamesPerReport
// blames, each naming a 32-byte session key, a signer address and a reason, no
// (session key, accused) twice.
func (r MpcReport) Validate() error {
	if err := ValidateEndpoint(r.Endpoint); err != nil {
		return errorsmod.Wrap(ErrInvalidReport, err.Error())
	}
	if n := len(r.Results); n > MaxResultsPerReport {
		return errorsmod.Wrapf(ErrInvalidReport, "%d results > %d", n, MaxResultsPerReport)
	}
	if n := len(r.Blames); n > MaxBlamesPerReport {
		return errorsmod.Wrapf(ErrInvalidReport, "%d blames > %d", n, MaxBlamesPerReport)
	}
	seen := make(map[string]struct{}, len(r.Results)) // lookups only
	for i, res := range r.Results {
		if res == nil {
			return errorsmod.Wrapf(ErrInvalidReport, "result %d is nil", i)
		}
		if len(res.SessionKey) != SessionKeyLen {
			return errorsmod.Wrapf(ErrInvalidReport, "result %d: session key of %d bytes", i, len(res.SessionKey))
		}
		if _, dup := seen[string(res.SessionKey)]; dup {
			return errorsmod.Wrapf(ErrInvalidReport, "result %d: session %X twice", i, res.SessionKey)
		}
		seen[string(res.SessionKey)] = struct{}{}
		switch {
		case len(res.PublicKey) != 0 && len(res.Signature) != 0:
			return errorsmod.Wrapf(ErrInvalidReport, "result %d: both a public key and a signature", i)
		case len(res.PublicKey) != 0:
			if len(res.PublicKey) != PubKeyLen || (res.PublicKey[0] != 2 && res.PublicKey[0] != 3) {
				return errorsmod.Wrapf(ErrInvalidReport, "result %d: public key of %d bytes, want %d compressed", i, len(res.PublicKey), PubKeyLen)
			}
		case len(res.Signature) != 0:
			if err := CheckSignatureShape(res.Signature); err != nil {
				return errorsmod.Wrapf(ErrInvalidReport, "result %d: %v", i, err)
			}
		default:
			return errorsmod.Wrapf(ErrInvalidReport, "result %d: neither a public key nor a signature", i)
		}
	}
	blamed := make(map[string]struct{}, len(r.Blames)) // lookups only
	for i, b := range r.Blames {
		if b == nil {
			return errorsmod.Wrapf(ErrInvalidReport, "blame %d is nil", i)
		}
		if len(b.SessionKey) != SessionKeyLen {
			return errorsmod.Wrapf(ErrInvalidReport, "blame %d: session key of %d bytes", i, len(b.SessionKey))
		}
		if !ValidAddress(b.Accused) {
			return errorsmod.Wrapf(ErrInvalidReport, "blame %d: accused %q is not a 0x lower-case address", i, b.Accused)
		}
		if b.Reason == BLAME_REASON_UNSPECIFIED {
			return errorsmod.Wrapf(ErrInvalidReport, "blame %d: no reason", i)
		}
		if _, ok := BlameReason_name[int32(b.Reason)]; !ok {
			return errorsmod.Wrapf(ErrInvalidReport, "blame %d: reason %d", i, b.Reason)
		}
		k := string(b.SessionKey) + b.Accused
		if _, dup := blamed[k]; dup {
			return errorsmod.Wrapf(ErrInvalidReport, "blame %d: %s in session %X twice", i, b.Accused, b.SessionKey)
		}
		blamed[k] = struct{}{}
	}
	return nil
}
