// Package fold folds text for comparison: lower case, accents removed,
// and the letters that Unicode decomposition leaves whole spelled out in
// ASCII (ß→ss, æ→ae, ø→o, ł→l, þ→th). Every package that compares
// people's spellings (header cells, country names, person names, job
// titles and company names, source names) folds through here, so "Straße"
// and "STRASSE", "Þórunn" and "thorunn" meet the same way everywhere.
//
// The one table of such letters is [Special]. Accents are removed by
// canonical decomposition (golang.org/x/text/unicode/norm, NFD) and
// dropping the nonspacing marks (category Mn); [String] does it for a whole
// text and is fuzzed against the same steps written as an x/text transform
// chain (norm, runes).
//
// Everything here is stateless and safe for concurrent use.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Special returns the folded spelling of a letter that canonical
// decomposition leaves whole (ß, ẞ, æ, œ, ø, ł, đ, ð, þ, ı and their
// capitals), and true; for any other rune it returns "", false. The
// spellings are lower-case ASCII.
func Special(r rune) (string, bool) {
	switch r {
	case 'ß', 'ẞ':
		return "ss", true
	case 'æ', 'Æ':
		return "ae", true
	case 'œ', 'Œ':
		return "oe", true
	case 'ø', 'Ø':
		return "o", true
	case 'ł', 'Ł':
		return "l", true
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d", true
	case 'þ', 'Þ':
		return "th", true
	case 'ı':
		return "i", true
	}
	return "", false
}

// AppendRune appends r lower-cased, or spelled out by [Special]. It does
// not remove accents: see [AppendBase].
func AppendRune(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	if s, ok := Special(r); ok {
		return append(dst, s...)
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// AppendBase appends r without its accents: r is decomposed (NFD), its
// nonspacing marks dropped, and each remaining rune appended by
// [AppendRune] (é→e, Ǻ→a, ß→ss).
func AppendBase(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return AppendRune(dst, r)
	}
	var enc [utf8.UTFMax]byte
	var dec [32]byte
	n := utf8.EncodeRune(enc[:], r)
	d := norm.NFD.Append(dec[:0], enc[:n]...)
	for len(d) > 0 {
		b, size := utf8.DecodeRune(d)
		d = d[size:]
		if !IsMark(b) {
			dst = AppendRune(dst, b)
		}
	}
	return dst
}

// IsMark reports whether r is a nonspacing mark (category Mn), such as a
// combining accent.
func IsMark(r rune) bool { return unicode.Is(unicode.Mn, r) }

// IsAlphabetic reports whether r is a letter of a script written with
// separate letters whose accents fold away: Latin, Greek or Cyrillic.
// Marks on other scripts are kept by [String]: removing the voicing mark
// of Japanese kana would merge different words.
func IsAlphabetic(r rune) bool {
	return unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic)
}

// String folds s: lower case, the accents of Latin, Greek and Cyrillic
// letters removed (é→e, ά→α), letters [Special] lists spelled out, and
// the result composed again (NFC). Marks on other scripts, punctuation,
// spaces and digits are kept as they are.
func String(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	decomposed := norm.NFD.String(s)
	b := make([]byte, 0, len(decomposed))
	var base rune
	for _, r := range decomposed {
		if IsMark(r) {
			if !IsAlphabetic(base) {
				b = utf8.AppendRune(b, r)
			}
			continue
		}
		base = r
		b = AppendRune(b, r)
	}
	return norm.NFC.String(string(b))
}

// Words returns s lower-cased with every run of white space, hyphens and
// underscores made one space, and none at either end: "Closed_Won",
// "closed-won" and " Closed  Won" all give "closed won". It is for labels
// from a fixed list (status values, column names), not for people's
// spellings.
func Words(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), isWordBreak), " ")
}

func isWordBreak(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '_' }
