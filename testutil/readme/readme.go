// Package readme reads the shell blocks of a README and the mark before each that says
// how it is kept true:
//
//	<!-- recipe: NAME -->   the e2e suite runs the block, verbatim, against the localnet
//	<!-- not run: WHY -->   a template for a real network, or the test command itself;
//	                        WHY names what covers it instead
//
// A shell block without a mark is an error: a recipe nobody runs goes stale unseen.
// Every block's themisd command lines, run or not, are also checked against the CLI
// (cmd/themisd/cmd's README test), so a renamed command or flag fails a unit test.
package readme

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

// Block is one fenced shell block of the README.
type Block struct {
	Line   int    // the line of its opening fence (1-based)
	Recipe string // the recipe's name, when the e2e suite runs it
	NotRun string // why it is not run, otherwise
	Script string // the block's text, without the fences
}

var (
	markRe = regexp.MustCompile(`^<!--\s*(recipe|not run):\s*(.*?)\s*-->$`)
	// fenceRe is a CommonMark fence: three or more backticks or tildes, then the info
	// string, whose first word is the language.
	fenceRe = regexp.MustCompile("^(`{3,}|~{3,})\\s*([^\\s`]*)")
	nameRe  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
)

// dataLanguages are the fence languages that hold no commands (json, toml, ...): such a
// block needs no mark. Any other block, with no language or an unknown one, does.
var dataLanguages = map[string]bool{"json": true, "yaml": true, "yml": true, "toml": true, "text": true, "txt": true,
	"go": true, "solidity": true, "sol": true, "proto": true, "protobuf": true, "diff": true, "ini": true, "xml": true,
	"html": true, "css": true, "js": true, "javascript": true, "ts": true, "mermaid": true, "dot": true}

// ParseFile reads the README at path.
func ParseFile(path string) ([]Block, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Parse(f)
}

// Parse returns the README's shell blocks in order, or the first unmarked block, mark
// without a block, malformed or repeated recipe name.
func Parse(r io.Reader) ([]Block, error) {
	var (
		blocks []Block
		seen   = map[string]int{}
		mark   *Block // a mark waiting for its block
		open   *Block // the block being read
		body   []string
		fence  string // the opening fence of the block being read, shell or data
		inData bool   // that block is data (json, toml, ...)
		line   int
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line++
		text := sc.Text()
		trimmed := strings.TrimSpace(text)
		switch {
		case fence != "":
			if closes(trimmed, fence) {
				if open != nil {
					open.Script = strings.Join(body, "\n") + "\n"
					blocks = append(blocks, *open)
				}
				open, body, fence, inData = nil, nil, "", false
				continue
			}
			if !inData {
				body = append(body, text)
			}
		case fenceRe.MatchString(trimmed):
			m := fenceRe.FindStringSubmatch(trimmed)
			fence = m[1]
			lang := strings.ToLower(m[2])
			if dataLanguages[lang] {
				inData = true
				if mark != nil {
					return nil, fmt.Errorf("line %d: the mark of line %d is followed by a %q block, not a shell block", line, mark.Line, lang)
				}
				continue
			}
			if mark == nil {
				return nil, fmt.Errorf("line %d: a shell block with no mark before it: add <!-- recipe: NAME --> (and run it in testutil/e2e's README test) or <!-- not run: WHY -->", line)
			}
			open = &Block{Line: line, Recipe: mark.Recipe, NotRun: mark.NotRun}
			mark = nil
		case markRe.MatchString(trimmed):
			if mark != nil {
				return nil, fmt.Errorf("line %d: the mark of line %d has no shell block after it", line, mark.Line)
			}
			m := markRe.FindStringSubmatch(trimmed)
			mark = &Block{Line: line}
			switch m[1] {
			case "recipe":
				if !nameRe.MatchString(m[2]) {
					return nil, fmt.Errorf("line %d: recipe name %q: use lower-case letters, digits and dashes", line, m[2])
				}
				if first, dup := seen[m[2]]; dup {
					return nil, fmt.Errorf("line %d: recipe %q is already the block of line %d", line, m[2], first)
				}
				seen[m[2]] = line
				mark.Recipe = m[2]
			default:
				if m[2] == "" {
					return nil, fmt.Errorf("line %d: <!-- not run: --> needs its reason", line)
				}
				mark.NotRun = m[2]
			}
		case mark != nil && trimmed != "":
			return nil, fmt.Errorf("line %d: the mark of line %d must come right before its shell block", line, mark.Line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if open != nil {
		return nil, fmt.Errorf("line %d: the shell block is never closed", open.Line)
	}
	if fence != "" {
		return nil, fmt.Errorf("the block opened by %s is never closed", fence)
	}
	if mark != nil {
		return nil, fmt.Errorf("line %d: the mark has no shell block after it", mark.Line)
	}
	return blocks, nil
}

// closes reports a line that closes a block opened by fence: the same character, at
// least as many, nothing else.
func closes(trimmed, fence string) bool {
	return len(trimmed) >= len(fence) && strings.Trim(trimmed, fence[:1]) == ""
}

// Recipes returns the blocks the e2e suite runs, by name.
func Recipes(blocks []Block) map[string]Block {
	out := map[string]Block{}
	for _, b := range blocks {
		if b.Recipe != "" {
			out[b.Recipe] = b
		}
	}
	return out
}
