package junk

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// appendFolded appends s to dst in the folded form every word matcher of
// this package compares: lower case, accents removed (é→e, ß→ss, ø→o),
// apostrophes dropped (O'Brien→obrien), and every other run of
// punctuation, symbols and spaces turned into one space, with no leading
// or trailing space. Letters of every script and digits are kept, so
// 学生 stays 学生.
//
// Words of the result are separated by exactly one space, so wrapping it
// and a pattern in spaces turns bytes.Contains into a whole-word match.
func appendFolded(dst []byte, s string) []byte {
	start := len(dst)
	pendingSpace := false
	emit := func(r rune) {
		if pendingSpace && len(dst) > start {
			dst = append(dst, ' ')
		}
		pendingSpace = false
		dst = utf8.AppendRune(dst, r)
	}
	// emitLetter writes a letter lower-cased, spelling out the Latin
	// letters that do not decompose into a base letter and a mark.
	emitLetter := func(r rune) {
		switch r {
		case 'ß', 'ẞ':
			emit('s')
			emit('s')
		case 'æ', 'Æ':
			emit('a')
			emit('e')
		case 'œ', 'Œ':
			emit('o')
			emit('e')
		case 'ø', 'Ø':
			emit('o')
		case 'ł', 'Ł':
			emit('l')
		case 'đ', 'Đ', 'ð', 'Ð':
			emit('d')
		case 'ı':
			emit('i')
		case 'þ', 'Þ':
			emit('t')
			emit('h')
		default:
			emit(unicode.ToLower(r))
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				if pendingSpace && len(dst) > start {
					dst = append(dst, ' ')
				}
				pendingSpace = false
				dst = append(dst, c)
			case 'A' <= c && c <= 'Z':
				if pendingSpace && len(dst) > start {
					dst = append(dst, ' ')
				}
				pendingSpace = false
				dst = append(dst, c+'a'-'A')
			case c == '\'' || c == '`':
				// joiner: O'Brien, Macy's
			default:
				pendingSpace = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '’', '‘', 'ʼ', '´':
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if unicode.Is(unicode.Mn, r) {
				continue // a combining mark left over from decomposed input
			}
			pendingSpace = true
			continue
		}
		if r < 0x250 || (0x1E00 <= r && r < 0x1F00) {
			// Latin with diacritics: decompose and keep the base letters.
			var enc [utf8.UTFMax]byte
			var dec [32]byte
			n := utf8.EncodeRune(enc[:], r)
			d := norm.NFD.Append(dec[:0], enc[:n]...)
			for len(d) > 0 {
				b, bs := utf8.DecodeRune(d)
				d = d[bs:]
				if unicode.Is(unicode.Mn, b) {
					continue
				}
				emitLetter(b)
			}
			continue
		}
		emitLetter(r)
	}
	return dst
}

// folded returns s folded as by appendFolded.
func folded(s string) string { return string(appendFolded(nil, s)) }

// containsWord reports whether the folded text holds the folded phrase as
// whole words. Both must come from appendFolded.
func containsWord(text, phrase []byte) bool {
	for off := 0; off <= len(text)-len(phrase); {
		i := bytes.Index(text[off:], phrase)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(phrase)
		if (i == 0 || text[i-1] == ' ') && (end == len(text) || text[end] == ' ') {
			return true
		}
		off = i + 1
	}
	return false
}

// phraseSet is a fixed list of folded phrases matched as whole words, or
// as plain substrings for phrases in scripts written without spaces
// (学生).
type phraseSet struct {
	words    [][]byte // matched on word boundaries
	anyWhere [][]byte // matched anywhere (CJK)
	// original keeps the phrase as written, for details.
	wordsOriginal    []string
	anyWhereOriginal []string
}

// newPhraseSet folds each phrase once. Empty phrases (after folding) are
// skipped.
func newPhraseSet(phrases ...[]string) *phraseSet {
	ps := &phraseSet{}
	for _, list := range phrases {
		for _, p := range list {
			f := appendFolded(nil, p)
			if len(f) == 0 {
				continue
			}
			if isUnspaced(f) {
				ps.anyWhere = append(ps.anyWhere, f)
				ps.anyWhereOriginal = append(ps.anyWhereOriginal, p)
			} else {
				ps.words = append(ps.words, f)
				ps.wordsOriginal = append(ps.wordsOriginal, p)
			}
		}
	}
	return ps
}

// match returns the first phrase found in the folded text, as written in
// the list.
func (ps *phraseSet) match(text []byte) (string, bool) {
	if len(text) == 0 {
		return "", false
	}
	for i, w := range ps.words {
		if containsWord(text, w) {
			return ps.wordsOriginal[i], true
		}
	}
	for i, w := range ps.anyWhere {
		if bytes.Contains(text, w) {
			return ps.anyWhereOriginal[i], true
		}
	}
	return "", false
}

// isUnspaced reports whether a folded phrase is in a script written
// without spaces between words (Han, Hiragana, Katakana, Hangul is spaced
// but syllabic; Thai), where word boundaries cannot be found by spaces.
func isUnspaced(f []byte) bool {
	for _, r := range string(f) {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai) {
			return true
		}
	}
	return false
}
