//go:build e2e

package e2e

import (
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/cometbft/cometbft/privval"
)

// SlashOffence is the part of an x/slashing offence the e2e cases read.
type SlashOffence struct {
	ID          uint64    `json:"id,string"`
	Class       string    `json:"class"`
	Severity    string    `json:"severity"`
	SequencerID uint64    `json:"sequencer_id,string"`
	Evidence    string    `json:"evidence"`
	EvidenceRef string    `json:"evidence_ref"`
	Height      int64     `json:"height,string"`
	Slashed     string    `json:"slashed"`
	Jailed      bool      `json:"jailed"`
	JailedUntil time.Time `json:"jailed_until"`
	Removed     bool      `json:"removed"`
	Banned      bool      `json:"banned"`
	L1ActionID  uint64    `json:"l1_action_id,string"`
	Status      string    `json:"status"`
	Time        time.Time `json:"time"`
}

// SlashingOffences returns x/slashing's judged offences (REST).
func SlashingOffences(n *Node) ([]SlashOffence, error) {
	var res struct {
		Offences []SlashOffence `json:"offences"`
	}
	err := GetJSON(n.REST+"/themis/slashing/v1/offences?pagination.limit=1000", &res)
	return res.Offences, err
}

// SlashL1Action is the part of an x/slashing L1 action the e2e cases read.
type SlashL1Action struct {
	ID            uint64 `json:"id,string"`
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Note          string `json:"note"`
	PoolTx        uint64 `json:"pool_tx,string"`
	Attempts      uint32 `json:"attempts"`
	HoldReason    string `json:"hold_reason"`
	LandedL1Block uint64 `json:"landed_l1_block,string"`
	SettledHeight int64  `json:"settled_height,string"`
	Slash         *struct {
		SequencerID uint64 `json:"sequencer_id,string"`
		Amount      string `json:"amount"`
	} `json:"slash"`
}

// SlashingL1Actions returns x/slashing's L1 actions, every status (REST).
func SlashingL1Actions(n *Node) ([]SlashL1Action, error) {
	var res struct {
		Actions []SlashL1Action `json:"actions"`
	}
	err := GetJSON(n.REST+"/themis/slashing/v1/l1_actions?pagination.limit=1000", &res)
	return res.Actions, err
}

// waitActionConfirmed waits until x/slashing's L1 action id is CONFIRMED (by its
// relayed L1 event) and returns it.
func (ln *Localnet) waitActionConfirmed(id uint64, what string, timeout time.Duration) SlashL1Action {
	ln.t.Helper()
	var action SlashL1Action
	ln.WaitFor(what, timeout, func() bool {
		actions, err := SlashingL1Actions(ln.Nodes[0])
		if err != nil {
			return false
		}
		for _, a := range actions {
			if a.ID == id {
				action = a
			}
		}
		return action.Status == "L1_ACTION_STATUS_CONFIRMED"
	})
	return action
}

// SequencerStatus is a sequencer's status on node n (REST), e.g. SEQUENCER_STATUS_JAILED.
func SequencerStatus(n *Node, id uint64) (string, error) {
	var res struct {
		Sequencer struct {
			Status string `json:"status"`
		} `json:"sequencer"`
	}
	err := GetJSON(fmt.Sprintf("%s/themis/sequencer/v1/sequencers/%d", n.REST, id), &res)
	return res.Sequencer.Status, err
}

// ConsAddress is node n's CometBFT validator address (upper-case hex, as /validators shows it).
func (n *Node) ConsAddress() string {
	pv := privval.LoadFilePV(filepath.Join(n.Home, "config", "priv_validator_key.json"), filepath.Join(n.Home, "data", "priv_validator_state.json"))
	return strings.ToUpper(hex.EncodeToString(pv.Key.Address))
}

// CometValidatorsAt is the set of validator addresses CometBFT uses at height h, read
// from node n's RPC.
func CometValidatorsAt(n *Node, h int64) (map[string]bool, error) {
	var resp struct {
		Result struct {
			Validators []struct {
				Address string `json:"address"`
			} `json:"validators"`
		} `json:"result"`
	}
	if err := GetJSON(fmt.Sprintf("%s/validators?height=%d&per_page=100", n.RPC, h), &resp); err != nil {
		return nil, err
	}
	set := make(map[string]bool, len(resp.Result.Validators))
	for _, v := range resp.Result.Validators {
		set[v.Address] = true
	}
	return set, nil
}

// UnjailCommand is `themisd tx slashing unjail` from node n's operator (its signer key).
func UnjailCommand(n *Node) []string {
	return []string{"tx", "slashing", "unjail", "--from", "signer", "--yes", "--gas", "auto", "--gas-adjustment", "1.5", "--home", n.Home}
}

// UnjailAfterJail waits until the block time reaches until (the end of sequencer id's
// jail), unjails it from its node n, and waits until it is ACTIVE again.
func (ln *Localnet) UnjailAfterJail(n *Node, id uint64, until time.Time) {
	ln.t.Helper()
	n0 := ln.Nodes[0]
	ln.WaitFor("block time past the jail", time.Until(until)+time.Minute, func() bool {
		h, err := n0.Header(n0.Height())
		return err == nil && !h.Time.Before(until)
	})
	if out := ln.Run(UnjailCommand(n)...); !strings.Contains(out, "code: 0") {
		ln.t.Fatalf("unjail of sequencer %d not accepted: %s", id, out)
	}
	ln.WaitFor(fmt.Sprintf("sequencer %d active again", id), 30*time.Second, func() bool {
		status, err := SequencerStatus(n0, id)
		return err == nil && status == "SEQUENCER_STATUS_ACTIVE"
	})
}

// JudgedStall waits for x/slashing's judgement of a stall of sequencer id after offence
// id after (0: any), and returns it.
func (ln *Localnet) JudgedStall(id, after uint64) SlashOffence {
	ln.t.Helper()
	return ln.waitOffenceAfter(id, "OFFENCE_CLASS_NON_PRODUCTION", after, 30*time.Second)
}

// waitOffence waits for x/slashing's first offence of a class for sequencer id.
func (ln *Localnet) waitOffence(id uint64, class string, timeout time.Duration) SlashOffence {
	ln.t.Helper()
	return ln.waitOffenceAfter(id, class, 0, timeout)
}

// waitOffenceAfter waits for x/slashing's first offence of a class for sequencer id
// with an id above after.
func (ln *Localnet) waitOffenceAfter(id uint64, class string, after uint64, timeout time.Duration) SlashOffence {
	ln.t.Helper()
	var off SlashOffence
	ln.WaitFor(fmt.Sprintf("a %s offence of sequencer %d", class, id), timeout, func() bool {
		offences, err := SlashingOffences(ln.Nodes[0])
		if err != nil {
			return false
		}
		for _, o := range offences {
			if o.ID > after && o.SequencerID == id && o.Class == class {
				off = o
				return true
			}
		}
		return false
	})
	return off
}
