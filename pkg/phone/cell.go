package phone

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// minDigits is the fewest digits a cell must hold to be worth parsing:
// almost no number anyone can dial from a lead form is shorter. The
// exceptions are the 4-digit national numbers of Niue, Tokelau and
// Tristan da Cunha (shortNational), read only against those regions.
const minDigits = 5

// shortNational are the regions whose national numbers may have 4 digits.
var shortNational = map[string]bool{"NU": true, "TK": true, "TA": true, "SH": true}

// placeholderCells are phone cells that say there is no number: missing,
// not bogus (compared in lower case).
var placeholderCells = map[string]bool{
	"-": true, "--": true, "---": true, "—": true, "–": true, ".": true, "?": true,
	"0": true, "00": true, "n/a": true, "na": true, "n.a.": true, "n/v": true,
	"#n/a": true, "none": true, "nil": true, "null": true, "unknown": true,
	"no": true, "no phone": true, "not provided": true, "not available": true,
	"tbd": true, "x": true, "keine": true, "k.a.": true, "k. a.": true,
	"unbekannt": true, "aucun": true, "inconnu": true, "ninguno": true,
	"desconocido": true, "nessuno": true,
}

// IsPlaceholder reports whether a trimmed phone cell says there is no
// number ("-", "n/a", "none", "unknown", "0"): such a cell is missing,
// not bogus.
func IsPlaceholder(cell string) bool {
	return len(cell) <= 16 && placeholderCells[strings.ToLower(cell)]
}

// maxCellLen bounds the text looked at; libphonenumber refuses more than
// 250 characters anyway.
const maxCellLen = 250

// prepared is a phone cell reduced to what decides its verdict.
type prepared struct {
	ok        bool   // enough digits to be a number
	plus      bool   // written in international format (+ before the digits)
	digits    string // ASCII digits, vanity letters converted
	extension string // extension digits, if any
}

// extensionMarkers are the words and signs that introduce an extension,
// as exports write them: x, ext, ext., extn, extension, #, Durchwahl (DW),
// Apparat, Nebenstelle, poste, interno, ramal, anexo, toestel, extensión,
// доб, 内線; full-width forms (ｅｘｔ) are read after NFKC.
const extensionMarkers = `(?:extensi[oó]n|extensio|ext(?:ension|n)?|xtn|доб|x|dw|durchwahl|durchw|apparat|app|nebenstelle|poste|p|interno|int|ramal|anexo|toestel|tst|#|内線)`

// extensionPattern matches an extension that ends the cell: group 1 is the
// extension with its marker, group 2 its digits. A marker word must not be
// the end of a longer word ("fax 123" is no extension), but may follow a
// digit ("555-0100x23").
var extensionPattern = regexp.MustCompile(`(?i)(?:^|[^\pL])([\s,;(]*` + extensionMarkers + `\s*[.:=]?\s*(?:no\.?|nr\.?)?\s*(\d{1,10})\s*\)?\s*)$`)

// extensionStart matches text that begins with an extension marker
// followed by digits.
var extensionStart = regexp.MustCompile(`(?i)^\s*` + extensionMarkers + `\s*[.:=]?\s*(?:no\.?|nr\.?)?\s*\d`)

// trailingRemark matches a parenthesised remark without digits that ends
// the cell: "(mobile)", "(TOLL FREE)", "(Zentrale)".
var trailingRemark = regexp.MustCompile(`\s*\([^()0-9]*\)\s*$`)

// scientificPattern matches a number a spreadsheet turned into a float
// ("4.91511E+12"): its digits are lost.
var scientificPattern = regexp.MustCompile(`^[0-9](?:[.,][0-9]+)?[eE]\+?[0-9]{1,3}$`)

// secondNumberWords separate two numbers written in one cell.
var secondNumberWords = []string{" or ", " oder ", " ou ", " o ", " of "}

func spreadsheetMangled(cell string) bool {
	return strings.ContainsAny(cell, "eE") && scientificPattern.MatchString(cell)
}

// hasMarkerChars reports whether s holds a character an extension marker
// can be made of: a letter, '#' or anything outside ASCII.
func hasMarkerChars(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '#' || c >= utf8.RuneSelf || ('a' <= c|0x20 && c|0x20 <= 'z') {
			return true
		}
	}
	return false
}

// prepare reduces a trimmed, non-empty cell to its first number's digits
// and extension.
func prepare(cell string) prepared {
	if len(cell) > maxCellLen {
		cell = cell[:maxCellLen]
		for !utf8.ValidString(cell) {
			cell = cell[:len(cell)-1]
		}
	}
	if !isASCII(cell) {
		cell = norm.NFKC.String(cell) // full-width letters and digits: ｅｘｔ ４５６
	}
	cell = firstNumber(cell)
	var p prepared
	// The regular expressions cost more than the rest of the preparation:
	// most cells ("(202) 456-1111") have no letters, '#' or parenthesis at
	// the end, and skip them.
	if strings.HasSuffix(cell, ")") {
		cell = trailingRemark.ReplaceAllString(cell, "")
	}
	if hasMarkerChars(cell) {
		if m := extensionPattern.FindStringSubmatchIndex(cell); m != nil && countDigits(cell[:m[2]]) >= minDigits {
			p.extension = cell[m[4]:m[5]]
			cell = cell[:m[2]]
			// A second extension ("x508/x1234"): the first one written
			// counts, and neither is folded into the number.
			rest := strings.TrimRight(cell, " /\\,;")
			if m := extensionPattern.FindStringSubmatchIndex(rest); m != nil && len(rest) < len(cell) && countDigits(rest[:m[2]]) >= minDigits {
				p.extension = rest[m[4]:m[5]]
				cell = rest[:m[2]]
			}
		} else if m := hashExtension.FindStringSubmatchIndex(cell); m != nil && countDigits(cell[:m[0]]) >= 7 {
			// "+1 123-456-7890-6#": digits ended by # after a separator
			// are an extension, never part of the number.
			p.extension = cell[m[2]:m[3]]
			cell = cell[:m[0]]
		}
	}
	p.plus, p.digits = numberDigits(cell)
	if p.plus {
		p.digits = stripInternationalPrefix(p.digits)
	}
	p.ok = len(p.digits) >= minDigits
	return p
}

// hashExtension matches an extension written as digits ended by '#' after
// a separator ("…-910#", "… 666666#"), as auto-dialling strings do.
var hashExtension = regexp.MustCompile(`[\s\-.,]+(\d{1,6})\s*#\s*$`)

// internationalPrefixes are the prefixes people write after a '+' that
// already stands for one ("+0044 20 …", "+00 64 …", "+011 64 …"): no
// country code starts with 0, so they are dropped. Longest first.
var internationalPrefixes = [...]string{"0011", "011", "00"}

func stripInternationalPrefix(digits string) string {
	if !strings.HasPrefix(digits, "0") {
		return digits
	}
	for _, prefix := range internationalPrefixes {
		if strings.HasPrefix(digits, prefix) && len(digits) > len(prefix)+4 {
			return digits[len(prefix):]
		}
	}
	return digits
}

// firstNumber returns the first of several numbers in one cell
// ("+1 212 555 0000 / 2369", "030 1234567; 0171 1234567"). A separator
// counts only once a whole number (7 digits or more) precedes it:
// "030/1234567", German style with the area code before a slash, stays one
// number. A separator followed by an extension marker is not a second
// number ("…, ext. 23"), nor one followed by no digits ("… / mobile").
func firstNumber(cell string) string {
	if i := strings.IndexAny(cell, "\r\n"); i > 0 && countDigits(cell[:i]) >= 7 {
		cell = cell[:i]
	}
	for i, r := range cell {
		sep := 0
		switch r {
		case '/', ';', '|', ',', '\\':
			sep = 1
		case ' ':
			for _, w := range secondNumberWords {
				if len(cell)-i >= len(w) && strings.EqualFold(cell[i:i+len(w)], w) {
					sep = len(w)
					break
				}
			}
		}
		if sep == 0 || countDigits(cell[:i]) < 7 {
			continue
		}
		rest := cell[i+sep:]
		if countDigits(rest) == 0 || (hasMarkerChars(rest) && extensionStart.MatchString(rest)) {
			continue
		}
		return cell[:i]
	}
	return cell
}

// numberDigits returns whether the number is written with a leading + and
// its digits. Text before the first digit or + ("Tel:", "M.") is ignored; a
// lower-case letter ends the number ("030 1234567 bis 18 Uhr"). Capital
// letters inside the number are a vanity number (1-800-FLOWERS) when there
// are three or more of them, and become keypad digits; fewer end the
// number ("030 1234567 B").
func numberDigits(s string) (plus bool, digits string) {
	var b strings.Builder
	b.Grow(len(s))
	started := false
	capitals, firstLetter := 0, -1
loop:
	for _, r := range s {
		switch {
		case r == '+' || r == '＋':
			if !started {
				plus, started = true, true
			}
		case unicode.IsDigit(r):
			started = true
			b.WriteByte(asciiDigit(r))
		case started && r >= 'A' && r <= 'Z':
			if firstLetter < 0 {
				firstLetter = b.Len()
			}
			capitals++
			b.WriteByte(keypad[r-'A'])
		case started && unicode.IsLetter(r):
			if firstLetter < 0 {
				firstLetter = b.Len()
			}
			break loop
		}
	}
	digits = b.String()
	if firstLetter >= 0 && capitals < 3 {
		digits = digits[:firstLetter]
	}
	return plus, digits
}

// keypad maps A-Z to the digits of a phone keypad.
var keypad = [26]byte{
	'2', '2', '2', '3', '3', '3', '4', '4', '4', '5', '5', '5', '6', '6', '6',
	'7', '7', '7', '7', '8', '8', '8', '9', '9', '9', '9',
}

// asciiDigit maps a Unicode decimal digit (full-width, Arabic-Indic,
// Devanagari, …) to its ASCII form. Unicode encodes decimal digits only in
// contiguous runs of ten from 0 to 9, so a digit's value is its distance
// from the start of its block of digits, modulo ten.
func asciiDigit(r rune) byte {
	if r >= '0' && r <= '9' {
		return byte(r)
	}
	start := r
	for unicode.IsDigit(start - 1) {
		start--
	}
	return byte('0' + (r-start)%10)
}

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

func allOneDigit(digits string) bool {
	return len(digits) >= minDigits && strings.Count(digits, digits[:1]) == len(digits)
}
