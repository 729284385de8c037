//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/themis-network/themis/bridge/l2"
	"github.com/themis-network/themis/networks/l2sim"
)

// StartL2 (re)starts node n's L2 simulator: it produces when the chain schedules n,
// and syncs from the other nodes' simulators.
func (ln *Localnet) StartL2(n *Node) {
	ln.t.Helper()
	var peers []string
	for _, p := range ln.Nodes {
		if p != n {
			peers = append(peers, p.L2)
		}
	}
	n.l2, n.l2Log = ln.spawn(n, "l2sim.log", "l2sim", "start", "--home", n.Home,
		"--listen", strings.TrimPrefix(n.L2, "http://"), "--peers", strings.Join(peers, ","),
		"--chain-api", n.REST)
}

// KillL2 SIGKILLs node n's L2 simulator (an L2 node that dies).
func (ln *Localnet) KillL2(n *Node) {
	if n.l2 == nil || n.l2.Process == nil {
		return
	}
	_ = n.l2.Process.Kill()
	_ = n.l2.Wait()
	n.l2 = nil
	_ = n.l2Log.Close()
}

// L2Fault switches node n's L2 simulator fault mode (the simulator's own admin client).
func L2Fault(n *Node, mode l2sim.Mode) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := l2sim.PostFault(ctx, http.DefaultClient, n.L2, mode)
	return err
}

// L2Block is what the tests read of an L2 simulator block.
type L2Block struct {
	Number uint64
	Hash   string // 0x hex, lower case
	Miner  string // the producer's signer address, 0x hex, lower case
}

// readL2 runs read against node n's L2 simulator through the L2 reader themis uses
// (bridge/l2), so a block the tests see is one the chain would accept as well formed.
func readL2(n *Node, read func(context.Context, *l2.Client) error) error {
	c, err := l2.Dial(n.L2, 2*time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return read(ctx, c)
}

// L2Head returns the head height of node n's L2 simulator (ok false if it is down).
func L2Head(n *Node) (uint64, bool) {
	var h uint64
	err := readL2(n, func(ctx context.Context, c *l2.Client) (err error) {
		h, err = c.BlockNumber(ctx)
		return err
	})
	return h, err == nil
}

// L2BlockAt returns block h of node n's L2 simulator (ok false if unknown).
func L2BlockAt(n *Node, h uint64) (L2Block, bool) {
	var b l2.Block
	err := readL2(n, func(ctx context.Context, c *l2.Client) (err error) {
		b, err = c.BlockByNumber(ctx, h)
		return err
	})
	if err != nil {
		return L2Block{}, false
	}
	return L2Block{Number: b.Number(), Hash: b.Hash.Hex(), Miner: strings.ToLower(b.Header.Coinbase.Hex())}, true
}

// Epoch is x/epoch's epoch as REST returns it.
type Epoch struct {
	ID                 uint64 `json:"id,string"`
	StartHeight        uint64 `json:"start_height,string"`
	EndHeight          uint64 `json:"end_height,string"`
	ProducerID         uint64 `json:"producer_id,string"`
	Signer             string `json:"signer"`
	Reason             string `json:"reason"`
	ReplacedProducerID uint64 `json:"replaced_producer_id,string"`
	Cancelled          bool   `json:"cancelled"`
	DecidedHeight      int64  `json:"decided_height,string"`
}

// Epochs returns the rotation history from node n.
func Epochs(n *Node) ([]Epoch, error) {
	var res struct {
		Epochs []Epoch `json:"epochs"`
	}
	err := GetJSON(n.REST+"/themis/epoch/v1/epochs?pagination.limit=10000", &res)
	return res.Epochs, err
}

// CurrentEpoch returns the epoch producing the next L2 block and the agreed head.
func CurrentEpoch(n *Node) (Epoch, uint64, error) {
	var res struct {
		Epoch Epoch `json:"epoch"`
		Head  struct {
			Height uint64 `json:"height,string"`
		} `json:"head"`
	}
	err := GetJSON(n.REST+"/themis/epoch/v1/current", &res)
	return res.Epoch, res.Head.Height, err
}

// ProducerAt returns the epoch scheduled for L2 height h.
func ProducerAt(n *Node, h uint64) (Epoch, error) {
	var res struct {
		Epoch Epoch `json:"epoch"`
	}
	err := GetJSON(fmt.Sprintf("%s/themis/epoch/v1/producer/%d", n.REST, h), &res)
	return res.Epoch, err
}

// Readiness is one sequencer's readiness as REST returns it.
type Readiness struct {
	SequencerID uint64 `json:"sequencer_id,string"`
	Eligible    bool   `json:"eligible"`
	Reason      string `json:"reason"`
}

// ReadinessOf returns every active sequencer's readiness.
func ReadinessOf(n *Node) (map[uint64]Readiness, error) {
	var res struct {
		Sequencers []Readiness `json:"sequencers"`
	}
	if err := GetJSON(n.REST+"/themis/epoch/v1/readiness", &res); err != nil {
		return nil, err
	}
	out := map[uint64]Readiness{}
	for _, r := range res.Sequencers {
		out[r.SequencerID] = r
	}
	return out, nil
}

// Offence is a recorded non-production offence.
type Offence struct {
	ID          uint64 `json:"id,string"`
	Kind        string `json:"kind"`
	SequencerID uint64 `json:"sequencer_id,string"`
	EpochID     uint64 `json:"epoch_id,string"`
	L2Height    uint64 `json:"l2_height,string"`
}

// Offences returns the recorded offences.
func Offences(n *Node) ([]Offence, error) {
	var res struct {
		Offences []Offence `json:"offences"`
	}
	err := GetJSON(n.REST+"/themis/epoch/v1/offences?pagination.limit=1000", &res)
	return res.Offences, err
}

// NodeOfSequencer is the node whose validator is sequencer id (testnet: node i is i+1).
func (ln *Localnet) NodeOfSequencer(id uint64) *Node { return ln.Nodes[id-1] }

// WaitFor polls cond every 200 ms until it holds or the timeout passes.
func (ln *Localnet) WaitFor(what string, timeout time.Duration, cond func() bool) {
	ln.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	ln.t.Fatalf("timed out after %s waiting for %s", timeout, what)
}
