package junk

import (
	"strconv"

	"github.com/leadclean/leadclean/pkg/lead"
)

// IsFormula reports whether a spreadsheet (Excel, LibreOffice Calc,
// Google Sheets) opening a CSV file would evaluate cell as a formula: the
// OWASP "CSV injection" triggers =, +, -, @, tab and carriage return as
// the first character.
//
// Leading spaces, newlines and no-break spaces are skipped before the
// test: Calc's "trim spaces" import option and Sheets strip them and then
// evaluate, so " =1+1" counts as a formula.
//
// A cell starting with + or - is not a formula when nothing in it can do
// harm: a plain number ("-5", "+3.5", "-1,234.00", "-1e5", "-12%",
// "-$1,200"), a phone number ("+1 415 392 1234", "+49 (0)30 123456",
// "+44-20-7946-0958", "+1 415 392 1234 ext. 12") or a placeholder made of
// dashes alone ("-", "--"). Any other + or - start is a formula, free text
// such as "- call back Monday" included: Excel evaluates it, and
// "-2+3+cmd|' /C calc'!A0" starts the same way.
//
// The CSV writer uses IsFormula for --excel-safe escaping; it never
// allocates.
func IsFormula(cell string) bool {
	i := skipBlank(cell)
	if i == len(cell) {
		return false
	}
	switch cell[i] {
	case '=', '@', '\t', '\r':
		return true
	case '+', '-':
		s := cell[i:]
		return !isDashes(s) && !isPlainNumber(s) && !isPhoneLike(s)
	}
	return false
}

// skipBlank returns the index of the first byte of cell that is not a
// space, newline, vertical tab, form feed or U+00A0.
func skipBlank(cell string) int {
	i := 0
	for i < len(cell) {
		switch c := cell[i]; {
		case c == ' ' || c == '\n' || c == '\v' || c == '\f':
			i++
		case c == 0xC2 && i+1 < len(cell) && cell[i+1] == 0xA0:
			i += 2
		default:
			return i
		}
	}
	return i
}

// isDashes reports whether s holds only +, - and spaces.
func isDashes(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '-' && c != '+' && c != ' ' {
			return false
		}
	}
	return true
}

// isPlainNumber reports whether s is a signed number: sign, optional
// currency symbol, digits with optional comma grouping, optional
// fraction, optional exponent, optional percent sign, trailing spaces.
func isPlainNumber(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	for _, sym := range [...]string{"$", "€", "£", "¥"} {
		if len(s)-i >= len(sym) && s[i:i+len(sym)] == sym {
			i += len(sym)
			break
		}
	}
	digits := 0
	for i < len(s) && (isDigitByte(s[i]) || (s[i] == ',' && digits > 0 && isGroup(s[i+1:]))) {
		if s[i] != ',' {
			digits++
		}
		i++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigitByte(s[i]) {
			digits++
			i++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && isDigitByte(s[i]) {
			exp++
			i++
		}
		if exp == 0 {
			return false
		}
	}
	if i < len(s) && s[i] == '%' {
		i++
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i == len(s)
}

// isGroup reports whether s starts with exactly three digits followed by
// a non-digit or the end (the group after a thousands comma).
func isGroup(s string) bool {
	if len(s) < 3 || !isDigitByte(s[0]) || !isDigitByte(s[1]) || !isDigitByte(s[2]) {
		return false
	}
	return len(s) == 3 || !isDigitByte(s[3])
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// isPhoneLike reports whether s is an international phone number: "+",
// then 6 to 20 digits with spaces, dots, hyphens, slashes and
// parentheses between them, and an optional extension ("x12", "ext. 12",
// "#12"). No letters besides the extension mark, no operators that could
// call anything.
func isPhoneLike(s string) bool {
	if len(s) < 2 || s[0] != '+' {
		return false
	}
	digits := 0
	i := 1
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case isDigitByte(c):
			digits++
		case c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/':
		default:
			goto extension
		}
	}
extension:
	if digits < 6 || digits > 20 {
		return false
	}
	if i == len(s) {
		return true
	}
	rest := s[i:]
	switch {
	case len(rest) >= 3 && (rest[:3] == "ext" || rest[:3] == "Ext" || rest[:3] == "EXT"):
		rest = rest[3:]
		if len(rest) > 0 && rest[0] == '.' {
			rest = rest[1:]
		}
	case rest[0] == 'x' || rest[0] == 'X' || rest[0] == '#':
		rest = rest[1:]
	default:
		return false
	}
	for len(rest) > 0 && rest[0] == ' ' {
		rest = rest[1:]
	}
	if len(rest) == 0 || len(rest) > 6 {
		return false
	}
	for j := 0; j < len(rest); j++ {
		if !isDigitByte(rest[j]) {
			return false
		}
	}
	return true
}

// formulaInjection finds rows with a cell a spreadsheet would run as a
// formula (see [IsFormula]). It reads every cell of the row, mapped to a
// field or not, and can always check.
type formulaInjection struct{}

var _ Detector = formulaInjection{}

func (formulaInjection) Reason() lead.Reason { return lead.FormulaInjection }

func (formulaInjection) Checkable(*lead.Columns) (bool, string) { return true, "" }

func (formulaInjection) Detect(l *lead.Lead) (string, bool) {
	for i, cell := range l.Cells {
		if !IsFormula(cell) {
			continue
		}
		where := "column " + strconv.Itoa(i+1)
		if l.Columns != nil && i < len(l.Columns.Header) && l.Columns.Header[i] != "" {
			where += " " + strconv.Quote(l.Columns.Header[i])
		}
		return where + " would run as a formula: " + strconv.Quote(preview(cell, 24)), true
	}
	return "", false
}

// preview returns at most n runes of s, with "..." when cut.
func preview(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i] + "..."
		}
		n--
	}
	return s
}
