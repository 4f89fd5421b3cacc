package junk

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/leadclean/leadclean/pkg/fold"
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
			if fold.IsMark(r) {
				continue // a combining mark left over from decomposed input
			}
			pendingSpace = true
			continue
		}
		if pendingSpace && len(dst) > start {
			dst = append(dst, ' ')
		}
		pendingSpace = false
		if r < 0x250 || (0x1E00 <= r && r < 0x1F00) {
			// Latin with diacritics: keep the base letters.
			dst = fold.AppendBase(dst, r)
			continue
		}
		dst = fold.AppendRune(dst, r)
	}
	return dst
}

// folded returns s folded as by appendFolded.
func folded(s string) string { return string(appendFolded(nil, s)) }

func isASCIIBytes(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// phraseSet is a fixed list of folded phrases matched as whole words, or
// as plain substrings for phrases in scripts written without spaces
// (学生). Word phrases are indexed by their first word, so a match costs
// one map lookup per word of the text, whatever the number of phrases.
type phraseSet struct {
	byFirstWord map[string][]phrase
	anyWhere    []phrase // matched anywhere (CJK)
}

// phrase is one entry: folded for matching, as written for details.
type phrase struct {
	folded  []byte
	written string
}

// newPhraseSet folds each phrase once. Empty phrases (after folding) are
// skipped.
func newPhraseSet(lists ...[]string) *phraseSet {
	ps := &phraseSet{byFirstWord: map[string][]phrase{}}
	for _, list := range lists {
		for _, p := range list {
			f := appendFolded(nil, p)
			if len(f) == 0 {
				continue
			}
			if isUnspaced(f) {
				ps.anyWhere = append(ps.anyWhere, phrase{f, p})
				continue
			}
			first := string(f)
			if i := bytes.IndexByte(f, ' '); i >= 0 {
				first = string(f[:i])
			}
			ps.byFirstWord[first] = append(ps.byFirstWord[first], phrase{f, p})
		}
	}
	return ps
}

// match returns the first phrase found in the folded text (from
// appendFolded), as written in the list.
func (ps *phraseSet) match(text []byte) (string, bool) {
	for start := 0; start < len(text); {
		end := bytes.IndexByte(text[start:], ' ')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		for _, p := range ps.byFirstWord[string(text[start:end])] {
			stop := start + len(p.folded)
			if bytes.HasPrefix(text[start:], p.folded) && (stop == len(text) || text[stop] == ' ') {
				return p.written, true
			}
		}
		start = end + 1
	}
	if len(ps.anyWhere) > 0 && !isASCIIBytes(text) {
		for _, p := range ps.anyWhere {
			if bytes.Contains(text, p.folded) {
				return p.written, true
			}
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
