package readme

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseNeedsAMarkOnEveryShellBlock(t *testing.T) {
	for name, tc := range map[string]struct{ doc, err string }{
		"unmarked":           {"text\n```sh\nls\n```\n", "line 2: a shell block with no mark"},
		"unmarked, no lang":  {"```\nls\n```\n", "line 1: a shell block with no mark"},
		"mark then prose":    {"<!-- recipe: a -->\nprose\n```sh\nls\n```\n", "must come right before"},
		"mark then mark":     {"<!-- recipe: a -->\n<!-- recipe: b -->\n```sh\nls\n```\n", "line 1 has no shell block"},
		"mark at the end":    {"<!-- not run: why -->\n", "has no shell block"},
		"mark on json":       {"<!-- recipe: a -->\n```json\n{}\n```\n", `followed by a "json" block`},
		"no reason":          {"<!-- not run: -->\n```sh\nls\n```\n", "needs its reason"},
		"bad name":           {"<!-- recipe: Add It -->\n```sh\nls\n```\n", "lower-case"},
		"repeated name":      {"<!-- recipe: a -->\n```sh\nls\n```\n<!-- recipe: a -->\n```sh\nls\n```\n", `recipe "a" is already the block of line 1`},
		"never closed":       {"<!-- recipe: a -->\n```sh\nls\n", "never closed"},
		"unmarked after ok":  {"<!-- recipe: a -->\n```sh\nls\n```\n```bash\nls\n```\n", "line 5: a shell block with no mark"},
		"fence in a recipe ": {"<!-- recipe: a -->\n```sh\ncat <<X\n```json\nX\n```\n```sh\n```\n", "line 7: a shell block with no mark"},
		"tilde fence":        {"~~~\nls\n~~~\n", "line 1: a shell block with no mark"},
		"upper-case lang":    {"```Bash\nls\n```\n", "line 1: a shell block with no mark"},
		"zsh":                {"```zsh\nls\n```\n", "line 1: a shell block with no mark"},
		"info attributes":    {"```sh title=x\nls\n```\n", "line 1: a shell block with no mark"},
		"four backticks":     {"````\n```json\n```\nls\n````\n", "line 1: a shell block with no mark"},
		"unclosed data":      {"```json\n{}\n", "never closed"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.doc))
			require.ErrorContains(t, err, tc.err)
		})
	}
}

func TestParseReadsMarkedBlocks(t *testing.T) {
	doc := "# t\n<!-- recipe: start -->\n```sh\nmake localnet\n```\n\n```json\n{\"a\":1}\n```\n" +
		"<!--   not run: a template   -->\n\n```bash\nthemisd init <moniker>\nthemisd start\n```\n"
	blocks, err := Parse(strings.NewReader(doc))
	require.NoError(t, err)
	require.Equal(t, []Block{
		{Line: 3, Recipe: "start", Script: "make localnet\n"},
		{Line: 12, NotRun: "a template", Script: "themisd init <moniker>\nthemisd start\n"},
	}, blocks)
	require.Equal(t, map[string]Block{"start": blocks[0]}, Recipes(blocks))
}

func TestCommandsSplitsWhatTheREADMEWrites(t *testing.T) {
	script := `B=./build/themisd; L=build/localnet
OWNER=$($B devnet owner-key 4 --address); $B devnet owner-key 4 > $L/owner4.key
GOV=$($B q auth module-account gov --home $L/node0 -o json | tr -d ' \n' | sed -n 's/x/\1/p')
cat > $L/whitelist.json <<JSON
{"messages":[{"authority":"$GOV"}]}  # not a command
JSON
for i in 0 1 2 3; do $B tx gov vote $ID yes --from signer --yes --home $L/node$i; done   # passes
$B tx upgrade software-upgrade v2 --upgrade-height <h> --upgrade-info "<release notes>" \
  --title "upgrade to v2" --deposit 1000uthemis 2>&1 >/dev/null
H=$(( $(curl -s <rpc>/status | sed -n 1p) - 100 ))
curl -sf "127.0.0.1:1317/x?a=1&b=2" # a comment | not a pipe
echo "$($B keys show signer -a --home "$L/operator4")"
if themisd status --home h; then echo up; fi
grep x <<<"$B tx bank send"
echo "<<EOF not a here-document"
env FOO=1 themisd version
`
	var got []string
	for _, c := range Commands(script) {
		got = append(got, strings.Join(append([]string{c.Program}, c.Args...), " "))
	}
	require.Equal(t, []string{
		"$B devnet owner-key 4 --address",
		"$B devnet owner-key 4",
		"$B q auth module-account gov --home $L/node0 -o json",
		"tr -d  \\n",
		"sed -n s/x/\\1/p",
		"cat",
		"for i in 0 1 2 3",
		"$B tx gov vote $ID yes --from signer --yes --home $L/node$i",
		"done",
		"$B tx upgrade software-upgrade v2 --upgrade-height <h> --upgrade-info <release notes> --title upgrade to v2 --deposit 1000uthemis",
		"curl -sf 127.0.0.1:1317/x?a=1&b=2",
		"$B keys show signer -a --home $L/operator4",
		"echo $(...)",
		"themisd status --home h",
		"echo up",
		"fi",
		"grep x",
		"echo <<EOF not a here-document",
		"themisd version",
	}, got)
}

// TestREADMEBlocksAreMarked: the repository's README keeps a mark on every shell block;
// the make targets and scripts its blocks call exist.
func TestREADMEBlocksAreMarked(t *testing.T) {
	root := filepath.Join("..", "..")
	blocks, err := ParseFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	require.NotEmpty(t, Recipes(blocks), "the README's localnet recipes")
	makefile, err := os.ReadFile(filepath.Join(root, "Makefile"))
	require.NoError(t, err)
	for _, b := range blocks {
		for _, c := range Commands(b.Script) {
			where := func() string { return b.Script }
			switch {
			case c.Program == "make":
				for _, target := range c.Args {
					if strings.HasPrefix(target, "-") || strings.Contains(target, "=") {
						continue
					}
					re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(target) + `:`)
					require.True(t, re.Match(makefile), "README line %d: make %s: no such target in the Makefile\n%s", b.Line+c.Line, target, where())
				}
			case strings.HasPrefix(c.Program, "scripts/"):
				info, err := os.Stat(filepath.Join(root, c.Program))
				require.NoError(t, err, "README line %d: %s", b.Line+c.Line, c.Program)
				require.NotZero(t, info.Mode()&0o111, "README line %d: %s is not executable", b.Line+c.Line, c.Program)
			}
		}
	}
}
