//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// rssKnown says maxRSS reports the child's peak resident set.
const rssKnown = true

// maxRSS is the finished child's peak resident set in bytes (Linux
// reports ru_maxrss in KiB).
func maxRSS(ps *os.ProcessState) int64 {
	if ps == nil {
		return 0
	}
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024
	}
	return 0
}

// selfRSS resets this process's peak resident set to the current one
// (writing 5 to clear_refs, Linux 4.0 and later) and returns the peak in
// bytes, from /proc: a child started next counts it in its own peak.
func selfRSS() int64 {
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// mountTmpfs mounts a tmpfs of size bytes (read-only when ro) at a new
// folder, or skips the test where mounting is not allowed.
func mountTmpfs(t *testing.T, size string, ro bool) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "mnt")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var flags uintptr
	if ro {
		flags = syscall.MS_RDONLY
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", flags, "size="+size); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v); the disk-full path is covered by /dev/full", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	return dir
}

// TestDiskFull: an output folder on a full file system (a 64 KiB tmpfs)
// fails the run with exit 1 and the file system's message; the earlier
// good output stays, no temporary file is left, the input is untouched.
func TestDiskFull(t *testing.T) {
	disk := mountTmpfs(t, "64k", false)
	dir := t.TempDir()
	generate(t, filepath.Join(dir, "small.csv"), 20)
	generate(t, filepath.Join(dir, "large.csv"), 5000)
	inHash := hashFile(t, filepath.Join(dir, "large.csv"))
	out := filepath.Join(disk, "out")
	if r := run(t, dir, "clean", "-q", "-o", out, "small.csv"); r.code != 0 {
		t.Fatalf("the first run failed:\n%s", r.stderr)
	}
	before := hashDir(t, out)
	r := run(t, dir, "clean", "-q", "-o", out, "large.csv")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", r.code, r.stderr)
	}
	if !strings.HasPrefix(r.stderr, "leadclean: ") || !strings.Contains(r.stderr, "no space left on device") {
		t.Errorf("stderr = %q", r.stderr)
	}
	sameFiles(t, out, before)
	if hashFile(t, filepath.Join(dir, "large.csv")) != inHash {
		t.Error("the input changed")
	}
}

// TestReadOnlyOutput: a read-only file system refuses root too.
func TestReadOnlyOutput(t *testing.T) {
	disk := mountTmpfs(t, "64k", true)
	dir := t.TempDir()
	generate(t, filepath.Join(dir, "small.csv"), 20)
	for _, out := range []string{disk, filepath.Join(disk, "sub")} {
		r := run(t, dir, "clean", "-q", "-o", out, "small.csv")
		if r.code != 1 || !strings.Contains(r.stderr, "read-only file system") {
			t.Errorf("-o %s: exit %d, stderr %q; want 1 and the file system's message", out, r.code, r.stderr)
		}
	}
}

// TestStdoutFull: standard output on a full device (/dev/full) fails the
// run, and the other outputs are not committed.
func TestStdoutFull(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer full.Close()
	dir := t.TempDir()
	generate(t, filepath.Join(dir, "large.csv"), 5000)
	cmd := exec.Command(binary(), "clean", "-q", "-o", "out", "--qualified", "-", "large.csv")
	cmd.Dir = dir
	cmd.Stdout = full
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err = cmd.Run()
	noCrash(t, stderr.String())
	if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(stderr.String(), "no space left on device") {
		t.Errorf("exit %d (%v), stderr %q; want 1 and the device's message", code, err, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("the output folder exists after a failed run (%v)", err)
	}
}
