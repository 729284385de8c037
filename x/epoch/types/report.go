package types

import (
	"bytes"

	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/epoch/randao"
)

// HashLen is the length of an L2 block hash.
const HashLen = 32

// MaxRevealSkip bounds the heights a reveal may skip (heights without this validator's
// extension): beyond it the validator must commit a fresh onion, which bounds the
// hashing one reveal costs the chain.
const MaxRevealSkip = 1024

// EncodeReport encodes a report for the vote extension. gogoproto's Marshal is
// canonical, which is what DecodeReport demands.
func EncodeReport(r Report) ([]byte, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return r.Marshal()
}

// DecodeReport decodes a vote-extension payload strictly: the bytes must be exactly
// the canonical encoding of a valid report, so no two encodings of one report exist
// and no unknown field can ride along in a signed extension.
func DecodeReport(bz []byte) (Report, error) {
	r, _, err := DecodeReportAndHeader(bz)
	return r, err
}

// DecodeReportAndHeader is DecodeReport that also returns the decoded rejected header
// (nil when the report has none), so that its seal is recovered once.
func DecodeReportAndHeader(bz []byte) (Report, *RejectedHeader, error) {
	var r Report
	if err := r.Unmarshal(bz); err != nil {
		return Report{}, nil, errorsmod.Wrap(ErrInvalidReport, err.Error())
	}
	again, err := r.Marshal()
	if err != nil {
		return Report{}, nil, errorsmod.Wrap(ErrInvalidReport, err.Error())
	}
	if !bytes.Equal(again, bz) {
		return Report{}, nil, errorsmod.Wrapf(ErrInvalidReport, "not canonical: %d bytes in, %d canonical", len(bz), len(again))
	}
	if err := r.validateFields(); err != nil {
		return Report{}, nil, err
	}
	if len(r.RejectedHeader) == 0 {
		return r, nil, nil
	}
	rh, err := DecodeRejectedHeader(r.RejectedHeader)
	if err != nil {
		return Report{}, nil, err
	}
	return r, &rh, nil
}

// Validate checks the report's fields on their own.
func (r Report) Validate() error {
	if err := r.validateFields(); err != nil {
		return err
	}
	if len(r.RejectedHeader) != 0 {
		if _, err := DecodeRejectedHeader(r.RejectedHeader); err != nil {
			return err
		}
	}
	return nil
}

// validateFields checks every field but the rejected header.
func (r Report) validateFields() error {
	if r.HasHead {
		if len(r.L2Hash) != HashLen {
			return errorsmod.Wrapf(ErrInvalidReport, "l2_hash of %d bytes, want %d", len(r.L2Hash), HashLen)
		}
	} else if r.L2Height != 0 || len(r.L2Hash) != 0 || r.L2Time != 0 {
		return errorsmod.Wrap(ErrInvalidReport, "head fields set without has_head")
	}
	if len(r.Reveal) != 0 && len(r.Reveal) != randao.Size {
		return errorsmod.Wrapf(ErrInvalidReport, "reveal of %d bytes, want %d", len(r.Reveal), randao.Size)
	}
	if c := r.Commitment; c != nil {
		if len(r.Reveal) != 0 {
			return errorsmod.Wrap(ErrInvalidReport, "a reveal and a new commitment in one report")
		}
		if c.Length == 0 || c.Length > randao.MaxLength {
			return errorsmod.Wrapf(ErrInvalidReport, "onion length %d outside [1, %d]", c.Length, randao.MaxLength)
		}
		if len(c.Layer) != randao.Size {
			return errorsmod.Wrapf(ErrInvalidReport, "commitment of %d bytes, want %d", len(c.Layer), randao.Size)
		}
	}
	return nil
}
