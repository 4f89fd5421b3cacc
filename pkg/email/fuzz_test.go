package email

import (
	"testing"
	"unicode/utf8"
)

// FuzzCheck: no panic on any cell, the invariants of checkInvariants hold,
// and normalisation is idempotent for every address that is not bogus,
// with and without typo fixing.
func FuzzCheck(f *testing.F) {
	for _, tt := range checkCases {
		f.Add(tt.in)
	}
	for _, seed := range []string{
		"jane@xn--mller-kva.de", "JANE@XN--MLLER-KVA.DE", "a@b.c.d", "@@", "mailto:<a@b.com>",
		"<mailto:a@b.com>", "a@ｇｍａｉｌ.com", "a@gmail。com", "a@b.co\u200b", "ä@ß.de",
		"a@xn--.com", "a@xn--a.com", "a@gmial.con", "\ufeff\u00a0 x@y.org \u2060",
	} {
		f.Add(seed)
	}
	checker := NewChecker(Options{})
	fixer := NewChecker(Options{FixTypos: true})
	f.Fuzz(func(t *testing.T, cell string) {
		for _, c := range []*Checker{checker, fixer} {
			got := c.Check(cell)
			checkInvariants(t, cell, got)
			if got.Missing || got.Bogus {
				continue
			}
			if !utf8.ValidString(got.Normalized) {
				t.Fatalf("Check(%q).Normalized = %q is not UTF-8", cell, got.Normalized)
			}
			again := c.Check(got.Normalized)
			if again.Bogus || again.Normalized != got.Normalized || again.DedupKey != got.DedupKey {
				t.Fatalf("not idempotent: Check(%q) = %+v, then Check(%q) = %+v", cell, got, got.Normalized, again)
			}
		}
	})
}
