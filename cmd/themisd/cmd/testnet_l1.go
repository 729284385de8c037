package cmd

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/networks/devl1"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// lockOnL1 locks each node's signer through the real staking contract, as development
// owner i, and keeps the Locked events: the chain starts from exactly those locks.
func lockOnL1(ctx context.Context, o *testnetOptions, nodes []testnetNode) error {
	if !common.IsHexAddress(o.staking) {
		return fmt.Errorf("--%s must be the staking contract's 0x address (with --%s)", flagStakingContract, flagL1RPC)
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	client, err := ethclient.DialContext(ctx, o.l1RPC)
	if err != nil {
		return fmt.Errorf("--%s: %w", flagL1RPC, err)
	}
	defer client.Close()
	chainID, err := client.ChainID(ctx)
	if err != nil {
		return fmt.Errorf("L1 at %s: %w", o.l1RPC, err)
	}
	o.l1ChainID = chainID.Uint64()
	amount := sequencertypes.OneToken.MulRaw(o.stake).BigInt()
	for i, n := range nodes {
		key := devl1.OwnerKey(i)
		owner, err := l1.NewOwner(ctx, client, key, common.HexToAddress(o.staking))
		if err != nil {
			return err
		}
		self := crypto.PubkeyToAddress(key.PublicKey)
		signer, err := crypto.ToECDSA(n.priv.Bytes())
		if err != nil {
			return fmt.Errorf("node%d: signer key: %w", i, err)
		}
		receipt, err := owner.Lock(ctx, signer, amount, self)
		if err != nil {
			return fmt.Errorf("node%d: lock on L1 as %s: %w", i, self.Hex(), err)
		}
		var lock *sequencertypes.MsgLocked
		for _, log := range receipt.Logs {
			msg, err := l1.DecodeStakingLog(*log)
			if errors.Is(err, l1.ErrNotStakingEvent) {
				continue
			}
			if err != nil {
				return fmt.Errorf("node%d: %w", i, err)
			}
			if m, ok := msg.(*sequencertypes.MsgLocked); ok {
				lock = m
			}
		}
		if lock == nil {
			return fmt.Errorf("node%d: the lock transaction %s emitted no Locked event", i, receipt.TxHash.Hex())
		}
		o.l1Locks = append(o.l1Locks, lock)
		keyFile := filepath.Join(n.home, "config", "l1_owner_key.txt")
		if err := os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(key))+"\n"), 0o600); err != nil {
			return err
		}
	}
	// The contract's configuration and ledger as of now: the chain starts from them, and
	// the bridges relay only the changes after them (higher configNonce, ledgerNonce).
	head, err := client.BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("L1 at %s: %w", o.l1RPC, err)
	}
	reader := l1.NewStakingReader(client, common.HexToAddress(o.staking))
	if o.l1Config, err = reader.Config(ctx, new(big.Int).SetUint64(head)); err != nil {
		return err
	}
	if o.l1Ledger, err = reader.Ledger(ctx, new(big.Int).SetUint64(head)); err != nil {
		return err
	}
	if o.l1White, err = l1.WhitelistAt(ctx, client, common.HexToAddress(o.staking), 0, head); err != nil {
		return err
	}
	return nil
}

// genesisFromL1Locks records the L1 locks as the genesis pool, each lock marked
// applied so the bridges skip it.
func genesisFromL1Locks(gs *sequencertypes.GenesisState, o testnetOptions) error {
	gs.Params.L1ChainId = o.l1ChainID
	gs.Params.StakingContract = strings.ToLower(common.HexToAddress(o.staking).Hex())
	gs.L1Config = o.l1Config
	gs.L1Ledger = o.l1Ledger
	for _, lock := range o.l1Locks {
		if err := addGenesisSequencer(gs, lock.SequencerId, lock.Owner, lock.PubKey, lock.Amount); err != nil {
			return err
		}
		gs.Sequencers[len(gs.Sequencers)-1].RewardRecipient = lock.RewardRecipient
		gs.AppliedEvents = append(gs.AppliedEvents, sequencertypes.EventKey(lock.Event))
	}
	// The chain starts from the contract's whitelist: governance's at genesis is what
	// the deployer allowed during bootstrap (the validators' owners among them), so the
	// pool has nothing to reconcile until governance changes it.
	gs.L1Whitelist = o.l1White
	for _, owner := range o.l1White {
		if !slices.Contains(gs.Whitelist, owner) {
			gs.Whitelist = append(gs.Whitelist, owner)
		}
	}
	return nil
}
