package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/slashing. Codes are part of the API: never renumber.
var (
	ErrInvalidParams    = errorsmod.Register(ModuleName, 2, "invalid parameters")
	ErrUnauthorized     = errorsmod.Register(ModuleName, 3, "signer is not the governance authority")
	ErrInvalidGenesis   = errorsmod.Register(ModuleName, 4, "invalid genesis state")
	ErrInvalidAddress   = errorsmod.Register(ModuleName, 5, "invalid address")
	ErrNotJailed        = errorsmod.Register(ModuleName, 6, "sequencer is not jailed")
	ErrStillJailed      = errorsmod.Register(ModuleName, 7, "sequencer is still jailed")
	ErrBelowMinLock     = errorsmod.Register(ModuleName, 8, "stake is below min_lock")
	ErrOffenceNotFound  = errorsmod.Register(ModuleName, 9, "no such offence")
	ErrInvalidOffenceID = errorsmod.Register(ModuleName, 10, "invalid L1 offence id")
	ErrNotSequencer     = errorsmod.Register(ModuleName, 11, "sender is not a sequencer's operator")

	// L2 equivocation evidence (MsgSubmitL2Equivocation): one code per refusal.
	ErrNoL2ChainID           = errorsmod.Register(ModuleName, 12, "no L2 chain id configured")
	ErrInvalidL2Header       = errorsmod.Register(ModuleName, 13, "invalid L2 header")
	ErrL2HeaderTooLarge      = errorsmod.Register(ModuleName, 14, "L2 header too large")
	ErrL2HeaderTrailingBytes = errorsmod.Register(ModuleName, 15, "trailing bytes after the L2 header")
	ErrL2HeightMismatch      = errorsmod.Register(ModuleName, 16, "the L2 headers are of different heights")
	ErrSameL2Block           = errorsmod.Register(ModuleName, 17, "the same L2 block twice is no equivocation")
	ErrInvalidL2Seal         = errorsmod.Register(ModuleName, 18, "invalid L2 block seal")
	ErrL2ChainMismatch       = errorsmod.Register(ModuleName, 19, "L2 block sealed for another chain")
	ErrL2ProducerMismatch    = errorsmod.Register(ModuleName, 20, "the L2 seals name different producers")
	ErrNoL2Epoch             = errorsmod.Register(ModuleName, 21, "no epoch covers the L2 height")
	ErrNotScheduledProducer  = errorsmod.Register(ModuleName, 22, "the sealing producer was not scheduled for the L2 height")
	ErrNotScheduledSigner    = errorsmod.Register(ModuleName, 23, "the L2 block was not signed by the scheduled producer's signer")
	ErrAlreadyJudged         = errorsmod.Register(ModuleName, 24, "offence already judged")

	// Governance's slash and appeal.
	ErrInvalidSeverity   = errorsmod.Register(ModuleName, 25, "invalid severity for a governance slash")
	ErrInvalidEvidence   = errorsmod.Register(ModuleName, 26, "invalid evidence text")
	ErrSequencerNotFound = errorsmod.Register(ModuleName, 27, "no such sequencer")
	ErrAlreadyAppealed   = errorsmod.Register(ModuleName, 28, "offence already appealed")
	ErrInvalidReason     = errorsmod.Register(ModuleName, 29, "invalid appeal reason")
	ErrInvalidAmount     = errorsmod.Register(ModuleName, 30, "invalid amount")

	// ErrL2EpochMismatch: an L2 seal made for another epoch than the live schedule's.
	ErrL2EpochMismatch = errorsmod.Register(ModuleName, 31, "the L2 block was sealed for another epoch")
)

// MaxTextLen bounds governance's evidence text (MsgSlash) and appeal reason (MsgAppeal),
// in bytes: both are stored with the offence for ever.
const MaxTextLen = 2000
