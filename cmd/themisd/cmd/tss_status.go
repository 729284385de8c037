package cmd

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/spf13/cobra"

	"github.com/themis-network/themis/tss/keystore"
	"github.com/themis-network/themis/tss/preparams"
)

// tssStatus is `themisd tss status` as data (the JSON output).
type tssStatus struct {
	Store       string              `json:"store"`
	Mode        string              `json:"mode"`
	NodeKeyFile string              `json:"node_key_file"`
	Preparams   int                 `json:"preparams"`
	Shares      []keystore.KeyState `json:"shares"`
}

func tssStatusCmd(deps tssDeps) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show the TSS store: how it is sealed, the preparams pool, the key-share generations held",
		Long: `Opens the TSS store in <home>/tss (which checks the node key and the passphrase) and shows how
it is sealed, how many preparams sets the pool holds, and per key id the share generations on
disk: current (confirmed on chain and in use), previous (kept for rollback) and pending (a
session's result the chain has not confirmed yet).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SilenceUsage = true
			store, env, err := openTSSStore(cmd, deps, false)
			if err != nil {
				return err
			}
			st := tssStatus{
				Store: store.Dir(), Mode: store.Mode().String(), NodeKeyFile: env.nodeKeyFile,
				Preparams: preparams.NewPool(store).Count(), Shares: []keystore.KeyState{},
			}
			sh := store.Shares()
			keys, err := sh.Keys()
			if err != nil {
				return err
			}
			for _, k := range keys {
				ks, err := sh.State(k)
				if err != nil {
					return err
				}
				st.Shares = append(st.Shares, ks)
			}
			if o, _ := cmd.Flags().GetString(flags.FlagOutput); o == flags.OutputFormatJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(st)
			}
			printTSSStatus(cmd.OutOrStdout(), st, store.Mode())
			return nil
		},
	}
	addTSSFlags(cmd)
	cmd.Flags().StringP(flags.FlagOutput, "o", flags.OutputFormatText, "output format (text|json)")
	return cmd
}

func printTSSStatus(w io.Writer, st tssStatus, mode keystore.Mode) {
	fmt.Fprintf(w, "TSS store:      %s\n", st.Store)
	fmt.Fprintf(w, "sealed with:    %s (%s)\n", describeMode(mode), st.NodeKeyFile)
	fmt.Fprintf(w, "preparams pool: %d sets\n", st.Preparams)
	if len(st.Shares) == 0 {
		fmt.Fprintln(w, "key shares:     none")
		return
	}
	fmt.Fprintln(w, "key shares:")
	for _, k := range st.Shares {
		line := "  " + k.KeyID + ": current "
		if k.HasCurrent {
			line += fmt.Sprint(k.Current)
		} else {
			line += "none"
		}
		if k.HasPrevious {
			line += fmt.Sprintf(", previous %d", k.Previous)
		}
		if len(k.Pending) > 0 {
			line += fmt.Sprintf(", pending %v", k.Pending)
		}
		fmt.Fprintln(w, line)
	}
}
