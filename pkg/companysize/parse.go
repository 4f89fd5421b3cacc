package companysize

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// rules tells the shared parser what one kind of cell may contain.
type rules struct {
	// multipliers maps a lower-case unit word ("m", "mio.") to its factor.
	multipliers map[string]float64
	// currencies is false for counts: a currency there is a problem.
	currencies bool
	// wholeNumbers refuses fractions (employee counts).
	wholeNumbers bool
	// noise lists words that carry no value ("annual", "employees").
	noise map[string]bool
	// decimalComma is set for a column that writes decimal commas
	// elsewhere: there a lone three-digit group after a comma is refused.
	decimalComma bool
}

var revenueRules = rules{
	multipliers: map[string]float64{
		"k": 1e3, "k.": 1e3, "thousand": 1e3, "thousands": 1e3, "tsd": 1e3, "tsd.": 1e3, "tausend": 1e3, "mille": 1e3,
		"m": 1e6, "m.": 1e6, "mm": 1e6, "mn": 1e6, "mln": 1e6, "mln.": 1e6, "mil": 1e6, "mil.": 1e6, "mill": 1e6, "mill.": 1e6,
		"million": 1e6, "millions": 1e6, "mio": 1e6, "mio.": 1e6, "millionen": 1e6, "millones": 1e6, "millón": 1e6, "millon": 1e6,
		"b": 1e9, "b.": 1e9, "bn": 1e9, "bn.": 1e9, "bln": 1e9, "bil": 1e9, "bil.": 1e9, "billion": 1e9, "billions": 1e9,
		"mrd": 1e9, "mrd.": 1e9, "md": 1e9, "md.": 1e9, "mds": 1e9, "milliard": 1e9, "milliarde": 1e9, "milliarden": 1e9, "milliards": 1e9,
		"t": 1e12, "tn": 1e12, "trillion": 1e12, "trillions": 1e12,
		"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7, "cr.": 1e7,
	},
	currencies: true,
	noise: map[string]bool{
		"annual": true, "revenue": true, "revenues": true, "sales": true, "turnover": true, "umsatz": true, "jahresumsatz": true,
		"per": true, "year": true, "yr": true, "yr.": true, "p.": true, "a.": true, "pa": true, "p.a.": true, "jahr": true, "an": true, "año": true,
		"approx": true, "approx.": true, "approximately": true, "about": true, "around": true, "circa": true, "ca": true, "ca.": true,
		"est": true, "est.": true, "estimated": true, "roughly": true, "env.": true, "environ": true, "etwa": true, "rund": true,
		"between": true, "zwischen": true, "entre": true, "from": true, "von": true, "de": true, "d'": true, "than": true, "as": true, "als": true, "que": true,
		"of": true, "or": true,
	},
}

// revenueDecimalCommaRules read a revenue column that writes decimal
// commas elsewhere ("3,5 Mio").
var revenueDecimalCommaRules = func() rules {
	r := revenueRules
	r.decimalComma = true
	return r
}()

var employeeRules = rules{
	multipliers: map[string]float64{
		"k": 1e3, "k.": 1e3, "thousand": 1e3, "tsd": 1e3, "tsd.": 1e3, "tausend": 1e3,
	},
	wholeNumbers: true,
	noise: map[string]bool{
		"employees": true, "employee": true, "staff": true, "people": true, "persons": true, "person": true, "fte": true, "ftes": true,
		"headcount": true, "mitarbeiter": true, "mitarbeitende": true, "ma": true, "beschäftigte": true, "salariés": true, "salaries": true,
		"employés": true, "empleados": true, "workers": true, "members": true,
		"approx": true, "approx.": true, "approximately": true, "about": true, "around": true, "circa": true, "ca": true, "ca.": true,
		"est": true, "est.": true, "estimated": true, "roughly": true, "etwa": true, "rund": true,
		"between": true, "zwischen": true, "entre": true, "from": true, "von": true, "de": true, "than": true, "als": true, "que": true, "of": true, "or": true,
	},
}

// Qualifier and separator words, shared by both kinds.
var (
	openWords  = map[string]bool{"over": true, "above": true, "more": true, "greater": true, "exceeding": true, "über": true, "ueber": true, "mehr": true, "plus": true, "más": true, "mas": true, "at": true, "least": true, "min": true, "min.": true, "minimum": true}
	upperWords = map[string]bool{"under": true, "below": true, "less": true, "fewer": true, "lower": true, "unter": true, "weniger": true, "moins": true, "menos": true, "max": true, "max.": true, "maximum": true, "bis": true, "up": true}
	rangeWords = map[string]bool{"to": true, "and": true, "bis": true, "à": true, "a": true, "y": true, "und": true, "et": true}
)

// currencyCodes are the ISO 4217 codes read as words.
var currencyCodes = map[string]string{
	"usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "chf": "CHF", "aud": "AUD", "cad": "CAD", "brl": "BRL",
	"cny": "CNY", "rmb": "CNY", "inr": "INR", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "pln": "PLN", "czk": "CZK",
	"huf": "HUF", "nzd": "NZD", "sgd": "SGD", "hkd": "HKD", "zar": "ZAR", "mxn": "MXN", "krw": "KRW", "try": "TRY",
	"ils": "ILS", "aed": "AED", "sar": "SAR", "rub": "RUB", "ron": "RON", "bgn": "BGN", "isk": "ISK", "twd": "TWD",
	"thb": "THB", "myr": "MYR", "idr": "IDR", "php": "PHP", "clp": "CLP", "cop": "COP", "ars": "ARS", "pen": "PEN",
	"euro": "EUR", "euros": "EUR", "d'euros": "EUR", "d’euros": "EUR", "dollar": "USD", "dollars": "USD",
	"pound": "GBP", "pounds": "GBP", "yen": "JPY", "rupees": "INR", "rupee": "INR",
}

// currencySymbols are currency signs, alone or after a country prefix.
var currencySymbols = map[string]string{
	"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS", "₱": "PHP",
	"a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "r$": "BRL", "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "mx$": "MXN",
}

// dollars are the currencies a bare "$" may stand for.
var dollars = map[string]bool{"USD": true, "AUD": true, "CAD": true, "NZD": true, "HKD": true, "SGD": true, "MXN": true, "TWD": true}

type tokenKind int

const (
	numberToken tokenKind = iota + 1
	wordToken
	symbolToken
)

type token struct {
	kind tokenKind
	text string
}

// amount is one number with the unit word that followed it.
type amount struct {
	raw        string
	multiplier float64
	hasUnit    bool
}

// tokenize splits a lower-cased cell into numbers, words and symbols.
func tokenize(s string) []token {
	var tokens []token
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isDigit(r) || (r == '.' && i+1 < len(s) && isDigit(rune(s[i+1]))):
			end := scanNumber(s, i)
			tokens = append(tokens, token{numberToken, s[i:end]})
			i = end
		case unicode.IsLetter(r):
			end := scanWord(s, i)
			word := s[i:end]
			if end < len(s) && s[end] == '$' {
				if _, ok := currencySymbols[word+"$"]; ok {
					tokens = append(tokens, token{symbolToken, word + "$"})
					i = end + 1
					continue
				}
			}
			tokens = append(tokens, token{wordToken, word})
			i = end
		default:
			tokens = append(tokens, token{symbolToken, s[i : i+size]})
			i += size
		}
	}
	return tokens
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// scanNumber returns the end of the number starting at i: digits joined
// by ',', '.', '\” or a space that is followed by exactly three digits.
func scanNumber(s string, i int) int {
	end := i
	for end < len(s) {
		c := s[end]
		switch {
		case c >= '0' && c <= '9':
			end++
		case (c == ',' || c == '.' || c == '\'') && end+1 < len(s) && s[end+1] >= '0' && s[end+1] <= '9':
			end++
		case c == ' ' && threeDigitsFollow(s, end+1):
			end++
		default:
			return end
		}
	}
	return end
}

func threeDigitsFollow(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	for j := i; j < i+3; j++ {
		if s[j] < '0' || s[j] > '9' {
			return false
		}
	}
	return i+3 == len(s) || s[i+3] < '0' || s[i+3] > '9'
}

// scanWord returns the end of the word starting at i: letters, an
// apostrophe between letters ("d'euros") or after a lone "d", and one
// trailing period ("mio.").
func scanWord(s string, i int) int {
	end := i
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if unicode.IsLetter(r) {
			end += size
			continue
		}
		if r == '\'' || r == '’' {
			next, _ := utf8.DecodeRuneInString(s[end+size:])
			if unicode.IsLetter(next) {
				end += size
				continue
			}
		}
		if r == '.' {
			end += size
		}
		break
	}
	return end
}

// parse reads one cell under the given rules.
func parse(s string, kind *rules) Range {
	trimmed := strings.TrimSpace(s)
	if trimmed == "" {
		return Range{}
	}
	if len(trimmed) > maxInput {
		return Range{Problem: "too long to be a figure"}
	}
	lower := normalize(trimmed)
	if unknownWords[lower] {
		return Range{Problem: fmt.Sprintf("%q states the value is unknown", trimmed), Placeholder: true}
	}
	tokens := tokenize(lower)

	var (
		amounts   []amount
		separated bool // a range separator was seen after the first amount
		upper     bool // "<", "under", "up to"
		open      bool // ">", "over", "+"
		strong    string
		weakUSD   bool
		problem   string
	)
	setCurrency := func(code string, isBareDollar bool) {
		if isBareDollar {
			weakUSD = true
			return
		}
		if strong != "" && strong != code && problem == "" {
			problem = fmt.Sprintf("two currencies (%s and %s)", strong, code)
		}
		strong = code
	}
	for i, tok := range tokens {
		if problem != "" {
			break
		}
		switch tok.kind {
		case numberToken:
			if len(amounts) == 1 && !separated {
				problem = "two numbers without a range separator"
				continue
			}
			amounts = append(amounts, amount{raw: tok.text, multiplier: 1})
		case wordToken:
			if factor, ok := kind.multipliers[tok.text]; ok && numberBeside(tokens, i, -1) && len(amounts) > 0 && !amounts[len(amounts)-1].hasUnit {
				amounts[len(amounts)-1].multiplier = factor
				amounts[len(amounts)-1].hasUnit = true
				continue
			}
			if code, ok := currencyCodes[tok.text]; ok && kind.currencies {
				setCurrency(code, false)
				continue
			}
			switch {
			case kind.noise[tok.text]:
			case tok.text == "up" && len(amounts) == 0, tok.text == "to" && i > 0 && tokens[i-1].text == "up":
				upper = true // "up to 5M"
			case rangeWords[tok.text] && len(amounts) == 1 && !separated && !nextIsBound(tokens, i):
				separated = true // a dangling "5M to" stays a range without an upper bound
			case openWords[tok.text] && len(amounts) == 0:
				open = true
			case upperWords[tok.text] && len(amounts) == 0:
				upper = true
			case (openWords[tok.text] || tok.text == "up") && len(amounts) == 1 && !separated:
				open = true // "5M or more", "5M and up", "5M plus"
			case upperWords[tok.text] && len(amounts) == 1 && !separated:
				upper = true // "5M or less"
			case rangeWords[tok.text]:
				// "and" in "5M and up"
			case kind.multipliers[tok.text] > 0:
				problem = fmt.Sprintf("unit %q without an amount", tok.text)
			default:
				problem = fmt.Sprintf("unrecognised word %q", tok.text)
			}
		case symbolToken:
			if code, ok := currencySymbols[tok.text]; ok {
				if !kind.currencies {
					problem = fmt.Sprintf("currency %q in a count", tok.text)
					continue
				}
				setCurrency(code, tok.text == "$")
				continue
			}
			switch tok.text {
			case "-", "/":
				switch {
				case tok.text == "/" && !numberBeside(tokens, i, +1):
					// "USD/yr": a unit, not a range
				case len(amounts) == 1 && !separated:
					separated = true
				case len(amounts) == 0 && tok.text == "-" && i+1 < len(tokens) && tokens[i+1].kind == numberToken:
					problem = "negative amount"
				case len(amounts) == 0:
				default:
					problem = fmt.Sprintf("unexpected %q", tok.text)
				}
			case "<", "≤":
				upper = true
			case ">", "≥":
				open = true
			case "+":
				if len(amounts) > 0 {
					open = true
				}
			case "~", "(", ")", ":", "≈", "=", "*":
			default:
				problem = fmt.Sprintf("unexpected %q", tok.text)
			}
		}
	}
	if problem == "" && weakUSD && strong != "" && !dollars[strong] {
		problem = fmt.Sprintf("two currencies ($ and %s)", strong)
	}
	if problem == "" {
		switch {
		case len(amounts) == 0:
			problem = "no amount"
		case separated && len(amounts) == 1:
			problem = "range without an upper bound"
		case upper && open:
			problem = "both an upper and a lower bound qualifier"
		case (upper || open) && len(amounts) == 2:
			problem = "range with a bound qualifier"
		}
	}
	if problem != "" {
		return Range{Problem: fmt.Sprintf("%q: %s", trimmed, problem)}
	}

	currency := strong
	if currency == "" && weakUSD {
		currency = "USD"
	}
	if len(amounts) == 2 && !amounts[0].hasUnit && amounts[1].hasUnit {
		amounts[0].multiplier = amounts[1].multiplier
		amounts[0].hasUnit = true
	}
	values := make([]float64, len(amounts))
	for n, a := range amounts {
		v, why := parseNumber(a.raw, a.hasUnit, kind.decimalComma)
		if why != "" {
			return Range{Problem: fmt.Sprintf("%q: %s", trimmed, why)}
		}
		v *= a.multiplier
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return Range{Problem: fmt.Sprintf("%q: number out of range", trimmed)}
		}
		if kind.wholeNumbers && v != math.Trunc(v) {
			return Range{Problem: fmt.Sprintf("%q: not a whole number", trimmed)}
		}
		values[n] = v
	}

	out := Range{Known: true, Low: values[0], High: values[0], Currency: currency}
	switch {
	case len(values) == 2:
		out.High = values[1]
		if out.Low > out.High {
			return Range{Problem: fmt.Sprintf("%q: lower bound above upper bound", trimmed)}
		}
	case upper:
		out.Low = 0
	case open:
		out.Open = true
	}
	if out.High == 0 {
		return Range{Problem: fmt.Sprintf("%q: zero is a placeholder, not a figure", trimmed), Placeholder: true}
	}
	return out
}

// numberBeside reports whether a number stands next to token i in the
// direction step (-1: before it, +1: after it), allowing a currency in
// between ("20 USD Mio", "$1M to $5M").
func numberBeside(tokens []token, i, step int) bool {
	for j := i + step; j >= 0 && j < len(tokens); j += step {
		switch {
		case tokens[j].kind == numberToken:
			return true
		case tokens[j].kind == symbolToken && currencySymbols[tokens[j].text] != "",
			tokens[j].kind == wordToken && currencyCodes[tokens[j].text] != "":
			continue
		}
		return false
	}
	return false
}

// nextIsBound reports whether an open or upper bound word follows token i
// ("5M and up", "5M and above").
func nextIsBound(tokens []token, i int) bool {
	if i+1 >= len(tokens) || tokens[i+1].kind != wordToken {
		return false
	}
	next := tokens[i+1].text
	return next == "up" || openWords[next] || upperWords[next]
}

// spellingReplacer maps dashes, non-breaking and thin spaces and curly
// apostrophes to their ASCII forms. A Replacer is safe for concurrent use.
var spellingReplacer = strings.NewReplacer(
	"\u00a0", " ", "\u202f", " ", "\u2009", " ", "\u2007", " ",
	"–", "-", "—", "-", "−", "-", "‒", "-",
	"’", "'", "‘", "'",
)

// normalize lower-cases a cell, maps spellings to ASCII and collapses
// runs of white space.
// A trailing ",-" or ".-" ("5.000,- €") marks whole units in German and
// Swiss writing and is dropped.
func normalize(s string) string {
	fields := strings.Fields(strings.ToLower(spellingReplacer.Replace(s)))
	for i, f := range fields {
		for _, mark := range []string{",--", ",-", ".--", ".-"} {
			if strings.HasSuffix(f, mark) && len(f) > len(mark) && isDigit(rune(f[len(f)-len(mark)-1])) {
				fields[i] = strings.TrimSuffix(f, mark)
				break
			}
		}
	}
	return strings.Join(fields, " ")
}

// parseNumber reads digits with grouping and decimal marks. unitFollows
// allows a decimal comma and makes a lone three-digit group ambiguous
// ("1,500 Mio" may be 1.5 or 1500 million); without a unit a lone
// three-digit group is thousands. why is non-empty when the number is
// refused. In a column that writes decimal commas elsewhere (decimalComma),
// a lone three-digit group after a comma is refused too.
func parseNumber(raw string, unitFollows, decimalComma bool) (float64, string) {
	if strings.HasPrefix(raw, ".") {
		raw = "0" + raw
	}
	var seps []int
	for i := 0; i < len(raw); i++ {
		if raw[i] < '0' || raw[i] > '9' {
			seps = append(seps, i)
		}
	}
	if len(seps) == 0 {
		return toFloat(raw)
	}
	kinds := map[byte]int{}
	for _, p := range seps {
		kinds[raw[p]]++
	}
	groups := splitGroups(raw, seps)
	switch len(kinds) {
	case 1:
		sep := raw[seps[0]]
		if len(seps) > 1 || sep == '\'' || sep == ' ' {
			if !thousandsGroups(groups) {
				return 0, fmt.Sprintf("malformed digit grouping in %q", raw)
			}
			return toFloat(strings.Join(groups, ""))
		}
		intPart, frac := groups[0], groups[1]
		switch {
		case len(frac) == 3 && intPart != "0" && sep == ',' && decimalComma:
			return 0, fmt.Sprintf("ambiguous separator in %q: this column writes decimal commas elsewhere", raw)
		case len(frac) == 3 && intPart != "0" && !unitFollows:
			// Nobody writes an amount or a count with three decimals:
			// "$900,000", "750,000", "2.500" are thousands.
			return toFloat(intPart + frac)
		case len(frac) == 3 && intPart != "0":
			return 0, fmt.Sprintf("ambiguous separator in %q: thousands or decimal?", raw)
		case sep == ',' && !unitFollows:
			return 0, fmt.Sprintf("decimal comma in %q without a unit word", raw)
		}
		return toFloat(intPart + "." + frac)
	case 2:
		last := raw[seps[len(seps)-1]]
		if kinds[last] != 1 || (last != ',' && last != '.') {
			return 0, fmt.Sprintf("malformed number %q", raw)
		}
		if !thousandsGroups(groups[:len(groups)-1]) {
			return 0, fmt.Sprintf("malformed digit grouping in %q", raw)
		}
		return toFloat(strings.Join(groups[:len(groups)-1], "") + "." + groups[len(groups)-1])
	}
	return 0, fmt.Sprintf("malformed number %q", raw)
}

func splitGroups(raw string, seps []int) []string {
	groups := make([]string, 0, len(seps)+1)
	start := 0
	for _, p := range seps {
		groups = append(groups, raw[start:p])
		start = p + 1
	}
	return append(groups, raw[start:])
}

// thousandsGroups reports whether groups read as 1-3 digits followed by
// groups of exactly three.
func thousandsGroups(groups []string) bool {
	if len(groups[0]) < 1 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

func toFloat(digits string) (float64, string) {
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, fmt.Sprintf("number %q out of range", digits)
	}
	return v, ""
}
