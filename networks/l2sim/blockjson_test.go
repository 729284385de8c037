package l2sim

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestBlockJSONRoundTrip(t *testing.T) {
	k := testKey(t)
	b := signedChild(t, Genesis(testChainID), memberOf(4, k), k)
	data, err := MarshalBlockJSON(&b)
	if err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{`"number":"0x1"`, `"miner":"`, `"producerId":"0x4"`, `"transactions":[]`, `"signature":"0x`} {
		if !strings.Contains(string(data), field) {
			t.Errorf("block JSON lacks %s: %s", field, data)
		}
	}
	got, found, err := DecodeBlockJSON(data)
	if err != nil || !found {
		t.Fatalf("decode: %v (found %v)", err, found)
	}
	if !got.Equal(&b) || string(got.Signature) != string(b.Signature) {
		t.Fatalf("round trip changed the block:\n%+v\n%+v", got, b)
	}
	if err := CheckSeal(&got); err != nil {
		t.Fatalf("decoded block does not verify: %v", err)
	}
}

func TestDecodeBlockJSONErrors(t *testing.T) {
	k := testKey(t)
	b := signedChild(t, Genesis(testChainID), memberOf(4, k), k)
	data, _ := MarshalBlockJSON(&b)
	var fields map[string]any
	if err := json.Unmarshal(data, &fields); err != nil {
		t.Fatal(err)
	}
	if _, found, err := DecodeBlockJSON([]byte(" null ")); err != nil || found {
		t.Fatalf("null: found %v, err %v", found, err)
	}
	for _, bad := range []string{"", "[]", "{", `"0x1"`, "{}"} {
		if _, _, err := DecodeBlockJSON([]byte(bad)); err == nil {
			t.Errorf("%q decoded", bad)
		}
	}
	// Each required field, removed, is named in the error.
	for _, name := range []string{"number", "hash", "parentHash", "miner", "timestamp", "transactionsRoot", "stateRoot", "producerId", "signature"} {
		c := map[string]any{}
		for k, v := range fields {
			if k != name {
				c[k] = v
			}
		}
		raw, _ := json.Marshal(c)
		if _, _, err := DecodeBlockJSON(raw); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("without %s: %v", name, err)
		}
	}
	// Wrong shapes.
	for field, val := range map[string]any{
		"signature": "0x1234", "hash": "0x12", "number": "12", "miner": 5, "producerId": "0x-1",
	} {
		c := map[string]any{}
		for k, v := range fields {
			c[k] = v
		}
		c[field] = val
		raw, _ := json.Marshal(c)
		if _, _, err := DecodeBlockJSON(raw); err == nil {
			t.Errorf("%s = %v decoded", field, val)
		}
	}
}

// FuzzDecodeBlockJSON: the sync loop decodes whatever a peer sends. It must never panic,
// and whatever it accepts must survive a re-encode unchanged.
func FuzzDecodeBlockJSON(f *testing.F) {
	k := testKey(f)
	b := signedChild(f, Genesis(testChainID), memberOf(4, k), k)
	good, _ := MarshalBlockJSON(&b)
	f.Add(good)
	f.Add([]byte("null"))
	f.Add([]byte(`{"number":"0x1"}`))
	f.Add([]byte(`{"number":"0x1","hash":null,"signature":"0x"}`))
	f.Add([]byte(strings.Replace(string(good), `"0x1"`, `"0xffffffffffffffffff"`, 1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, found, err := DecodeBlockJSON(data)
		if err != nil || !found {
			return
		}
		again, err := MarshalBlockJSON(&got)
		if err != nil {
			t.Fatal(err)
		}
		back, found, err := DecodeBlockJSON(again)
		if err != nil || !found || !back.Equal(&got) || string(back.Signature) != string(got.Signature) {
			t.Fatalf("re-encoding changed the block: %v", err)
		}
		_ = CheckSeal(&got) // must not panic on any accepted shape
	})
}
