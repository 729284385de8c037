package devl1_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/networks/devl1"
)

// The public endpoint relays go-ethereum's answers uncompressed and with their length,
// whatever the client accepts: a large answer (the staking contract's code) arrives
// whole to many concurrent clients while the block timer mines, and a cut on the inner
// hop could not pass for a complete body.
func TestPublicRPCRelaysLargeAnswersWhole(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	node, err := devl1.Start(ctx, devl1.Config{RPCAddr: "127.0.0.1:0", BlockTime: 20 * time.Millisecond,
		Contracts: contracts.DeployConfig{MinLock: devl1.Ether, MaxLock: devl1.Ether}})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, node.Close()) })
	staking := node.Deployment().Staking
	want, err := node.Client().CodeAt(ctx, staking, nil)
	require.NoError(t, err)
	require.Greater(t, len(want), 4096, "the staking contract's code is a large answer")

	// Raw: a client that asks for gzip gets a plain answer with its Content-Length.
	body := fmt.Sprintf(`{"jsonrpc":"2.0","id":1,"method":"eth_getCode","params":["%s","latest"]}`, staking.Hex())
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, node.RPCURL(), strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, resp.Body.Close())
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Empty(t, resp.Header.Get("Content-Encoding"), "the answer is not compressed")
	require.Equal(t, int64(len(raw)), resp.ContentLength, "the answer carries its length")
	require.Contains(t, string(raw), fmt.Sprintf("%x", want[:64]))

	// Concurrent Go clients (which ask for gzip themselves) all read the whole code.
	var wg sync.WaitGroup
	errs := make(chan error, 8*25)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client, err := ethclient.DialContext(ctx, node.RPCURL())
			if err != nil {
				errs <- err
				return
			}
			defer client.Close()
			for range 25 {
				got, err := client.CodeAt(ctx, staking, nil)
				if err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(got, want) {
					errs <- fmt.Errorf("code of %d bytes, want %d", len(got), len(want))
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
