package ladder

import (
	"fmt"
	"math"
	"time"

	sdkmath "cosmossdk.io/math"
)

// Outcome is everything an offence does to a sequencer; the keeper carries it out and
// records it with the offence's evidence.
type Outcome struct {
	Severity Severity
	// Slashed and Remaining split the stake the decision was made on (SlashAmount).
	Slashed, Remaining sdkmath.Int
	// SendL1: send slash(id, Slashed, Severity, offenceId) to the staking contract. False
	// when Slashed is zero (low, or a stake so small its fraction rounds to 0): the
	// contract refuses a zero amount, so such an offence still jails and counts its
	// strike but sends no L1 slash.
	SendL1 bool
	// Jail: out of the draw until JailedUntil (block time), then MsgUnjail.
	Jail        bool
	JailedUntil time.Time
	// Remove: out of the active set for good; only governance can re-admit the owner.
	Remove bool
	// Ban: the owner and the signer can never rejoin. Ban implies Remove.
	Ban bool
	// MediumStrikes is the owner's lifetime count of medium offences after this one.
	MediumStrikes uint32
}

// Decide applies the ladder to an offence of severity s by a sequencer with locked at
// stake, whose owner has mediumStrikes medium offences on record, at block time now (the
// caller's block header time, so every node decides the same).
//
// A medium offence adds a strike. While the count is below p.MediumStrikesToRemove it
// jails for p.JailDuration; the strike that reaches it removes instead: by then jailing
// has been tried and the stalls are a pattern. The count is the owner's lifetime one and
// is not reset by a removal, so a sequencer re-admitted by governance after three strikes
// is removed again by its next medium offence. High removes; critical removes and bans.
// Every rung but low slashes its fraction of the stake.
func Decide(p Params, s Severity, locked sdkmath.Int, mediumStrikes uint32, now time.Time) (Outcome, error) {
	if err := p.Validate(); err != nil {
		return Outcome{}, err
	}
	slashed, remaining, err := SlashAmount(locked, s)
	if err != nil {
		return Outcome{}, err
	}
	o := Outcome{
		Severity:      s,
		Slashed:       slashed,
		Remaining:     remaining,
		SendL1:        slashed.IsPositive(),
		MediumStrikes: mediumStrikes,
	}
	switch s {
	case Low:
	case Medium:
		if o.MediumStrikes < math.MaxUint32 {
			o.MediumStrikes++
		}
		if o.MediumStrikes >= p.MediumStrikesToRemove {
			o.Remove = true
		} else {
			o.Jail = true
			o.JailedUntil = now.Add(p.JailDuration)
		}
	case High:
		o.Remove = true
	case Critical:
		o.Remove = true
		o.Ban = true
	default: // unreachable: SlashAmount checked s
		return Outcome{}, fmt.Errorf("%w: %d", ErrInvalidSeverity, uint8(s))
	}
	return o, nil
}

// RevertStrike is the strike count after governance upholds an appeal against an offence
// of severity s: an overturned medium offence no longer counts towards removal. Other
// severities carry no strike. It never goes below zero (an appeal of a strike already
// reverted, or recorded before the count existed, changes nothing).
func RevertStrike(mediumStrikes uint32, s Severity) uint32 {
	if s == Medium && mediumStrikes > 0 {
		return mediumStrikes - 1
	}
	return mediumStrikes
}
