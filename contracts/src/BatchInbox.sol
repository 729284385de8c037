// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice The one thing the inbox needs from the staking contract.
interface IPoolAddressSource {
    function poolAddress() external view returns (address);
}

/// @title BatchInbox
/// @notice Records L2 state batches posted by the sequencer pool. The pool address is read from
/// the staking contract on every call, so a pool-address rotation there applies here at once.
/// Batches form one gap-free chain from the L2 block fixed at deployment: indexes are consecutive
/// from 0, the first batch starts at firstL2Block and each later one at the L2 block after the
/// previous batch's end.
contract BatchInbox {
    struct StateBatch {
        uint64 l2Start;
        uint64 l2End;
        bytes32 stateRoot;
        bytes32 txRoot;
        address submitter;
    }

    IPoolAddressSource public immutable staking;
    uint64 public immutable firstL2Block;
    uint256 public nextBatchIndex;
    mapping(uint256 => StateBatch) public batches;

    event StateBatchAppended(
        uint256 indexed batchIndex, uint64 l2Start, uint64 l2End, bytes32 stateRoot, bytes32 txRoot, address submitter
    );

    error ZeroAddress();
    error NotPoolAddress(address caller);
    error UnexpectedBatchIndex(uint256 expected, uint256 got);
    error NonContiguousBatch(uint256 expectedStart, uint64 got);
    error InvalidBatchRange(uint64 l2Start, uint64 l2End);

    constructor(IPoolAddressSource staking_, uint64 firstL2Block_) {
        if (address(staking_) == address(0)) revert ZeroAddress();
        staking = staking_;
        firstL2Block = firstL2Block_;
    }

    function appendStateBatch(uint256 batchIndex, uint64 l2Start, uint64 l2End, bytes32 stateRoot, bytes32 txRoot)
        external
    {
        if (msg.sender != staking.poolAddress()) revert NotPoolAddress(msg.sender);
        uint256 expected = nextBatchIndex;
        if (batchIndex != expected) revert UnexpectedBatchIndex(expected, batchIndex);
        // Widened so a chain that ended at type(uint64).max refuses further batches cleanly.
        uint256 expectedStart = expected == 0 ? firstL2Block : uint256(batches[expected - 1].l2End) + 1;
        if (l2Start != expectedStart) revert NonContiguousBatch(expectedStart, l2Start);
        if (l2End < l2Start) revert InvalidBatchRange(l2Start, l2End);

        batches[batchIndex] = StateBatch(l2Start, l2End, stateRoot, txRoot, msg.sender);
        nextBatchIndex = expected + 1;
        emit StateBatchAppended(batchIndex, l2Start, l2End, stateRoot, txRoot, msg.sender);
    }
}
