package readme

import (
	"regexp"
	"strings"
)

// Command is one simple command of a shell block: a program and its words, as the shell
// would split them (quotes removed; a command substitution becomes its own Command and
// stands as "$(...)" in the word that held it).
type Command struct {
	Line    int // the block line the command starts on (1-based, within the block)
	Program string
	Args    []string
}

var (
	assignRe  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*=`)
	heredocRe = regexp.MustCompile(`^<<-?\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?`)
	// placeholderRe is a template's stand-in for a value (<h>, <chain-id>, <rpc host:port>),
	// which the shell would take for a redirection.
	placeholderRe = regexp.MustCompile(`^<[A-Za-z0-9][A-Za-z0-9 ._:/-]*>`)
	keywords      = map[string]bool{"do": true, "then": true, "else": true, "elif": true, "if": true, "while": true,
		"until": true, "time": true, "!": true, "{": true, "}": true, "env": true, "exec": true, "command": true}
)

// Commands splits a shell block into its simple commands. It knows what README blocks
// use — comments, quotes, line continuations, here-documents, pipes and lists, command
// substitutions, redirections, variable assignments, for/until loops — not all of sh.
func Commands(script string) []Command {
	var out []Command
	lines := strings.Split(script, "\n")
	for i := 0; i < len(lines); i++ {
		start := i + 1
		line := lines[i]
		for strings.HasSuffix(line, "\\") && i+1 < len(lines) {
			i++
			line = strings.TrimSuffix(line, "\\") + " " + lines[i]
		}
		l := &lexer{s: line, line: start}
		l.list(false)
		out = append(out, l.out...)
		if tag := heredocTag(line); tag != "" {
			for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != tag {
				i++
			}
			i++ // the terminator
		}
	}
	return out
}

// heredocTag returns the terminator of a here-document the line opens (<<TAG, <<-TAG,
// <<'TAG'), outside quotes and comments; a here-string (<<<) opens none.
func heredocTag(line string) string {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return ""
		case strings.HasPrefix(line[i:], "<<<"):
			i += 2
		case strings.HasPrefix(line[i:], "<<"):
			if m := heredocRe.FindStringSubmatch(line[i:]); m != nil {
				return m[1]
			}
			i++
		}
	}
	return ""
}

type lexer struct {
	s    string
	i    int
	line int
	out  []Command
}

// list reads commands separated by ; | & && || until the end of the line, or until the
// ')' that closes a command substitution when inSubst.
func (l *lexer) list(inSubst bool) {
	for l.i < len(l.s) {
		words, stop := l.command(inSubst)
		l.emit(words)
		if stop {
			return
		}
	}
}

// emit records a command after its assignments and keywords (`do $B ...`, `X=1 cmd`).
func (l *lexer) emit(words []string) {
	for len(words) > 0 && (keywords[words[0]] || assignRe.MatchString(words[0])) {
		words = words[1:]
	}
	if len(words) == 0 {
		return
	}
	l.out = append(l.out, Command{Line: l.line, Program: words[0], Args: words[1:]})
}

// command reads one simple command's words; stop reports a closing ')' of a substitution
// (or the end of the input).
func (l *lexer) command(inSubst bool) (words []string, stop bool) {
	skipNext := false // the word after a redirection is its target, not an argument
	for {
		for l.i < len(l.s) && (l.s[l.i] == ' ' || l.s[l.i] == '\t') {
			l.i++
		}
		if l.i >= len(l.s) {
			return words, true
		}
		switch c := l.s[l.i]; {
		case c == '#':
			l.i = len(l.s)
			return words, true
		case c == ';' || c == '|' || c == '&':
			for l.i < len(l.s) && strings.IndexByte(";|&", l.s[l.i]) >= 0 {
				l.i++
			}
			return words, false
		case c == ')' && inSubst:
			l.i++
			return words, true
		case c == '<' && placeholderRe.MatchString(l.s[l.i:]): // a template's <placeholder>
			m := placeholderRe.FindString(l.s[l.i:])
			l.i += len(m)
			words = append(words, m)
			continue
		case c == '<' || c == '>' || (c >= '0' && c <= '9' && l.isRedirect()):
			for l.i < len(l.s) && strings.IndexByte("0123456789<>", l.s[l.i]) >= 0 {
				l.i++
			}
			if l.i < len(l.s) && l.s[l.i] == '&' { // 2>&1
				for l.i++; l.i < len(l.s) && l.s[l.i] >= '0' && l.s[l.i] <= '9'; l.i++ {
				}
				continue
			}
			skipNext = true
			continue
		}
		w := l.word(inSubst)
		if skipNext {
			skipNext = false
			continue
		}
		words = append(words, w)
	}
}

// isRedirect reports digits followed by > or < (2>, 1>>): a redirection, not a word.
func (l *lexer) isRedirect() bool {
	j := l.i
	for j < len(l.s) && l.s[j] >= '0' && l.s[j] <= '9' {
		j++
	}
	return j < len(l.s) && (l.s[j] == '>' || l.s[j] == '<')
}

// word reads one word, removing quotes and lifting command substitutions out.
func (l *lexer) word(inSubst bool) string {
	var b strings.Builder
	var quote byte
	for l.i < len(l.s) {
		c := l.s[l.i]
		switch {
		case quote == '\'':
			if c == '\'' {
				quote = 0
			} else {
				b.WriteByte(c)
			}
			l.i++
		case c == '\\' && l.i+1 < len(l.s):
			b.WriteByte(l.s[l.i+1])
			l.i += 2
		case c == '$' && l.i+1 < len(l.s) && l.s[l.i+1] == '(' && !(l.i+2 < len(l.s) && l.s[l.i+2] == '('):
			l.i += 2
			l.list(true)
			b.WriteString("$(...)")
		case c == '$' && l.i+2 < len(l.s) && l.s[l.i+1] == '(' && l.s[l.i+2] == '(': // $(( arithmetic ))
			depth := 0
			for ; l.i < len(l.s); l.i++ {
				b.WriteByte(l.s[l.i])
				if l.s[l.i] == '(' {
					depth++
				} else if l.s[l.i] == ')' {
					depth--
					if depth == 0 {
						l.i++
						break
					}
				}
			}
		case quote == '"':
			if c == '"' {
				quote = 0
			} else {
				b.WriteByte(c)
			}
			l.i++
		case c == '\'' || c == '"':
			quote = c
			l.i++
		case c == ' ' || c == '\t' || c == ';' || c == '|' || c == '&' || c == '<' || c == '>' || (c == ')' && inSubst):
			return b.String()
		default:
			b.WriteByte(c)
			l.i++
		}
	}
	return b.String()
}
