// Package personname judges whether a name on a lead is a person's name,
// and whether two names could belong to the same person.
//
// Names are judged in every script: honorifics in several of them (Dr.,
// Shri, Smt., Alhaji, Chief, د., م., السيد, श्री, 先生, господин) are dropped
// before the placeholder checks, Arabic written in Latin letters with
// digits ("ali el3eraky") is a name, and "wrong number", "none",
// "unknown" in English, German, French, Spanish, Italian, Portuguese,
// Dutch, Arabic, Russian, Chinese and Japanese are placeholders.
//
// # Erring towards real people
//
// A false alarm here rejects a real person, so [Check] fires only on what
// no parent names a child: a whole placeholder pair (Mickey Mouse, John
// Doe, Test Test), words that are placeholders and nothing else
// ("Unknown", "N/A"), keyboard mashes (asdf, sdfsdf), a letter repeated
// (xxxx), initials and nothing else in both parts ("A B"), digits, and
// long Latin-script words with no vowel or an absurd run of consonants.
// Surnames that look fake alone (Test, Null, Doe, Batman) pass; short and
// vowel-less names (Ng, Vlk, O, Xu) pass; other scripts are never scored
// for gibberish. A name that is empty, or only punctuation such as "-",
// is missing rather than bogus: that is another check's concern. Cells
// whose letters were lost to a wrong encoding ("???? ??") are not judged.
//
// [Related] is lenient in the same direction: two names are unrelated
// only when both sides give enough to tell.
package personname

import (
	"strings"
	"unicode"

	textfold "github.com/leadclean/leadclean/pkg/fold"
)

// Check reports whether first and last (either may be empty) are not a
// person's name: a placeholder pair (Mickey Mouse, John Doe, Test Test), a
// keyboard mash, gibberish, repeated or single letters. why is a short
// explanation when bogus is true. Real names from many cultures (O'Brien,
// Nguyễn, Østergaard, 田中, Li Na) must never be bogus.
func Check(first, last string) (bogus bool, why string) {
	first, last = strings.TrimSpace(first), strings.TrimSpace(last)
	whole := first + " " + last
	if strings.IndexFunc(whole, unicode.IsDigit) >= 0 && !arabiziDigits(whole) {
		return true, "digits in name"
	}
	if strings.ContainsRune(whole, '@') {
		return true, "email address in name"
	}
	// '+' is left out: "John+Smith" is a URL-encoded space.
	if strings.ContainsAny(whole, "#$%^*_=<>{}[]|\\~") {
		return true, "symbols in name"
	}
	// A part without letters ("-", ".", "???" from a lost encoding) says
	// nothing: treat it as missing.
	if !hasLetter(first) {
		first = ""
	}
	if !hasLetter(last) {
		last = ""
	}
	if first == "" && last == "" {
		return false, ""
	}
	firstWords, lastWords := tokens(fold(first)), tokens(fold(last))
	words := append(append([]string(nil), firstWords...), lastWords...)

	if isPlaceholder(firstWords, lastWords) {
		return true, "placeholder name"
	}
	if onlyInitials(firstWords, lastWords) {
		return true, "only initials"
	}
	for _, word := range words {
		for _, piece := range pieces(word) {
			switch {
			case isRepeatedLetter(piece):
				return true, "repeated letters"
			case isKeyboardMash(piece):
				return true, "keyboard mash"
			case isGibberish(piece):
				return true, "gibberish"
			}
		}
	}
	return false, ""
}

// arabiziDigits reports whether every digit in s is a letter of Arabic
// written in Latin letters ("Arabizi", common in Egypt and the Gulf): 2
// (hamza), 3 (ain), 5 (kha), 6 (ta), 7 (ha), 8 (qaf), 9 (sad), inside a
// word or starting one, with a letter after it ("ali el3eraky", "Mo7amed",
// "3ali"). "john2", "test123" and "555-1234" are not.
func arabiziDigits(s string) bool {
	for _, word := range strings.Fields(s) {
		digits, letters := 0, 0
		runes := []rune(word)
		for i, r := range runes {
			switch {
			case unicode.IsLetter(r):
				letters++
			case unicode.IsDigit(r):
				if !strings.ContainsRune("2356789", r) || i+1 >= len(runes) || !isLatinLetter(runes[i+1]) ||
					i > 0 && !isLatinLetter(runes[i-1]) {
					return false
				}
				digits++
			}
		}
		if digits > 0 && letters < 2*digits {
			return false
		}
	}
	return true
}

func isLatinLetter(r rune) bool {
	return unicode.Is(unicode.Latin, r)
}

// isPlaceholder reports whether the whole name is on the placeholder pair
// list (in either order), or is made of placeholder words only.
func isPlaceholder(firstWords, lastWords []string) bool {
	// A word that is no honorific and in no placeholder word or pair
	// settles it without building the joined forms: the common case.
	for _, part := range [2][]string{firstWords, lastWords} {
		for _, w := range part {
			_, placeholder := placeholderWords[w]
			if !placeholder && !honorifics[w] && !placeholderPairWords[w] {
				return false
			}
		}
	}
	words := append(append([]string(nil), firstWords...), lastWords...)
	words = dropHonorifics(words)
	if len(words) == 0 {
		return true // "Mr." alone
	}
	if placeholderPairs[strings.Join(words, " ")] {
		return true
	}
	if len(firstWords) > 0 && len(lastWords) > 0 {
		swapped := dropHonorifics(append(append([]string(nil), lastWords...), firstWords...))
		if placeholderPairs[strings.Join(swapped, " ")] {
			return true
		}
	}
	for _, w := range words {
		if _, ok := placeholderWords[w]; !ok {
			return false
		}
	}
	// Test, Null, Guest are real surnames: alone they are not enough.
	return len(words) > 1 || !placeholderWords[words[0]]
}

func dropHonorifics(words []string) []string {
	out := words[:0:0]
	for _, w := range words {
		if !honorifics[w] {
			out = append(out, w)
		}
	}
	return out
}

// onlyInitials reports whether the name is initials and nothing else:
// both parts given and every word a single letter ("A B", "J. S."), or
// one part holding two or more single letters. Only alphabetic scripts
// count: a one-character Chinese or Korean name part is a whole name.
func onlyInitials(firstWords, lastWords []string) bool {
	allSingle := func(words []string) bool {
		for _, w := range words {
			runes := []rune(w)
			if len(runes) != 1 || !textfold.IsAlphabetic(runes[0]) {
				return false
			}
		}
		return len(words) > 0
	}
	switch {
	case len(firstWords) > 0 && len(lastWords) > 0:
		return allSingle(firstWords) && allSingle(lastWords)
	case len(firstWords) > 1:
		return allSingle(firstWords)
	case len(lastWords) > 1:
		return allSingle(lastWords)
	}
	return false
}

// isRepeatedLetter reports whether piece is one letter three or more
// times ("aaa", "xxxxx"), except the numeral "iii" (John Smith III).
func isRepeatedLetter(piece string) bool {
	if piece == "iii" {
		return false
	}
	var first rune
	n := 0
	for _, r := range piece {
		if n == 0 {
			first = r
		} else if r != first {
			return false
		}
		n++
	}
	return n >= 3
}

// isLatinASCII reports whether piece is made of a-z only (after folding,
// which has removed the accents of Latin letters).
func isLatinASCII(piece string) bool {
	for i := 0; i < len(piece); i++ {
		if piece[i] < 'a' || piece[i] > 'z' {
			return false
		}
	}
	return piece != ""
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// gibberishMinLength is the shortest word scored for gibberish: shorter
// names without vowels are common (Ng, Vlk, Prst, Krk).
const gibberishMinLength = 8

// maxConsonantRun is the longest run of consonant sounds a name may
// have, counting sch, cz, sz, rz, ch and the like as one: German
// "Angstschweiß" has 5 (ng-s-t-sch-w), Polish "Brzęczyszczykiewicz" 2.
const maxConsonantRun = 5

// consonantClusters are spelled with several letters for one sound.
var consonantClusters = []string{"tsch", "sch", "ch", "cz", "sz", "rz", "dz", "zh", "sh", "th", "ph", "gh", "kh", "ck", "ng", "nk", "ll", "dd", "ff", "ss", "tt", "nn", "mm", "rr"}

// isGibberish reports whether a long Latin-script word has no vowel at
// all or an impossible run of consonants.
func isGibberish(piece string) bool {
	if len(piece) < gibberishMinLength || !isLatinASCII(piece) {
		return false
	}
	run, longest, vowels := 0, 0, 0
	for i := 0; i < len(piece); {
		if isVowel(piece[i]) {
			vowels++
			run = 0
			i++
			continue
		}
		step := 1
		for _, cluster := range consonantClusters {
			if strings.HasPrefix(piece[i:], cluster) {
				step = len(cluster)
				break
			}
		}
		run++
		longest = max(longest, run)
		i += step
	}
	return vowels == 0 || longest > maxConsonantRun
}
