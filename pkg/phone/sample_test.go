package phone

import "github.com/leadclean/leadclean/pkg/longtest"

// sampled reports whether the comparisons with the library run on a
// sample: under the race detector (which slows them tenfold) and in the
// quick set of tests; the long set (LEADCLEAN_LONG_TESTS=1, as CI runs
// it) compares every case.
func sampled() bool { return raceEnabled || !longtest.Enabled() }
