// Package pipeline runs a clean: read every input, parse each row's email,
// phone and company size once, run the detectors, find duplicates, let the
// rulebook decide, and write each row, in input order, to exactly one
// output.
//
// # Concurrency
//
// Rows travel in batches of [batchSize] through four stages:
//
//  1. one goroutine reads the inputs and numbers the batches;
//  2. a pool of workers parses each row's email, phone and company size
//     and runs the detectors (phone numbers cost the most);
//  3. one goroutine takes the batches in input order and looks each row up
//     in the duplicate index, the only step that must see the rows one
//     after the other;
//  4. the same pool of workers lets the rulebook decide each row (its
//     conditions, regular expressions included, are the second cost) and
//     prepares the appended columns;
//
// and the calling goroutine writes the batches in input order. The order
// of the rows, and so the output, does not depend on the number of
// workers or on scheduling: every output is byte-identical run to run.
//
// # Repeated values and memory
//
// Where values repeat they are computed once, in bounded memos (pkg/memo:
// two generations per shard, so a value that keeps coming back stays in):
// phone verdicts per (digits, region), everything an e-mail verdict takes
// from its domain (public suffix, lists, typo suggestion), company size
// cells, seniority and department per job title; a rulebook's regular
// expressions when it loads. A matches condition on a constant pattern
// first looks for the literal text any match must contain (pricing, quote,
// demo, ...) and runs the regular expression only when one is there. The
// rulebook's environment is built only for the names its conditions read.
// Phone cells with fewer than five digits are rejected before parsing. The
// duplicate index keeps 16 bytes per key and the names it needs in an
// arena, never a row.
//
// # Performance history
//
// README's "Performance" gives the current figures of .ci/perf (a million
// generated rows against the floor of encoding/csv alone). This is how
// they were reached.
//
// Phone numbers are read with libphonenumber's metadata
// (nyaruka/phonenumbers) but not through its Parse, GetNumberType and
// GetRegionCodeForNumber: pkg/phone (parse.go, numbertype.go) follows them
// step for step over the same metadata, with each pattern compiled once,
// on first use, run once, and skipped when the number's first digit rules
// it out. The library's calls rebuild every pattern string and look it up
// under a lock, run each regular expression twice, classify +1 and +44
// numbers twice, and run its extension regular expression on cells
// leadclean has already reduced to digits: 19.2 µs against 2.5 µs a
// distinct number (BenchmarkLibraryDistinctCountries,
// BenchmarkCheckDistinctCountries). Tests compare the two on every
// region's example number of every type, typed eleven ways and read
// against nine regions, on their neighbours and on random digits (215,000
// comparisons), and two fuzz targets do so on anything (FuzzParseDigits,
// FuzzRegionAndType).
//
// The same file before this round of work, with the generator's old pool
// of numbers (phone memo hit rate 98%), took 9.1 to 9.2 s on the idle
// machine (7.1x its floor); with every number distinct the phone checks
// alone cost about 27 µs each, about 24 s a run. leadclean sets Go's
// garbage collector to collect at 1.5x the live heap instead of 2x
// (GOGC=50, unless GOGC is set in the environment): with GOGC=100 the 1M
// run took about 5% less CPU and peaked at 165 MiB, over the 150 MiB
// target.
//
// What the profiles of the 1M run showed, and what was done. First round
// (CPU shares of that profile; the run took 42 s wall, 761 MB):
//
//  1. Rulebook decisions ran in the one goroutine that also found
//     duplicates and wrote rows (38% of the CPU, all of it serial): they
//     now run on the workers; only the duplicate lookup is serial.
//  2. Seniority and department from the job title (16%): a hundred
//     substring searches with string concatenations per title, now one
//     pass over the title and a map lookup per run of words (0.27 µs, no
//     allocation).
//  3. The default rulebook's two case-insensitive regular expressions
//     (11%): the literal prefilter above; they now cost a quarter of that.
//  4. Memory: the duplicate index held each row's first and last name as
//     slices of the row, so every row stayed in memory (761 MB peak):
//     16-byte entries and a name arena.
//  5. Allocation: a new expression VM per rule and lead, one slice of
//     appended values per row.
//
// Second round, with every phone number distinct (47 CPU seconds a run):
//
//  1. Phone checks (about 27 µs a number, more than half of the CPU): the
//     step-for-step parse and type lookup above, patterns compiled lazily,
//     a first-digit prefilter: 2.5 µs.
//  2. Rulebook decisions (20%): the environment is built only for the
//     names the conditions read, title signals are memoised, VMs are
//     pooled: 4.6 to 3.3 µs.
//  3. E-mail checks (12%): the domain's facts memoised per domain, 832 to
//     390 ns for repeating domains.
//  4. Name plausibility (10%): ASCII names are folded without Unicode
//     normalisation, and placeholders are ruled out before words are
//     joined.
//  5. Cell lookups and writing (10%): each lead caches its trimmed fields
//     (the detectors and rules asked for the same ones dozens of times a
//     row), the writer decides quoting in one pass over a byte table,
//     company size cells are memoised, and the memo evicts a generation at
//     a time instead of one random entry (which had left deleted slots
//     that slowed every lookup).
//
// The costs that remain, in the last profile: the rulebook (21%, of which
// the two matches rules 8% and the expression VM 6%), phone checks (19%),
// reading (14%, encoding/csv included), name plausibility (8%), e-mail
// checks (7%), writing (6%) and the duplicate index (6%, map lookups over
// a million keys).
package pipeline
