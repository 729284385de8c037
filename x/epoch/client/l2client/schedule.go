package l2client

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	grpctypes "github.com/cosmos/cosmos-sdk/types/grpc"
	"github.com/ethereum/go-ethereum/common"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
)

// Slot is one epoch of the L2 schedule: the L2 heights [Start, End] and who produces
// them. An L2 node accepts a block at height h only if Signer signed it.
type Slot struct {
	EpochID    uint64
	Start, End uint64
	ProducerID uint64
	Signer     common.Address
	// Reason is why the chain chose this producer: SCHEDULED (the rotation), STALL (the
	// previous producer stalled) or REMOVAL (it left the pool).
	Reason string
	// Replaced is the producer this epoch replaced early (0 for a regular rotation).
	Replaced uint64
}

// Covers reports whether the slot schedules L2 height h.
func (s Slot) Covers(h uint64) bool { return s.Start <= h && h <= s.End }

func slotOf(e epochtypes.Epoch) (Slot, error) {
	if !common.IsHexAddress(e.Signer) {
		return Slot{}, fmt.Errorf("l2client: epoch %d names signer %q, not an address", e.Id, e.Signer)
	}
	return Slot{EpochID: e.Id, Start: e.StartHeight, End: e.EndHeight, ProducerID: e.ProducerId,
		Signer: common.HexToAddress(e.Signer), Reason: strings.TrimPrefix(e.Reason.String(), "ROTATION_REASON_"), Replaced: e.ReplacedProducerId}, nil
}

// ProducerAt is the slot scheduled for L2 height h, or ErrNotScheduled.
func (c *Client) ProducerAt(ctx context.Context, h uint64) (Slot, error) {
	res, err := c.epoch.Producer(ctx, &epochtypes.QueryProducerRequest{Height: h})
	if err != nil {
		return Slot{}, notFoundAs(err, ErrNotScheduled)
	}
	return slotOf(res.Epoch)
}

// Head is the L2 head more than 2/3 of the chain's power agreed on, and its stall
// clock: the producer of Head.Height+1 is replaced once the clock passes the chain's
// stall threshold.
type Head struct {
	Height uint64
	// Since is when the stall count against the head began (chain block time): when
	// it was reached, as the chain estimates it, or a re-election's restart.
	Since time.Time
	// StalledFor is the chain block time counted against the agreed head (it pauses
	// while validators do not agree; one slow block counts a quarter of the threshold at
	// most, 5 s at least).
	StalledFor time.Duration
}

// Current is the slot producing the next L2 block (agreed head + 1) and the head.
// NoEligible is true when no sequencer is ready to produce after it.
func (c *Client) Current(ctx context.Context) (slot Slot, head Head, noEligible bool, err error) {
	res, err := c.epoch.CurrentEpoch(ctx, &epochtypes.QueryCurrentEpochRequest{})
	if err != nil {
		return Slot{}, Head{}, false, notFoundAs(err, ErrNotScheduled)
	}
	slot, err = slotOf(res.Epoch)
	return slot, Head{Height: res.Head.Height, Since: res.Head.Since, StalledFor: res.Head.StalledFor}, res.NoEligible, err
}

// Next is the slot decided to follow the current one, or ErrNotDecided.
func (c *Client) Next(ctx context.Context) (Slot, error) {
	res, err := c.epoch.NextEpoch(ctx, &epochtypes.QueryNextEpochRequest{})
	if err != nil {
		return Slot{}, notFoundAs(err, ErrNotDecided)
	}
	return slotOf(res.Epoch)
}

// ScheduleAhead is every slot decided from the current one on, in L2 order: the current
// slot, then the next when it is decided. Past the last slot's End nothing is decided:
// the chain decides each next epoch a few L2 blocks before the current one ends. Both
// are read at the same themis height, so a re-election between the reads cannot give
// a schedule with a gap or an overlap.
func (c *Client) ScheduleAhead(ctx context.Context) ([]Slot, error) {
	var header metadata.MD
	res, err := c.epoch.CurrentEpoch(ctx, &epochtypes.QueryCurrentEpochRequest{}, grpc.Header(&header))
	if err != nil {
		return nil, notFoundAs(err, ErrNotScheduled)
	}
	cur, err := slotOf(res.Epoch)
	if err != nil {
		return nil, err
	}
	heights := header.Get(grpctypes.GRPCBlockHeightHeader)
	if len(heights) != 1 {
		return nil, fmt.Errorf("l2client: the node did not say at which height it answered (%s header)", grpctypes.GRPCBlockHeightHeader)
	}
	md, _ := metadata.FromOutgoingContext(ctx)
	md = md.Copy() // a height the caller set is replaced, never sent twice
	md.Set(grpctypes.GRPCBlockHeightHeader, heights[0])
	atSameHeight := metadata.NewOutgoingContext(ctx, md)
	next, err := c.Next(atSameHeight)
	if errors.Is(err, ErrNotDecided) {
		return []Slot{cur}, nil
	}
	if err != nil {
		return nil, err
	}
	return []Slot{cur, next}, nil
}
