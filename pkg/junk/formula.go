package junk

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/leadclean/leadclean/pkg/email"
	"github.com/leadclean/leadclean/pkg/lead"
)

// Formulas: what is neutralised and what is rejected
//
// Two questions, two functions:
//
//   - [IsFormula]: would a spreadsheet opening the CSV treat the cell as a
//     formula? Any cell starting with =, +, -, @, tab or CR (OWASP's "CSV
//     injection" triggers) that is not a plain number, a phone number or
//     dashes. --excel-safe prefixes each such cell with an apostrophe,
//     harmless ones included ("- wants demo in Q4" would show #NAME?).
//   - [IsPayload]: is the cell a formula someone wrote to run: it starts
//     with =, or with +, - or @ followed by a function call (HYPERLINK(,
//     SUM(), a DDE call (cmd|' /C calc'!A0) or an expression with no
//     spaces ("+1+1", "-2+3+cmd|..."). Only a payload makes a row
//     formula_injection; a note that starts with a sign ("- wants demo in
//     Q4", "@channel call him") is a lead's text, not a reason to reject.
//
// Both look past every leading character the clean-up trims from a value
// ([email.IsTrimmed]: Unicode spaces such as U+3000, U+2003, U+200A,
// U+205F, U+1680, U+2028, U+0085, and invisible format characters such as
// U+200B, U+2060, U+FEFF): "\u3000=cmd|..." in an e-mail cell would be
// written to leadclean_email as "=cmd|...", and spreadsheets that trim
// spaces on import evaluate " =1+1".

// IsFormula reports whether a spreadsheet (Excel, LibreOffice Calc,
// Google Sheets) opening a CSV file would evaluate cell as a formula.
// A cell starting with + or - is not a formula when nothing in it can do
// harm: a plain number ("-5", "+3.5", "-1,234.00", "-1e5", "-12%",
// "-$1,200"), a phone number ("+1 415 392 1234", "+49 (0)30 123456",
// "+44-20-7946-0958", "+1 415 392 1234 ext. 12") or a placeholder made of
// dashes alone ("-", "--").
//
// The CSV writer uses IsFormula for --excel-safe escaping; it never
// allocates.
func IsFormula(cell string) bool {
	if cell != "" && (cell[0] == '\t' || cell[0] == '\r') {
		return true
	}
	s := cell[skipBlank(cell):]
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return true
	case '+', '-':
		return !isDashes(s) && !isPlainNumber(s) && !isPhoneLike(s)
	}
	return false
}

// IsPayload reports whether cell is a formula written to run (see the
// package section on formulas): the reason to reject a row.
func IsPayload(cell string) bool {
	s := cell[skipBlank(cell):]
	if s == "" {
		return false
	}
	switch s[0] {
	case '=':
		return true
	case '+', '-', '@':
		if isDashes(s) || isPlainNumber(s) || isPhoneLike(s) {
			return false
		}
		return looksLikeFormula(s[1:])
	}
	return false
}

// looksLikeFormula reports whether the text after a leading +, - or @
// is formula syntax: another trigger, a DDE call, a function call, or an
// expression of operands and operators with no spaces.
func looksLikeFormula(rest string) bool {
	t := rest[skipBlank(rest):]
	if t == "" {
		return false
	}
	if t[0] == '=' || t[0] == '+' || t[0] == '-' || t[0] == '@' {
		return IsPayload(t) || !isDashes(t) && !strings.ContainsAny(t, " \t")
	}
	if strings.IndexByte(t, '|') >= 0 && strings.IndexByte(t, '!') >= 0 {
		return true // DDE: cmd|' /C calc'!A0
	}
	for i := 0; i < len(t); i++ {
		if t[i] != '(' || i == 0 {
			continue
		}
		// NAME( with no space: a function call.
		j := i
		for j > 0 && isNameByte(t[j-1]) {
			j--
		}
		if j < i && isLetterByte(t[j]) {
			return true
		}
	}
	if strings.ContainsFunc(t, unicode.IsSpace) {
		return false // words: a note
	}
	return strings.ContainsAny(t, "+-*/^&<>=%():!") || isCellRef(t)
}

// isCellRef reports whether s is a cell reference such as A1 or $AB$12.
func isCellRef(s string) bool {
	i := 0
	if i < len(s) && s[i] == '$' {
		i++
	}
	letters := 0
	for i < len(s) && isLetterByte(s[i]) && s[i] != '_' {
		i++
		letters++
	}
	if i < len(s) && s[i] == '$' {
		i++
	}
	digits := 0
	for i < len(s) && isDigitByte(s[i]) {
		i++
		digits++
	}
	return letters >= 1 && letters <= 3 && digits >= 1 && digits <= 7 && i == len(s)
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }

func isNameByte(c byte) bool { return isLetterByte(c) || isDigitByte(c) || c == '.' }

// skipBlank returns the index of the first rune of cell that the
// clean-up would not trim ([email.IsTrimmed]), tab and CR included.
func skipBlank(cell string) int {
	for i := 0; i < len(cell); {
		c := cell[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(cell[i:])
		if !email.IsTrimmed(r) {
			return i
		}
		i += size
	}
	return len(cell)
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
		if !IsPayload(cell) {
			continue
		}
		where := "column " + strconv.Itoa(i+1)
		if l.Columns != nil && i < len(l.Columns.Header) && l.Columns.Header[i] != "" {
			where += " " + strconv.Quote(l.Columns.Header[i])
		}
		return where + " would run as a formula: " + strconv.Quote(preview(cell, 24)), true
	}
	// The values leadclean derives and appends (lead.Appended): at this
	// point those from parsed cells (leadclean_email, the suggestion) are
	// set; the verdict's are not yet, and leadclean writes them itself.
	for _, c := range lead.Appended {
		if c.Value == nil {
			continue
		}
		if v := c.Value(l); IsPayload(v) {
			return c.Name + " would run as a formula: " + strconv.Quote(preview(v, 24)), true
		}
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
