package l1_test

import (
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

func l1LowerHex(a common.Address) string { return strings.ToLower(a.Hex()) }
