// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package staking

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// ThemisStakingMetaData contains all meta data concerning the ThemisStaking contract.
var ThemisStakingMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token_\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"treasury_\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"minLock_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxLock_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"exitDelay_\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"}],\"name\":\"AlreadyHasSequencer\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"remaining\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minLock\",\"type\":\"uint256\"}],\"name\":\"BelowMinLock\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BootstrapOver\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ContractNotPaused\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ContractPaused\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"releasableAt\",\"type\":\"uint256\"}],\"name\":\"EscrowNotReleasable\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"},{\"internalType\":\"enumThemisStaking.EscrowStatus\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"EscrowSettled\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxLock\",\"type\":\"uint256\"}],\"name\":\"ExceedsMaxLock\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"exitDelay\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxExitDelay\",\"type\":\"uint256\"}],\"name\":\"ExitDelayTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"available\",\"type\":\"uint256\"}],\"name\":\"InsufficientRewardReserve\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"minLock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxLock\",\"type\":\"uint256\"}],\"name\":\"InvalidLockLimits\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"InvalidPubkeyLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"ids\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amounts\",\"type\":\"uint256\"}],\"name\":\"LengthMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minLock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxLock\",\"type\":\"uint256\"}],\"name\":\"LockAmountOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"}],\"name\":\"NoPendingRewards\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotPoolAddress\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotSequencerOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NotWhitelisted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"}],\"name\":\"NothingToSlash\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"offenceId\",\"type\":\"bytes32\"}],\"name\":\"OffenceAlreadySlashed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PoolAddressNotSet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"internalType\":\"enumThemisStaking.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"SequencerNotActive\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"internalType\":\"enumThemisStaking.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"SequencerNotUnlocking\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"}],\"name\":\"SequencerUnlocked\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"}],\"name\":\"SignerAlreadyUsed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"TokenTransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"}],\"name\":\"UnexpectedRewardBatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"}],\"name\":\"UnknownEscrow\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"}],\"name\":\"UnknownSequencer\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"unlockableAt\",\"type\":\"uint256\"}],\"name\":\"UnlockNotReady\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"locked\",\"type\":\"uint256\"}],\"name\":\"WithdrawExceedsLocked\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"poolAddress\",\"type\":\"address\"}],\"name\":\"BootstrapEnded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"EscrowRefunded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"treasury\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"EscrowReleased\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"exitDelay\",\"type\":\"uint256\"}],\"name\":\"ExitDelayUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"minLock\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"maxLock\",\"type\":\"uint256\"}],\"name\":\"LockLimitsUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"rewardRecipient\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"Locked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"Paused\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousPool\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newPool\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"updatedBy\",\"type\":\"address\"}],\"name\":\"PoolAddressUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"Relocked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"batchId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"reserve\",\"type\":\"uint256\"}],\"name\":\"RewardBatchSubmitted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"batchId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"pending\",\"type\":\"uint256\"}],\"name\":\"RewardCredited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousRecipient\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newRecipient\",\"type\":\"address\"}],\"name\":\"RewardRecipientUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"funder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"reserve\",\"type\":\"uint256\"}],\"name\":\"RewardsFunded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"RewardsWithdrawn\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"oldSigner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newSigner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"newPubkey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"SignerChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"offenceId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"severity\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"Slashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousTreasury\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newTreasury\",\"type\":\"address\"}],\"name\":\"TreasuryUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"UnlockClaimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"unlockableAt\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"UnlockInitiated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"Unpaused\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"allowed\",\"type\":\"bool\"}],\"name\":\"WhitelistUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"ESCROW_PERIOD\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_EXIT_DELAY\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PUBKEY_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"bootstrap\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"claimUnlock\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"endBootstrap\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"escrows\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"offenceId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"releasableAt\",\"type\":\"uint64\"},{\"internalType\":\"enumThemisStaking.EscrowStatus\",\"name\":\"status\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"exitDelay\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"fundRewards\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"initiateUnlock\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastRewardBatch\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"rewardRecipient\",\"type\":\"address\"}],\"name\":\"lock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"maxLock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minLock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextEscrowId\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextSequencerId\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"offenceSlashed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"paused\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"pendingRewards\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"poolAddress\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"}],\"name\":\"refundEscrow\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"}],\"name\":\"releaseEscrow\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"relock\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rewardReserve\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"sequencerOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"sequencers\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"locked\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"rewardRecipient\",\"type\":\"address\"},{\"internalType\":\"enumThemisStaking.Status\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"uint64\",\"name\":\"unlockableAt\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"newExitDelay\",\"type\":\"uint256\"}],\"name\":\"setExitDelay\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"newMinLock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"newMaxLock\",\"type\":\"uint256\"}],\"name\":\"setLockLimits\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newPool\",\"type\":\"address\"}],\"name\":\"setPoolAddress\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"newRecipient\",\"type\":\"address\"}],\"name\":\"setRewardRecipient\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newTreasury\",\"type\":\"address\"}],\"name\":\"setTreasury\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"allowed\",\"type\":\"bool\"}],\"name\":\"setWhitelist\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"signerUsed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"severity\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"offenceId\",\"type\":\"bytes32\"}],\"name\":\"slash\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"batchId\",\"type\":\"uint256\"},{\"internalType\":\"uint256[]\",\"name\":\"ids\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256[]\",\"name\":\"amounts\",\"type\":\"uint256[]\"}],\"name\":\"submitRewardBatch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"treasury\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"unpause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"newPubkey\",\"type\":\"bytes\"}],\"name\":\"updateSigner\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"whitelisted\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"withdrawRewards\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "ThemisStaking",
	Bin: "0x60a06040526002805460ff60a01b1916600160a01b17905560016006819055600e5534801561002c575f5ffd5b50604051612ef1380380612ef183398101604081905261004b9161027a565b6001600160a01b038516158061006857506001600160a01b038416155b156100865760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b03851660805261009c336100c2565b6100a58461011b565b6100af8383610176565b6100b8816101f6565b50505050506102c9565b5f80546040516001600160a01b03808516939216917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e091a35f80546001600160a01b0319166001600160a01b0392909216919091179055565b6001546040516001600160a01b038084169216907f4ab5be82436d353e61ca18726e984e561f5c1cc7c6d38b29d2553c790434705a905f90a3600180546001600160a01b0319166001600160a01b0392909216919091179055565b81158061018257508082115b156101af5760405163291cb06d60e21b815260048101839052602481018290526044015b60405180910390fd5b6003829055600481905560408051838152602081018390527fba0502165aa083e79180f1784f37b9998c9eb816447363107767ca7e61e90c13910160405180910390a15050565b6301e13380811115610228576040516376fe4d3160e11b8152600481018290526301e1338060248201526044016101a6565b60058190556040518181527f98158d40aa2348c441befca9ed301c96b8022243b8d3c96e7ac657a2052fa34d9060200160405180910390a150565b6001600160a01b0381168114610277575f5ffd5b50565b5f5f5f5f5f60a0868803121561028e575f5ffd5b855161029981610263565b60208701519095506102aa81610263565b6040870151606088015160809098015196999198509695945092505050565b608051612bdf6103125f395f81816106180152818161081201528181610a4e01528181610cab0152818161151501528181611741015281816117ef01526119880152612bdf5ff3fe608060405234801561000f575f5ffd5b5060043610610276575f3560e01c806389ee1d6511610156578063cab64bcd116100ca578063f037c63011610084578063f037c630146105bd578063f0f44260146105c6578063f2fde38b146105d9578063f41a9642146105ec578063fb969b0a146105ff578063fc0c546a14610613575f5ffd5b8063cab64bcd1461054a578063d936547e14610553578063e9e15b4f14610575578063eb01fb81146103cf578063ebb7eda214610588578063ed653164146105aa575f5ffd5b806393707a191161011b57806393707a19146104ed5780639a49cf0614610500578063a4d55d1d14610509578063b2fb30cb14610511578063c3c08c7a14610524578063c7624a3e14610537575f5ffd5b806389ee1d651461049a5780638c8a6c48146104ad5780638da5cb5b146104c0578063908e5dd2146104d25780639342c8f4146104da575f5ffd5b80634616283a116101ed5780636ba7ccff116101b25780636ba7ccff146104275780636c0b3e461461044e5780637c3b0b1c146104575780637dcb2abf1461046a5780638456cb591461048957806389cb29dd14610491575f5ffd5b80634616283a146103cf578063498efa15146103da57806353d6fd59146103ed5780635c975abb1461040057806361d027b314610414575f5ffd5b8063283886301161023e578063283886301461037c5780632980759c146103855780632dc075e11461038e578063356f9dfd146103a15780633f4ba83a146103b4578063441a3e70146103bc575f5ffd5b8063012f52ee1461027a57806307a90fb6146102dd5780630f7022b91461030a5780631755ff211461033c57806317663eae14610367575b5f5ffd5b6102c3610288366004612544565b600f6020525f90815260409020805460018201546002830154600390930154919290916001600160401b03811690600160401b900460ff1685565b6040516102d495949392919061258b565b60405180910390f35b6102fc6102eb3660046125de565b60086020525f908152604090205481565b6040519081526020016102d4565b61032c6103183660046125de565b60096020525f908152604090205460ff1681565b60405190151581526020016102d4565b60025461034f906001600160a01b031681565b6040516001600160a01b0390911681526020016102d4565b61037a610375366004612544565b61063a565b005b6102fc60055481565b6102fc60065481565b61037a61039c366004612544565b610842565b61037a6103af366004612544565b61098c565b61037a610a7b565b61037a6103ca3660046125fe565b610b0a565b6102fc6301e1338081565b61037a6103e836600461261e565b610cdd565b61037a6103fb366004612655565b610de1565b60025461032c90600160a81b900460ff1681565b60015461034f906001600160a01b031681565b61043a610435366004612544565b610e92565b6040516102d4989796959493929190612697565b6102fc60045481565b61037a610465366004612544565b610f80565b6102fc610478366004612544565b600d6020525f908152604090205481565b61037a610fb8565b6102fc600e5481565b6102fc6104a836600461272e565b61104e565b6102fc6104bb3660046127b3565b6112d1565b5f5461034f906001600160a01b031681565b61037a611548565b61037a6104e8366004612544565b61160c565b61037a6104fb366004612544565b611768565b6102fc600c5481565b6102fc604081565b61037a61051f3660046125fe565b611817565b61037a6105323660046125fe565b6119b8565b61037a61054536600461284b565b6119f2565b6102fc600b5481565b61032c6105613660046125de565b600a6020525f908152604090205460ff1681565b61037a6105833660046125de565b611c8d565b61032c610596366004612544565b60106020525f908152604090205460ff1681565b61037a6105b8366004612544565b611d7a565b6102fc60035481565b61037a6105d43660046125de565b611e31565b61037a6105e73660046125de565b611e8d565b61037a6105fa3660046128c2565b611ee9565b60025461032c90600160a01b900460ff1681565b61034f7f000000000000000000000000000000000000000000000000000000000000000081565b600254600160a81b900460ff16156106655760405163ab35696f60e01b815260040160405180910390fd5b5f8181526007602052604090205481906001600160a01b0316806106a45760405163717c3e9360e01b8152600481018390526024015b60405180910390fd5b336001600160a01b038216146106d65760405163f21f11cb60e01b81526004810183905233602482015260440161069b565b5f83815260076020526040902060026004820154600160a01b900460ff1660038111156107055761070561255b565b1461073457600481810154604051639a9ee6b560e01b815261069b928792600160a01b900460ff169101612909565b6004810154600160a81b90046001600160401b031642101561078657600481810154604051631234ae9960e31b8152918201869052600160a81b90046001600160401b0316602482015260440161069b565b600380820180545f90915560048301805491929160ff60a01b1916600160a01b830217905550847ffec46e502c42681475d128522c806ca8d2630789079be92f8e67aabf52b3356d82846005015f81546107df9061293a565b91829055506040805192835260208301919091520160405180910390a2801561083b57815461083b906001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000811691168361207d565b5050505050565b600254600160a81b900460ff161561086d5760405163ab35696f60e01b815260040160405180910390fd5b5f8181526007602052604090205481906001600160a01b0316806108a75760405163717c3e9360e01b81526004810183905260240161069b565b336001600160a01b038216146108d95760405163f21f11cb60e01b81526004810183905233602482015260440161069b565b5f6108e3846120ce565b90505f600554426108f49190612952565b6004830180546001600160401b038316600160a81b0268ffffffffffffffffff60a01b1990911617600160a11b17905560058301805491925086917f07921e0be7a2261a4a12ed72c37fedb0c313ef994ed3db4880ce518d484d94b19184915f9061095e9061293a565b9182905550604080516001600160401b03909316835260208301919091520160405180910390a25050505050565b6002546001600160a01b031633146109b957604051631902e9c760e31b815233600482015260240161069b565b5f6109c382612131565b60038101805460ff60401b19166803000000000000000017905580545f8181526007602090815260409182902054600185015492519283529394506001600160a01b039093169283929186917f9c069a5afe596632f80b19bc00b13808acbc7579dce1d2e96a8606d3b8bc61a591015b60405180910390a46001820154610a76906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690839061207d565b505050565b5f546001600160a01b03163314610aa75760405163245aecd360e01b815233600482015260240161069b565b600254600160a81b900460ff16610ad15760405163dcdde9dd60e01b815260040160405180910390fd5b6002805460ff60a81b1916905560405133907f5db9ee0a495bf2e6ff9c91a7834c1ba4fdd244a5e8aa4e537bd38aeae4b073aa905f90a2565b600254600160a81b900460ff1615610b355760405163ab35696f60e01b815260040160405180910390fd5b5f8281526007602052604090205482906001600160a01b031680610b6f5760405163717c3e9360e01b81526004810183905260240161069b565b336001600160a01b03821614610ba15760405163f21f11cb60e01b81526004810183905233602482015260440161069b565b5f610bab856120ce565b9050835f03610bcd57604051631f2a200560e01b815260040160405180910390fd5b600381015480851115610bfd576040516373c9efab60e11b8152600481018690526024810182905260440161069b565b5f610c08868361296b565b9050600354811015610c3b57600354604051633ae13c3560e01b815261069b918391600401918252602082015260400190565b808360030181905550867ff33ea8296e3b54855453ed4cdaa29d067a97e3cc1d5ebd1fb072699e78aa01e28783866005015f8154610c789061293a565b91829055506040805193845260208401929092529082015260600160405180910390a28254610cd4906001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000811691168861207d565b50505050505050565b5f8281526007602052604090205482906001600160a01b031680610d175760405163717c3e9360e01b81526004810183905260240161069b565b336001600160a01b03821614610d495760405163f21f11cb60e01b81526004810183905233602482015260440161069b565b6001600160a01b038316610d705760405163d92e233d60e01b815260040160405180910390fd5b5f848152600760205260408082206004810154915190926001600160a01b0380881693169188917fb9204768d3a281cc68164250c87c986fbb4ac94d8155d7e4c7612d172c3f847f91a460040180546001600160a01b0319166001600160a01b039490941693909317909255505050565b5f546001600160a01b03163314610e0d5760405163245aecd360e01b815233600482015260240161069b565b6001600160a01b038216610e345760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b0382165f818152600a6020908152604091829020805460ff191685151590811790915591519182527ff93f9a76c1bf3444d22400a00cb9fe990e6abe9dbb333fda48859cfee864543d910160405180910390a25050565b60076020525f90815260409020805460018201546002830180546001600160a01b03938416949290931692610ec69061297e565b80601f0160208091040260200160405190810160405280929190818152602001828054610ef29061297e565b8015610f3d5780601f10610f1457610100808354040283529160200191610f3d565b820191905f5260205f20905b815481529060010190602001808311610f2057829003601f168201915b5050505060038301546004840154600590940154929390926001600160a01b0382169250600160a01b820460ff1691600160a81b90046001600160401b03169088565b5f546001600160a01b03163314610fac5760405163245aecd360e01b815233600482015260240161069b565b610fb5816121d5565b50565b5f546001600160a01b03163314610fe45760405163245aecd360e01b815233600482015260240161069b565b600254600160a81b900460ff161561100f5760405163ab35696f60e01b815260040160405180910390fd5b6002805460ff60a81b1916600160a81b17905560405133907f62e78cea01bee320cd4e420270b5ea74000d11b0c9f74754ebdbfc544b05a258905f90a2565b6002545f906001600160a01b0316331461107d57604051631902e9c760e31b815233600482015260240161069b565b5f8281526010602052604090205460ff16156110af5760405163c13e5d4b60e01b81526004810183905260240161069b565b5f858152600760205260408120906004820154600160a01b900460ff1660038111156110dd576110dd61255b565b036110fe5760405163717c3e9360e01b81526004810187905260240161069b565b845f0361111e57604051631f2a200560e01b815260040160405180910390fd5b60038101545f81900361114757604051634ded8d5f60e11b81526004810188905260240161069b565b5f8187106111555781611157565b865b5f868152601060205260409020805460ff19166001179055905061117b818361296b565b6003840155600e8054905f61118f8361293a565b9190505593506040518060a001604052808981526020018281526020018681526020016301e13380426111c29190612952565b6001600160401b03168152602001600190525f858152600f6020908152604091829020835181559083015160018201559082015160028201556060820151600380830180546001600160401b0390931667ffffffffffffffff19841681178255608086015193919268ffffffffffffffffff199092161790600160401b9084908111156112515761125161255b565b0217905550869150859050897f40c6b51a0679dec81fa25e5f88ba50b00a4254388752b86a85c5e13f2a400faa898561128a818961296b565b896005015f815461129a9061293a565b91829055506040805160ff9095168552602085019390935291830152606082015260800160405180910390a4505050949350505050565b6002545f90600160a81b900460ff16156112fe5760405163ab35696f60e01b815260040160405180910390fd5b335f908152600a602052604090205460ff1661132f57604051636f8bf18b60e11b815233600482015260240161069b565b335f908152600860205260409020548015801590611379575060035f82815260076020526040902060040154600160a01b900460ff1660038111156113765761137661255b565b14155b156113a057604051635dc2c68760e01b81523360048201526024810182905260440161069b565b6001600160a01b0383166113c75760405163d92e233d60e01b815260040160405180910390fd5b6003548410806113d8575060045484115b1561140f57600354600480546040516316227d1360e31b81529182018790526024820192909252604481019190915260640161069b565b5f61141a8787612242565b600680549192505f61142b8361293a565b909155505f8181526007602052604090208054336001600160a01b03199182161782556001820180549091166001600160a01b03851617905590935060028101611476888a83612a18565b50600381018690556004810180546001600160a01b038781166001600160a81b031990921691909117600160a01b17909155600160058301819055335f81815260086020526040908190208890555192851692909187917fc0065c413ff15bb5fd871ceadcb365b5f72678f452d7bc221c2c4335e350fa3691611500918e918e918e918e91612af9565b60405180910390a461153d6001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000163330896122f1565b505050949350505050565b5f546001600160a01b031633146115745760405163245aecd360e01b815233600482015260240161069b565b600254600160a01b900460ff1661159e5760405163391e4ee760e21b815260040160405180910390fd5b6002546001600160a01b03166115c757604051637a819df960e11b815260040160405180910390fd5b6002805460ff60a01b1981169091556040516001600160a01b03909116907f9850eeb5698daa8df24493cec5fd6b8a8741ced093e9a52213b2656c49384530905f90a2565b600254600160a81b900460ff16156116375760405163ab35696f60e01b815260040160405180910390fd5b5f8181526007602052604090205481906001600160a01b0316806116715760405163717c3e9360e01b81526004810183905260240161069b565b336001600160a01b038216146116a35760405163f21f11cb60e01b81526004810183905233602482015260440161069b565b5f838152600d6020526040812054908190036116d557604051631fb23b3d60e21b81526004810185905260240161069b565b5f848152600d6020908152604080832083905560078252918290206004015491518381526001600160a01b0390921691829187917f82ca8a937aadf7110bbbb9bba3be6546aebffbdb673452af8caedde341f5efd0910160405180910390a361083b6001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016828461207d565b805f0361178857604051631f2a200560e01b815260040160405180910390fd5b80600b5f8282546117999190612952565b9091555050600b5460405133917f17c4c73fe3b5d172ec864d377fb9e2323d3f90de65eed172cc20232b48ab2ae1916117da91858252602082015260400190565b60405180910390a2610fb56001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000163330846122f1565b600254600160a81b900460ff16156118425760405163ab35696f60e01b815260040160405180910390fd5b5f8281526007602052604090205482906001600160a01b03168061187c5760405163717c3e9360e01b81526004810183905260240161069b565b336001600160a01b038216146118ae5760405163f21f11cb60e01b81526004810183905233602482015260440161069b565b5f6118b8856120ce565b9050835f036118da57604051631f2a200560e01b815260040160405180910390fd5b5f8482600301546118eb9190612952565b905060045481111561191b576004805460405163f4bef61360e01b8152918201839052602482015260440161069b565b808260030181905550857f99e351074b9010d5d7a947422f77c775a5596e71533b16a7933d2e5ece7b43a18683856005015f81546119589061293a565b91829055506040805193845260208401929092529082015260600160405180910390a26119b06001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000163330886122f1565b505050505050565b5f546001600160a01b031633146119e45760405163245aecd360e01b815233600482015260240161069b565b6119ee8282612350565b5050565b6002546001600160a01b03163314611a1f57604051631902e9c760e31b815233600482015260240161069b565b600c54611a2d906001612952565b8514611a6557600c54611a41906001612952565b604051630d246b5d60e21b815260048101919091526024810186905260440161069b565b828114611a8f576040516355c5b3e360e11b8152600481018490526024810182905260440161069b565b5f805b82811015611ac857838382818110611aac57611aac612b32565b9050602002013582611abe9190612952565b9150600101611a92565b50600b54811115611afa57600b54604051631256b84160e31b815261069b918391600401918252602082015260400190565b85600c8190555080600b5f828254611b12919061296b565b909155505f90505b84811015611c3d575f868683818110611b3557611b35612b32565b602002919091013591505f90505f82815260076020526040902060040154600160a01b900460ff166003811115611b6e57611b6e61255b565b03611b8f5760405163717c3e9360e01b81526004810182905260240161069b565b5f858584818110611ba257611ba2612b32565b90506020020135600d5f8481526020019081526020015f2054611bc59190612952565b5f838152600d60205260409020819055905088827fe92557f1fbb6f349efe1dd2f7f957dc099e9e93e8d67cd15be5042e8476b5e06888887818110611c0c57611c0c612b32565b9050602002013584604051611c2b929190918252602082015260400190565b60405180910390a35050600101611b1a565b50600b5460408051868152602081018490529081019190915286907fcccbc67f0f6942ac2508ba5927b27ea04461ab126d3a51201793744728b4c5aa9060600160405180910390a2505050505050565b6002546001600160a01b03163314611cf5575f546001600160a01b03163314611ccb57604051631902e9c760e31b815233600482015260240161069b565b600254600160a01b900460ff16611cf55760405163391e4ee760e21b815260040160405180910390fd5b6001600160a01b038116611d1c5760405163d92e233d60e01b815260040160405180910390fd5b60025460405133916001600160a01b03848116929116907f7f750c0ec1f9483535e84f0f14a743e9d5cbc92065225561ca5b8a48f8311753905f90a4600280546001600160a01b0319166001600160a01b0392909216919091179055565b5f611d8482612131565b60038101549091506001600160401b0316421015611dcd57600381015460405163248d6b5b60e01b8152600481018490526001600160401b03909116602482015260440161069b565b60038101805460ff60401b191668020000000000000000179055600180548254918301546040519081526001600160a01b0390911691829185907fec066aa65c5abc8d31878e4827210f6d7a7e2aed6d2387c96ab433bd89a302bf90602001610a33565b5f546001600160a01b03163314611e5d5760405163245aecd360e01b815233600482015260240161069b565b6001600160a01b038116611e845760405163d92e233d60e01b815260040160405180910390fd5b610fb5816123cb565b5f546001600160a01b03163314611eb95760405163245aecd360e01b815233600482015260240161069b565b6001600160a01b038116611ee05760405163d92e233d60e01b815260040160405180910390fd5b610fb581612426565b600254600160a81b900460ff1615611f145760405163ab35696f60e01b815260040160405180910390fd5b5f8381526007602052604090205483906001600160a01b031680611f4e5760405163717c3e9360e01b81526004810183905260240161069b565b336001600160a01b03821614611f805760405163f21f11cb60e01b81526004810183905233602482015260440161069b565b5f85815260076020526040902060036004820154600160a01b900460ff166003811115611faf57611faf61255b565b03611fd057604051636b2048c560e01b81526004810187905260240161069b565b5f611fdb8686612242565b6001830180546001600160a01b038084166001600160a01b0319831617909255919250166002830161200e878983612a18565b50816001600160a01b0316816001600160a01b0316897fc2e1ce49b652d778b1d7b71ebabc3ab1999be70658548f1407c55b42f2211a8e8a8a886005015f81546120579061293a565b918290555060405161206b93929190612b46565b60405180910390a45050505050505050565b6040516001600160a01b038316602482015260448101829052610a7690849060640160408051601f198184030181529190526020810180516001600160e01b031663a9059cbb60e01b17905261247f565b5f81815260076020526040902060016004820154600160a01b900460ff1660038111156120fd576120fd61255b565b1461212c57600481810154604051630cf6247f60e31b815261069b928592600160a01b900460ff169101612909565b919050565b5f818152600f6020526040812090600382810154600160401b900460ff169081111561215f5761215f61255b565b0361218057604051631984115560e01b81526004810183905260240161069b565b6001600382810154600160401b900460ff16908111156121a2576121a261255b565b1461212c57818160030160089054906101000a900460ff16604051633d8469c360e01b815260040161069b929190612909565b6301e13380811115612207576040516376fe4d3160e11b8152600481018290526301e13380602482015260440161069b565b60058190556040518181527f98158d40aa2348c441befca9ed301c96b8022243b8d3c96e7ac657a2052fa34d9060200160405180910390a150565b5f60408214612267576040516302a9ff4b60e21b81526004810183905260240161069b565b8282604051612277929190612b69565b60408051918290039091206001600160a01b0381165f9081526009602052919091205490915060ff16156122c957604051632a9a935760e21b81526001600160a01b038216600482015260240161069b565b6001600160a01b0381165f908152600960205260409020805460ff1916600117905592915050565b6040516001600160a01b038085166024830152831660448201526064810182905261234a90859060840160408051601f198184030181529190526020810180516001600160e01b03166323b872dd60e01b17905261247f565b50505050565b81158061235c57508082115b156123845760405163291cb06d60e21b8152600481018390526024810182905260440161069b565b6003829055600481905560408051838152602081018390527fba0502165aa083e79180f1784f37b9998c9eb816447363107767ca7e61e90c13910160405180910390a15050565b6001546040516001600160a01b038084169216907f4ab5be82436d353e61ca18726e984e561f5c1cc7c6d38b29d2553c790434705a905f90a3600180546001600160a01b0319166001600160a01b0392909216919091179055565b5f80546040516001600160a01b03808516939216917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e091a35f80546001600160a01b0319166001600160a01b0392909216919091179055565b5f5f836001600160a01b0316836040516124999190612b78565b5f604051808303815f865af19150503d805f81146124d2576040519150601f19603f3d011682016040523d82523d5f602084013e6124d7565b606091505b5091509150816124e957805160208201fd5b5f81515f1461250b57818060200190518101906125069190612b8e565b612519565b5f856001600160a01b03163b115b90508061083b57604051632b596cb760e01b81526001600160a01b038616600482015260240161069b565b5f60208284031215612554575f5ffd5b5035919050565b634e487b7160e01b5f52602160045260245ffd5b60048110610fb557634e487b7160e01b5f52602160045260245ffd5b85815260208101859052604081018490526001600160401b038316606082015260a081016125b88361256f565b8260808301529695505050505050565b80356001600160a01b038116811461212c575f5ffd5b5f602082840312156125ee575f5ffd5b6125f7826125c8565b9392505050565b5f5f6040838503121561260f575f5ffd5b50508035926020909101359150565b5f5f6040838503121561262f575f5ffd5b8235915061263f602084016125c8565b90509250929050565b8015158114610fb5575f5ffd5b5f5f60408385031215612666575f5ffd5b61266f836125c8565b9150602083013561267f81612648565b809150509250929050565b6126938161256f565b9052565b60018060a01b038916815260018060a01b038816602082015261010060408201525f8751806101008401528060208a0161012085015e5f6101208285010152610120601f19601f83011684010191505086606083015261270260808301876001600160a01b03169052565b61270f60a083018661268a565b6001600160401b039390931660c082015260e001529695505050505050565b5f5f5f5f60808587031215612741575f5ffd5b8435935060208501359250604085013560ff8116811461275f575f5ffd5b9396929550929360600135925050565b5f5f83601f84011261277f575f5ffd5b5081356001600160401b03811115612795575f5ffd5b6020830191508360208285010111156127ac575f5ffd5b9250929050565b5f5f5f5f606085870312156127c6575f5ffd5b84356001600160401b038111156127db575f5ffd5b6127e78782880161276f565b90955093505060208501359150612800604086016125c8565b905092959194509250565b5f5f83601f84011261281b575f5ffd5b5081356001600160401b03811115612831575f5ffd5b6020830191508360208260051b85010111156127ac575f5ffd5b5f5f5f5f5f6060868803121561285f575f5ffd5b8535945060208601356001600160401b0381111561287b575f5ffd5b6128878882890161280b565b90955093505060408601356001600160401b038111156128a5575f5ffd5b6128b18882890161280b565b969995985093965092949392505050565b5f5f5f604084860312156128d4575f5ffd5b8335925060208401356001600160401b038111156128f0575f5ffd5b6128fc8682870161276f565b9497909650939450505050565b828152604081016129198361256f565b8260208301529392505050565b634e487b7160e01b5f52601160045260245ffd5b5f6001820161294b5761294b612926565b5060010190565b8082018082111561296557612965612926565b92915050565b8181038181111561296557612965612926565b600181811c9082168061299257607f821691505b6020821081036129b057634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52604160045260245ffd5b601f821115610a765782821115610a7657805f5260205f20601f840160051c60208510156129f557505f5b90810190601f840160051c035f5b818110156119b0575f83820155600101612a03565b6001600160401b03831115612a2f57612a2f6129b6565b612a4383612a3d835461297e565b836129ca565b5f601f841160018114612a74575f8515612a5d5750838201355b5f19600387901b1c1916600186901b17835561083b565b5f83815260208120601f198716915b82811015612aa35786850135825560209485019460019092019101612a83565b5086821015612abf575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b608081525f612b0c608083018789612ad1565b6020830195909552506001600160a01b0392909216604083015260609091015292915050565b634e487b7160e01b5f52603260045260245ffd5b604081525f612b59604083018587612ad1565b9050826020830152949350505050565b818382375f9101908152919050565b5f82518060208501845e5f920191825250919050565b5f60208284031215612b9e575f5ffd5b81516125f78161264856fea2646970667358221220f924bfcc60c055239d6edb54183d901f676932c6460d93fbfdd4e37aa585755764736f6c63430008250033",
}

// ThemisStaking is an auto generated Go binding around an Ethereum contract.
type ThemisStaking struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ThemisStaking) GetABI() abi.ABI {
	return c.abi
}

// NewThemisStaking creates a new instance of ThemisStaking.
func NewThemisStaking() *ThemisStaking {
	parsed, err := ThemisStakingMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ThemisStaking{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ThemisStaking) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token_, address treasury_, uint256 minLock_, uint256 maxLock_, uint256 exitDelay_) returns()
func (themisStaking *ThemisStaking) PackConstructor(token_ common.Address, treasury_ common.Address, minLock_ *big.Int, maxLock_ *big.Int, exitDelay_ *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("", token_, treasury_, minLock_, maxLock_, exitDelay_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackESCROWPERIOD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb01fb81.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ESCROW_PERIOD() view returns(uint256)
func (themisStaking *ThemisStaking) PackESCROWPERIOD() []byte {
	enc, err := themisStaking.abi.Pack("ESCROW_PERIOD")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackESCROWPERIOD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb01fb81.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ESCROW_PERIOD() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackESCROWPERIOD() ([]byte, error) {
	return themisStaking.abi.Pack("ESCROW_PERIOD")
}

// UnpackESCROWPERIOD is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeb01fb81.
//
// Solidity: function ESCROW_PERIOD() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackESCROWPERIOD(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("ESCROW_PERIOD", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXEXITDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4616283a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_EXIT_DELAY() view returns(uint256)
func (themisStaking *ThemisStaking) PackMAXEXITDELAY() []byte {
	enc, err := themisStaking.abi.Pack("MAX_EXIT_DELAY")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXEXITDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4616283a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_EXIT_DELAY() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackMAXEXITDELAY() ([]byte, error) {
	return themisStaking.abi.Pack("MAX_EXIT_DELAY")
}

// UnpackMAXEXITDELAY is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4616283a.
//
// Solidity: function MAX_EXIT_DELAY() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackMAXEXITDELAY(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("MAX_EXIT_DELAY", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPUBKEYLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4d55d1d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function PUBKEY_LENGTH() view returns(uint256)
func (themisStaking *ThemisStaking) PackPUBKEYLENGTH() []byte {
	enc, err := themisStaking.abi.Pack("PUBKEY_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPUBKEYLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4d55d1d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function PUBKEY_LENGTH() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackPUBKEYLENGTH() ([]byte, error) {
	return themisStaking.abi.Pack("PUBKEY_LENGTH")
}

// UnpackPUBKEYLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa4d55d1d.
//
// Solidity: function PUBKEY_LENGTH() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackPUBKEYLENGTH(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("PUBKEY_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBootstrap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfb969b0a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bootstrap() view returns(bool)
func (themisStaking *ThemisStaking) PackBootstrap() []byte {
	enc, err := themisStaking.abi.Pack("bootstrap")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBootstrap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfb969b0a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bootstrap() view returns(bool)
func (themisStaking *ThemisStaking) TryPackBootstrap() ([]byte, error) {
	return themisStaking.abi.Pack("bootstrap")
}

// UnpackBootstrap is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfb969b0a.
//
// Solidity: function bootstrap() view returns(bool)
func (themisStaking *ThemisStaking) UnpackBootstrap(data []byte) (bool, error) {
	out, err := themisStaking.abi.Unpack("bootstrap", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackClaimUnlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x17663eae.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimUnlock(uint256 id) returns()
func (themisStaking *ThemisStaking) PackClaimUnlock(id *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("claimUnlock", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimUnlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x17663eae.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimUnlock(uint256 id) returns()
func (themisStaking *ThemisStaking) TryPackClaimUnlock(id *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("claimUnlock", id)
}

// PackEndBootstrap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x908e5dd2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function endBootstrap() returns()
func (themisStaking *ThemisStaking) PackEndBootstrap() []byte {
	enc, err := themisStaking.abi.Pack("endBootstrap")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEndBootstrap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x908e5dd2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function endBootstrap() returns()
func (themisStaking *ThemisStaking) TryPackEndBootstrap() ([]byte, error) {
	return themisStaking.abi.Pack("endBootstrap")
}

// PackEscrows is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x012f52ee.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function escrows(uint256 ) view returns(uint256 sequencerId, uint256 amount, bytes32 offenceId, uint64 releasableAt, uint8 status)
func (themisStaking *ThemisStaking) PackEscrows(arg0 *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("escrows", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEscrows is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x012f52ee.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function escrows(uint256 ) view returns(uint256 sequencerId, uint256 amount, bytes32 offenceId, uint64 releasableAt, uint8 status)
func (themisStaking *ThemisStaking) TryPackEscrows(arg0 *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("escrows", arg0)
}

// EscrowsOutput serves as a container for the return parameters of contract
// method Escrows.
type EscrowsOutput struct {
	SequencerId  *big.Int
	Amount       *big.Int
	OffenceId    [32]byte
	ReleasableAt uint64
	Status       uint8
}

// UnpackEscrows is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x012f52ee.
//
// Solidity: function escrows(uint256 ) view returns(uint256 sequencerId, uint256 amount, bytes32 offenceId, uint64 releasableAt, uint8 status)
func (themisStaking *ThemisStaking) UnpackEscrows(data []byte) (EscrowsOutput, error) {
	out, err := themisStaking.abi.Unpack("escrows", data)
	outstruct := new(EscrowsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.SequencerId = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Amount = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.OffenceId = *abi.ConvertType(out[2], new([32]byte)).(*[32]byte)
	outstruct.ReleasableAt = *abi.ConvertType(out[3], new(uint64)).(*uint64)
	outstruct.Status = *abi.ConvertType(out[4], new(uint8)).(*uint8)
	return *outstruct, nil
}

// PackExitDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28388630.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function exitDelay() view returns(uint256)
func (themisStaking *ThemisStaking) PackExitDelay() []byte {
	enc, err := themisStaking.abi.Pack("exitDelay")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExitDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28388630.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function exitDelay() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackExitDelay() ([]byte, error) {
	return themisStaking.abi.Pack("exitDelay")
}

// UnpackExitDelay is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x28388630.
//
// Solidity: function exitDelay() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackExitDelay(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("exitDelay", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackFundRewards is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93707a19.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function fundRewards(uint256 amount) returns()
func (themisStaking *ThemisStaking) PackFundRewards(amount *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("fundRewards", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFundRewards is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93707a19.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function fundRewards(uint256 amount) returns()
func (themisStaking *ThemisStaking) TryPackFundRewards(amount *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("fundRewards", amount)
}

// PackInitiateUnlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2dc075e1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function initiateUnlock(uint256 id) returns()
func (themisStaking *ThemisStaking) PackInitiateUnlock(id *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("initiateUnlock", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackInitiateUnlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2dc075e1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function initiateUnlock(uint256 id) returns()
func (themisStaking *ThemisStaking) TryPackInitiateUnlock(id *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("initiateUnlock", id)
}

// PackLastRewardBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a49cf06.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastRewardBatch() view returns(uint256)
func (themisStaking *ThemisStaking) PackLastRewardBatch() []byte {
	enc, err := themisStaking.abi.Pack("lastRewardBatch")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastRewardBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a49cf06.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastRewardBatch() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackLastRewardBatch() ([]byte, error) {
	return themisStaking.abi.Pack("lastRewardBatch")
}

// UnpackLastRewardBatch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9a49cf06.
//
// Solidity: function lastRewardBatch() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackLastRewardBatch(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("lastRewardBatch", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c8a6c48.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lock(bytes pubkey, uint256 amount, address rewardRecipient) returns(uint256 id)
func (themisStaking *ThemisStaking) PackLock(pubkey []byte, amount *big.Int, rewardRecipient common.Address) []byte {
	enc, err := themisStaking.abi.Pack("lock", pubkey, amount, rewardRecipient)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c8a6c48.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lock(bytes pubkey, uint256 amount, address rewardRecipient) returns(uint256 id)
func (themisStaking *ThemisStaking) TryPackLock(pubkey []byte, amount *big.Int, rewardRecipient common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("lock", pubkey, amount, rewardRecipient)
}

// UnpackLock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8c8a6c48.
//
// Solidity: function lock(bytes pubkey, uint256 amount, address rewardRecipient) returns(uint256 id)
func (themisStaking *ThemisStaking) UnpackLock(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("lock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMaxLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c0b3e46.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function maxLock() view returns(uint256)
func (themisStaking *ThemisStaking) PackMaxLock() []byte {
	enc, err := themisStaking.abi.Pack("maxLock")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMaxLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c0b3e46.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function maxLock() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackMaxLock() ([]byte, error) {
	return themisStaking.abi.Pack("maxLock")
}

// UnpackMaxLock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6c0b3e46.
//
// Solidity: function maxLock() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackMaxLock(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("maxLock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMinLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf037c630.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function minLock() view returns(uint256)
func (themisStaking *ThemisStaking) PackMinLock() []byte {
	enc, err := themisStaking.abi.Pack("minLock")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMinLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf037c630.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function minLock() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackMinLock() ([]byte, error) {
	return themisStaking.abi.Pack("minLock")
}

// UnpackMinLock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf037c630.
//
// Solidity: function minLock() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackMinLock(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("minLock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackNextEscrowId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x89cb29dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nextEscrowId() view returns(uint256)
func (themisStaking *ThemisStaking) PackNextEscrowId() []byte {
	enc, err := themisStaking.abi.Pack("nextEscrowId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNextEscrowId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x89cb29dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nextEscrowId() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackNextEscrowId() ([]byte, error) {
	return themisStaking.abi.Pack("nextEscrowId")
}

// UnpackNextEscrowId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x89cb29dd.
//
// Solidity: function nextEscrowId() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackNextEscrowId(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("nextEscrowId", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackNextSequencerId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2980759c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nextSequencerId() view returns(uint256)
func (themisStaking *ThemisStaking) PackNextSequencerId() []byte {
	enc, err := themisStaking.abi.Pack("nextSequencerId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNextSequencerId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2980759c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nextSequencerId() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackNextSequencerId() ([]byte, error) {
	return themisStaking.abi.Pack("nextSequencerId")
}

// UnpackNextSequencerId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2980759c.
//
// Solidity: function nextSequencerId() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackNextSequencerId(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("nextSequencerId", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOffenceSlashed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xebb7eda2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function offenceSlashed(bytes32 ) view returns(bool)
func (themisStaking *ThemisStaking) PackOffenceSlashed(arg0 [32]byte) []byte {
	enc, err := themisStaking.abi.Pack("offenceSlashed", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOffenceSlashed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xebb7eda2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function offenceSlashed(bytes32 ) view returns(bool)
func (themisStaking *ThemisStaking) TryPackOffenceSlashed(arg0 [32]byte) ([]byte, error) {
	return themisStaking.abi.Pack("offenceSlashed", arg0)
}

// UnpackOffenceSlashed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xebb7eda2.
//
// Solidity: function offenceSlashed(bytes32 ) view returns(bool)
func (themisStaking *ThemisStaking) UnpackOffenceSlashed(data []byte) (bool, error) {
	out, err := themisStaking.abi.Unpack("offenceSlashed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (themisStaking *ThemisStaking) PackOwner() []byte {
	enc, err := themisStaking.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (themisStaking *ThemisStaking) TryPackOwner() ([]byte, error) {
	return themisStaking.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (themisStaking *ThemisStaking) UnpackOwner(data []byte) (common.Address, error) {
	out, err := themisStaking.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8456cb59.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pause() returns()
func (themisStaking *ThemisStaking) PackPause() []byte {
	enc, err := themisStaking.abi.Pack("pause")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8456cb59.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pause() returns()
func (themisStaking *ThemisStaking) TryPackPause() ([]byte, error) {
	return themisStaking.abi.Pack("pause")
}

// PackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function paused() view returns(bool)
func (themisStaking *ThemisStaking) PackPaused() []byte {
	enc, err := themisStaking.abi.Pack("paused")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function paused() view returns(bool)
func (themisStaking *ThemisStaking) TryPackPaused() ([]byte, error) {
	return themisStaking.abi.Pack("paused")
}

// UnpackPaused is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c975abb.
//
// Solidity: function paused() view returns(bool)
func (themisStaking *ThemisStaking) UnpackPaused(data []byte) (bool, error) {
	out, err := themisStaking.abi.Unpack("paused", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPendingRewards is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7dcb2abf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingRewards(uint256 ) view returns(uint256)
func (themisStaking *ThemisStaking) PackPendingRewards(arg0 *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("pendingRewards", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingRewards is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7dcb2abf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingRewards(uint256 ) view returns(uint256)
func (themisStaking *ThemisStaking) TryPackPendingRewards(arg0 *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("pendingRewards", arg0)
}

// UnpackPendingRewards is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7dcb2abf.
//
// Solidity: function pendingRewards(uint256 ) view returns(uint256)
func (themisStaking *ThemisStaking) UnpackPendingRewards(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("pendingRewards", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPoolAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1755ff21.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function poolAddress() view returns(address)
func (themisStaking *ThemisStaking) PackPoolAddress() []byte {
	enc, err := themisStaking.abi.Pack("poolAddress")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPoolAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1755ff21.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function poolAddress() view returns(address)
func (themisStaking *ThemisStaking) TryPackPoolAddress() ([]byte, error) {
	return themisStaking.abi.Pack("poolAddress")
}

// UnpackPoolAddress is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1755ff21.
//
// Solidity: function poolAddress() view returns(address)
func (themisStaking *ThemisStaking) UnpackPoolAddress(data []byte) (common.Address, error) {
	out, err := themisStaking.abi.Unpack("poolAddress", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRefundEscrow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x356f9dfd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function refundEscrow(uint256 escrowId) returns()
func (themisStaking *ThemisStaking) PackRefundEscrow(escrowId *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("refundEscrow", escrowId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRefundEscrow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x356f9dfd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function refundEscrow(uint256 escrowId) returns()
func (themisStaking *ThemisStaking) TryPackRefundEscrow(escrowId *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("refundEscrow", escrowId)
}

// PackReleaseEscrow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xed653164.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function releaseEscrow(uint256 escrowId) returns()
func (themisStaking *ThemisStaking) PackReleaseEscrow(escrowId *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("releaseEscrow", escrowId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReleaseEscrow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xed653164.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function releaseEscrow(uint256 escrowId) returns()
func (themisStaking *ThemisStaking) TryPackReleaseEscrow(escrowId *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("releaseEscrow", escrowId)
}

// PackRelock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb2fb30cb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function relock(uint256 id, uint256 amount) returns()
func (themisStaking *ThemisStaking) PackRelock(id *big.Int, amount *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("relock", id, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRelock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb2fb30cb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function relock(uint256 id, uint256 amount) returns()
func (themisStaking *ThemisStaking) TryPackRelock(id *big.Int, amount *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("relock", id, amount)
}

// PackRewardReserve is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcab64bcd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rewardReserve() view returns(uint256)
func (themisStaking *ThemisStaking) PackRewardReserve() []byte {
	enc, err := themisStaking.abi.Pack("rewardReserve")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRewardReserve is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcab64bcd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rewardReserve() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackRewardReserve() ([]byte, error) {
	return themisStaking.abi.Pack("rewardReserve")
}

// UnpackRewardReserve is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcab64bcd.
//
// Solidity: function rewardReserve() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackRewardReserve(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("rewardReserve", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSequencerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x07a90fb6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sequencerOf(address ) view returns(uint256)
func (themisStaking *ThemisStaking) PackSequencerOf(arg0 common.Address) []byte {
	enc, err := themisStaking.abi.Pack("sequencerOf", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSequencerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x07a90fb6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sequencerOf(address ) view returns(uint256)
func (themisStaking *ThemisStaking) TryPackSequencerOf(arg0 common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("sequencerOf", arg0)
}

// UnpackSequencerOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x07a90fb6.
//
// Solidity: function sequencerOf(address ) view returns(uint256)
func (themisStaking *ThemisStaking) UnpackSequencerOf(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("sequencerOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSequencers is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6ba7ccff.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sequencers(uint256 ) view returns(address owner, address signer, bytes pubkey, uint256 locked, address rewardRecipient, uint8 status, uint64 unlockableAt, uint256 nonce)
func (themisStaking *ThemisStaking) PackSequencers(arg0 *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("sequencers", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSequencers is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6ba7ccff.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sequencers(uint256 ) view returns(address owner, address signer, bytes pubkey, uint256 locked, address rewardRecipient, uint8 status, uint64 unlockableAt, uint256 nonce)
func (themisStaking *ThemisStaking) TryPackSequencers(arg0 *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("sequencers", arg0)
}

// SequencersOutput serves as a container for the return parameters of contract
// method Sequencers.
type SequencersOutput struct {
	Owner           common.Address
	Signer          common.Address
	Pubkey          []byte
	Locked          *big.Int
	RewardRecipient common.Address
	Status          uint8
	UnlockableAt    uint64
	Nonce           *big.Int
}

// UnpackSequencers is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6ba7ccff.
//
// Solidity: function sequencers(uint256 ) view returns(address owner, address signer, bytes pubkey, uint256 locked, address rewardRecipient, uint8 status, uint64 unlockableAt, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackSequencers(data []byte) (SequencersOutput, error) {
	out, err := themisStaking.abi.Unpack("sequencers", data)
	outstruct := new(SequencersOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Owner = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Signer = *abi.ConvertType(out[1], new(common.Address)).(*common.Address)
	outstruct.Pubkey = *abi.ConvertType(out[2], new([]byte)).(*[]byte)
	outstruct.Locked = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.RewardRecipient = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Status = *abi.ConvertType(out[5], new(uint8)).(*uint8)
	outstruct.UnlockableAt = *abi.ConvertType(out[6], new(uint64)).(*uint64)
	outstruct.Nonce = abi.ConvertType(out[7], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackSetExitDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c3b0b1c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setExitDelay(uint256 newExitDelay) returns()
func (themisStaking *ThemisStaking) PackSetExitDelay(newExitDelay *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("setExitDelay", newExitDelay)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetExitDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c3b0b1c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setExitDelay(uint256 newExitDelay) returns()
func (themisStaking *ThemisStaking) TryPackSetExitDelay(newExitDelay *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("setExitDelay", newExitDelay)
}

// PackSetLockLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc3c08c7a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setLockLimits(uint256 newMinLock, uint256 newMaxLock) returns()
func (themisStaking *ThemisStaking) PackSetLockLimits(newMinLock *big.Int, newMaxLock *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("setLockLimits", newMinLock, newMaxLock)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetLockLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc3c08c7a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setLockLimits(uint256 newMinLock, uint256 newMaxLock) returns()
func (themisStaking *ThemisStaking) TryPackSetLockLimits(newMinLock *big.Int, newMaxLock *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("setLockLimits", newMinLock, newMaxLock)
}

// PackSetPoolAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe9e15b4f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setPoolAddress(address newPool) returns()
func (themisStaking *ThemisStaking) PackSetPoolAddress(newPool common.Address) []byte {
	enc, err := themisStaking.abi.Pack("setPoolAddress", newPool)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetPoolAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe9e15b4f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setPoolAddress(address newPool) returns()
func (themisStaking *ThemisStaking) TryPackSetPoolAddress(newPool common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("setPoolAddress", newPool)
}

// PackSetRewardRecipient is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x498efa15.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRewardRecipient(uint256 id, address newRecipient) returns()
func (themisStaking *ThemisStaking) PackSetRewardRecipient(id *big.Int, newRecipient common.Address) []byte {
	enc, err := themisStaking.abi.Pack("setRewardRecipient", id, newRecipient)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRewardRecipient is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x498efa15.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRewardRecipient(uint256 id, address newRecipient) returns()
func (themisStaking *ThemisStaking) TryPackSetRewardRecipient(id *big.Int, newRecipient common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("setRewardRecipient", id, newRecipient)
}

// PackSetTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0f44260.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setTreasury(address newTreasury) returns()
func (themisStaking *ThemisStaking) PackSetTreasury(newTreasury common.Address) []byte {
	enc, err := themisStaking.abi.Pack("setTreasury", newTreasury)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0f44260.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setTreasury(address newTreasury) returns()
func (themisStaking *ThemisStaking) TryPackSetTreasury(newTreasury common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("setTreasury", newTreasury)
}

// PackSetWhitelist is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x53d6fd59.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setWhitelist(address account, bool allowed) returns()
func (themisStaking *ThemisStaking) PackSetWhitelist(account common.Address, allowed bool) []byte {
	enc, err := themisStaking.abi.Pack("setWhitelist", account, allowed)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetWhitelist is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x53d6fd59.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setWhitelist(address account, bool allowed) returns()
func (themisStaking *ThemisStaking) TryPackSetWhitelist(account common.Address, allowed bool) ([]byte, error) {
	return themisStaking.abi.Pack("setWhitelist", account, allowed)
}

// PackSignerUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f7022b9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function signerUsed(address ) view returns(bool)
func (themisStaking *ThemisStaking) PackSignerUsed(arg0 common.Address) []byte {
	enc, err := themisStaking.abi.Pack("signerUsed", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSignerUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f7022b9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function signerUsed(address ) view returns(bool)
func (themisStaking *ThemisStaking) TryPackSignerUsed(arg0 common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("signerUsed", arg0)
}

// UnpackSignerUsed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0f7022b9.
//
// Solidity: function signerUsed(address ) view returns(bool)
func (themisStaking *ThemisStaking) UnpackSignerUsed(data []byte) (bool, error) {
	out, err := themisStaking.abi.Unpack("signerUsed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSlash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x89ee1d65.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function slash(uint256 id, uint256 amount, uint8 severity, bytes32 offenceId) returns(uint256 escrowId)
func (themisStaking *ThemisStaking) PackSlash(id *big.Int, amount *big.Int, severity uint8, offenceId [32]byte) []byte {
	enc, err := themisStaking.abi.Pack("slash", id, amount, severity, offenceId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSlash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x89ee1d65.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function slash(uint256 id, uint256 amount, uint8 severity, bytes32 offenceId) returns(uint256 escrowId)
func (themisStaking *ThemisStaking) TryPackSlash(id *big.Int, amount *big.Int, severity uint8, offenceId [32]byte) ([]byte, error) {
	return themisStaking.abi.Pack("slash", id, amount, severity, offenceId)
}

// UnpackSlash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x89ee1d65.
//
// Solidity: function slash(uint256 id, uint256 amount, uint8 severity, bytes32 offenceId) returns(uint256 escrowId)
func (themisStaking *ThemisStaking) UnpackSlash(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("slash", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSubmitRewardBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc7624a3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitRewardBatch(uint256 batchId, uint256[] ids, uint256[] amounts) returns()
func (themisStaking *ThemisStaking) PackSubmitRewardBatch(batchId *big.Int, ids []*big.Int, amounts []*big.Int) []byte {
	enc, err := themisStaking.abi.Pack("submitRewardBatch", batchId, ids, amounts)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitRewardBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc7624a3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitRewardBatch(uint256 batchId, uint256[] ids, uint256[] amounts) returns()
func (themisStaking *ThemisStaking) TryPackSubmitRewardBatch(batchId *big.Int, ids []*big.Int, amounts []*big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("submitRewardBatch", batchId, ids, amounts)
}

// PackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function token() view returns(address)
func (themisStaking *ThemisStaking) PackToken() []byte {
	enc, err := themisStaking.abi.Pack("token")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function token() view returns(address)
func (themisStaking *ThemisStaking) TryPackToken() ([]byte, error) {
	return themisStaking.abi.Pack("token")
}

// UnpackToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (themisStaking *ThemisStaking) UnpackToken(data []byte) (common.Address, error) {
	out, err := themisStaking.abi.Unpack("token", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (themisStaking *ThemisStaking) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := themisStaking.abi.Pack("transferOwnership", newOwner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (themisStaking *ThemisStaking) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("transferOwnership", newOwner)
}

// PackTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61d027b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function treasury() view returns(address)
func (themisStaking *ThemisStaking) PackTreasury() []byte {
	enc, err := themisStaking.abi.Pack("treasury")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61d027b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function treasury() view returns(address)
func (themisStaking *ThemisStaking) TryPackTreasury() ([]byte, error) {
	return themisStaking.abi.Pack("treasury")
}

// UnpackTreasury is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x61d027b3.
//
// Solidity: function treasury() view returns(address)
func (themisStaking *ThemisStaking) UnpackTreasury(data []byte) (common.Address, error) {
	out, err := themisStaking.abi.Unpack("treasury", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackUnpause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f4ba83a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unpause() returns()
func (themisStaking *ThemisStaking) PackUnpause() []byte {
	enc, err := themisStaking.abi.Pack("unpause")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnpause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f4ba83a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unpause() returns()
func (themisStaking *ThemisStaking) TryPackUnpause() ([]byte, error) {
	return themisStaking.abi.Pack("unpause")
}

// PackUpdateSigner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf41a9642.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateSigner(uint256 id, bytes newPubkey) returns()
func (themisStaking *ThemisStaking) PackUpdateSigner(id *big.Int, newPubkey []byte) []byte {
	enc, err := themisStaking.abi.Pack("updateSigner", id, newPubkey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateSigner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf41a9642.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateSigner(uint256 id, bytes newPubkey) returns()
func (themisStaking *ThemisStaking) TryPackUpdateSigner(id *big.Int, newPubkey []byte) ([]byte, error) {
	return themisStaking.abi.Pack("updateSigner", id, newPubkey)
}

// PackWhitelisted is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd936547e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function whitelisted(address ) view returns(bool)
func (themisStaking *ThemisStaking) PackWhitelisted(arg0 common.Address) []byte {
	enc, err := themisStaking.abi.Pack("whitelisted", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWhitelisted is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd936547e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function whitelisted(address ) view returns(bool)
func (themisStaking *ThemisStaking) TryPackWhitelisted(arg0 common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("whitelisted", arg0)
}

// UnpackWhitelisted is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd936547e.
//
// Solidity: function whitelisted(address ) view returns(bool)
func (themisStaking *ThemisStaking) UnpackWhitelisted(data []byte) (bool, error) {
	out, err := themisStaking.abi.Unpack("whitelisted", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x441a3e70.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw(uint256 id, uint256 amount) returns()
func (themisStaking *ThemisStaking) PackWithdraw(id *big.Int, amount *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("withdraw", id, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x441a3e70.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdraw(uint256 id, uint256 amount) returns()
func (themisStaking *ThemisStaking) TryPackWithdraw(id *big.Int, amount *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("withdraw", id, amount)
}

// PackWithdrawRewards is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9342c8f4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdrawRewards(uint256 id) returns()
func (themisStaking *ThemisStaking) PackWithdrawRewards(id *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("withdrawRewards", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdrawRewards is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9342c8f4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdrawRewards(uint256 id) returns()
func (themisStaking *ThemisStaking) TryPackWithdrawRewards(id *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("withdrawRewards", id)
}

// ThemisStakingBootstrapEnded represents a BootstrapEnded event raised by the ThemisStaking contract.
type ThemisStakingBootstrapEnded struct {
	PoolAddress common.Address
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingBootstrapEndedEventName = "BootstrapEnded"

// ContractEventName returns the user-defined event name.
func (ThemisStakingBootstrapEnded) ContractEventName() string {
	return ThemisStakingBootstrapEndedEventName
}

// UnpackBootstrapEndedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BootstrapEnded(address indexed poolAddress)
func (themisStaking *ThemisStaking) UnpackBootstrapEndedEvent(log *types.Log) (*ThemisStakingBootstrapEnded, error) {
	event := "BootstrapEnded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingBootstrapEnded)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingEscrowRefunded represents a EscrowRefunded event raised by the ThemisStaking contract.
type ThemisStakingEscrowRefunded struct {
	EscrowId    *big.Int
	SequencerId *big.Int
	Recipient   common.Address
	Amount      *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingEscrowRefundedEventName = "EscrowRefunded"

// ContractEventName returns the user-defined event name.
func (ThemisStakingEscrowRefunded) ContractEventName() string {
	return ThemisStakingEscrowRefundedEventName
}

// UnpackEscrowRefundedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EscrowRefunded(uint256 indexed escrowId, uint256 indexed sequencerId, address indexed recipient, uint256 amount)
func (themisStaking *ThemisStaking) UnpackEscrowRefundedEvent(log *types.Log) (*ThemisStakingEscrowRefunded, error) {
	event := "EscrowRefunded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingEscrowRefunded)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingEscrowReleased represents a EscrowReleased event raised by the ThemisStaking contract.
type ThemisStakingEscrowReleased struct {
	EscrowId    *big.Int
	SequencerId *big.Int
	Treasury    common.Address
	Amount      *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingEscrowReleasedEventName = "EscrowReleased"

// ContractEventName returns the user-defined event name.
func (ThemisStakingEscrowReleased) ContractEventName() string {
	return ThemisStakingEscrowReleasedEventName
}

// UnpackEscrowReleasedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EscrowReleased(uint256 indexed escrowId, uint256 indexed sequencerId, address indexed treasury, uint256 amount)
func (themisStaking *ThemisStaking) UnpackEscrowReleasedEvent(log *types.Log) (*ThemisStakingEscrowReleased, error) {
	event := "EscrowReleased"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingEscrowReleased)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingExitDelayUpdated represents a ExitDelayUpdated event raised by the ThemisStaking contract.
type ThemisStakingExitDelayUpdated struct {
	ExitDelay *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const ThemisStakingExitDelayUpdatedEventName = "ExitDelayUpdated"

// ContractEventName returns the user-defined event name.
func (ThemisStakingExitDelayUpdated) ContractEventName() string {
	return ThemisStakingExitDelayUpdatedEventName
}

// UnpackExitDelayUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ExitDelayUpdated(uint256 exitDelay)
func (themisStaking *ThemisStaking) UnpackExitDelayUpdatedEvent(log *types.Log) (*ThemisStakingExitDelayUpdated, error) {
	event := "ExitDelayUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingExitDelayUpdated)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingLockLimitsUpdated represents a LockLimitsUpdated event raised by the ThemisStaking contract.
type ThemisStakingLockLimitsUpdated struct {
	MinLock *big.Int
	MaxLock *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const ThemisStakingLockLimitsUpdatedEventName = "LockLimitsUpdated"

// ContractEventName returns the user-defined event name.
func (ThemisStakingLockLimitsUpdated) ContractEventName() string {
	return ThemisStakingLockLimitsUpdatedEventName
}

// UnpackLockLimitsUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event LockLimitsUpdated(uint256 minLock, uint256 maxLock)
func (themisStaking *ThemisStaking) UnpackLockLimitsUpdatedEvent(log *types.Log) (*ThemisStakingLockLimitsUpdated, error) {
	event := "LockLimitsUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingLockLimitsUpdated)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingLocked represents a Locked event raised by the ThemisStaking contract.
type ThemisStakingLocked struct {
	SequencerId     *big.Int
	Owner           common.Address
	Signer          common.Address
	Pubkey          []byte
	Amount          *big.Int
	RewardRecipient common.Address
	Nonce           *big.Int
	Raw             *types.Log // Blockchain specific contextual infos
}

const ThemisStakingLockedEventName = "Locked"

// ContractEventName returns the user-defined event name.
func (ThemisStakingLocked) ContractEventName() string {
	return ThemisStakingLockedEventName
}

// UnpackLockedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Locked(uint256 indexed sequencerId, address indexed owner, address indexed signer, bytes pubkey, uint256 amount, address rewardRecipient, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackLockedEvent(log *types.Log) (*ThemisStakingLocked, error) {
	event := "Locked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingLocked)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingOwnershipTransferred represents a OwnershipTransferred event raised by the ThemisStaking contract.
type ThemisStakingOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const ThemisStakingOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (ThemisStakingOwnershipTransferred) ContractEventName() string {
	return ThemisStakingOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (themisStaking *ThemisStaking) UnpackOwnershipTransferredEvent(log *types.Log) (*ThemisStakingOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingPaused represents a Paused event raised by the ThemisStaking contract.
type ThemisStakingPaused struct {
	Account common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const ThemisStakingPausedEventName = "Paused"

// ContractEventName returns the user-defined event name.
func (ThemisStakingPaused) ContractEventName() string {
	return ThemisStakingPausedEventName
}

// UnpackPausedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Paused(address indexed account)
func (themisStaking *ThemisStaking) UnpackPausedEvent(log *types.Log) (*ThemisStakingPaused, error) {
	event := "Paused"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingPaused)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingPoolAddressUpdated represents a PoolAddressUpdated event raised by the ThemisStaking contract.
type ThemisStakingPoolAddressUpdated struct {
	PreviousPool common.Address
	NewPool      common.Address
	UpdatedBy    common.Address
	Raw          *types.Log // Blockchain specific contextual infos
}

const ThemisStakingPoolAddressUpdatedEventName = "PoolAddressUpdated"

// ContractEventName returns the user-defined event name.
func (ThemisStakingPoolAddressUpdated) ContractEventName() string {
	return ThemisStakingPoolAddressUpdatedEventName
}

// UnpackPoolAddressUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PoolAddressUpdated(address indexed previousPool, address indexed newPool, address indexed updatedBy)
func (themisStaking *ThemisStaking) UnpackPoolAddressUpdatedEvent(log *types.Log) (*ThemisStakingPoolAddressUpdated, error) {
	event := "PoolAddressUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingPoolAddressUpdated)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingRelocked represents a Relocked event raised by the ThemisStaking contract.
type ThemisStakingRelocked struct {
	SequencerId *big.Int
	Amount      *big.Int
	Total       *big.Int
	Nonce       *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingRelockedEventName = "Relocked"

// ContractEventName returns the user-defined event name.
func (ThemisStakingRelocked) ContractEventName() string {
	return ThemisStakingRelockedEventName
}

// UnpackRelockedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Relocked(uint256 indexed sequencerId, uint256 amount, uint256 total, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackRelockedEvent(log *types.Log) (*ThemisStakingRelocked, error) {
	event := "Relocked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingRelocked)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingRewardBatchSubmitted represents a RewardBatchSubmitted event raised by the ThemisStaking contract.
type ThemisStakingRewardBatchSubmitted struct {
	BatchId *big.Int
	Count   *big.Int
	Total   *big.Int
	Reserve *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const ThemisStakingRewardBatchSubmittedEventName = "RewardBatchSubmitted"

// ContractEventName returns the user-defined event name.
func (ThemisStakingRewardBatchSubmitted) ContractEventName() string {
	return ThemisStakingRewardBatchSubmittedEventName
}

// UnpackRewardBatchSubmittedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardBatchSubmitted(uint256 indexed batchId, uint256 count, uint256 total, uint256 reserve)
func (themisStaking *ThemisStaking) UnpackRewardBatchSubmittedEvent(log *types.Log) (*ThemisStakingRewardBatchSubmitted, error) {
	event := "RewardBatchSubmitted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingRewardBatchSubmitted)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingRewardCredited represents a RewardCredited event raised by the ThemisStaking contract.
type ThemisStakingRewardCredited struct {
	SequencerId *big.Int
	BatchId     *big.Int
	Amount      *big.Int
	Pending     *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingRewardCreditedEventName = "RewardCredited"

// ContractEventName returns the user-defined event name.
func (ThemisStakingRewardCredited) ContractEventName() string {
	return ThemisStakingRewardCreditedEventName
}

// UnpackRewardCreditedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardCredited(uint256 indexed sequencerId, uint256 indexed batchId, uint256 amount, uint256 pending)
func (themisStaking *ThemisStaking) UnpackRewardCreditedEvent(log *types.Log) (*ThemisStakingRewardCredited, error) {
	event := "RewardCredited"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingRewardCredited)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingRewardRecipientUpdated represents a RewardRecipientUpdated event raised by the ThemisStaking contract.
type ThemisStakingRewardRecipientUpdated struct {
	SequencerId       *big.Int
	PreviousRecipient common.Address
	NewRecipient      common.Address
	Raw               *types.Log // Blockchain specific contextual infos
}

const ThemisStakingRewardRecipientUpdatedEventName = "RewardRecipientUpdated"

// ContractEventName returns the user-defined event name.
func (ThemisStakingRewardRecipientUpdated) ContractEventName() string {
	return ThemisStakingRewardRecipientUpdatedEventName
}

// UnpackRewardRecipientUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardRecipientUpdated(uint256 indexed sequencerId, address indexed previousRecipient, address indexed newRecipient)
func (themisStaking *ThemisStaking) UnpackRewardRecipientUpdatedEvent(log *types.Log) (*ThemisStakingRewardRecipientUpdated, error) {
	event := "RewardRecipientUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingRewardRecipientUpdated)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingRewardsFunded represents a RewardsFunded event raised by the ThemisStaking contract.
type ThemisStakingRewardsFunded struct {
	Funder  common.Address
	Amount  *big.Int
	Reserve *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const ThemisStakingRewardsFundedEventName = "RewardsFunded"

// ContractEventName returns the user-defined event name.
func (ThemisStakingRewardsFunded) ContractEventName() string {
	return ThemisStakingRewardsFundedEventName
}

// UnpackRewardsFundedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardsFunded(address indexed funder, uint256 amount, uint256 reserve)
func (themisStaking *ThemisStaking) UnpackRewardsFundedEvent(log *types.Log) (*ThemisStakingRewardsFunded, error) {
	event := "RewardsFunded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingRewardsFunded)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingRewardsWithdrawn represents a RewardsWithdrawn event raised by the ThemisStaking contract.
type ThemisStakingRewardsWithdrawn struct {
	SequencerId *big.Int
	Recipient   common.Address
	Amount      *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingRewardsWithdrawnEventName = "RewardsWithdrawn"

// ContractEventName returns the user-defined event name.
func (ThemisStakingRewardsWithdrawn) ContractEventName() string {
	return ThemisStakingRewardsWithdrawnEventName
}

// UnpackRewardsWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardsWithdrawn(uint256 indexed sequencerId, address indexed recipient, uint256 amount)
func (themisStaking *ThemisStaking) UnpackRewardsWithdrawnEvent(log *types.Log) (*ThemisStakingRewardsWithdrawn, error) {
	event := "RewardsWithdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingRewardsWithdrawn)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingSignerChanged represents a SignerChanged event raised by the ThemisStaking contract.
type ThemisStakingSignerChanged struct {
	SequencerId *big.Int
	OldSigner   common.Address
	NewSigner   common.Address
	NewPubkey   []byte
	Nonce       *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingSignerChangedEventName = "SignerChanged"

// ContractEventName returns the user-defined event name.
func (ThemisStakingSignerChanged) ContractEventName() string {
	return ThemisStakingSignerChangedEventName
}

// UnpackSignerChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event SignerChanged(uint256 indexed sequencerId, address indexed oldSigner, address indexed newSigner, bytes newPubkey, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackSignerChangedEvent(log *types.Log) (*ThemisStakingSignerChanged, error) {
	event := "SignerChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingSignerChanged)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingSlashed represents a Slashed event raised by the ThemisStaking contract.
type ThemisStakingSlashed struct {
	SequencerId *big.Int
	EscrowId    *big.Int
	OffenceId   [32]byte
	Severity    uint8
	Amount      *big.Int
	Total       *big.Int
	Nonce       *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingSlashedEventName = "Slashed"

// ContractEventName returns the user-defined event name.
func (ThemisStakingSlashed) ContractEventName() string {
	return ThemisStakingSlashedEventName
}

// UnpackSlashedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Slashed(uint256 indexed sequencerId, uint256 indexed escrowId, bytes32 indexed offenceId, uint8 severity, uint256 amount, uint256 total, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackSlashedEvent(log *types.Log) (*ThemisStakingSlashed, error) {
	event := "Slashed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingSlashed)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingTreasuryUpdated represents a TreasuryUpdated event raised by the ThemisStaking contract.
type ThemisStakingTreasuryUpdated struct {
	PreviousTreasury common.Address
	NewTreasury      common.Address
	Raw              *types.Log // Blockchain specific contextual infos
}

const ThemisStakingTreasuryUpdatedEventName = "TreasuryUpdated"

// ContractEventName returns the user-defined event name.
func (ThemisStakingTreasuryUpdated) ContractEventName() string {
	return ThemisStakingTreasuryUpdatedEventName
}

// UnpackTreasuryUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TreasuryUpdated(address indexed previousTreasury, address indexed newTreasury)
func (themisStaking *ThemisStaking) UnpackTreasuryUpdatedEvent(log *types.Log) (*ThemisStakingTreasuryUpdated, error) {
	event := "TreasuryUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingTreasuryUpdated)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingUnlockClaimed represents a UnlockClaimed event raised by the ThemisStaking contract.
type ThemisStakingUnlockClaimed struct {
	SequencerId *big.Int
	Amount      *big.Int
	Nonce       *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingUnlockClaimedEventName = "UnlockClaimed"

// ContractEventName returns the user-defined event name.
func (ThemisStakingUnlockClaimed) ContractEventName() string {
	return ThemisStakingUnlockClaimedEventName
}

// UnpackUnlockClaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event UnlockClaimed(uint256 indexed sequencerId, uint256 amount, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackUnlockClaimedEvent(log *types.Log) (*ThemisStakingUnlockClaimed, error) {
	event := "UnlockClaimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingUnlockClaimed)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingUnlockInitiated represents a UnlockInitiated event raised by the ThemisStaking contract.
type ThemisStakingUnlockInitiated struct {
	SequencerId  *big.Int
	UnlockableAt *big.Int
	Nonce        *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const ThemisStakingUnlockInitiatedEventName = "UnlockInitiated"

// ContractEventName returns the user-defined event name.
func (ThemisStakingUnlockInitiated) ContractEventName() string {
	return ThemisStakingUnlockInitiatedEventName
}

// UnpackUnlockInitiatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event UnlockInitiated(uint256 indexed sequencerId, uint256 unlockableAt, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackUnlockInitiatedEvent(log *types.Log) (*ThemisStakingUnlockInitiated, error) {
	event := "UnlockInitiated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingUnlockInitiated)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingUnpaused represents a Unpaused event raised by the ThemisStaking contract.
type ThemisStakingUnpaused struct {
	Account common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const ThemisStakingUnpausedEventName = "Unpaused"

// ContractEventName returns the user-defined event name.
func (ThemisStakingUnpaused) ContractEventName() string {
	return ThemisStakingUnpausedEventName
}

// UnpackUnpausedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unpaused(address indexed account)
func (themisStaking *ThemisStaking) UnpackUnpausedEvent(log *types.Log) (*ThemisStakingUnpaused, error) {
	event := "Unpaused"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingUnpaused)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingWhitelistUpdated represents a WhitelistUpdated event raised by the ThemisStaking contract.
type ThemisStakingWhitelistUpdated struct {
	Account common.Address
	Allowed bool
	Raw     *types.Log // Blockchain specific contextual infos
}

const ThemisStakingWhitelistUpdatedEventName = "WhitelistUpdated"

// ContractEventName returns the user-defined event name.
func (ThemisStakingWhitelistUpdated) ContractEventName() string {
	return ThemisStakingWhitelistUpdatedEventName
}

// UnpackWhitelistUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event WhitelistUpdated(address indexed account, bool allowed)
func (themisStaking *ThemisStaking) UnpackWhitelistUpdatedEvent(log *types.Log) (*ThemisStakingWhitelistUpdated, error) {
	event := "WhitelistUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingWhitelistUpdated)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingWithdrawn represents a Withdrawn event raised by the ThemisStaking contract.
type ThemisStakingWithdrawn struct {
	SequencerId *big.Int
	Amount      *big.Int
	Total       *big.Int
	Nonce       *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingWithdrawnEventName = "Withdrawn"

// ContractEventName returns the user-defined event name.
func (ThemisStakingWithdrawn) ContractEventName() string {
	return ThemisStakingWithdrawnEventName
}

// UnpackWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Withdrawn(uint256 indexed sequencerId, uint256 amount, uint256 total, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackWithdrawnEvent(log *types.Log) (*ThemisStakingWithdrawn, error) {
	event := "Withdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingWithdrawn)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (themisStaking *ThemisStaking) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["AlreadyHasSequencer"].ID.Bytes()[:4]) {
		return themisStaking.UnpackAlreadyHasSequencerError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["BelowMinLock"].ID.Bytes()[:4]) {
		return themisStaking.UnpackBelowMinLockError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["BootstrapOver"].ID.Bytes()[:4]) {
		return themisStaking.UnpackBootstrapOverError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["ContractNotPaused"].ID.Bytes()[:4]) {
		return themisStaking.UnpackContractNotPausedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["ContractPaused"].ID.Bytes()[:4]) {
		return themisStaking.UnpackContractPausedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["EscrowNotReleasable"].ID.Bytes()[:4]) {
		return themisStaking.UnpackEscrowNotReleasableError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["EscrowSettled"].ID.Bytes()[:4]) {
		return themisStaking.UnpackEscrowSettledError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["ExceedsMaxLock"].ID.Bytes()[:4]) {
		return themisStaking.UnpackExceedsMaxLockError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["ExitDelayTooLong"].ID.Bytes()[:4]) {
		return themisStaking.UnpackExitDelayTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["InsufficientRewardReserve"].ID.Bytes()[:4]) {
		return themisStaking.UnpackInsufficientRewardReserveError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["InvalidLockLimits"].ID.Bytes()[:4]) {
		return themisStaking.UnpackInvalidLockLimitsError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["InvalidPubkeyLength"].ID.Bytes()[:4]) {
		return themisStaking.UnpackInvalidPubkeyLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["LengthMismatch"].ID.Bytes()[:4]) {
		return themisStaking.UnpackLengthMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["LockAmountOutOfRange"].ID.Bytes()[:4]) {
		return themisStaking.UnpackLockAmountOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NoPendingRewards"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNoPendingRewardsError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NotOwner"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNotOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NotPoolAddress"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNotPoolAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NotSequencerOwner"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNotSequencerOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NotWhitelisted"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNotWhitelistedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NothingToSlash"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNothingToSlashError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["OffenceAlreadySlashed"].ID.Bytes()[:4]) {
		return themisStaking.UnpackOffenceAlreadySlashedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["PoolAddressNotSet"].ID.Bytes()[:4]) {
		return themisStaking.UnpackPoolAddressNotSetError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["SequencerNotActive"].ID.Bytes()[:4]) {
		return themisStaking.UnpackSequencerNotActiveError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["SequencerNotUnlocking"].ID.Bytes()[:4]) {
		return themisStaking.UnpackSequencerNotUnlockingError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["SequencerUnlocked"].ID.Bytes()[:4]) {
		return themisStaking.UnpackSequencerUnlockedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["SignerAlreadyUsed"].ID.Bytes()[:4]) {
		return themisStaking.UnpackSignerAlreadyUsedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["TokenTransferFailed"].ID.Bytes()[:4]) {
		return themisStaking.UnpackTokenTransferFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["UnexpectedRewardBatch"].ID.Bytes()[:4]) {
		return themisStaking.UnpackUnexpectedRewardBatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["UnknownEscrow"].ID.Bytes()[:4]) {
		return themisStaking.UnpackUnknownEscrowError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["UnknownSequencer"].ID.Bytes()[:4]) {
		return themisStaking.UnpackUnknownSequencerError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["UnlockNotReady"].ID.Bytes()[:4]) {
		return themisStaking.UnpackUnlockNotReadyError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["WithdrawExceedsLocked"].ID.Bytes()[:4]) {
		return themisStaking.UnpackWithdrawExceedsLockedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return themisStaking.UnpackZeroAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["ZeroAmount"].ID.Bytes()[:4]) {
		return themisStaking.UnpackZeroAmountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ThemisStakingAlreadyHasSequencer represents a AlreadyHasSequencer error raised by the ThemisStaking contract.
type ThemisStakingAlreadyHasSequencer struct {
	Account     common.Address
	SequencerId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyHasSequencer(address account, uint256 sequencerId)
func ThemisStakingAlreadyHasSequencerErrorID() common.Hash {
	return common.HexToHash("0x5dc2c687e9854b20815d2b68035f05d025d006eb642ed0aafba0201b14202066")
}

// UnpackAlreadyHasSequencerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyHasSequencer(address account, uint256 sequencerId)
func (themisStaking *ThemisStaking) UnpackAlreadyHasSequencerError(raw []byte) (*ThemisStakingAlreadyHasSequencer, error) {
	out := new(ThemisStakingAlreadyHasSequencer)
	if err := themisStaking.abi.UnpackIntoInterface(out, "AlreadyHasSequencer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingBelowMinLock represents a BelowMinLock error raised by the ThemisStaking contract.
type ThemisStakingBelowMinLock struct {
	Remaining *big.Int
	MinLock   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BelowMinLock(uint256 remaining, uint256 minLock)
func ThemisStakingBelowMinLockErrorID() common.Hash {
	return common.HexToHash("0x3ae13c35755678f88c75b32c4453242f4ba8e3e1782ea9347c6add21c4d7aaf5")
}

// UnpackBelowMinLockError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BelowMinLock(uint256 remaining, uint256 minLock)
func (themisStaking *ThemisStaking) UnpackBelowMinLockError(raw []byte) (*ThemisStakingBelowMinLock, error) {
	out := new(ThemisStakingBelowMinLock)
	if err := themisStaking.abi.UnpackIntoInterface(out, "BelowMinLock", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingBootstrapOver represents a BootstrapOver error raised by the ThemisStaking contract.
type ThemisStakingBootstrapOver struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BootstrapOver()
func ThemisStakingBootstrapOverErrorID() common.Hash {
	return common.HexToHash("0xe4793b9cd6dd3ce550ebbf48a2534c9992a05b591fc4ef730386d1749c3dc6a2")
}

// UnpackBootstrapOverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BootstrapOver()
func (themisStaking *ThemisStaking) UnpackBootstrapOverError(raw []byte) (*ThemisStakingBootstrapOver, error) {
	out := new(ThemisStakingBootstrapOver)
	if err := themisStaking.abi.UnpackIntoInterface(out, "BootstrapOver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingContractNotPaused represents a ContractNotPaused error raised by the ThemisStaking contract.
type ThemisStakingContractNotPaused struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ContractNotPaused()
func ThemisStakingContractNotPausedErrorID() common.Hash {
	return common.HexToHash("0xdcdde9dd57f2c462524b1f86add9cca86585a7e19f1560bbffd143cae135b06d")
}

// UnpackContractNotPausedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ContractNotPaused()
func (themisStaking *ThemisStaking) UnpackContractNotPausedError(raw []byte) (*ThemisStakingContractNotPaused, error) {
	out := new(ThemisStakingContractNotPaused)
	if err := themisStaking.abi.UnpackIntoInterface(out, "ContractNotPaused", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingContractPaused represents a ContractPaused error raised by the ThemisStaking contract.
type ThemisStakingContractPaused struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ContractPaused()
func ThemisStakingContractPausedErrorID() common.Hash {
	return common.HexToHash("0xab35696f06e428ebc5ceba8cd17f8fed287baf43440206d1943af1ee53e6d267")
}

// UnpackContractPausedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ContractPaused()
func (themisStaking *ThemisStaking) UnpackContractPausedError(raw []byte) (*ThemisStakingContractPaused, error) {
	out := new(ThemisStakingContractPaused)
	if err := themisStaking.abi.UnpackIntoInterface(out, "ContractPaused", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingEscrowNotReleasable represents a EscrowNotReleasable error raised by the ThemisStaking contract.
type ThemisStakingEscrowNotReleasable struct {
	EscrowId     *big.Int
	ReleasableAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EscrowNotReleasable(uint256 escrowId, uint256 releasableAt)
func ThemisStakingEscrowNotReleasableErrorID() common.Hash {
	return common.HexToHash("0x248d6b5b726d27663b2bd146a43b92312e359e67396be3213f2238359e73997f")
}

// UnpackEscrowNotReleasableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EscrowNotReleasable(uint256 escrowId, uint256 releasableAt)
func (themisStaking *ThemisStaking) UnpackEscrowNotReleasableError(raw []byte) (*ThemisStakingEscrowNotReleasable, error) {
	out := new(ThemisStakingEscrowNotReleasable)
	if err := themisStaking.abi.UnpackIntoInterface(out, "EscrowNotReleasable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingEscrowSettled represents a EscrowSettled error raised by the ThemisStaking contract.
type ThemisStakingEscrowSettled struct {
	EscrowId *big.Int
	Status   uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EscrowSettled(uint256 escrowId, uint8 status)
func ThemisStakingEscrowSettledErrorID() common.Hash {
	return common.HexToHash("0x3d8469c36ce8500d73d3d6042010b4e40a50af51fa01d2fa5d0d995919bda321")
}

// UnpackEscrowSettledError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EscrowSettled(uint256 escrowId, uint8 status)
func (themisStaking *ThemisStaking) UnpackEscrowSettledError(raw []byte) (*ThemisStakingEscrowSettled, error) {
	out := new(ThemisStakingEscrowSettled)
	if err := themisStaking.abi.UnpackIntoInterface(out, "EscrowSettled", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingExceedsMaxLock represents a ExceedsMaxLock error raised by the ThemisStaking contract.
type ThemisStakingExceedsMaxLock struct {
	Total   *big.Int
	MaxLock *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExceedsMaxLock(uint256 total, uint256 maxLock)
func ThemisStakingExceedsMaxLockErrorID() common.Hash {
	return common.HexToHash("0xf4bef6131d45ffdaa10ffd2e02d7faf21145a4231e1ef0188b5a70c0d0b9bb9b")
}

// UnpackExceedsMaxLockError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExceedsMaxLock(uint256 total, uint256 maxLock)
func (themisStaking *ThemisStaking) UnpackExceedsMaxLockError(raw []byte) (*ThemisStakingExceedsMaxLock, error) {
	out := new(ThemisStakingExceedsMaxLock)
	if err := themisStaking.abi.UnpackIntoInterface(out, "ExceedsMaxLock", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingExitDelayTooLong represents a ExitDelayTooLong error raised by the ThemisStaking contract.
type ThemisStakingExitDelayTooLong struct {
	ExitDelay    *big.Int
	MaxExitDelay *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExitDelayTooLong(uint256 exitDelay, uint256 maxExitDelay)
func ThemisStakingExitDelayTooLongErrorID() common.Hash {
	return common.HexToHash("0xedfc9a6201810db96195ba4b0e66a2d945e98dd16561cb4b495bac9ded5b5398")
}

// UnpackExitDelayTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExitDelayTooLong(uint256 exitDelay, uint256 maxExitDelay)
func (themisStaking *ThemisStaking) UnpackExitDelayTooLongError(raw []byte) (*ThemisStakingExitDelayTooLong, error) {
	out := new(ThemisStakingExitDelayTooLong)
	if err := themisStaking.abi.UnpackIntoInterface(out, "ExitDelayTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingInsufficientRewardReserve represents a InsufficientRewardReserve error raised by the ThemisStaking contract.
type ThemisStakingInsufficientRewardReserve struct {
	Needed    *big.Int
	Available *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientRewardReserve(uint256 needed, uint256 available)
func ThemisStakingInsufficientRewardReserveErrorID() common.Hash {
	return common.HexToHash("0x92b5c20862b47a58c1caf2af7632468599b85570d2c448f3c23213962d8c32df")
}

// UnpackInsufficientRewardReserveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientRewardReserve(uint256 needed, uint256 available)
func (themisStaking *ThemisStaking) UnpackInsufficientRewardReserveError(raw []byte) (*ThemisStakingInsufficientRewardReserve, error) {
	out := new(ThemisStakingInsufficientRewardReserve)
	if err := themisStaking.abi.UnpackIntoInterface(out, "InsufficientRewardReserve", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingInvalidLockLimits represents a InvalidLockLimits error raised by the ThemisStaking contract.
type ThemisStakingInvalidLockLimits struct {
	MinLock *big.Int
	MaxLock *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidLockLimits(uint256 minLock, uint256 maxLock)
func ThemisStakingInvalidLockLimitsErrorID() common.Hash {
	return common.HexToHash("0xa472c1b49caff0ff905274c67fd2df98233606333d687b35eb59ad58ec72d8d1")
}

// UnpackInvalidLockLimitsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidLockLimits(uint256 minLock, uint256 maxLock)
func (themisStaking *ThemisStaking) UnpackInvalidLockLimitsError(raw []byte) (*ThemisStakingInvalidLockLimits, error) {
	out := new(ThemisStakingInvalidLockLimits)
	if err := themisStaking.abi.UnpackIntoInterface(out, "InvalidLockLimits", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingInvalidPubkeyLength represents a InvalidPubkeyLength error raised by the ThemisStaking contract.
type ThemisStakingInvalidPubkeyLength struct {
	Length *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidPubkeyLength(uint256 length)
func ThemisStakingInvalidPubkeyLengthErrorID() common.Hash {
	return common.HexToHash("0x0aa7fd2cd1c6ac016ce81cc3e729b3ba99ddbe04ddad2f6e5d70a35dd531ac09")
}

// UnpackInvalidPubkeyLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidPubkeyLength(uint256 length)
func (themisStaking *ThemisStaking) UnpackInvalidPubkeyLengthError(raw []byte) (*ThemisStakingInvalidPubkeyLength, error) {
	out := new(ThemisStakingInvalidPubkeyLength)
	if err := themisStaking.abi.UnpackIntoInterface(out, "InvalidPubkeyLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingLengthMismatch represents a LengthMismatch error raised by the ThemisStaking contract.
type ThemisStakingLengthMismatch struct {
	Ids     *big.Int
	Amounts *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error LengthMismatch(uint256 ids, uint256 amounts)
func ThemisStakingLengthMismatchErrorID() common.Hash {
	return common.HexToHash("0xab8b67c6893c59617ef3ba4b4b942e9791f2572db2fdb32028356532f3b7396a")
}

// UnpackLengthMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error LengthMismatch(uint256 ids, uint256 amounts)
func (themisStaking *ThemisStaking) UnpackLengthMismatchError(raw []byte) (*ThemisStakingLengthMismatch, error) {
	out := new(ThemisStakingLengthMismatch)
	if err := themisStaking.abi.UnpackIntoInterface(out, "LengthMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingLockAmountOutOfRange represents a LockAmountOutOfRange error raised by the ThemisStaking contract.
type ThemisStakingLockAmountOutOfRange struct {
	Amount  *big.Int
	MinLock *big.Int
	MaxLock *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error LockAmountOutOfRange(uint256 amount, uint256 minLock, uint256 maxLock)
func ThemisStakingLockAmountOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0xb113e898a2fc244724f8b58def20327cc7ab47d5918f3ff796efd82476cd77b0")
}

// UnpackLockAmountOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error LockAmountOutOfRange(uint256 amount, uint256 minLock, uint256 maxLock)
func (themisStaking *ThemisStaking) UnpackLockAmountOutOfRangeError(raw []byte) (*ThemisStakingLockAmountOutOfRange, error) {
	out := new(ThemisStakingLockAmountOutOfRange)
	if err := themisStaking.abi.UnpackIntoInterface(out, "LockAmountOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNoPendingRewards represents a NoPendingRewards error raised by the ThemisStaking contract.
type ThemisStakingNoPendingRewards struct {
	SequencerId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoPendingRewards(uint256 sequencerId)
func ThemisStakingNoPendingRewardsErrorID() common.Hash {
	return common.HexToHash("0x7ec8ecf48680abfa080feb04d27ca39b178a8e6d1d923ec4b18059debb32fe1f")
}

// UnpackNoPendingRewardsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoPendingRewards(uint256 sequencerId)
func (themisStaking *ThemisStaking) UnpackNoPendingRewardsError(raw []byte) (*ThemisStakingNoPendingRewards, error) {
	out := new(ThemisStakingNoPendingRewards)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NoPendingRewards", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNotOwner represents a NotOwner error raised by the ThemisStaking contract.
type ThemisStakingNotOwner struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotOwner(address caller)
func ThemisStakingNotOwnerErrorID() common.Hash {
	return common.HexToHash("0x245aecd3fabbd17d6c3c92dc7f0ab916ea8cbf6fc1862c8b56893090ac3fff4c")
}

// UnpackNotOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotOwner(address caller)
func (themisStaking *ThemisStaking) UnpackNotOwnerError(raw []byte) (*ThemisStakingNotOwner, error) {
	out := new(ThemisStakingNotOwner)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NotOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNotPoolAddress represents a NotPoolAddress error raised by the ThemisStaking contract.
type ThemisStakingNotPoolAddress struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPoolAddress(address caller)
func ThemisStakingNotPoolAddressErrorID() common.Hash {
	return common.HexToHash("0xc8174e38bcd7853d880373c03d2d7e833305aec29694551af549ae7a49798488")
}

// UnpackNotPoolAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPoolAddress(address caller)
func (themisStaking *ThemisStaking) UnpackNotPoolAddressError(raw []byte) (*ThemisStakingNotPoolAddress, error) {
	out := new(ThemisStakingNotPoolAddress)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NotPoolAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNotSequencerOwner represents a NotSequencerOwner error raised by the ThemisStaking contract.
type ThemisStakingNotSequencerOwner struct {
	SequencerId *big.Int
	Caller      common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotSequencerOwner(uint256 sequencerId, address caller)
func ThemisStakingNotSequencerOwnerErrorID() common.Hash {
	return common.HexToHash("0xf21f11cb5ff102986584a03b8f4a718fba096a860d8a41c549176645f9535719")
}

// UnpackNotSequencerOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotSequencerOwner(uint256 sequencerId, address caller)
func (themisStaking *ThemisStaking) UnpackNotSequencerOwnerError(raw []byte) (*ThemisStakingNotSequencerOwner, error) {
	out := new(ThemisStakingNotSequencerOwner)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NotSequencerOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNotWhitelisted represents a NotWhitelisted error raised by the ThemisStaking contract.
type ThemisStakingNotWhitelisted struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotWhitelisted(address account)
func ThemisStakingNotWhitelistedErrorID() common.Hash {
	return common.HexToHash("0xdf17e316032919b4d020f3d17715bf5a2981e17bdf01d2032cf9085963ea2ba8")
}

// UnpackNotWhitelistedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotWhitelisted(address account)
func (themisStaking *ThemisStaking) UnpackNotWhitelistedError(raw []byte) (*ThemisStakingNotWhitelisted, error) {
	out := new(ThemisStakingNotWhitelisted)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NotWhitelisted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNothingToSlash represents a NothingToSlash error raised by the ThemisStaking contract.
type ThemisStakingNothingToSlash struct {
	SequencerId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NothingToSlash(uint256 sequencerId)
func ThemisStakingNothingToSlashErrorID() common.Hash {
	return common.HexToHash("0x9bdb1abeff28ede8c217ecc74fa9be3bcc2eda15b7680788e48d3abd44e0fe62")
}

// UnpackNothingToSlashError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NothingToSlash(uint256 sequencerId)
func (themisStaking *ThemisStaking) UnpackNothingToSlashError(raw []byte) (*ThemisStakingNothingToSlash, error) {
	out := new(ThemisStakingNothingToSlash)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NothingToSlash", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingOffenceAlreadySlashed represents a OffenceAlreadySlashed error raised by the ThemisStaking contract.
type ThemisStakingOffenceAlreadySlashed struct {
	OffenceId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OffenceAlreadySlashed(bytes32 offenceId)
func ThemisStakingOffenceAlreadySlashedErrorID() common.Hash {
	return common.HexToHash("0xc13e5d4bba0413b7a221b99683064edab6346b27ee08602850ff56c6f2c2005f")
}

// UnpackOffenceAlreadySlashedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OffenceAlreadySlashed(bytes32 offenceId)
func (themisStaking *ThemisStaking) UnpackOffenceAlreadySlashedError(raw []byte) (*ThemisStakingOffenceAlreadySlashed, error) {
	out := new(ThemisStakingOffenceAlreadySlashed)
	if err := themisStaking.abi.UnpackIntoInterface(out, "OffenceAlreadySlashed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingPoolAddressNotSet represents a PoolAddressNotSet error raised by the ThemisStaking contract.
type ThemisStakingPoolAddressNotSet struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PoolAddressNotSet()
func ThemisStakingPoolAddressNotSetErrorID() common.Hash {
	return common.HexToHash("0xf5033bf2ecd5e9eedf5e25c15e83d58dc83681fb445d87d21c4b97d190d6d253")
}

// UnpackPoolAddressNotSetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PoolAddressNotSet()
func (themisStaking *ThemisStaking) UnpackPoolAddressNotSetError(raw []byte) (*ThemisStakingPoolAddressNotSet, error) {
	out := new(ThemisStakingPoolAddressNotSet)
	if err := themisStaking.abi.UnpackIntoInterface(out, "PoolAddressNotSet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingSequencerNotActive represents a SequencerNotActive error raised by the ThemisStaking contract.
type ThemisStakingSequencerNotActive struct {
	SequencerId *big.Int
	Status      uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SequencerNotActive(uint256 sequencerId, uint8 status)
func ThemisStakingSequencerNotActiveErrorID() common.Hash {
	return common.HexToHash("0x67b123f8efef010823cdd559ee3df2d8134b662d0600cf3b0f28a3bc0257d3b0")
}

// UnpackSequencerNotActiveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SequencerNotActive(uint256 sequencerId, uint8 status)
func (themisStaking *ThemisStaking) UnpackSequencerNotActiveError(raw []byte) (*ThemisStakingSequencerNotActive, error) {
	out := new(ThemisStakingSequencerNotActive)
	if err := themisStaking.abi.UnpackIntoInterface(out, "SequencerNotActive", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingSequencerNotUnlocking represents a SequencerNotUnlocking error raised by the ThemisStaking contract.
type ThemisStakingSequencerNotUnlocking struct {
	SequencerId *big.Int
	Status      uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SequencerNotUnlocking(uint256 sequencerId, uint8 status)
func ThemisStakingSequencerNotUnlockingErrorID() common.Hash {
	return common.HexToHash("0x9a9ee6b5e7590aa4285fb5fe3d52fb3dd612aafe42db0dea0e08ccba4aad15b2")
}

// UnpackSequencerNotUnlockingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SequencerNotUnlocking(uint256 sequencerId, uint8 status)
func (themisStaking *ThemisStaking) UnpackSequencerNotUnlockingError(raw []byte) (*ThemisStakingSequencerNotUnlocking, error) {
	out := new(ThemisStakingSequencerNotUnlocking)
	if err := themisStaking.abi.UnpackIntoInterface(out, "SequencerNotUnlocking", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingSequencerUnlocked represents a SequencerUnlocked error raised by the ThemisStaking contract.
type ThemisStakingSequencerUnlocked struct {
	SequencerId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SequencerUnlocked(uint256 sequencerId)
func ThemisStakingSequencerUnlockedErrorID() common.Hash {
	return common.HexToHash("0x6b2048c512cac1fb48d9b5f056d5601c0cdc44e788ef9fc4607b439fa9c759a7")
}

// UnpackSequencerUnlockedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SequencerUnlocked(uint256 sequencerId)
func (themisStaking *ThemisStaking) UnpackSequencerUnlockedError(raw []byte) (*ThemisStakingSequencerUnlocked, error) {
	out := new(ThemisStakingSequencerUnlocked)
	if err := themisStaking.abi.UnpackIntoInterface(out, "SequencerUnlocked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingSignerAlreadyUsed represents a SignerAlreadyUsed error raised by the ThemisStaking contract.
type ThemisStakingSignerAlreadyUsed struct {
	Signer common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignerAlreadyUsed(address signer)
func ThemisStakingSignerAlreadyUsedErrorID() common.Hash {
	return common.HexToHash("0xaa6a4d5ca7963a863e599265a255d71c39acb92c6477b7fd70ea8788cf20d0c3")
}

// UnpackSignerAlreadyUsedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignerAlreadyUsed(address signer)
func (themisStaking *ThemisStaking) UnpackSignerAlreadyUsedError(raw []byte) (*ThemisStakingSignerAlreadyUsed, error) {
	out := new(ThemisStakingSignerAlreadyUsed)
	if err := themisStaking.abi.UnpackIntoInterface(out, "SignerAlreadyUsed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingTokenTransferFailed represents a TokenTransferFailed error raised by the ThemisStaking contract.
type ThemisStakingTokenTransferFailed struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TokenTransferFailed(address token)
func ThemisStakingTokenTransferFailedErrorID() common.Hash {
	return common.HexToHash("0x2b596cb7e9804a5202312682f04514d7f31332b7e5ffeaad4ba2ee9969d1d7d0")
}

// UnpackTokenTransferFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TokenTransferFailed(address token)
func (themisStaking *ThemisStaking) UnpackTokenTransferFailedError(raw []byte) (*ThemisStakingTokenTransferFailed, error) {
	out := new(ThemisStakingTokenTransferFailed)
	if err := themisStaking.abi.UnpackIntoInterface(out, "TokenTransferFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingUnexpectedRewardBatch represents a UnexpectedRewardBatch error raised by the ThemisStaking contract.
type ThemisStakingUnexpectedRewardBatch struct {
	Expected *big.Int
	Got      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnexpectedRewardBatch(uint256 expected, uint256 got)
func ThemisStakingUnexpectedRewardBatchErrorID() common.Hash {
	return common.HexToHash("0x3491ad7450692e3246bd8887bddbaabf7cb86b787096786b858f9656d5f7dec1")
}

// UnpackUnexpectedRewardBatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnexpectedRewardBatch(uint256 expected, uint256 got)
func (themisStaking *ThemisStaking) UnpackUnexpectedRewardBatchError(raw []byte) (*ThemisStakingUnexpectedRewardBatch, error) {
	out := new(ThemisStakingUnexpectedRewardBatch)
	if err := themisStaking.abi.UnpackIntoInterface(out, "UnexpectedRewardBatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingUnknownEscrow represents a UnknownEscrow error raised by the ThemisStaking contract.
type ThemisStakingUnknownEscrow struct {
	EscrowId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownEscrow(uint256 escrowId)
func ThemisStakingUnknownEscrowErrorID() common.Hash {
	return common.HexToHash("0x198411553e40da89a94e88a1dd702a67a249a16f25b6c01bbbc6d3efcff57bc1")
}

// UnpackUnknownEscrowError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownEscrow(uint256 escrowId)
func (themisStaking *ThemisStaking) UnpackUnknownEscrowError(raw []byte) (*ThemisStakingUnknownEscrow, error) {
	out := new(ThemisStakingUnknownEscrow)
	if err := themisStaking.abi.UnpackIntoInterface(out, "UnknownEscrow", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingUnknownSequencer represents a UnknownSequencer error raised by the ThemisStaking contract.
type ThemisStakingUnknownSequencer struct {
	SequencerId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownSequencer(uint256 sequencerId)
func ThemisStakingUnknownSequencerErrorID() common.Hash {
	return common.HexToHash("0x717c3e93c6a05fd03a4fcdf119c65b2bf1b75e2ba3195e84aac8847ee2b7b942")
}

// UnpackUnknownSequencerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownSequencer(uint256 sequencerId)
func (themisStaking *ThemisStaking) UnpackUnknownSequencerError(raw []byte) (*ThemisStakingUnknownSequencer, error) {
	out := new(ThemisStakingUnknownSequencer)
	if err := themisStaking.abi.UnpackIntoInterface(out, "UnknownSequencer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingUnlockNotReady represents a UnlockNotReady error raised by the ThemisStaking contract.
type ThemisStakingUnlockNotReady struct {
	SequencerId  *big.Int
	UnlockableAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnlockNotReady(uint256 sequencerId, uint256 unlockableAt)
func ThemisStakingUnlockNotReadyErrorID() common.Hash {
	return common.HexToHash("0x91a574c8b97065665c83296b9fa6e5182d4e3e724273394c15d16877dadd5f96")
}

// UnpackUnlockNotReadyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnlockNotReady(uint256 sequencerId, uint256 unlockableAt)
func (themisStaking *ThemisStaking) UnpackUnlockNotReadyError(raw []byte) (*ThemisStakingUnlockNotReady, error) {
	out := new(ThemisStakingUnlockNotReady)
	if err := themisStaking.abi.UnpackIntoInterface(out, "UnlockNotReady", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingWithdrawExceedsLocked represents a WithdrawExceedsLocked error raised by the ThemisStaking contract.
type ThemisStakingWithdrawExceedsLocked struct {
	Amount *big.Int
	Locked *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WithdrawExceedsLocked(uint256 amount, uint256 locked)
func ThemisStakingWithdrawExceedsLockedErrorID() common.Hash {
	return common.HexToHash("0xe793df5658371a1ac6dd7df4d07e4e6acc6bdcfc91fde51c4f2dcd7f1fd166f7")
}

// UnpackWithdrawExceedsLockedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WithdrawExceedsLocked(uint256 amount, uint256 locked)
func (themisStaking *ThemisStaking) UnpackWithdrawExceedsLockedError(raw []byte) (*ThemisStakingWithdrawExceedsLocked, error) {
	out := new(ThemisStakingWithdrawExceedsLocked)
	if err := themisStaking.abi.UnpackIntoInterface(out, "WithdrawExceedsLocked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingZeroAddress represents a ZeroAddress error raised by the ThemisStaking contract.
type ThemisStakingZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func ThemisStakingZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (themisStaking *ThemisStaking) UnpackZeroAddressError(raw []byte) (*ThemisStakingZeroAddress, error) {
	out := new(ThemisStakingZeroAddress)
	if err := themisStaking.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingZeroAmount represents a ZeroAmount error raised by the ThemisStaking contract.
type ThemisStakingZeroAmount struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAmount()
func ThemisStakingZeroAmountErrorID() common.Hash {
	return common.HexToHash("0x1f2a2005cb66a8e145327e8814e243a0996aec9bfe1e15a495778b1236dbd485")
}

// UnpackZeroAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAmount()
func (themisStaking *ThemisStaking) UnpackZeroAmountError(raw []byte) (*ThemisStakingZeroAmount, error) {
	out := new(ThemisStakingZeroAmount)
	if err := themisStaking.abi.UnpackIntoInterface(out, "ZeroAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}
