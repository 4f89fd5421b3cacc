//go:build race

package phone

// raceEnabled: the race detector slows the library comparisons tenfold;
// under it they run on a sample (see sampled).
const raceEnabled = true
