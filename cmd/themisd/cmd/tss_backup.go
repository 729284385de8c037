package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/themis-network/themis/tss/keystore"
)

// tssBackupNote is what an operator must know about every TSS backup.
const tssBackupNote = `The archive is still encrypted with this node's key: it is useless without config/node_key.json
(and the passphrase, if the store has one). Back those up separately, and keep them apart from
the archive. A restore on a new machine needs the same node_key.json.`

func tssBackupCmd(deps tssDeps) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "backup --out FILE",
		Short: "Write the whole TSS store (preparams and key shares) to one encrypted archive",
		Long: `Writes every file of the TSS store in <home>/tss to one archive, sealed as a whole with the
store's own key, so that nothing can be dropped from or slipped into it. Each file is checked
first: a damaged store makes the backup fail with the file's name. The archive is created with
mode 0600 and never overwrites a file.

` + tssBackupNote + `

Take a backup after every confirmed keygen or resharing: shares older than the previous
generation are deleted from the store. Losing the shares is not fatal to the pool (the chain
can reshare this member back in), but it costs a resharing.`,
		Example: `themisd tss backup --out /secure/themis-tss-$(date +%F).bak`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, _ := cmd.Flags().GetString(flagTSSOut)
			if out == "" {
				return fmt.Errorf("--%s is required", flagTSSOut)
			}
			cmd.SilenceUsage = true
			store, _, err := openTSSStore(cmd, deps, false)
			if err != nil {
				return err
			}
			n, err := store.BackupFile(out)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %d sealed files of %s to %s\n", n, store.Dir(), out)
			fmt.Fprintln(cmd.ErrOrStderr(), tssBackupNote)
			return nil
		},
	}
	addTSSFlags(cmd)
	cmd.Flags().String(flagTSSOut, "", "archive file to create (must not exist)")
	return cmd
}

func tssRestoreCmd(deps tssDeps) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "restore FILE",
		Short: "Restore the TSS store from an archive made by 'themisd tss backup'",
		Long: `Restores <home>/tss from an archive. It needs the node_key.json the archive was made with (in
<home>/config) and, if the store had one, the passphrase. It never overwrites: <home>/tss must be
absent or empty (move an existing store away first). The store is assembled beside it and moved
into place in one step, so an interrupted restore leaves nothing half-written.

` + tssBackupNote,
		Example: `themisd tss restore /secure/themis-tss-2026-01-31.bak --home ~/.themisd`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cmd.SilenceUsage = true
			env, err := resolveTSSEnv(cmd, deps)
			if err != nil {
				return err
			}
			store, n, err := keystore.RestoreFile(args[0], env.storeDir, env.nodeKey, env.passphrase)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "restored %d sealed files into %s (sealed with the %s)\n", n, store.Dir(), describeMode(store.Mode()))
			return nil
		},
	}
	addTSSFlags(cmd)
	return cmd
}
