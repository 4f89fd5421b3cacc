//go:build race

package phone

// raceEnabled: the race detector slows the library comparisons tenfold;
// `go test ./...` runs them in full, `go test -race` on a sample.
const raceEnabled = true
