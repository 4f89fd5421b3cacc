package header

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/leadclean/leadclean/pkg/fold"
)

// Normalize returns the key under which header cells and aliases are
// compared: the cell's letters and digits, lower-cased, with accents folded
// (é→e, and the letters of fold.Special: ß→ss, ø→o, æ→ae, œ→oe, ł→l,
// ð→d, þ→th) and everything else (spaces,
// underscores, hyphens, slashes, dots, apostrophes, a byte-order mark)
// dropped. So "E-Mail", "e_mail", "EMail" and "email" share the key
// "email", "Zip/Postal Code" and "zip_postal_code" share "zippostalcode",
// and "Téléphone" becomes "telephone".
//
// Two spellings match exactly when their keys are equal. Letters of any
// script are kept, so a header in a script the alias table does not cover
// stays distinct rather than collapsing to "".
func Normalize(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	walkFolded(h, func(r rune, _ bool) { b.WriteRune(r) })
	return b.String()
}

// words splits h into its folded, lower-case words: runs of letters and
// digits, also broken where a lower-case letter meets an upper-case one
// (camelCase "AccountOwnerEmail") and where letters meet digits
// ("Address1"). Joining the words gives Normalize(h).
func words(h string) []string {
	var out []string
	var cur strings.Builder
	walkFolded(h, func(r rune, brk bool) {
		if brk && cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
		cur.WriteRune(r)
	})
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// walkFolded walks h in compatibility-decomposed form and calls emit with every
// kept, lower-cased rune; brk reports that the rune starts a new word.
func walkFolded(h string, emit func(r rune, brk bool)) {
	const (
		none = iota
		lower
		upper
		digit
	)
	prev := none
	gap := false
	if !isASCII(h) {
		// Invalid bytes become gaps first: norm leaves the text after one
		// undecomposed.
		h = norm.NFKD.String(strings.ToValidUTF8(h, " "))
	}
	for _, r := range h {
		if fold.IsMark(r) {
			// A combining accent is part of the letter before it.
			continue
		}
		var class int
		switch {
		case unicode.IsDigit(r):
			class = digit
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			class = upper
		case unicode.IsLetter(r):
			class = lower
		default:
			gap = true
			continue
		}
		brk := prev == none || gap ||
			(class == upper && prev == lower) ||
			((class == digit) != (prev == digit))
		gap = false
		prev = class
		if s, ok := fold.Special(r); ok {
			for j, fr := range s {
				emit(fr, brk && j == 0)
			}
			continue
		}
		emit(unicode.ToLower(r), brk)
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
