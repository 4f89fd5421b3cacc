//go:build !race

package leadgen

// raceEnabled is true under the race detector, which makes phonenumbers
// about ten times slower: the single-goroutine checks of the whole pool
// then take smaller samples.
const raceEnabled = false
