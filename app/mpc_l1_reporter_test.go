package app

import (
	"context"
	"testing"

	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"
)

type fixedL1Source struct{}

func (fixedL1Source) Report(context.Context, sdk.Context, int64) ([]byte, error) { return nil, nil }

// Neither node configured: no source and no watcher; an in-process source wins over
// any configuration (it is returned before the app is looked at).
func TestMpcL1ReportSourceChoice(t *testing.T) {
	require.Nil(t, mpcL1ReportSource(nil, simtestutil.AppOptionsMap{}, DefaultThemisConfig()))

	cfg := DefaultThemisConfig()
	cfg.L1RPC = "http://127.0.0.1:1"
	src := mpcL1ReportSource(nil, simtestutil.AppOptionsMap{OptMpcL1Reports: fixedL1Source{}}, cfg)
	require.Equal(t, fixedL1Source{}, src)
}
