package l1

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// ErrNoContract: the address holds no code on this L1, so every call to it returns
// nothing (which the ABI decoder reports as "attempting to unmarshal an empty string").
// Usually the address is from another deployment or the RPC is another chain's.
var ErrNoContract = errors.New("no contract at this address on this L1")

// CodeReader is the part of an L1 client that reads an account's code.
type CodeReader interface {
	CodeAt(ctx context.Context, account common.Address, blockNumber *big.Int) ([]byte, error)
}

// RequireContract fails with ErrNoContract unless addr holds code at the latest block.
func RequireContract(ctx context.Context, client CodeReader, addr common.Address) error {
	code, err := client.CodeAt(ctx, addr, nil)
	if err != nil {
		return fmt.Errorf("read the code at %s: %w", addr, err)
	}
	if len(code) == 0 {
		return fmt.Errorf("%s: %w", addr, ErrNoContract)
	}
	return nil
}
