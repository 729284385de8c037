package session

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bnb-chain/tss-lib/v2/common"
	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/bnb-chain/tss-lib/v2/tss"
	ethcommon "github.com/ethereum/go-ethereum/common"
)

// ErrBadMessage marks a message that cannot belong to the session.
var ErrBadMessage = errors.New("bad session message")

// errUnroutable is a local message the session cannot encode or address: a bug,
// fatal to the session, unlike a peer that does not take a message.
var errUnroutable = errors.New("unroutable message")

// inboxSize bounds the messages waiting for the session loop; a full inbox refuses
// more (the transport's queue before the session existed is bounded the same way).
const inboxSize = 4096

// Inputs are the secrets a session starts from.
type Inputs struct {
	// Preparams are this party's Paillier and safe-prime parameters: a keygen party
	// and a new party of a resharing need a set.
	Preparams *keygen.LocalPreParams
	// Share is this party's key share: a signer and an old party of a resharing need it.
	Share *keygen.LocalPartySaveData
}

// Result is what a session produced locally.
type Result struct {
	// Share is the new key share (keygen, or a new party of a resharing).
	Share *keygen.LocalPartySaveData
	// PublicKey is the pool's 33-byte compressed public key.
	PublicKey []byte
	// Signature is R||S||V (V in {0,1}) for a signing.
	Signature []byte
}

// Failure is a session that ended without a result, with what is known of why.
type Failure struct {
	Err error
	// Missing are the parties a local party still waited for when its round timed out.
	Missing []PartyRef
	// Culprits are the parties tss-lib named for an invalid message.
	Culprits []PartyRef
	// Conflicts are senders who sent two different messages for one round.
	Conflicts []PartyRef
	// Progress is how far the local parties got: the distinct message types they had
	// sent, the same sequence for every party of a protocol. The chain compares the
	// claims of a failed signing by it: whoever stalled first names the cause.
	Progress uint32
}

func (f *Failure) Error() string {
	return fmt.Sprintf("%v (missing %v, culprits %v, conflicts %v)", f.Err, f.Missing, f.Culprits, f.Conflicts)
}

func (f *Failure) Unwrap() error { return f.Err }

// PartyRef names a party of the session: its address and the role it spoke in.
type PartyRef struct {
	Address ethcommon.Address
	Role    Role
}

func (p PartyRef) String() string { return fmt.Sprintf("%s/%d", p.Address.Hex(), p.Role) }

// localParty is one tss-lib party this engine runs in the session.
type localParty struct {
	role  Role
	party tss.Party
	// own is the committee the party belongs to; peers resolves senders by role.
	own committee
}

// Session is one running session. Deliver may be called from any goroutine, before
// or during Run.
type Session struct {
	plan  Plan
	net   Network
	inbox chan Inbound

	parties []*localParty
	old     committee // resharing only
	new     committee // resharing only
	single  committee // keygen and signing

	out    chan tss.Message
	keyEnd chan *keygen.LocalPartySaveData
	sigEnd chan *common.SignatureData

	signShare *keygen.LocalPartySaveData

	mu   sync.Mutex
	seen map[seenKey][]byte // first payload per (sender, role, round, receiver role)
	// received counts the messages each sender got accepted; lookups only.
	received map[PartyRef]int
	// sendFailures counts messages a peer did not take (for the failure's text).
	sendFailures atomic.Int64
	// sentTypes are the message types the local parties emitted (the progress).
	sentTypes map[string]struct{}
}

type seenKey struct {
	from     ethcommon.Address
	fromRole Role
	toRole   Role
	round    string
}

// New builds the local parties of a session. Nothing is sent until Run.
func New(plan Plan, net Network, in Inputs) (*Session, error) {
	if err := plan.Validate(); err != nil {
		return nil, err
	}
	s := &Session{
		plan:     plan,
		net:      net,
		inbox:    make(chan Inbound, inboxSize),
		out:      make(chan tss.Message, 1024),
		keyEnd:   make(chan *keygen.LocalPartySaveData, 2),
		sigEnd:   make(chan *common.SignatureData, 1),
		seen:     map[seenKey][]byte{},
		received: map[PartyRef]int{},
	}
	var err error
	switch plan.Kind {
	case KindKeygen:
		err = s.buildKeygen(in)
	case KindSign:
		err = s.buildSign(in)
	case KindReshare:
		err = s.buildReshare(in)
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Deliver hands the session one authenticated message. It never blocks: a full
// inbox drops the message with an error.
func (s *Session) Deliver(m Inbound) error {
	select {
	case s.inbox <- m:
		return nil
	default:
		return fmt.Errorf("session %x inbox full", s.plan.ID[:4])
	}
}

// Run starts the local parties and drives them until the result, a failure, or ctx
// ends. A failure carries the progress the local parties made.
func (s *Session) Run(ctx context.Context) (*Result, error) {
	res, err := s.run(ctx)
	var f *Failure
	if errors.As(err, &f) {
		f.Progress = s.progress()
	}
	return res, err
}

// progress counts the distinct message types the local parties emitted.
func (s *Session) progress() uint32 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return uint32(len(s.sentTypes))
}

// noteSent records a message type the local parties emitted.
func (s *Session) noteSent(msgType string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sentTypes == nil {
		s.sentTypes = map[string]struct{}{}
	}
	s.sentTypes[msgType] = struct{}{}
}

func (s *Session) run(ctx context.Context) (*Result, error) {
	// The pump sends with the caller's ctx: a session that ends here must still get
	// its last messages out (the others need our final round to finish too), so on
	// success the pump is told to flush rather than cancelled.
	pumpCtx, cancelPump := context.WithCancel(ctx)
	defer cancelPump()
	flush := make(chan struct{})
	sendErr := make(chan error, 1)
	pumpDone := make(chan struct{})
	go func() { defer close(pumpDone); s.pump(pumpCtx, flush, sendErr) }()
	defer func() { cancelPump(); <-pumpDone }()

	for _, p := range s.parties {
		if err := startParty(p.party); err != nil {
			return nil, s.failure(err)
		}
	}
	ticker := time.NewTicker(s.plan.RoundTimeout / 4)
	defer ticker.Stop()
	progress := time.Now()
	var res Result
	pending := s.expectedEnds()
	for pending > 0 {
		select {
		case <-ctx.Done():
			return nil, &Failure{Err: ctx.Err(), Missing: s.waitingFor()}
		case err := <-sendErr:
			return nil, &Failure{Err: fmt.Errorf("send: %w", err)}
		case m := <-s.inbox:
			ok, err := s.handle(m)
			if err != nil {
				return nil, err
			}
			if ok {
				progress = time.Now()
			}
		case save := <-s.keyEnd:
			pending--
			if save.Xi != nil { // an old-only party of a resharing ends with no share
				res.Share = save
			}
			if save.ECDSAPub != nil {
				res.PublicKey = compressed(save.ECDSAPub.X(), save.ECDSAPub.Y())
			}
		case sig := <-s.sigEnd:
			pending--
			res.Signature = append(append(append([]byte{}, pad32(sig.R)...), pad32(sig.S)...), sig.SignatureRecovery[0])
		case <-ticker.C:
			if time.Since(progress) > s.plan.RoundTimeout {
				err := ErrRoundStuck
				if n := s.sendFailures.Load(); n > 0 {
					err = fmt.Errorf("%w (%d messages were not taken by their peers)", ErrRoundStuck, n)
				}
				return nil, &Failure{Err: err, Missing: s.waitingFor()}
			}
		}
	}
	if s.plan.Kind == KindSign || res.PublicKey == nil {
		res.PublicKey = s.signPublicKey() // an old-only dealer ends knowing the key it dealt
	}
	if s.plan.Kind == KindReshare && res.PublicKey == nil {
		return nil, &Failure{Err: errors.New("resharing ended without a public key")}
	}
	close(flush)
	select {
	case <-pumpDone:
	case <-ctx.Done():
		return nil, &Failure{Err: fmt.Errorf("flushing the last messages: %w", ctx.Err())}
	}
	select {
	case err := <-sendErr:
		return nil, &Failure{Err: fmt.Errorf("send: %w", err)}
	default:
	}
	return &res, nil
}

// startParty runs tss-lib's Start, turning a panic of the library into an error.
func startParty(p tss.Party) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("tss-lib panicked starting %s: %v", p.PartyID(), r)
		}
	}()
	if terr := p.Start(); terr != nil {
		return terr
	}
	return nil
}

func (s *Session) expectedEnds() int { return len(s.parties) }

// handle routes one inbound message to the local parties it is for. It returns
// whether a party accepted it, or a fatal failure.
func (s *Session) handle(m Inbound) (bool, error) {
	accepted := false
	for _, p := range s.parties {
		if !roleReceives(s.plan.Kind, m.ToRole, p.role) {
			continue
		}
		from, err := s.sender(m.From, m.FromRole)
		if err != nil {
			continue // not a party of this committee: nothing to blame on proof
		}
		if from.Id == p.party.PartyID().Id {
			continue // our own message coming back
		}
		ok, err := s.update(p, from, m)
		if err != nil {
			return false, err
		}
		accepted = accepted || ok
	}
	return accepted, nil
}

// roleReceives tells whether a local party of role to takes a message for toRole.
func roleReceives(kind Kind, toRole, to Role) bool {
	if kind != KindReshare {
		return toRole == RoleParty && to == RoleParty
	}
	return toRole == RoleParty || toRole == to
}

// sender resolves an authenticated sender into the session's PartyID of its role.
func (s *Session) sender(addr ethcommon.Address, role Role) (*tss.PartyID, error) {
	var c committee
	switch {
	case s.plan.Kind != KindReshare && role == RoleParty:
		c = s.single
	case s.plan.Kind == KindReshare && role == RoleOld:
		c = s.old
	case s.plan.Kind == KindReshare && role == RoleNew:
		c = s.new
	default:
		return nil, fmt.Errorf("%w: role %d in a %s", ErrBadMessage, role, s.plan.Kind)
	}
	id, ok := c.byAddr[addr]
	if !ok {
		return nil, fmt.Errorf("%w: %s is not a party in role %d", ErrBadMessage, addr.Hex(), role)
	}
	return id, nil
}

// update parses and checks one message and gives it to one local party. A message
// that breaks a rule is dropped and logged by the caller's metrics; a sender that
// sends two different messages for one round ends the session with a conflict.
func (s *Session) update(p *localParty, from *tss.PartyID, m Inbound) (bool, error) {
	msg, err := tss.ParseWireMessage(m.Payload, from, m.Broadcast)
	if err != nil {
		return false, nil
	}
	if msg.Type() != m.Round {
		return false, nil // the envelope's round must name the payload it carries
	}
	r, err := ruleFor(s.plan.Kind, msg.Content())
	if err != nil || r.from != m.FromRole || r.broadcast != m.Broadcast || !roleReceives(s.plan.Kind, r.to, p.role) {
		return false, nil
	}
	threshold := s.plan.Threshold
	if s.plan.Kind == KindReshare {
		threshold = s.plan.NewThreshold
	}
	if err := checkContent(msg.Content(), threshold); err != nil {
		return false, &Failure{Err: err, Culprits: []PartyRef{{m.From, m.FromRole}}}
	}
	key := seenKey{from: m.From, fromRole: m.FromRole, toRole: p.role, round: m.Round}
	s.mu.Lock()
	first, dup := s.seen[key]
	if !dup {
		s.seen[key] = m.Payload
		s.received[PartyRef{m.From, m.FromRole}]++
	}
	s.mu.Unlock()
	if dup {
		if !bytes.Equal(first, m.Payload) {
			return false, &Failure{Err: fmt.Errorf("%w: two different %s from one sender", ErrBadMessage, m.Round), Conflicts: []PartyRef{{m.From, m.FromRole}}}
		}
		return false, nil
	}
	ok, terr := updateParty(p.party, msg)
	if terr != nil {
		return false, s.failure(terr)
	}
	return ok, nil
}

// updateParty runs tss-lib's Update, turning a panic of the library into an error.
func updateParty(p tss.Party, msg tss.ParsedMessage) (ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			ok, err = false, fmt.Errorf("tss-lib panicked: %v", r)
		}
	}()
	ok, terr := p.Update(msg)
	if terr != nil {
		return false, terr
	}
	return ok, nil
}

// failure turns a tss-lib error into a Failure naming its culprits.
func (s *Session) failure(err error) error {
	f := &Failure{Err: err}
	var terr *tss.Error
	if errors.As(err, &terr) {
		for _, c := range terr.Culprits() {
			if ref, ok := s.refOf(c); ok {
				f.Culprits = append(f.Culprits, ref)
			}
		}
	}
	return f
}

// refOf finds the address and role of a tss-lib PartyID of this session.
func (s *Session) refOf(id *tss.PartyID) (PartyRef, bool) {
	if id == nil {
		return PartyRef{}, false
	}
	for _, c := range []struct {
		c    committee
		role Role
	}{{s.single, RoleParty}, {s.old, RoleOld}, {s.new, RoleNew}} {
		if a, ok := c.c.addrOf[id.Id]; ok {
			return PartyRef{a, c.role}, true
		}
	}
	return PartyRef{}, false
}

// waitingFor lists the parties the local parties still wait for. tss-lib's own list
// is a superset (a round stops checking at the first sender it misses), so a party
// counts as missing only when it got fewer messages to us than the most advanced
// party of its role: in these lock-step protocols every honest party of a role sends
// each receiver the same number of messages per round. When nobody got ahead (this
// engine is the one cut off) the whole list is returned; blame needs more than 2/3
// of the session to agree, so such a list names no one on its own.
func (s *Session) waitingFor() []PartyRef {
	var candidates []PartyRef
	seen := map[PartyRef]bool{} // dedup only
	for _, p := range s.parties {
		for _, id := range p.party.WaitingFor() {
			if ref, ok := s.refOf(id); ok && !seen[ref] {
				seen[ref] = true
				candidates = append(candidates, ref)
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	most := map[Role]int{} // lookups only
	for ref, n := range s.received {
		if n > most[ref.Role] {
			most[ref.Role] = n
		}
	}
	var behind []PartyRef
	for _, ref := range candidates {
		if s.received[ref] < most[ref.Role] {
			behind = append(behind, ref)
		}
	}
	if len(behind) == 0 {
		return candidates
	}
	return behind
}

// pump sends what the local parties emit: to the network, and to our own other
// party directly when a resharing message is for this engine's other role. Once
// flush closes (the parties ended, so they emit nothing more) it sends what is
// left and returns.
func (s *Session) pump(ctx context.Context, flush <-chan struct{}, sendErr chan<- error) {
	// A peer that refuses or cannot be reached does not end the session: the others
	// may still finish (a signing needs all its signers, a keygen all its parties, so
	// usually they cannot), and the round timeout then names who fell behind instead
	// of nobody. Only a message that cannot be encoded or addressed is fatal.
	send := func(msg tss.Message) bool {
		s.noteSent(msg.Type())
		if err := s.route(ctx, msg); err != nil {
			if errors.Is(err, errUnroutable) {
				select {
				case sendErr <- err:
				default:
				}
				return false
			}
			s.sendFailures.Add(1)
		}
		return true
	}
	for {
		select {
		case <-ctx.Done():
			return
		case msg := <-s.out:
			if !send(msg) {
				return
			}
		case <-flush:
			for {
				select {
				case msg := <-s.out:
					if !send(msg) {
						return
					}
				default:
					return
				}
			}
		}
	}
}

// route sends one tss-lib message.
func (s *Session) route(ctx context.Context, msg tss.Message) error {
	payload, _, err := msg.WireBytes()
	if err != nil {
		return fmt.Errorf("%w: %v", errUnroutable, err)
	}
	fromRef, ok := s.refOf(msg.GetFrom())
	if !ok {
		return fmt.Errorf("%w: message from an unknown local party %s", errUnroutable, msg.GetFrom())
	}
	base := Outbound{Round: msg.Type(), FromRole: fromRef.Role, Broadcast: msg.IsBroadcast(), Payload: payload}
	if msg.IsBroadcast() {
		base.ToRole = s.broadcastRole(msg)
		if err := s.net.Send(ctx, base); err != nil {
			return err
		}
		s.loopback(Inbound{From: s.plan.Self, FromRole: fromRef.Role, ToRole: base.ToRole, Round: base.Round, Broadcast: true, Payload: payload})
		return nil
	}
	for _, to := range msg.GetTo() {
		ref, ok := s.refOf(to)
		if !ok {
			return fmt.Errorf("%w: message to an unknown party %s", errUnroutable, to)
		}
		out := base
		out.ToRole = ref.Role
		if ref.Address == s.plan.Self {
			s.loopback(Inbound{From: s.plan.Self, FromRole: fromRef.Role, ToRole: ref.Role, Round: base.Round, Payload: payload})
			continue
		}
		addr := ref.Address
		out.To = &addr
		if err := s.net.Send(ctx, out); err != nil {
			return err
		}
	}
	return nil
}

// broadcastRole is the committee a broadcast is for.
func (s *Session) broadcastRole(msg tss.Message) Role {
	if s.plan.Kind != KindReshare {
		return RoleParty
	}
	switch {
	case msg.IsToOldAndNewCommittees():
		return RoleParty
	case msg.IsToOldCommittee():
		return RoleOld
	default:
		return RoleNew
	}
}

// loopback delivers a message of one local party to this engine's other local party
// (a node in both committees of a resharing). Single-role sessions skip their own.
func (s *Session) loopback(m Inbound) {
	if len(s.parties) < 2 {
		return
	}
	_ = s.Deliver(m)
}

func pad32(b []byte) []byte {
	out := make([]byte, 32)
	copy(out[32-len(b):], b)
	return out
}

// PublicKeyOf is the 33-byte compressed group key a share belongs to (nil if none).
func PublicKeyOf(save *keygen.LocalPartySaveData) []byte {
	if save == nil || save.ECDSAPub == nil {
		return nil
	}
	return compressed(save.ECDSAPub.X(), save.ECDSAPub.Y())
}

// compressed is the 33-byte SEC1 compressed form of a secp256k1 point.
func compressed(x, y *big.Int) []byte {
	out := make([]byte, 33)
	out[0] = 0x02 + byte(y.Bit(0))
	copy(out[1:], pad32(x.Bytes()))
	return out
}
