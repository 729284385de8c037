package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"github.com/cosmos/cosmos-sdk/telemetry"
	metrics "github.com/hashicorp/go-metrics"

	"github.com/themis-network/themis/x/sequencer/types"
)

// The alarm of a disagreement between the chain and L1 has three halves: a typed event
// per finding (EventL1Disagreement), a stored record per applied event (Disagreements,
// keyed by sequencer id and nonce, so each L1 event has at most one and the set grows
// only with genuine, voted L1 events), and a telemetry counter by reason.

// recordDisagreement stores and emits the findings of an applied event, if any.
func (k Keeper) recordDisagreement(ctx context.Context, msgType string, msg types.L1EventMsg, findings []types.DisagreementFinding) error {
	if len(findings) == 0 {
		return nil
	}
	d := types.Disagreement{
		SequencerId: msg.GetSequencerId(),
		Nonce:       msg.GetNonce(),
		Event:       msg.GetEvent(),
		MsgType:     msgType,
		Height:      sdkHeight(ctx),
		Findings:    findings,
	}
	if err := k.Disagreements.Set(ctx, collections.Join(d.SequencerId, d.Nonce), d); err != nil {
		return err
	}
	for _, f := range findings {
		emit(ctx, &types.EventL1Disagreement{SequencerId: d.SequencerId, Nonce: d.Nonce, Event: d.Event, MsgType: msgType,
			Reason: f.Reason, Detail: f.Detail})
	}
	k.Logger(ctx).Error("applied an L1 event the chain disagrees with", "sequencer", d.SequencerId, "nonce", d.Nonce,
		"event", types.EventKey(d.Event), "findings", types.JoinFindings(findings))
	return nil
}

// countDisagreements increments the telemetry counter, outside consensus state, once
// the applied event is committed to the block's state.
func countDisagreements(findings []types.DisagreementFinding) {
	for _, f := range findings {
		telemetry.IncrCounterWithLabels([]string{types.ModuleName, "l1_disagreement"}, 1,
			[]metrics.Label{telemetry.NewLabel("reason", f.Reason.String())})
	}
}
