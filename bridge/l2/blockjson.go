package l2

import (
	"encoding/json"

	"github.com/ethereum/go-ethereum/common/hexutil"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
)

// EncodeBlock is the block of header h as geth's eth_getBlockByNumber(n, false) answers
// it: the header's fields and hash, without the fork fields h does not have (geth
// leaves them out; go-ethereum's header JSON writes them as null), plus the block's
// RLP size and empty transaction and uncle lists. It is the one definition of the
// format for the servers themis runs itself: the L2 simulator and the tests' L2 nodes.
func EncodeBlock(h *ethtypes.Header) (json.RawMessage, error) {
	header, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	fields := map[string]json.RawMessage{}
	if err := json.Unmarshal(header, &fields); err != nil {
		return nil, err
	}
	for name, v := range fields { // deleting is independent of the order
		if string(v) == "null" {
			delete(fields, name)
		}
	}
	fields["size"], _ = json.Marshal(hexutil.Uint64(ethtypes.NewBlockWithHeader(h).Size()))
	fields["transactions"] = json.RawMessage("[]")
	fields["uncles"] = json.RawMessage("[]")
	return json.Marshal(fields)
}
