package personname

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hbollon/go-edlib"
)

// Jaro-Winkler thresholds of Salesforce's standard matching rule.
const (
	firstNameThreshold = 0.85
	lastNameThreshold  = 0.90
)

// maxCompareRunes bounds the words compared by Jaro-Winkler, whose cost
// grows with the product of the lengths; longer words compare exactly.
const maxCompareRunes = 64

// nicknamesCSV holds a given name and its diminutives on each line; see
// data/README.md for its source and licence.
//
//go:embed data/nicknames.csv
var nicknamesCSV string

// nicknameTable maps a name to the lines of nicknames.csv it is on.
type nicknameTable map[string][]int32

var (
	nicknamesOnce sync.Once
	nicknames     nicknameTable
)

func loadNicknames() nicknameTable {
	nicknamesOnce.Do(func() {
		table := make(nicknameTable, 4096)
		for line, text := range strings.Split(nicknamesCSV, "\n") {
			seen := map[string]bool{}
			for _, name := range strings.Split(text, ",") {
				name = strings.ToLower(strings.TrimSpace(name))
				if name == "" || seen[name] {
					continue
				}
				seen[name] = true
				table[name] = append(table[name], int32(line))
			}
		}
		nicknames = table
	})
	return nicknames
}

// sameGroup reports whether a and b are on one nickname line (bob and
// robert, bill and william, liz and elizabeth).
func (t nicknameTable) sameGroup(a, b string) bool {
	for _, lineA := range t[a] {
		for _, lineB := range t[b] {
			if lineA == lineB {
				return true
			}
		}
	}
	return false
}

// Related reports whether two names could be the same person: equal after
// folding case and accents, a nickname (Bob/Robert), an initial (J. Smith),
// first and last swapped, or close by Jaro-Winkler.
//
// It compares word by word, never the whole string ("Mickey Mouse" and
// "Michael Moss" score 0.84 as wholes). Jaro-Winkler must reach 0.85 for
// given names and 0.90 for surnames. When either side has no name, or the
// two sides do not both give a first and a last name, it cannot tell and
// answers true unless no word of one matches any word of the other.
func Related(firstA, lastA, firstB, lastB string) bool {
	givenA, familyA := nameWords(firstA), nameWords(lastA)
	givenB, familyB := nameWords(firstB), nameWords(lastB)
	if len(givenA)+len(familyA) == 0 || len(givenB)+len(familyB) == 0 {
		return true
	}
	table := loadNicknames()
	if len(givenA) == 0 || len(familyA) == 0 || len(givenB) == 0 || len(familyB) == 0 {
		all := func(a, b []string) []string { return append(append([]string(nil), a...), b...) }
		return anyWordMatches(table, all(givenA, familyA), all(givenB, familyB), firstNameThreshold)
	}
	if anyWordMatches(table, givenA, givenB, firstNameThreshold) && surnamesMatch(table, familyA, familyB) {
		return true
	}
	// First and last swapped.
	return anyWordMatches(table, givenA, familyB, firstNameThreshold) && surnamesMatch(table, familyA, givenB)
}

// nameWords folds a name part and splits it into words, splitting
// hyphenated names and dropping apostrophes (O'Brien and OBrien are one
// spelling).
func nameWords(part string) []string {
	var words []string
	for _, word := range tokens(fold(part)) {
		word = wordSeparators.Replace(word)
		for _, w := range strings.Fields(word) {
			if hasLetter(w) {
				words = append(words, w)
			}
		}
	}
	return words
}

// wordSeparators drops apostrophes and splits hyphenated words. A
// Replacer is safe for concurrent use.
var wordSeparators = strings.NewReplacer("'", "", "-", " ")

// particles are surname prefixes that say nothing alone: "van der Berg"
// and "van Dijk" are not related through "van".
var particles = setOf("van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "bin", "binti", "ibn", "al", "el", "ben", "bat", "ter", "ten", "zu", "st", "mac", "mc", "o", "y", "e")

// surnamesMatch compares two surnames whole (spaces and hyphens dropped)
// and word by word, ignoring particles, so "Smith-Jones" matches "Jones"
// and "García López" matches "Garcia".
//
// Beyond Jaro-Winkler, two surnames of five letters or more one typo apart
// (a letter changed, added, dropped or two swapped) match: "Smyth" and
// "Smith" score 0.89, under the 0.90 threshold, yet under one phone and
// one email address they are one person.
func surnamesMatch(table nicknameTable, a, b []string) bool {
	joinedA, joinedB := strings.Join(a, ""), strings.Join(b, "")
	if wordsMatch(table, joinedA, joinedB, lastNameThreshold) || oneTypoApart(joinedA, joinedB) {
		return true
	}
	return anyWordMatches(table, withoutParticles(a), withoutParticles(b), lastNameThreshold)
}

func withoutParticles(words []string) []string {
	var out []string
	for _, w := range words {
		if !particles[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return words
	}
	return out
}

func anyWordMatches(table nicknameTable, a, b []string, threshold float32) bool {
	for _, x := range a {
		for _, y := range b {
			if wordsMatch(table, x, y, threshold) {
				return true
			}
		}
	}
	return false
}

// wordsMatch compares two folded words: equal, one the initial of the
// other, nicknames of one name, or close by Jaro-Winkler.
func wordsMatch(table nicknameTable, a, b string, threshold float32) bool {
	if a == b {
		return true
	}
	if isInitialOf(a, b) || isInitialOf(b, a) {
		return true
	}
	if table.sameGroup(a, b) {
		return true
	}
	if utf8.RuneCountInString(a) > maxCompareRunes || utf8.RuneCountInString(b) > maxCompareRunes {
		return false
	}
	return edlib.JaroWinklerSimilarity(a, b) >= threshold
}

// typoMinRunes is the shortest surname for which one typo is forgiven:
// shorter names one letter apart are usually different names (Lee, Lea).
const typoMinRunes = 5

// oneTypoApart reports whether two long enough words are one edit apart
// (optimal string alignment distance 1).
func oneTypoApart(a, b string) bool {
	lengthA, lengthB := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if min(lengthA, lengthB) < typoMinRunes || max(lengthA, lengthB) > maxCompareRunes {
		return false
	}
	return edlib.OSADamerauLevenshteinDistance(a, b) <= 1
}

// isInitialOf reports whether initial is one letter that begins name.
func isInitialOf(initial, name string) bool {
	runes := []rune(initial)
	return len(runes) == 1 && strings.HasPrefix(name, initial)
}

// Key returns a folded form of a name for grouping duplicates: lower
// case, accents removed, apostrophes and periods dropped, hyphens and
// runs of spaces made one space, first name words then last name words.
// "José  García-López" and "JOSE", "garcia lopez" have the same Key.
func Key(first, last string) string {
	return strings.Join(append(nameWords(first), nameWords(last)...), " ")
}
