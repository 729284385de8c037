package keeper

import (
	"bytes"
	"math/bits"
	"sort"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/voteext"
)

// Wrong-state-root evidence. A validator's report may carry one L2 block its own L2
// node refused for a wrong state root, as the sealed header's RLP. The chain cannot
// recompute an L2 state root; what it can count is who says their L2 node refused the
// block. A block that validators with more than 2/3 of the recorded power reported,
// sealed by the producer the live schedule names for its height and for the L2 chain
// of params.l2_chain_id, convicts that producer (OFFENCE_KIND_WRONG_STATE_ROOT, once per
// epoch). More than 2/3 means more than 1/3 of honest power among them: the block really
// fails the state transition their L2 nodes computed. Nobody can report a block of an
// honest producer that it did not seal, so a minority cannot frame one. Blocks are
// counted by (height, seal hash): what the producer signed, so re-signing the same
// block with a fresh nonce (another block hash) does not split the votes.

// wrongRootKey names a tally: (L2 height, seal hash).
type wrongRootKey = collections.Pair[uint64, []byte]

// wrongRootVote is one validator's report of a refused block, as ApplyReports collects
// it (decoded and its seal recovered once, by the strict decode).
type wrongRootVote struct {
	addr   []byte
	header types.RejectedHeader
}

// applyWrongRoots prunes the tallies, counts this block's reports of refused blocks
// (in the set's order) and convicts every tally they touched that now holds more than
// 2/3 of the set's power. Reports that do not qualify (another chain, a height outside
// the window or without a live epoch, a seal that is not the scheduled producer's, an
// epoch already charged, a validator over its quota) are ignored: they are signed
// opinions, not errors.
func (k Keeper) applyWrongRoots(ctx sdk.Context, set voteext.ValidatorSet, votes []wrongRootVote) error {
	p, err := k.progress(ctx)
	if err != nil {
		return err
	}
	if err := k.pruneWrongRoots(ctx, p); err != nil {
		return err
	}
	if len(votes) == 0 || !p.Known {
		return nil
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if params.L2ChainId == 0 {
		return nil
	}
	var touched []wrongRootKey
	for _, v := range votes {
		key, ok, err := k.countWrongRootVote(ctx, params.L2ChainId, p.Height, v)
		if err != nil {
			return err
		}
		if ok {
			touched = append(touched, key)
		}
	}
	sort.Slice(touched, func(i, j int) bool { return lessKey(touched[i], touched[j]) })
	powers := make(map[string]int64, len(set.Validators)) // looked up only, never iterated
	for _, v := range set.Validators {
		if v.Power > 0 {
			powers[string(v.ConsAddress)] = v.Power
		}
	}
	for i, key := range touched {
		if i > 0 && !lessKey(touched[i-1], key) {
			continue // the same tally twice
		}
		if err := k.judgeWrongRoot(ctx, key, powers, set.TotalPower); err != nil {
			return err
		}
	}
	return nil
}

// qualifyWrongRoot tells whether a decoded rejected header is evidence the chain takes
// now: sealed for the L2 chain l2ChainID, within WrongRootWindow of the agreed head,
// by the producer (id and signer) of the live epoch covering its height, whose epoch
// was not charged a wrong state root yet. It returns that epoch.
func (k Keeper) qualifyWrongRoot(ctx sdk.Context, l2ChainID, head uint64, rh types.RejectedHeader) (types.Epoch, bool, error) {
	h := rh.Height()
	if l2ChainID == 0 || rh.Seal.ChainID != l2ChainID || !withinWrongRootWindow(h, head) {
		return types.Epoch{}, false, nil
	}
	e, live, err := k.EpochAt(ctx, h)
	if err != nil || !live {
		return types.Epoch{}, false, err
	}
	if e.ProducerId != rh.Seal.ProducerID || !sameSigner(e.Signer, rh.Seal.Signer) || e.Id != rh.Seal.EpochID {
		return types.Epoch{}, false, nil // not the producer scheduled for h now (or ever), or another epoch's block
	}
	if charged, err := k.WrongRootEpochs.Has(ctx, e.Id); err != nil || charged {
		return types.Epoch{}, false, err
	}
	return e, true, nil
}

// countWrongRootVote adds one validator's report to its tally, opening the tally if
// needed. ok says the report names a qualifying block (counted now or before).
func (k Keeper) countWrongRootVote(ctx sdk.Context, l2ChainID, head uint64, v wrongRootVote) (key wrongRootKey, ok bool, err error) {
	rh := v.header
	e, ok, err := k.qualifyWrongRoot(ctx, l2ChainID, head, rh)
	if err != nil || !ok {
		return key, false, err
	}
	h := rh.Height()
	key = collections.Join(h, rh.SealHash.Bytes())
	t, err := k.WrongRoots.Get(ctx, key)
	found := err == nil
	if err != nil && !isNotFound(err) {
		return key, false, err
	}
	if found && t.EpochId != e.Id {
		// The schedule changed under the tally and a new epoch names the same producer
		// for h again: the votes were cast against another epoch. Start over.
		if err := k.deleteWrongRoot(ctx, key, t); err != nil {
			return key, false, err
		}
		found = false
	}
	voter := collections.Join3(h, rh.SealHash.Bytes(), v.addr)
	voted, err := k.WrongRootVoters.Has(ctx, voter)
	if err != nil || voted {
		return key, err == nil, err
	}
	n, err := k.WrongRootVoteCounts.Get(ctx, v.addr)
	if err != nil && !isNotFound(err) {
		return key, false, err
	}
	if n >= types.MaxWrongRootVotesPerValidator {
		k.Logger(ctx).Debug("wrong-state-root report over the validator's quota", "validator", sdk.ConsAddress(v.addr), "l2_height", h, "hash", rh.Hash)
		return key, false, nil
	}
	if !found {
		t = types.WrongRootTally{L2Height: h, SealHash: rh.SealHash.Bytes(), HeaderHash: rh.Hash.Bytes(), EpochId: e.Id, ProducerId: e.ProducerId, OpenedHeight: ctx.BlockHeight()}
		if err := k.WrongRoots.Set(ctx, key, t); err != nil {
			return key, false, err
		}
		if err := k.WrongRootAge.Set(ctx, collections.Join3(t.OpenedHeight, h, rh.SealHash.Bytes())); err != nil {
			return key, false, err
		}
	}
	if err := k.WrongRootVoters.Set(ctx, voter); err != nil {
		return key, false, err
	}
	return key, true, k.WrongRootVoteCounts.Set(ctx, v.addr, n+1)
}

// judgeWrongRoot sums the power, in the recorded set of this block, of the validators
// counted in a tally and convicts its producer when it is more than 2/3 of the total.
// Voters no longer in the set count nothing.
func (k Keeper) judgeWrongRoot(ctx sdk.Context, key wrongRootKey, powers map[string]int64, total int64) error {
	t, err := k.WrongRoots.Get(ctx, key)
	if isNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	var power uint64
	var voters uint32
	rng := collections.NewSuperPrefixedTripleRange[uint64, []byte, []byte](key.K1(), key.K2())
	if err := k.WrongRootVoters.Walk(ctx, rng, func(v collections.Triple[uint64, []byte, []byte]) (bool, error) {
		if p, ok := powers[string(v.K3())]; ok {
			power += uint64(p)
			voters++
		}
		return false, nil
	}); err != nil {
		return err
	}
	if total <= 0 || !moreThanTwoThirds(power, uint64(total)) {
		return nil
	}
	n, err := k.NextOffence.Next(ctx)
	if err != nil {
		return err
	}
	o := types.Offence{
		Id:             n + 1,
		Kind:           types.OffenceKind_OFFENCE_KIND_WRONG_STATE_ROOT,
		SequencerId:    t.ProducerId,
		EpochId:        t.EpochId,
		L2Height:       t.L2Height,
		HeaderHash:     t.HeaderHash,
		SealHash:       t.SealHash,
		DetectedHeight: ctx.BlockHeight(),
		DetectedTime:   ctx.BlockTime(),
	}
	if err := k.Offences.Set(ctx, o.Id, o); err != nil {
		return err
	}
	if err := k.WrongRootEpochs.Set(ctx, t.EpochId, o.Id); err != nil {
		return err
	}
	// Every open tally of the epoch is moot now (one charge per epoch): drop them all
	// and give their voters' quota back. Convictions are rare and the tallies bounded,
	// so one walk over them is fine.
	var moot []types.WrongRootTally
	if err := k.WrongRoots.Walk(ctx, nil, func(_ wrongRootKey, other types.WrongRootTally) (bool, error) {
		if other.EpochId == t.EpochId {
			moot = append(moot, other)
		}
		return false, nil
	}); err != nil {
		return err
	}
	for _, m := range moot {
		if err := k.deleteWrongRoot(ctx, collections.Join(m.L2Height, m.SealHash), m); err != nil {
			return err
		}
	}
	k.Logger(ctx).Error("L2 producer committed a wrong state root", "sequencer", t.ProducerId, "epoch", t.EpochId,
		"l2_height", t.L2Height, "hash", common.BytesToHash(t.HeaderHash), "voters", voters, "power", power, "total_power", total)
	return emit(ctx, &types.EventWrongStateRoot{Offence: o, Voters: voters})
}

// pruneWrongRoots drops the tallies the agreed head has left more than WrongRootWindow
// behind and those open for more than WrongRootMaxAge blocks, with their voters.
func (k Keeper) pruneWrongRoots(ctx sdk.Context, p types.HeadProgress) error {
	var stale []types.WrongRootTally
	if p.Known && p.Height > types.WrongRootWindow {
		cutoff := p.Height - types.WrongRootWindow // heights below it are out of the window
		if err := k.WrongRoots.Walk(ctx, nil, func(key wrongRootKey, t types.WrongRootTally) (bool, error) {
			if key.K1() >= cutoff {
				return true, nil
			}
			stale = append(stale, t)
			return false, nil
		}); err != nil {
			return err
		}
	}
	if now := ctx.BlockHeight(); now > types.WrongRootMaxAge {
		oldest := now - types.WrongRootMaxAge // opened at or below it: expired
		if err := k.WrongRootAge.Walk(ctx, nil, func(a collections.Triple[int64, uint64, []byte]) (bool, error) {
			if a.K1() > oldest {
				return true, nil
			}
			t, err := k.WrongRoots.Get(ctx, collections.Join(a.K2(), a.K3()))
			if err != nil {
				return true, err
			}
			stale = append(stale, t)
			return false, nil
		}); err != nil {
			return err
		}
	}
	for _, t := range stale {
		key := collections.Join(t.L2Height, t.SealHash)
		if has, err := k.WrongRoots.Has(ctx, key); err != nil || !has {
			if err != nil {
				return err
			}
			continue // dropped for both reasons
		}
		if err := k.deleteWrongRoot(ctx, key, t); err != nil {
			return err
		}
	}
	return nil
}

// deleteWrongRoot removes a tally, its voters and its age entry, and gives each voter
// its quota back.
func (k Keeper) deleteWrongRoot(ctx sdk.Context, key wrongRootKey, t types.WrongRootTally) error {
	var addrs [][]byte
	rng := collections.NewSuperPrefixedTripleRange[uint64, []byte, []byte](key.K1(), key.K2())
	if err := k.WrongRootVoters.Walk(ctx, rng, func(v collections.Triple[uint64, []byte, []byte]) (bool, error) {
		addrs = append(addrs, bytes.Clone(v.K3()))
		return false, nil
	}); err != nil {
		return err
	}
	for _, a := range addrs {
		if err := k.WrongRootVoters.Remove(ctx, collections.Join3(key.K1(), key.K2(), a)); err != nil {
			return err
		}
		n, err := k.WrongRootVoteCounts.Get(ctx, a)
		if err != nil && !isNotFound(err) {
			return err
		}
		if n <= 1 {
			err = k.WrongRootVoteCounts.Remove(ctx, a)
		} else {
			err = k.WrongRootVoteCounts.Set(ctx, a, n-1)
		}
		if err != nil {
			return err
		}
	}
	if err := k.WrongRootAge.Remove(ctx, collections.Join3(t.OpenedHeight, key.K1(), key.K2())); err != nil {
		return err
	}
	return k.WrongRoots.Remove(ctx, key)
}

// WrongRootWanted tells the node's reporter whether reporting rh would count now: the
// chain takes it as evidence (qualifyWrongRoot), does not count this validator in its
// tally yet, and the validator is counted in fewer than MaxWrongRootVotesPerValidator
// open tallies. The reporter moves on to another refused block once it is counted,
// and does not spend its report on a block the chain would ignore. It reads the
// committed state ExtendVote sees, one block behind the reports being applied: a
// report is sent twice at most.
func (k Keeper) WrongRootWanted(ctx sdk.Context, rh types.RejectedHeader, consAddress []byte) (bool, error) {
	p, err := k.progress(ctx)
	if err != nil || !p.Known {
		return false, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return false, err
	}
	if _, ok, err := k.qualifyWrongRoot(ctx, params.L2ChainId, p.Height, rh); err != nil || !ok {
		return false, err
	}
	voted, err := k.WrongRootVoters.Has(ctx, collections.Join3(rh.Height(), rh.SealHash.Bytes(), consAddress))
	if err != nil || voted {
		return false, err
	}
	n, err := k.WrongRootVoteCounts.Get(ctx, consAddress)
	if err != nil && !isNotFound(err) {
		return false, err
	}
	return n < types.MaxWrongRootVotesPerValidator, nil
}

// withinWrongRootWindow: h is at most WrongRootWindow blocks from the agreed head.
func withinWrongRootWindow(h, head uint64) bool {
	if h > head {
		return h-head <= types.WrongRootWindow
	}
	return head-h <= types.WrongRootWindow
}

// sameSigner compares an epoch's 0x signer with a seal's.
func sameSigner(epochSigner string, seal common.Address) bool {
	return common.IsHexAddress(epochSigner) && common.HexToAddress(epochSigner) == seal
}

// moreThanTwoThirds is power*3 > total*2 in 128 bits.
func moreThanTwoThirds(power, total uint64) bool {
	ph, pl := bits.Mul64(power, 3)
	th, tl := bits.Mul64(total, 2)
	return ph > th || (ph == th && pl > tl)
}

func lessKey(a, b wrongRootKey) bool {
	if a.K1() != b.K1() {
		return a.K1() < b.K1()
	}
	return bytes.Compare(a.K2(), b.K2()) < 0
}
