// Package longtest splits leadclean's tests into the quick set that
// `go test ./...` runs and the long set CI runs (.ci/run sets
// LEADCLEAN_LONG_TESTS=1). A long test is a stress test (memory, huge
// fields, signals in a large run) or the full sample of a check whose
// quick form takes a sample of the same cases: nothing is dropped from CI,
// and a developer's run stays under half a minute.
//
//	go test ./...                          # quick set
//	LEADCLEAN_LONG_TESTS=1 go test ./...   # everything, as CI runs it
//
// -short runs the quick set even with the variable set.
package longtest

import (
	"os"
	"testing"
)

// Env is the environment variable that turns the long set on.
const Env = "LEADCLEAN_LONG_TESTS"

// Enabled reports whether the long set runs: Env is set to something
// other than "" or "0", and -short is not given. Call it from a test.
func Enabled() bool {
	v := os.Getenv(Env)
	return v != "" && v != "0" && !testing.Short()
}

// Skip skips t unless the long set runs; why says what makes it long.
func Skip(t testing.TB, why string) {
	t.Helper()
	if !Enabled() {
		t.Skipf("long test (%s): set %s=1 to run it, as CI does", why, Env)
	}
}

// Pick returns quick in the quick set and long in the long set: the
// sample size of a check that takes every case in the long set.
func Pick[T any](quick, long T) T {
	if Enabled() {
		return long
	}
	return quick
}
