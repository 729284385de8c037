package session

import (
	"fmt"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/bnb-chain/tss-lib/v2/ecdsa/resharing"
	"github.com/bnb-chain/tss-lib/v2/ecdsa/signing"
	"github.com/bnb-chain/tss-lib/v2/tss"
)

// rule is what a message type may be: who sends it, to whom, and how.
type rule struct {
	from      Role
	to        Role // RoleParty: every party (both committees in a resharing)
	broadcast bool
}

// ruleFor gives the rule of a parsed message's content, or an error for a type that
// does not belong to the session's protocol. tss-lib itself only checks that a
// sender's index fits the array it stores into, so without this an old dealer could
// be filed as a new party of the same index.
func ruleFor(kind Kind, content tss.MessageContent) (rule, error) {
	switch kind {
	case KindKeygen:
		switch content.(type) {
		case *keygen.KGRound1Message, *keygen.KGRound2Message2, *keygen.KGRound3Message:
			return rule{RoleParty, RoleParty, true}, nil
		case *keygen.KGRound2Message1:
			return rule{RoleParty, RoleParty, false}, nil
		}
	case KindSign:
		switch content.(type) {
		case *signing.SignRound1Message1, *signing.SignRound2Message:
			return rule{RoleParty, RoleParty, false}, nil
		case *signing.SignRound1Message2, *signing.SignRound3Message, *signing.SignRound4Message,
			*signing.SignRound5Message, *signing.SignRound6Message, *signing.SignRound7Message,
			*signing.SignRound8Message, *signing.SignRound9Message:
			return rule{RoleParty, RoleParty, true}, nil
		}
	case KindReshare:
		switch content.(type) {
		case *resharing.DGRound1Message:
			return rule{RoleOld, RoleNew, true}, nil
		case *resharing.DGRound2Message1:
			return rule{RoleNew, RoleNew, true}, nil
		case *resharing.DGRound2Message2:
			return rule{RoleNew, RoleOld, true}, nil
		case *resharing.DGRound3Message1:
			return rule{RoleOld, RoleNew, false}, nil
		case *resharing.DGRound3Message2:
			return rule{RoleOld, RoleNew, true}, nil
		case *resharing.DGRound4Message1:
			return rule{RoleNew, RoleNew, false}, nil
		case *resharing.DGRound4Message2:
			return rule{RoleNew, RoleParty, true}, nil
		}
	}
	return rule{}, fmt.Errorf("%w: message type %T does not belong to a %s", ErrBadMessage, content, kind)
}

// checkContent makes the checks tss-lib v2.0.2 lacks and that can be made from
// outside the library. A keygen dealer's decommitment must hold exactly t+1 points
// (the random r, then 2 coordinates per point): a higher-degree polynomial would
// leave a key that t+1 parties cannot sign with (upstream #291, not in a release).
func checkContent(content tss.MessageContent, threshold int) error {
	if m, ok := content.(*keygen.KGRound2Message2); ok {
		if want := 1 + 2*(threshold+1); len(m.GetDeCommitment()) != want {
			return fmt.Errorf("%w: keygen decommitment has %d elements, want %d (t+1 points)", ErrBadMessage, len(m.GetDeCommitment()), want)
		}
	}
	return nil
}
