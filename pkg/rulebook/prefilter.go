package rulebook

import (
	"bytes"
	"reflect"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"

	exprast "github.com/expr-lang/expr/ast"
)

// A scoring rule such as `message matches "(?i)\b(pricing|quote|demo)\b"`
// runs its regular expression on every lead, and Go's backtracking matcher
// tries every alternative at every position of the message: it was the
// largest part of Decide. Most messages contain none of the words, so a
// match is first ruled out, when it can be, by looking for the literal text
// that any match must contain ("pricing", "quote" or "demo"), in one pass
// over the lower-cased message. Only when one is found does the regular
// expression run, so the result is always the regular expression's.

// matchFunc is the function that conditions with a constant pattern are
// rewritten to call: matchFunc(text, i) is `text matches pattern i`.
const matchFunc = "leadclean_matches__"

// maxLiterals bounds a prefilter: a pattern that needs more alternatives
// than this is not worth one.
const maxLiterals = 64

// matcher is a compiled pattern with its prefilter.
type matcher struct {
	re *regexp.Regexp
	// literals are lower-case ASCII strings; every match of re contains
	// one of them, compared without regard to ASCII case.
	literals [][]byte
}

// match reports whether re matches s.
func (m *matcher) match(s string) bool {
	if !m.mayMatch(s) {
		return false
	}
	return m.re.MatchString(s)
}

// mayMatch reports whether s contains one of the literals, ignoring ASCII
// case. The Kelvin sign and the long s fold to k and s under (?i), so a
// text holding either always may match.
func (m *matcher) mayMatch(s string) bool {
	if strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f") {
		return true
	}
	var buf [512]byte
	lower := buf[:0]
	if len(s) > len(buf) {
		lower = make([]byte, 0, len(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower = append(lower, c)
	}
	for _, lit := range m.literals {
		if bytes.Contains(lower, lit) {
			return true
		}
	}
	return false
}

// newMatcher compiles pattern and its prefilter; ok is false when the
// pattern has no prefilter worth having (or does not compile).
func newMatcher(pattern string) (*matcher, bool) {
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, false
	}
	parsed, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, false
	}
	lits, ok := required(parsed.Simplify())
	if !ok || len(lits) == 0 || len(lits) > maxLiterals {
		return nil, false
	}
	m := &matcher{re: re}
	for _, l := range lits {
		if l == "" {
			return nil, false // every text contains it
		}
		m.literals = append(m.literals, []byte(l))
	}
	return m, true
}

// required returns lower-case ASCII strings one of which every match of re
// contains (ignoring ASCII case), or false when there are none to name.
func required(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		// Each rune must appear as written, or folded under (?i); the
		// longest ASCII run stands for the literal (non-ASCII letters
		// fold in ways a byte comparison does not follow).
		best, run := "", []byte(nil)
		flush := func() {
			if len(run) > len(best) {
				best = string(run)
			}
			run = run[:0]
		}
		for _, r := range re.Rune {
			if r >= utf8.RuneSelf {
				flush()
				continue
			}
			c := byte(r)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			run = append(run, c)
		}
		flush()
		return []string{best}, best != ""
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil, false
	case syntax.OpConcat:
		// Every part must match: the most selective part will do.
		var best []string
		for _, sub := range re.Sub {
			if lits, ok := required(sub); ok && better(lits, best) {
				best = lits
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		// Any branch may match: each must name its literals.
		var all []string
		for _, sub := range re.Sub {
			lits, ok := required(sub)
			if !ok {
				return nil, false
			}
			all = append(all, lits...)
		}
		return all, true
	}
	return nil, false
}

// better reports whether literal set a rules out more text than b: a
// longer shortest literal, then fewer literals.
func better(a, b []string) bool {
	if b == nil {
		return true
	}
	sa, sb := shortest(a), shortest(b)
	if sa != sb {
		return sa > sb
	}
	return len(a) < len(b)
}

func shortest(lits []string) int {
	n := -1
	for _, l := range lits {
		if n < 0 || len(l) < n {
			n = len(l)
		}
	}
	return n
}

// matchPatcher rewrites `text matches "constant"` on a string into a call
// of matchFunc with the index of the pattern's matcher, when the pattern
// has a prefilter. Other uses of matches are left to expr.
type matchPatcher struct {
	matchers *[]*matcher
}

func (p matchPatcher) Visit(node *exprast.Node) {
	bin, ok := (*node).(*exprast.BinaryNode)
	if !ok || bin.Operator != "matches" {
		return
	}
	pattern, ok := bin.Right.(*exprast.StringNode)
	if !ok || bin.Left.Type() == nil || bin.Left.Type().Kind() != reflect.String {
		return
	}
	m, ok := newMatcher(pattern.Value)
	if !ok {
		return
	}
	*p.matchers = append(*p.matchers, m)
	call := &exprast.CallNode{
		Callee:    &exprast.IdentifierNode{Value: matchFunc},
		Arguments: []exprast.Node{bin.Left, &exprast.IntegerNode{Value: len(*p.matchers) - 1}},
	}
	exprast.Patch(node, call)
	(*node).SetLocation(bin.Location())
}

// matchFunction is matchFunc's implementation over matchers.
func matchFunction(matchers *[]*matcher) func(params ...any) (any, error) {
	return func(params ...any) (any, error) {
		s, _ := params[0].(string)
		i, _ := params[1].(int)
		return (*matchers)[i].match(s), nil
	}
}
