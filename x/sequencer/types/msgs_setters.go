package types

// Setters of the two fields every relayed event has but L1 does not give: who relays it
// (set by the bridge) and which log it is (set when it is decoded). They let the bridge
// and tests treat the relayed event messages alike, without a type switch in each.

// SetSubmitter implements L1EventMsg.
func (m *MsgLocked) SetSubmitter(s string) { m.Submitter = s }

// SetSubmitter implements L1EventMsg.
func (m *MsgRelocked) SetSubmitter(s string) { m.Submitter = s }

// SetSubmitter implements L1EventMsg.
func (m *MsgWithdrawn) SetSubmitter(s string) { m.Submitter = s }

// SetSubmitter implements L1EventMsg.
func (m *MsgUnlockInitiated) SetSubmitter(s string) { m.Submitter = s }

// SetSubmitter implements L1EventMsg.
func (m *MsgUnlockClaimed) SetSubmitter(s string) { m.Submitter = s }

// SetSubmitter implements L1EventMsg.
func (m *MsgSignerChanged) SetSubmitter(s string) { m.Submitter = s }

// SetSubmitter implements L1EventMsg.
func (m *MsgRewardRecipientChanged) SetSubmitter(s string) { m.Submitter = s }

// SetSubmitter implements L1EventMsg.
func (m *MsgSlashed) SetSubmitter(s string) { m.Submitter = s }

// SetSubmitter implements L1EventMsg.
func (m *MsgConfigChanged) SetSubmitter(s string) { m.Submitter = s }

// SetEvent implements L1EventMsg.
func (m *MsgLocked) SetEvent(ref L1EventRef) { m.Event = ref }

// SetEvent implements L1EventMsg.
func (m *MsgRelocked) SetEvent(ref L1EventRef) { m.Event = ref }

// SetEvent implements L1EventMsg.
func (m *MsgWithdrawn) SetEvent(ref L1EventRef) { m.Event = ref }

// SetEvent implements L1EventMsg.
func (m *MsgUnlockInitiated) SetEvent(ref L1EventRef) { m.Event = ref }

// SetEvent implements L1EventMsg.
func (m *MsgUnlockClaimed) SetEvent(ref L1EventRef) { m.Event = ref }

// SetEvent implements L1EventMsg.
func (m *MsgSignerChanged) SetEvent(ref L1EventRef) { m.Event = ref }

// SetEvent implements L1EventMsg.
func (m *MsgRewardRecipientChanged) SetEvent(ref L1EventRef) { m.Event = ref }

// SetEvent implements L1EventMsg.
func (m *MsgSlashed) SetEvent(ref L1EventRef) { m.Event = ref }

// SetEvent implements L1EventMsg.
func (m *MsgConfigChanged) SetEvent(ref L1EventRef) { m.Event = ref }
