//go:build e2e

package e2e

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Shell is one bash session fed blocks as a person pastes them into a terminal: the
// variables a block sets are there for the next (each block is sourced from a file,
// with no input). It runs with `set -euo pipefail`, so a
// failing command, an unset variable or a broken pipe ends the session and fails the
// block; HOME is a fresh directory (no ~/.themisd), the build directory is first on
// PATH (as after `make install`), and Go keeps the caller's caches.
type Shell struct {
	t     *testing.T
	cmd   *exec.Cmd
	stdin io.WriteCloser
	lines chan string
	dir   string // where each block is written before it is sourced
	n     int
}

const shellDone = "__themis_readme_block_done__"

// StartShell starts bash in dir with buildDir first on PATH.
func StartShell(t *testing.T, dir, buildDir string) *Shell {
	t.Helper()
	cmd := exec.Command("bash", "--noprofile", "--norc")
	cmd.Dir = dir
	env := []string{
		"HOME=" + t.TempDir(),
		"PATH=" + buildDir + string(os.PathListSeparator) + os.Getenv("PATH"),
		"LANG=C.UTF-8",
	}
	// The Makefile's go build keeps the caller's module and build caches (a fresh HOME
	// would rebuild everything) and its flags (CI's -mod=readonly).
	for _, v := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOFLAGS", "GOTOOLCHAIN", "GOPROXY"} {
		out, err := exec.Command("go", "env", v).Output()
		if err != nil {
			t.Fatalf("go env %s: %v", v, err)
		}
		env = append(env, v+"="+strings.TrimSpace(string(out)))
	}
	cmd.Env = env
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	r, w := io.Pipe()
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Start(); err != nil {
		t.Fatalf("bash: %v", err)
	}
	s := &Shell{t: t, cmd: cmd, stdin: stdin, lines: make(chan string, 1024), dir: t.TempDir()}
	go func() {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
		close(s.lines)
	}()
	go func() { _ = cmd.Wait(); _ = w.Close() }()
	if _, err := io.WriteString(stdin, "set -euo pipefail\n"); err != nil {
		t.Fatal(err)
	}
	return s
}

// Run pastes script and returns what it printed; it fails the test when a command of
// the block fails (the session ends) or the block takes longer than timeout.
func (s *Shell) Run(name, script string, timeout time.Duration) string {
	s.t.Helper()
	// Sourced from a file with stdin closed: a command that asks for input (a tx without
	// --yes) fails instead of reading the rest of the block as its answer.
	s.n++
	file := filepath.Join(s.dir, fmt.Sprintf("block%02d.sh", s.n))
	if err := os.WriteFile(file, []byte(script+"\n"), 0o600); err != nil {
		s.t.Fatal(err)
	}
	if _, err := io.WriteString(s.stdin, "source "+file+" </dev/null\necho "+shellDone+"\n"); err != nil {
		s.t.Fatalf("recipe %s: the shell is gone: %v", name, err)
	}
	var out []string
	deadline := time.After(timeout)
	for {
		select {
		case line, ok := <-s.lines:
			if !ok {
				s.t.Fatalf("recipe %s failed (the shell exited: %s):\n%s\n--- its output ---\n%s", name, s.cmd.ProcessState, script, tail(out, 60))
			}
			// The marker may end a last line that had no newline of its own (curl's JSON).
			if before, found := strings.CutSuffix(line, shellDone); found {
				if before != "" {
					out = append(out, before)
				}
				s.t.Logf("recipe %s: done, %d lines of output:\n%s", name, len(out), tail(out, 25))
				return strings.Join(out, "\n")
			}
			out = append(out, line)
		case <-deadline:
			s.t.Fatalf("recipe %s: still running after %s:\n%s\n--- its output ---\n%s", name, timeout, script, tail(out, 60))
		}
	}
}

// Var returns a shell variable the blocks set (empty when unset).
func (s *Shell) Var(name string) string {
	s.t.Helper()
	return strings.TrimSpace(s.Run("echo $"+name, `echo "${`+name+`:-}"`, 10*time.Second))
}

// Close ends the session.
func (s *Shell) Close() {
	_ = s.stdin.Close()
	done := make(chan struct{})
	go func() {
		for range s.lines {
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
	}
}

func tail(all []string, n int) string {
	lines := append([]string(nil), all...)
	if len(lines) > n {
		lines = append([]string{fmt.Sprintf("[%d lines]", len(lines)-n)}, lines[len(lines)-n:]...)
	}
	for i, l := range lines {
		if len(l) > 400 {
			lines[i] = l[:400] + "…(" + strconv.Itoa(len(l)) + " bytes)"
		}
	}
	return strings.Join(lines, "\n")
}

// repoRoot is the repository, two levels above this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}
