package preparams

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
)

// minModulusBits: tss-lib makes 2048-bit moduli from two 1024-bit primes, whose
// product has 2047 or 2048 bits.
const minModulusBits = 2047

var one = big.NewInt(1)

// validate checks a set before it enters the pool: complete (ValidateWithProof), and
// internally consistent, so that imported junk or a truncated file is refused here
// rather than surfacing as a failed keygen minutes later. Primality is not re-tested
// (that costs more than the checks here); the peers verify this party's proofs
// (Paillier modulus, NTilde) during keygen anyway.
func validate(pp *keygen.LocalPreParams) error {
	if pp == nil || !pp.ValidateWithProof() {
		return errors.New("preparams are incomplete (tss-lib ValidateWithProof fails)")
	}
	sk := pp.PaillierSK
	if sk.N == nil || new(big.Int).Mul(sk.P, sk.Q).Cmp(sk.N) != 0 || sk.N.BitLen() < minModulusBits {
		return errors.New("preparams: the Paillier modulus is not P*Q of the expected size")
	}
	// NTilde = (2p+1)(2q+1) for the Sophie Germain primes p, q kept as P, Q.
	safe := func(x *big.Int) *big.Int { return new(big.Int).Add(new(big.Int).Lsh(x, 1), one) }
	if new(big.Int).Mul(safe(pp.P), safe(pp.Q)).Cmp(pp.NTildei) != 0 || pp.NTildei.BitLen() < minModulusBits {
		return errors.New("preparams: NTilde is not the product of the two safe primes of the expected size")
	}
	pq := new(big.Int).Mul(pp.P, pp.Q)
	if new(big.Int).Mod(new(big.Int).Mul(pp.Alpha, pp.Beta), pq).Cmp(one) != 0 {
		return errors.New("preparams: alpha and beta are not inverses modulo p*q")
	}
	if new(big.Int).Exp(pp.H1i, pp.Alpha, pp.NTildei).Cmp(pp.H2i) != 0 {
		return fmt.Errorf("preparams: h2 is not h1^alpha modulo NTilde")
	}
	return nil
}
