package voteext

import (
	"bytes"
	"fmt"

	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/voteext/types"
)

// Limits on one vote extension. They bound what a validator can make every other
// validator decode, store in a block and tally, so they are consensus rules: changing
// them needs a coordinated upgrade.
const (
	// MaxVoteExtensionBytes bounds the encoded extension. 256 verdicts of a 64-byte
	// module name and a 32-byte digest stay well below it.
	MaxVoteExtensionBytes = 64 << 10
	// MaxVerdictsPerExtension bounds the verdicts of one extension, all queues together.
	MaxVerdictsPerExtension = 256
	// DigestLen is the length of a sha256 digest; verdicts are bound to it.
	DigestLen = 32
	// MaxModuleNameLen bounds a module name in a verdict or a report.
	MaxModuleNameLen = 64
	// MaxReportsPerExtension bounds the module reports of one extension.
	MaxReportsPerExtension = 8
	// MaxReportBytes bounds one module report's payload.
	MaxReportBytes = 2048
)

// ModuleSet is the set of module names that own a side-transaction queue. It is only
// ever used for lookups, never iterated, so it cannot leak map order.
type ModuleSet map[string]struct{}

// NewModuleSet builds a ModuleSet from names.
func NewModuleSet(names ...string) ModuleSet {
	s := make(ModuleSet, len(names))
	for _, n := range names {
		s[n] = struct{}{}
	}
	return s
}

// Has reports whether name is a registered module.
func (s ModuleSet) Has(name string) bool {
	_, ok := s[name]
	return ok
}

// itemID names a queue item: its module and the digest of its content.
type itemID struct {
	module string
	digest string
}

// EncodeVoteExtension encodes ext for ExtendVote. gogoproto's Marshal is canonical
// (fields in order, defaults omitted), which is exactly what DecodeVoteExtension demands.
func EncodeVoteExtension(ext types.VoteExtension) ([]byte, error) {
	for i, v := range ext.Verdicts {
		if v == nil {
			return nil, errorsmod.Wrapf(ErrMalformed, "verdict %d is nil", i)
		}
	}
	return ext.Marshal()
}

// DecodeVoteExtension decodes bz strictly: the bytes must be exactly what
// EncodeVoteExtension produces for the decoded value (so unknown fields, repeated
// scalar fields, explicit defaults and over-long varints are all rejected), and the
// content must respect the limits above, carry a 32-byte digest and a known verdict
// value per item, a non-empty module name and no (module, digest) twice.
//
// It does not know the height or the registered modules; see CheckVoteExtension and
// DecodeAndCheck.
func DecodeVoteExtension(bz []byte) (types.VoteExtension, error) {
	// Check the size before doing any work on the bytes.
	if len(bz) > MaxVoteExtensionBytes {
		return types.VoteExtension{}, errorsmod.Wrapf(ErrExtensionTooLarge, "%d bytes > %d", len(bz), MaxVoteExtensionBytes)
	}
	var ext types.VoteExtension
	if err := ext.Unmarshal(bz); err != nil {
		return types.VoteExtension{}, errorsmod.Wrap(ErrMalformed, err.Error())
	}
	// The count check comes before re-encoding so a flood of tiny verdicts is refused
	// without allocating its re-encoding.
	if n := len(ext.Verdicts); n > MaxVerdictsPerExtension {
		return types.VoteExtension{}, errorsmod.Wrapf(ErrTooManyVerdicts, "%d > %d", n, MaxVerdictsPerExtension)
	}
	if n := len(ext.Reports); n > MaxReportsPerExtension {
		return types.VoteExtension{}, errorsmod.Wrapf(ErrBadReport, "%d reports > %d", n, MaxReportsPerExtension)
	}
	again, err := ext.Marshal()
	if err != nil {
		return types.VoteExtension{}, errorsmod.Wrap(ErrMalformed, err.Error())
	}
	if !bytes.Equal(again, bz) {
		return types.VoteExtension{}, errorsmod.Wrapf(ErrNonCanonical, "%d bytes in, %d bytes canonical", len(bz), len(again))
	}
	seen := make(map[itemID]struct{}, len(ext.Verdicts))
	for i, v := range ext.Verdicts {
		if err := checkVerdictShape(v); err != nil {
			return types.VoteExtension{}, errorsmod.Wrapf(err, "verdict %d", i)
		}
		k := itemID{module: v.Module, digest: string(v.Digest)}
		if _, dup := seen[k]; dup {
			return types.VoteExtension{}, errorsmod.Wrapf(ErrDuplicateItem, "verdict %d: %s/%X", i, v.Module, v.Digest)
		}
		seen[k] = struct{}{}
	}
	if err := checkReportsShape(ext.Reports); err != nil {
		return types.VoteExtension{}, err
	}
	return ext, nil
}

// checkReportsShape checks the reports on their own: named, bounded, and sorted by
// strictly increasing module name (so one per module, and one canonical order).
func checkReportsShape(reports []*types.ModuleReport) error {
	for i, r := range reports {
		if r == nil {
			return errorsmod.Wrapf(ErrMalformed, "report %d is nil", i)
		}
		if r.Module == "" || len(r.Module) > MaxModuleNameLen {
			return errorsmod.Wrapf(ErrBadReport, "report %d: module name of %d bytes", i, len(r.Module))
		}
		if len(r.Payload) > MaxReportBytes {
			return errorsmod.Wrapf(ErrBadReport, "report %d (%s): %d bytes > %d", i, r.Module, len(r.Payload), MaxReportBytes)
		}
		if i > 0 && reports[i-1].Module >= r.Module {
			return errorsmod.Wrapf(ErrBadReport, "report %d: %q after %q (want strictly increasing module names)", i, r.Module, reports[i-1].Module)
		}
	}
	return nil
}

// checkVerdictShape checks one verdict on its own.
func checkVerdictShape(v *types.SideTxVerdict) error {
	if v == nil {
		return errorsmod.Wrap(ErrMalformed, "nil verdict")
	}
	if v.Module == "" {
		return ErrEmptyModule
	}
	if len(v.Module) > MaxModuleNameLen {
		return errorsmod.Wrapf(ErrModuleNameTooLong, "%d bytes > %d", len(v.Module), MaxModuleNameLen)
	}
	if len(v.Digest) != DigestLen {
		return errorsmod.Wrapf(ErrBadDigest, "%d bytes, want %d", len(v.Digest), DigestLen)
	}
	switch v.Verdict {
	case types.Verdict_VERDICT_UNSPECIFIED, types.Verdict_VERDICT_YES, types.Verdict_VERDICT_NO:
	default:
		return errorsmod.Wrapf(ErrBadVerdict, "%d", int32(v.Verdict))
	}
	return nil
}

// CheckVoteExtension checks what DecodeVoteExtension cannot know on its own: the
// extension is for height and names only registered modules.
func CheckVoteExtension(ext types.VoteExtension, height int64, modules ModuleSet) error {
	if ext.Height != height {
		return errorsmod.Wrapf(ErrWrongHeight, "extension for %d, expected %d", ext.Height, height)
	}
	for i, v := range ext.Verdicts {
		if v == nil {
			return errorsmod.Wrapf(ErrMalformed, "verdict %d is nil", i)
		}
		if !modules.Has(v.Module) {
			return errorsmod.Wrapf(ErrUnknownModule, "verdict %d: %q", i, v.Module)
		}
	}
	return nil
}

// ReportChecks maps a module name to its strict report check (Reporter.CheckReport).
// It is only looked up, never iterated.
type ReportChecks map[string]func(payload []byte) error

// CheckReports checks that every report names a registered reporter and passes its
// module's strict check. A panicking check counts as a failure.
func CheckReports(ext types.VoteExtension, checks ReportChecks) error {
	for i, r := range ext.Reports {
		if r == nil {
			return errorsmod.Wrapf(ErrMalformed, "report %d is nil", i)
		}
		check, ok := checks[r.Module]
		if !ok {
			return errorsmod.Wrapf(ErrUnknownModule, "report %d: %q", i, r.Module)
		}
		if err := safeCheck(check, r.Payload); err != nil {
			return errorsmod.Wrapf(ErrBadReport, "report %d (%s): %v", i, r.Module, err)
		}
	}
	return nil
}

func safeCheck(check func([]byte) error, payload []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic in report check: %v", r)
		}
	}()
	return check(payload)
}

// DecodeAndCheck is the full rule VerifyVoteExtension applies to an extension for
// height, and ProcessProposal and PreBlock apply to the extensions of height H-1.
// Reports are checked with checks (nil: an extension with reports is refused).
func DecodeAndCheck(bz []byte, height int64, modules ModuleSet, checks ReportChecks) (types.VoteExtension, error) {
	ext, err := DecodeVoteExtension(bz)
	if err != nil {
		return types.VoteExtension{}, err
	}
	if err := CheckVoteExtension(ext, height, modules); err != nil {
		return types.VoteExtension{}, err
	}
	if err := CheckReports(ext, checks); err != nil {
		return types.VoteExtension{}, err
	}
	return ext, nil
}
