// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package batchinbox

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

// BatchInboxMetaData contains all meta data concerning the BatchInbox contract.
var BatchInboxMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIPoolAddressSource\",\"name\":\"staking_\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"firstL2Block_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"l2Start\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l2End\",\"type\":\"uint64\"}],\"name\":\"InvalidBatchRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expectedStart\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"got\",\"type\":\"uint64\"}],\"name\":\"NonContiguousBatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotPoolAddress\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"}],\"name\":\"UnexpectedBatchIndex\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"batchIndex\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"l2Start\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"l2End\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"stateRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"txRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"submitter\",\"type\":\"address\"}],\"name\":\"StateBatchAppended\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"batchIndex\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"l2Start\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l2End\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"stateRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"txRoot\",\"type\":\"bytes32\"}],\"name\":\"appendStateBatch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"batches\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"l2Start\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l2End\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"stateRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"txRoot\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"submitter\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"firstL2Block\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextBatchIndex\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"staking\",\"outputs\":[{\"internalType\":\"contractIPoolAddressSource\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "BatchInbox",
	Bin: "0x60c060405234801561000f575f5ffd5b5060405161069238038061069283398101604081905261002e91610074565b6001600160a01b0382166100555760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b039091166080526001600160401b031660a0526100c2565b5f5f60408385031215610085575f5ffd5b82516001600160a01b038116811461009b575f5ffd5b60208401519092506001600160401b03811681146100b7575f5ffd5b809150509250929050565b60805160a0516105a36100ef5f395f81816073015261029601525f818160b8015261016d01526105a35ff3fe608060405234801561000f575f5ffd5b5060043610610055575f3560e01c80632c6bc85d146100595780634a50133d1461006e5780634cf088d9146100b35780637e4fa700146100f2578063b32c4d8d14610108575b5f5ffd5b61006c610067366004610465565b61016b565b005b6100957f000000000000000000000000000000000000000000000000000000000000000081565b60405167ffffffffffffffff90911681526020015b60405180910390f35b6100da7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016100aa565b6100fa5f5481565b6040519081526020016100aa565b61015a6101163660046104af565b600160208190525f9182526040909120805491810154600282015460039092015467ffffffffffffffff80851694600160401b90041692906001600160a01b031685565b6040516100aa9594939291906104c6565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316631755ff216040518163ffffffff1660e01b8152600401602060405180830381865afa1580156101c7573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906101eb9190610500565b6001600160a01b0316336001600160a01b03161461022357604051631902e9c760e31b81523360048201526024015b60405180910390fd5b5f5485811461024f57604051636aad8d0760e11b8152600481018290526024810187905260440161021a565b5f81156102945760015f6102638285610541565b815260208101919091526040015f205461028f90600160401b900467ffffffffffffffff16600161055a565b6102c0565b7f000000000000000000000000000000000000000000000000000000000000000067ffffffffffffffff165b9050808667ffffffffffffffff16146102ff57604051638bf089c760e01b81526004810182905267ffffffffffffffff8716602482015260440161021a565b8567ffffffffffffffff168567ffffffffffffffff1610156103485760405163cd79799f60e01b815267ffffffffffffffff80881660048301528616602482015260440161021a565b6040805160a08101825267ffffffffffffffff808916825287811660208084019182528385018981526060850189815233608087019081525f8f8152600194859052979097209551865494518616600160401b026fffffffffffffffffffffffffffffffff19909516951694909417929092178455905183820155905160028301559151600390910180546001600160a01b03929092166001600160a01b03199092169190911790556103fc90839061055a565b5f5560405187907fd697733869c6de08149617d8014a27f2cbbbf576475ba20af8e949eab4edd8aa9061043890899089908990899033906104c6565b60405180910390a250505050505050565b803567ffffffffffffffff81168114610460575f5ffd5b919050565b5f5f5f5f5f60a08688031215610479575f5ffd5b8535945061048960208701610449565b935061049760408701610449565b94979396509394606081013594506080013592915050565b5f602082840312156104bf575f5ffd5b5035919050565b67ffffffffffffffff9586168152939094166020840152604083019190915260608201526001600160a01b03909116608082015260a00190565b5f60208284031215610510575f5ffd5b81516001600160a01b0381168114610526575f5ffd5b9392505050565b634e487b7160e01b5f52601160045260245ffd5b818103818111156105545761055461052d565b92915050565b808201808211156105545761055461052d56fea26469706673582212200a4083d70d515595f81ca6712f50bfd260bf8b68f700918a7b54f78cfe79ad5d64736f6c63430008250033",
}

// BatchInbox is an auto generated Go binding around an Ethereum contract.
type BatchInbox struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *BatchInbox) GetABI() abi.ABI {
	return c.abi
}

// NewBatchInbox creates a new instance of BatchInbox.
func NewBatchInbox() *BatchInbox {
	parsed, err := BatchInboxMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &BatchInbox{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *BatchInbox) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address staking_, uint64 firstL2Block_) returns()
func (batchInbox *BatchInbox) PackConstructor(staking_ common.Address, firstL2Block_ uint64) []byte {
	enc, err := batchInbox.abi.Pack("", staking_, firstL2Block_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAppendStateBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2c6bc85d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function appendStateBatch(uint256 batchIndex, uint64 l2Start, uint64 l2End, bytes32 stateRoot, bytes32 txRoot) returns()
func (batchInbox *BatchInbox) PackAppendStateBatch(batchIndex *big.Int, l2Start uint64, l2End uint64, stateRoot [32]byte, txRoot [32]byte) []byte {
	enc, err := batchInbox.abi.Pack("appendStateBatch", batchIndex, l2Start, l2End, stateRoot, txRoot)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAppendStateBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2c6bc85d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function appendStateBatch(uint256 batchIndex, uint64 l2Start, uint64 l2End, bytes32 stateRoot, bytes32 txRoot) returns()
func (batchInbox *BatchInbox) TryPackAppendStateBatch(batchIndex *big.Int, l2Start uint64, l2End uint64, stateRoot [32]byte, txRoot [32]byte) ([]byte, error) {
	return batchInbox.abi.Pack("appendStateBatch", batchIndex, l2Start, l2End, stateRoot, txRoot)
}

// PackBatches is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb32c4d8d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function batches(uint256 ) view returns(uint64 l2Start, uint64 l2End, bytes32 stateRoot, bytes32 txRoot, address submitter)
func (batchInbox *BatchInbox) PackBatches(arg0 *big.Int) []byte {
	enc, err := batchInbox.abi.Pack("batches", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBatches is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb32c4d8d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function batches(uint256 ) view returns(uint64 l2Start, uint64 l2End, bytes32 stateRoot, bytes32 txRoot, address submitter)
func (batchInbox *BatchInbox) TryPackBatches(arg0 *big.Int) ([]byte, error) {
	return batchInbox.abi.Pack("batches", arg0)
}

// BatchesOutput serves as a container for the return parameters of contract
// method Batches.
type BatchesOutput struct {
	L2Start   uint64
	L2End     uint64
	StateRoot [32]byte
	TxRoot    [32]byte
	Submitter common.Address
}

// UnpackBatches is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb32c4d8d.
//
// Solidity: function batches(uint256 ) view returns(uint64 l2Start, uint64 l2End, bytes32 stateRoot, bytes32 txRoot, address submitter)
func (batchInbox *BatchInbox) UnpackBatches(data []byte) (BatchesOutput, error) {
	out, err := batchInbox.abi.Unpack("batches", data)
	outstruct := new(BatchesOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.L2Start = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.L2End = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.StateRoot = *abi.ConvertType(out[2], new([32]byte)).(*[32]byte)
	outstruct.TxRoot = *abi.ConvertType(out[3], new([32]byte)).(*[32]byte)
	outstruct.Submitter = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	return *outstruct, nil
}

// PackFirstL2Block is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4a50133d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function firstL2Block() view returns(uint64)
func (batchInbox *BatchInbox) PackFirstL2Block() []byte {
	enc, err := batchInbox.abi.Pack("firstL2Block")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFirstL2Block is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4a50133d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function firstL2Block() view returns(uint64)
func (batchInbox *BatchInbox) TryPackFirstL2Block() ([]byte, error) {
	return batchInbox.abi.Pack("firstL2Block")
}

// UnpackFirstL2Block is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4a50133d.
//
// Solidity: function firstL2Block() view returns(uint64)
func (batchInbox *BatchInbox) UnpackFirstL2Block(data []byte) (uint64, error) {
	out, err := batchInbox.abi.Unpack("firstL2Block", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackNextBatchIndex is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7e4fa700.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nextBatchIndex() view returns(uint256)
func (batchInbox *BatchInbox) PackNextBatchIndex() []byte {
	enc, err := batchInbox.abi.Pack("nextBatchIndex")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNextBatchIndex is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7e4fa700.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nextBatchIndex() view returns(uint256)
func (batchInbox *BatchInbox) TryPackNextBatchIndex() ([]byte, error) {
	return batchInbox.abi.Pack("nextBatchIndex")
}

// UnpackNextBatchIndex is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7e4fa700.
//
// Solidity: function nextBatchIndex() view returns(uint256)
func (batchInbox *BatchInbox) UnpackNextBatchIndex(data []byte) (*big.Int, error) {
	out, err := batchInbox.abi.Unpack("nextBatchIndex", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackStaking is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4cf088d9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function staking() view returns(address)
func (batchInbox *BatchInbox) PackStaking() []byte {
	enc, err := batchInbox.abi.Pack("staking")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStaking is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4cf088d9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function staking() view returns(address)
func (batchInbox *BatchInbox) TryPackStaking() ([]byte, error) {
	return batchInbox.abi.Pack("staking")
}

// UnpackStaking is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4cf088d9.
//
// Solidity: function staking() view returns(address)
func (batchInbox *BatchInbox) UnpackStaking(data []byte) (common.Address, error) {
	out, err := batchInbox.abi.Unpack("staking", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// BatchInboxStateBatchAppended represents a StateBatchAppended event raised by the BatchInbox contract.
type BatchInboxStateBatchAppended struct {
	BatchIndex *big.Int
	L2Start    uint64
	L2End      uint64
	StateRoot  [32]byte
	TxRoot     [32]byte
	Submitter  common.Address
	Raw        *types.Log // Blockchain specific contextual infos
}

const BatchInboxStateBatchAppendedEventName = "StateBatchAppended"

// ContractEventName returns the user-defined event name.
func (BatchInboxStateBatchAppended) ContractEventName() string {
	return BatchInboxStateBatchAppendedEventName
}

// UnpackStateBatchAppendedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event StateBatchAppended(uint256 indexed batchIndex, uint64 l2Start, uint64 l2End, bytes32 stateRoot, bytes32 txRoot, address submitter)
func (batchInbox *BatchInbox) UnpackStateBatchAppendedEvent(log *types.Log) (*BatchInboxStateBatchAppended, error) {
	event := "StateBatchAppended"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != batchInbox.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BatchInboxStateBatchAppended)
	if len(log.Data) > 0 {
		if err := batchInbox.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range batchInbox.abi.Events[event].Inputs {
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
func (batchInbox *BatchInbox) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], batchInbox.abi.Errors["InvalidBatchRange"].ID.Bytes()[:4]) {
		return batchInbox.UnpackInvalidBatchRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchInbox.abi.Errors["NonContiguousBatch"].ID.Bytes()[:4]) {
		return batchInbox.UnpackNonContiguousBatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchInbox.abi.Errors["NotPoolAddress"].ID.Bytes()[:4]) {
		return batchInbox.UnpackNotPoolAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchInbox.abi.Errors["UnexpectedBatchIndex"].ID.Bytes()[:4]) {
		return batchInbox.UnpackUnexpectedBatchIndexError(raw[4:])
	}
	if bytes.Equal(raw[:4], batchInbox.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return batchInbox.UnpackZeroAddressError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// BatchInboxInvalidBatchRange represents a InvalidBatchRange error raised by the BatchInbox contract.
type BatchInboxInvalidBatchRange struct {
	L2Start uint64
	L2End   uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidBatchRange(uint64 l2Start, uint64 l2End)
func BatchInboxInvalidBatchRangeErrorID() common.Hash {
	return common.HexToHash("0xcd79799f66231bfc318f66a91ad04ae7986a6c719bb111de9eab06193e4edb6d")
}

// UnpackInvalidBatchRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidBatchRange(uint64 l2Start, uint64 l2End)
func (batchInbox *BatchInbox) UnpackInvalidBatchRangeError(raw []byte) (*BatchInboxInvalidBatchRange, error) {
	out := new(BatchInboxInvalidBatchRange)
	if err := batchInbox.abi.UnpackIntoInterface(out, "InvalidBatchRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchInboxNonContiguousBatch represents a NonContiguousBatch error raised by the BatchInbox contract.
type BatchInboxNonContiguousBatch struct {
	ExpectedStart *big.Int
	Got           uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NonContiguousBatch(uint256 expectedStart, uint64 got)
func BatchInboxNonContiguousBatchErrorID() common.Hash {
	return common.HexToHash("0x8bf089c7219a6cf50f8f627bb345a39e9973fe20a98c13406223d80e465508f6")
}

// UnpackNonContiguousBatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NonContiguousBatch(uint256 expectedStart, uint64 got)
func (batchInbox *BatchInbox) UnpackNonContiguousBatchError(raw []byte) (*BatchInboxNonContiguousBatch, error) {
	out := new(BatchInboxNonContiguousBatch)
	if err := batchInbox.abi.UnpackIntoInterface(out, "NonContiguousBatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchInboxNotPoolAddress represents a NotPoolAddress error raised by the BatchInbox contract.
type BatchInboxNotPoolAddress struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPoolAddress(address caller)
func BatchInboxNotPoolAddressErrorID() common.Hash {
	return common.HexToHash("0xc8174e38bcd7853d880373c03d2d7e833305aec29694551af549ae7a49798488")
}

// UnpackNotPoolAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPoolAddress(address caller)
func (batchInbox *BatchInbox) UnpackNotPoolAddressError(raw []byte) (*BatchInboxNotPoolAddress, error) {
	out := new(BatchInboxNotPoolAddress)
	if err := batchInbox.abi.UnpackIntoInterface(out, "NotPoolAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchInboxUnexpectedBatchIndex represents a UnexpectedBatchIndex error raised by the BatchInbox contract.
type BatchInboxUnexpectedBatchIndex struct {
	Expected *big.Int
	Got      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnexpectedBatchIndex(uint256 expected, uint256 got)
func BatchInboxUnexpectedBatchIndexErrorID() common.Hash {
	return common.HexToHash("0xd55b1a0eacea0a00568ac898ab07a5e32911f04d89e70a288f75dc757e3c4754")
}

// UnpackUnexpectedBatchIndexError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnexpectedBatchIndex(uint256 expected, uint256 got)
func (batchInbox *BatchInbox) UnpackUnexpectedBatchIndexError(raw []byte) (*BatchInboxUnexpectedBatchIndex, error) {
	out := new(BatchInboxUnexpectedBatchIndex)
	if err := batchInbox.abi.UnpackIntoInterface(out, "UnexpectedBatchIndex", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BatchInboxZeroAddress represents a ZeroAddress error raised by the BatchInbox contract.
type BatchInboxZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func BatchInboxZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (batchInbox *BatchInbox) UnpackZeroAddressError(raw []byte) (*BatchInboxZeroAddress, error) {
	out := new(BatchInboxZeroAddress)
	if err := batchInbox.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}
