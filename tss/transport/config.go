package transport

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/themis-network/themis/tss/wire"
)

// Party is one (signer, role) of a session. A node that is both an old and a new
// committee member in resharing appears twice, once per role.
type Party struct {
	Address common.Address
	PubKey  *ecdsa.PublicKey // the signer key the chain records; must hash to Address
	Role    uint8            // wire.RoleParty, wire.RoleOld or wire.RoleNew
}

// SessionInfo is what the chain fixes for a session: its id and its parties.
type SessionInfo struct {
	ID      [32]byte
	Parties []Party
}

// Directory is the chain's view of where each engine listens.
type Directory interface {
	// Endpoint is the base URL ("http://host:port") the operator registered on chain
	// for the signer address. ok is false for an address that is not a registered
	// sequencer: envelopes from it are not even queued.
	Endpoint(addr common.Address) (url string, ok bool)
}

// SessionFilter may also be implemented by the Directory. NeverOpens reports that the
// chain already knows session id and this node will never open it (it is finished, or
// this node is not a party). Envelopes for such a session are replays or misdirected,
// and are refused instead of queued, so old signed envelopes cannot crowd the queue.
type SessionFilter interface {
	NeverOpens(id [32]byte) bool
}

// Handler receives the verified messages of an open session, one at a time and in
// the order they were accepted. It is called from the Conn's own goroutine.
type Handler interface {
	Deliver(from common.Address, fromRole uint8, toRole uint8, round string, broadcast bool, payload []byte)
}

// Metrics counts what the receiving side does. Reasons are the short tokens of the
// HTTP answers (see reasons.go) and queue-drop causes.
type Metrics interface {
	Accepted()
	Rejected(reason string)
	Queued()
	Dropped(reason string)
}

// OnEquivocation receives each equivocation the transport proves, once per slot. It is
// called from a transport goroutine (an HTTP handler or a background fetch) and must
// not block for long.
type OnEquivocation func(proof EquivocationProof)

// Config of a Transport. Zero bounds and timeouts take the defaults below.
type Config struct {
	ChainID   string
	Self      *ecdsa.PrivateKey // the signer key (also the CometBFT consensus key)
	Listen    string            // host:port; ":0" picks a port
	Directory Directory

	// Bounds of the queue of envelopes for sessions not opened here yet.
	MaxQueuedPerSender int           // envelopes per sender (default 256)
	MaxQueuedBytes     int           // all senders together (default 16 MiB)
	MaxQueueAge        time.Duration // older ones are dropped (default 2 min)

	// MaxStoredBytes bounds, per session, the received broadcasts kept to answer a
	// peer's fetch when echoes conflict (default 32 MiB).
	MaxStoredBytes int

	// MaxConns bounds the connections served at once (default 64).
	MaxConns int

	SendTimeout  time.Duration // per attempt (default 5 s)
	SendRetries  int           // attempts after the first; 0 = none
	RetryBackoff time.Duration // before the first retry, doubling (default 200 ms)

	Metrics        Metrics        // optional
	OnEquivocation OnEquivocation // optional
}

const (
	defaultMaxQueuedPerSender = 256
	defaultMaxQueuedBytes     = 16 << 20
	defaultMaxQueueAge        = 2 * time.Minute
	defaultMaxStoredBytes     = 32 << 20
	defaultSendTimeout        = 5 * time.Second
	defaultMaxConns           = 64
	defaultRetryBackoff       = 200 * time.Millisecond
)

// Errors of the local API (the receiving side answers with reasons, see reasons.go).
var (
	ErrConfig        = errors.New("transport: bad config")
	ErrBadSession    = errors.New("transport: bad session info")
	ErrNotInSession  = errors.New("transport: this node is not a party of the session")
	ErrSessionOpen   = errors.New("transport: session already open")
	ErrSessionClosed = errors.New("transport: session closed")
	ErrNotMyRole     = errors.New("transport: this node has no such role in the session")
	ErrUnknownPeer   = errors.New("transport: recipient is not a party of the session")
	ErrSlotUsed      = errors.New("transport: this role already broadcast in this round")
	ErrNoEndpoint    = errors.New("transport: no registered endpoint")
	ErrRejected      = errors.New("transport: peer rejected the envelope")
)

func (c *Config) withDefaults() (Config, error) {
	out := *c
	if out.Self == nil {
		return out, fmt.Errorf("%w: no signer key", ErrConfig)
	}
	if out.Self.Curve != crypto.S256() {
		return out, fmt.Errorf("%w: signer key is not secp256k1", ErrConfig)
	}
	if out.Directory == nil {
		return out, fmt.Errorf("%w: no directory", ErrConfig)
	}
	probe := wire.Envelope{Version: wire.Version1, Kind: wire.KindEcho, Round: wire.EchoRound,
		ChainID: out.ChainID, From: common.Address{1}}
	if _, err := wire.Marshal(&probe); err != nil {
		return out, fmt.Errorf("%w: chain id: %v", ErrConfig, err)
	}
	if out.SendRetries < 0 {
		return out, fmt.Errorf("%w: negative SendRetries", ErrConfig)
	}
	setDefault(&out.MaxConns, defaultMaxConns)
	setDefault(&out.MaxQueuedPerSender, defaultMaxQueuedPerSender)
	setDefault(&out.MaxQueuedBytes, defaultMaxQueuedBytes)
	setDefault(&out.MaxQueueAge, defaultMaxQueueAge)
	setDefault(&out.MaxStoredBytes, defaultMaxStoredBytes)
	setDefault(&out.SendTimeout, defaultSendTimeout)
	setDefault(&out.RetryBackoff, defaultRetryBackoff)
	if out.Metrics == nil {
		out.Metrics = noMetrics{}
	}
	return out, nil
}

func setDefault[T int | time.Duration](v *T, d T) {
	if *v <= 0 {
		*v = d
	}
}
