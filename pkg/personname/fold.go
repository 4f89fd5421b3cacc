package personname

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold lower-cases s and removes the accents of Latin, Greek and Cyrillic
// letters (é→e, ñ→n, ę→e), spelling out letters that do not decompose
// (ø→o, ß→ss, ł→l, æ→ae). Marks on other scripts are kept: removing the
// voicing mark of Japanese kana would merge different names.
//
// It decomposes with norm.NFD and drops nonspacing marks (category Mn)
// itself rather than through a shared transform.Transformer, so it holds
// no state and is safe for concurrent use.
func fold(s string) string {
	// Most names are ASCII: lower case, and a backtick for an apostrophe,
	// is all folding does to them, without the two normalisations.
	lower := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return foldUnicode(s)
		}
		if 'A' <= c && c <= 'Z' || c == '`' {
			lower = false
		}
	}
	if lower {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		switch {
		case 'A' <= c && c <= 'Z':
			b[i] = c + 'a' - 'A'
		case c == '`':
			b[i] = '\''
		}
	}
	return string(b)
}

// foldUnicode is fold for text beyond ASCII.
func foldUnicode(s string) string {
	decomposed := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(decomposed))
	var base rune
	for _, r := range decomposed {
		if unicode.Is(unicode.Mn, r) {
			if isAlphabetic(base) {
				continue
			}
			b.WriteRune(r)
			continue
		}
		base = r
		switch r {
		case 'ø', 'Ø':
			b.WriteByte('o')
		case 'æ', 'Æ':
			b.WriteString("ae")
		case 'œ', 'Œ':
			b.WriteString("oe")
		case 'ß', 'ẞ':
			b.WriteString("ss")
		case 'ł', 'Ł':
			b.WriteByte('l')
		case 'đ', 'Đ', 'ð', 'Ð':
			b.WriteByte('d')
		case 'þ', 'Þ':
			b.WriteString("th")
		case 'ı':
			b.WriteByte('i')
		case '’', '‘', 'ʼ', '`', '´', 'ʻ':
			b.WriteByte('\'')
		case '‐', '‑', '–', '—':
			b.WriteByte('-')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return norm.NFC.String(b.String())
}

// isAlphabetic reports whether r is a letter of a script written with
// separate letters and initials: Latin, Greek or Cyrillic.
func isAlphabetic(r rune) bool {
	return unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic)
}

// tokens splits a folded name part into words on white space and
// commas, trimming periods ("J." → "j").
func tokens(folded string) []string {
	fields := strings.FieldsFunc(folded, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	out := fields[:0]
	for _, f := range fields {
		f = strings.Trim(f, ".")
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// pieces splits a word into its runs of letters: "o'brien" → "o",
// "brien"; "smith-jones" → "smith", "jones".
func pieces(word string) []string {
	return strings.FieldsFunc(word, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r)
	})
}

// hasLetter reports whether s holds at least one letter.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
