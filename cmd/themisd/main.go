// themisd is the themis node: chain, CLI and (later) the bridge sidecar.
package main

import (
	"fmt"
	"os"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"

	"github.com/themis-network/themis/app"
	"github.com/themis-network/themis/cmd/themisd/cmd"
)

func main() {
	rootCmd := cmd.NewRootCmd()
	if err := svrcmd.Execute(rootCmd, "THEMIS", app.DefaultNodeHome); err != nil {
		fmt.Fprintln(rootCmd.ErrOrStderr(), "Error:", cmd.Explain(rootCmd, os.Args[1:], err))
		os.Exit(1)
	}
}
