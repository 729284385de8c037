package l2sim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
)

// blockJSON is a block as eth_getBlockByNumber returns it. The Ethereum header fields
// the simulator has no use for (uncles, receipts, bloom, gas, ...) are filled with their
// empty values so that go-ethereum's ethclient can decode the header; producerId and
// signature are the simulator's own.
type blockJSON struct {
	Number           hexutil.Uint64   `json:"number"`
	Hash             common.Hash      `json:"hash"`
	ParentHash       common.Hash      `json:"parentHash"`
	Miner            common.Address   `json:"miner"`
	Timestamp        hexutil.Uint64   `json:"timestamp"`
	TransactionsRoot common.Hash      `json:"transactionsRoot"`
	StateRoot        common.Hash      `json:"stateRoot"`
	Transactions     []common.Hash    `json:"transactions"`
	ProducerID       hexutil.Uint64   `json:"producerId"`
	Signature        hexutil.Bytes    `json:"signature"`
	Sha3Uncles       common.Hash      `json:"sha3Uncles"`
	ReceiptsRoot     common.Hash      `json:"receiptsRoot"`
	LogsBloom        types.Bloom      `json:"logsBloom"`
	Difficulty       hexutil.Uint64   `json:"difficulty"`
	GasLimit         hexutil.Uint64   `json:"gasLimit"`
	GasUsed          hexutil.Uint64   `json:"gasUsed"`
	ExtraData        hexutil.Bytes    `json:"extraData"`
	Uncles           []common.Hash    `json:"uncles"`
	MixHash          common.Hash      `json:"mixHash"`
	Nonce            types.BlockNonce `json:"nonce"`
}

// MarshalBlockJSON is the JSON-RPC form of b.
func MarshalBlockJSON(b *Block) ([]byte, error) {
	return json.Marshal(toBlockJSON(b))
}

func toBlockJSON(b *Block) blockJSON {
	return blockJSON{
		Number: hexutil.Uint64(b.Height), Hash: b.Hash, ParentHash: b.ParentHash, Miner: b.Producer,
		Timestamp: hexutil.Uint64(b.Timestamp), TransactionsRoot: b.TxRoot, StateRoot: b.StateRoot,
		Transactions: []common.Hash{}, ProducerID: hexutil.Uint64(b.ProducerID), Signature: b.Signature,
		Sha3Uncles: types.EmptyUncleHash, ReceiptsRoot: types.EmptyReceiptsHash,
		ExtraData: hexutil.Bytes{}, Uncles: []common.Hash{},
	}
}

// blockJSONIn is what the sync loop needs from a peer's block; pointers tell a missing
// field from a zero one. The Ethereum filler fields are ignored.
type blockJSONIn struct {
	Number           *hexutil.Uint64 `json:"number"`
	Hash             *common.Hash    `json:"hash"`
	ParentHash       *common.Hash    `json:"parentHash"`
	Miner            *common.Address `json:"miner"`
	Timestamp        *hexutil.Uint64 `json:"timestamp"`
	TransactionsRoot *common.Hash    `json:"transactionsRoot"`
	StateRoot        *common.Hash    `json:"stateRoot"`
	ProducerID       *hexutil.Uint64 `json:"producerId"`
	Signature        *hexutil.Bytes  `json:"signature"`
}

// DecodeBlockJSON decodes a peer's eth_getBlockByNumber result. found is false for a
// JSON null (the peer has no block at that height). Every field the block hash covers,
// and the signature, must be present; the result is not yet verified.
func DecodeBlockJSON(data []byte) (b Block, found bool, err error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return Block{}, false, errors.New("empty block result")
	}
	if bytes.Equal(trimmed, []byte("null")) {
		return Block{}, false, nil
	}
	var in blockJSONIn
	if err := json.Unmarshal(trimmed, &in); err != nil {
		return Block{}, false, fmt.Errorf("block result: %w", err)
	}
	b, err = in.block()
	if err != nil {
		return Block{}, false, err
	}
	return b, true, nil
}

// slimJSON is b with only the fields the hash and signature cover: the journal's form.
func slimJSON(b *Block) blockJSONIn {
	num, ts, pid, sig := hexutil.Uint64(b.Height), hexutil.Uint64(b.Timestamp), hexutil.Uint64(b.ProducerID), hexutil.Bytes(b.Signature)
	return blockJSONIn{
		Number: &num, Hash: &b.Hash, ParentHash: &b.ParentHash, Miner: &b.Producer, Timestamp: &ts,
		TransactionsRoot: &b.TxRoot, StateRoot: &b.StateRoot, ProducerID: &pid, Signature: &sig,
	}
}

// block checks that every field is present and builds the (unverified) block.
func (in *blockJSONIn) block() (Block, error) {
	var missing []string
	for _, f := range []struct {
		name    string
		present bool
	}{
		{"number", in.Number != nil}, {"hash", in.Hash != nil}, {"parentHash", in.ParentHash != nil},
		{"miner", in.Miner != nil}, {"timestamp", in.Timestamp != nil},
		{"transactionsRoot", in.TransactionsRoot != nil}, {"stateRoot", in.StateRoot != nil},
		{"producerId", in.ProducerID != nil}, {"signature", in.Signature != nil},
	} {
		if !f.present {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return Block{}, fmt.Errorf("block lacks %s", strings.Join(missing, ", "))
	}
	if len(*in.Signature) != SignatureLen {
		return Block{}, fmt.Errorf("block signature is %d bytes, want %d", len(*in.Signature), SignatureLen)
	}
	return Block{
		Height: uint64(*in.Number), ParentHash: *in.ParentHash, Producer: *in.Miner,
		ProducerID: uint64(*in.ProducerID), Timestamp: uint64(*in.Timestamp),
		TxRoot: *in.TransactionsRoot, StateRoot: *in.StateRoot, Hash: *in.Hash,
		Signature: bytes.Clone(*in.Signature),
	}, nil
}
