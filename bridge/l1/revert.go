package l1

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

func callMsg(to common.Address, data []byte) ethereum.CallMsg {
	return ethereum.CallMsg{To: &to, Data: data}
}

// revertReason names the staking contract's custom error behind a failed gas estimate
// (e.g. "NotWhitelisted{Account:0x..}"), so an operator sees why, not a selector.
func revertReason(err error) error {
	var dataErr interface{ ErrorData() interface{} }
	if !errors.As(err, &dataErr) {
		return err
	}
	hexData, ok := dataErr.ErrorData().(string)
	if !ok {
		return err
	}
	raw, decodeErr := hexutil.Decode(hexData)
	if decodeErr != nil || len(raw) < 4 {
		return err
	}
	custom, unpackErr := staking.NewThemisStaking().UnpackError(raw)
	if unpackErr != nil {
		return err
	}
	name := strings.TrimPrefix(fmt.Sprintf("%T", custom), "*staking.ThemisStaking")
	return fmt.Errorf("reverted with %s%s: %w", name, strings.TrimPrefix(fmt.Sprintf("%+v", custom), "&"), err)
}
