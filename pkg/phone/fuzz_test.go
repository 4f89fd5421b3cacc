package phone

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCheck: no panic on any cell, verdicts are consistent, and checking
// a number's E.164 form again gives the same E.164 and verdict
// (normalisation is idempotent).
func FuzzCheck(f *testing.F) {
	for _, tt := range phoneCases {
		f.Add(tt.raw, tt.country)
	}
	for _, seed := range []string{
		"+", "00", "+0", "+1", "++49 30 2270 0", "0049", "x", "#", "ext", "1/2/3/4/5/6/7/8",
		"٠١٢٣٤٥٦٧٨٩", "𝟘𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡", "1-800-ABCDEFGHIJKLMNOP", strings.Repeat("9", 300),
		"\xff\xfe1234567", "+1 617 495 1000 x" + strings.Repeat("1", 30), "tel:+1-617-495-1000;ext=12",
	} {
		f.Add(seed, "")
	}
	checkers := []*Checker{newChecker("US"), newChecker(""), NewCheckerWithOptions(Options{DefaultRegion: "DE", MemoSize: -1})}
	f.Fuzz(func(t *testing.T, raw, country string) {
		for _, c := range checkers {
			n := c.Check(raw, country)
			if n.Missing && (n.Valid || n.Bogus || n.E164 != "") {
				t.Fatalf("Check(%q, %q): missing and more: %+v", raw, country, n)
			}
			if n.Valid != (n.E164 != "") {
				t.Fatalf("Check(%q, %q): Valid %v with E164 %q", raw, country, n.Valid, n.E164)
			}
			if n.Bogus && n.Problem == "" {
				t.Fatalf("Check(%q, %q): bogus without a problem", raw, country)
			}
			if !utf8.ValidString(n.Extension) || strings.Trim(n.Extension, "0123456789") != "" {
				t.Fatalf("Check(%q, %q): extension %q", raw, country, n.Extension)
			}
			if !n.Valid {
				continue
			}
			again := c.Check(n.E164, "")
			if again.E164 != n.E164 || again.Bogus != n.Bogus || again.Type != n.Type {
				t.Fatalf("Check(%q, %q) = %+v, but Check(%q) = %+v", raw, country, n, n.E164, again)
			}
		}
	})
}
