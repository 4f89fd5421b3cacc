package personname

import (
	"strings"
	"unicode"
	"unicode/utf8"

	textfold "github.com/leadclean/leadclean/pkg/fold"
)

// fold lower-cases s and removes the accents of Latin, Greek and Cyrillic
// letters (é→e, ñ→n, ę→e), spelling out letters that do not decompose
// (ø→o, ß→ss, ł→l, æ→ae), as fold.String does; curly apostrophes and a
// backtick become ', and typographic dashes -. Marks on other scripts are
// kept: removing the voicing mark of Japanese kana would merge different
// names.
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
func foldUnicode(s string) string { return punctuation.Replace(textfold.String(s)) }

// punctuation spells apostrophes and dashes the one way names compare
// them. A Replacer is safe for concurrent use.
var punctuation = strings.NewReplacer(
	"’", "'", "‘", "'", "ʼ", "'", "`", "'", "´", "'", "ʻ", "'",
	"‐", "-", "‑", "-", "–", "-", "—", "-",
)

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
