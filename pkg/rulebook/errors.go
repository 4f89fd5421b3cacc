package rulebook

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hbollon/go-edlib"

	"github.com/leadclean/leadclean/pkg/lead"
)

// Error is one problem in a rulebook, with its position. Line and Column
// are 1-based; Column is 0 when only the line is known, and both are 0 for
// a problem with the file as a whole.
type Error = lead.Problem

// ErrorList is every problem found in one rulebook, in file order. Load and
// Parse return a non-empty *ErrorList (as error) when the rulebook cannot
// be used, so a user sees all problems at once.
type ErrorList []*Error

// Error prints one problem per line, each hint on a tab-indented line
// after its problem.
func (l *ErrorList) Error() string {
	if l == nil || len(*l) == 0 {
		return "no errors"
	}
	parts := make([]string, len(*l))
	for i, e := range *l {
		parts[i] = e.Error()
		if e.Hint != "" {
			parts[i] += "\n\thint: " + e.Hint
		}
	}
	return strings.Join(parts, "\n")
}

// Unwrap returns the problems, so callers print each with its hint.
func (l *ErrorList) Unwrap() []error {
	errs := make([]error, len(*l))
	for i, e := range *l {
		errs[i] = e
	}
	return errs
}

// add records a problem.
func (l *ErrorList) add(file string, line, col int, msg, hint string) {
	*l = append(*l, &Error{File: file, Line: line, Column: col, Msg: msg, Hint: hint})
}

// sortByPosition orders problems by line then column, keeping the order
// of problems at one position.
func (l ErrorList) sortByPosition() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].Line != l[j].Line {
			return l[i].Line < l[j].Line
		}
		return l[i].Column < l[j].Column
	})
}

// err returns l as an error, or nil when it is empty.
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	l.sortByPosition()
	return &l
}

// suggest returns the candidate closest to word when it is close enough to
// be a likely typo, else "".
func suggest(word string, candidates []string) string {
	word = strings.ToLower(word)
	best, bestDist := "", -1
	for _, c := range candidates {
		d := editDistance(word, c)
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := 2
	if n := len([]rune(word)); n <= 4 {
		limit = 1
	} else if n >= 10 {
		limit = 3
	}
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// hintFor builds "did you mean X?" plus the list of valid values.
func hintFor(word, what string, candidates []string) string {
	list := what + ": " + strings.Join(candidates, ", ")
	if s := suggest(word, candidates); s != "" {
		return "did you mean " + s + "? " + list
	}
	return list
}

// editDistance is the optimal string alignment distance (Levenshtein
// with adjacent transpositions) between a and b, over runes, from go-edlib
// (already used for e-mail typos and names).
func editDistance(a, b string) int {
	if utf8.RuneCountInString(a) > 64 || utf8.RuneCountInString(b) > 64 {
		// Long words are never typos of a key; avoid quadratic work.
		if a == b {
			return 0
		}
		return 1 << 20
	}
	return edlib.OSADamerauLevenshteinDistance(a, b)
}
