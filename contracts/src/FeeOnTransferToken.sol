// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {TestToken} from "./TestToken.sol";

/// @title FeeOnTransferToken
/// @notice Tests only: a TestToken that burns `feeBasisPoints` of every transfer, so the
/// recipient gets less than the amount asked. The staking contract must refuse to credit what
/// did not arrive.
contract FeeOnTransferToken is TestToken {
    uint256 public immutable feeBasisPoints;

    error FeeTooHigh(uint256 feeBasisPoints);

    constructor(string memory name_, string memory symbol_, uint256 feeBasisPoints_) TestToken(name_, symbol_) {
        if (feeBasisPoints_ > 10_000) revert FeeTooHigh(feeBasisPoints_);
        feeBasisPoints = feeBasisPoints_;
    }

    function _transfer(address from, address to, uint256 amount) internal override {
        uint256 fee = amount * feeBasisPoints / 10_000;
        super._transfer(from, to, amount - fee);
        if (fee > 0) {
            super._transfer(from, address(0xdead), fee);
        }
    }
}
