// Package suites grades leadclean's checkers against other projects' test
// suites. It holds no code: its test reads testdata/suites/*/cases.tsv
// (inputs and the suite's own verdicts, re-expressed in our TSV with
// source and licence beside them), puts leadclean's verdict next to each
// expectation and writes the agreement per suite and per split to
// testdata/suites/RESULTS.md. Every kind of disagreement must be explained
// in the test's table of deliberate differences (or of known misses);
// an unexplained one fails the test.
//
// Each suite is split by a hash of the input into a tune part (about 40%,
// the part looked at while changing the checkers; cases the issue already
// named are tune too) and a held-out part, reported separately.
package suites
