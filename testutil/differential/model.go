package differential

import (
	"github.com/ethereum/go-ethereum/common"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// Model is the sequencer table the chain should hold, driven the way the chain is:
// governance acts at once, and L1 events arrive when the bridge settles, each
// sequencer's in nonce order, each judged by the chain's rules at that moment. With
// carried ops several events of a sequencer arrive in one settlement: the status is
// folded over them one by one (ExpectStatus), not decided from the last record alone (a
// lock admitted at 21,000 and then slashed to 15,750 stays ACTIVE).
type Model struct {
	Policy Policy
	seqs   map[uint64]modelSeq
	// views are the contract's views after each L1 op since the last settlement.
	views []ContractView
}

// modelSeq is one sequencer as the chain knows it: the contract's record of its last
// applied event, and the status.
type modelSeq struct {
	record ContractSeq
	status seqtypes.SequencerStatus
}

// NewModel starts with no sequencer and the chain's genesis policy.
func NewModel(p Policy) *Model { return &Model{Policy: p, seqs: map[uint64]modelSeq{}} }

// Whitelist records governance's decision on owner and applies it at once to the
// owner's sequencers the chain knows: removal offboards, addition re-decides.
func (m *Model) Whitelist(owner common.Address, allowed bool) {
	m.Policy.Whitelist[lowerHex(owner)] = allowed
	for id, s := range m.seqs {
		if s.record.Owner == owner {
			s.status = ExpectStatus(s.record, m.Policy, s.status, Learned{Readmitted: allowed})
			m.seqs[id] = s
		}
	}
}

// Observe records the contract's view after an L1 op.
func (m *Model) Observe(v ContractView) { m.views = append(m.views, v) }

// Settle applies what the observed views show happened (each sequencer's events in
// nonce order) and returns the expected table, one entry per id the contract numbered.
func (m *Model) Settle() map[uint64]Expected {
	for _, v := range m.views {
		for _, c := range v.Seqs {
			s, known := m.seqs[c.ID]
			if known && s.record.Nonce == c.Nonce {
				continue // no event of it in this op
			}
			m.seqs[c.ID] = modelSeq{record: c, status: ExpectStatus(c, m.Policy, s.status, Learned{Event: true})}
		}
	}
	want := map[uint64]Expected{}
	if len(m.views) > 0 {
		for _, c := range m.views[len(m.views)-1].Seqs {
			want[c.ID] = Expect(c, m.Policy, m.seqs[c.ID].status)
		}
	}
	m.views = nil
	return want
}
