package differential

// Choosing what an op acts on. Decoded ops name an owner (Actor) blindly; most would
// then act on an owner with nothing to act on and revert. So an op is steered to an
// owner in a state where the contract can accept it, when there is one (Actor picks
// among them). One op in eight (Actor's top three bits set) is left unsteered, so that
// refused operations stay in the mix; they must change nothing on the chain.

// unsteered reports whether the op takes the owner Actor names, whatever its state.
func (o Op) unsteered() bool { return o.Actor&0xe0 == 0xe0 }

// accepts reports whether the contract accepts op from an owner whose latest sequencer
// is c (nil: it has none) and who is on its whitelist or not, as far as these go.
func accepts(k Kind, c *ContractSeq, whitelisted bool) bool {
	switch k {
	case Lock:
		return whitelisted && (c == nil || c.Status == L1Unlocked)
	case Relock, Withdraw, InitiateUnlock:
		return c != nil && c.Status == L1Active
	case ClaimUnlock:
		return c != nil && c.Status == L1Unlocking
	case UpdateSigner:
		return c != nil && c.Status != L1Unlocked
	default:
		return c != nil
	}
}

// target returns the op to run (an op on a sequencer becomes a lock while nobody has
// one, so that a sequence's first steps are not spent on certain reverts; a claim of an
// unlock becomes its start while no exit is in flight), the owner it acts as,
// and that owner's latest sequencer id (0: none). It reads the contract's view of the
// end of the last step: nothing has moved since.
func (s *Sequence) target(op Op) (Op, int, uint64) {
	var latest [NumOwners]*ContractSeq
	anyone := false
	for i := range s.view.Seqs { // in id order: an owner's last one is its sequencerOf
		c := &s.view.Seqs[i]
		for j, o := range s.w.Owners {
			if c.Owner == o.Addr {
				latest[j], anyone = c, true
			}
		}
	}
	if !anyone && op.Kind.onSequencer() {
		op.Kind = Lock
	}
	id := func(who int) uint64 {
		if latest[who] == nil {
			return 0
		}
		return latest[who].ID
	}
	if !op.Kind.onSequencer() && op.Kind != Lock || op.unsteered() {
		return op, op.owner(), id(op.owner())
	}
	fits := func(k Kind) (fit, with []int) {
		for who, o := range s.w.Owners {
			if accepts(k, latest[who], s.l1Whitelist[o.Addr]) {
				fit = append(fit, who)
			}
			if latest[who] != nil {
				with = append(with, who)
			}
		}
		return fit, with
	}
	fit, with := fits(op.Kind)
	if len(fit) == 0 && op.Kind == ClaimUnlock {
		// No exit in flight: start one, for a later claim to finish.
		op.Kind = InitiateUnlock
		fit, with = fits(op.Kind)
	}
	if len(fit) == 0 && op.Kind.onSequencer() {
		fit = with // nobody fits: a sequencer in the wrong state (the contract refuses)
	}
	if len(fit) == 0 {
		return op, op.owner(), id(op.owner())
	}
	who := fit[int(op.Actor)%len(fit)]
	return op, who, id(who)
}
