// Package companysize parses the free-text annual revenue and employee
// counts that CRM exports carry ("$1.2M", "10M-50M", "20 Mio. USD",
// "1000+", "51-200").
//
// # Refusing to guess
//
// A value that could be read two ways is not read at all: [Range.Known] is
// false and [Range.Problem] says why. A lone group of three digits after a
// comma or a dot ("$900,000", "750,000", "1.200") is a thousands
// separator: nobody writes revenue with three decimals. Before a unit word
// it is refused ("1,500 Mio": 1.5 or 1500 million?), and so it is in a
// column that writes decimal commas elsewhere ([DecimalCommas],
// [ParseRevenueDecimalComma]). "1,200,000", "1.200.000" and
// "1,200,000.50" are not ambiguous either. A European decimal
// comma is accepted only when a unit word follows ("EUR 3,5 Mio"). A zero
// on its own is the placeholder many CRMs write for "not filled in" and is
// unknown too, so it is never below a budget.
//
// # Currency
//
// Symbols ($, €, £, ¥, ₹, A$, C$, R$, US$, NZ$, HK$, S$), ISO 4217 codes of
// the common currencies and a few currency words (euros, d'euros, dollars)
// set [Range.Currency]. "$" is a dollar of unknown country: stated beside
// an ISO code of another dollar ("$5M CAD") it yields to the code. Use
// [Range.In] to convert before comparing with a budget.
package companysize

import (
	"math"
	"strings"

	"github.com/leadclean/leadclean/pkg/fold"
)

// Range is a parsed amount or count. A single value has Low == High.
type Range struct {
	// Known is false for blank, "Unknown" and unparseable values; such a
	// value is never below any budget.
	Known bool
	Low   float64
	High  float64
	// Open is true for an open upper bound ("1000+", "Over $5B"): High
	// then holds the stated lower bound.
	Open bool
	// Currency is the ISO 4217 code stated in the value ("USD", "EUR"),
	// or "" when none was stated.
	Currency string
	// Problem says why a non-blank value could not be parsed.
	Problem string
	// Placeholder is true when the cell says there is no value ("Unknown",
	// "n/a", a lone zero): not a figure leadclean failed to read.
	Placeholder bool
}

// Unreadable reports whether the cell held a figure that could not be
// read: not blank, not a placeholder, and not Known. The summary counts
// such cells, and a budget could not be checked on them.
func (r Range) Unreadable() bool {
	return !r.Known && r.Problem != "" && !r.Placeholder
}

// maxInput bounds the length of a cell this package reads; longer cells
// are not revenue figures.
const maxInput = 200

// ParseRevenue parses an annual revenue cell. It accepts plain and
// grouped numbers, multiplier words in English, German, French and
// Spanish finance usage (K, M, MM, mil., Mio., million(s), Millionen, B,
// bn, Mrd., Milliarden), ranges ("10M-50M", "$1 mil. - $5 mil.",
// "€5-10M", where a unit written only after the upper bound applies to
// both), upper bounds ("<$1M", "under 1M": Low 0) and open bounds
// ("Over $5B", "5B+"). It never panics; whatever it cannot read
// unambiguously comes back with Known false and a Problem.
func ParseRevenue(s string) Range {
	return parse(s, &revenueRules)
}

// ParseRevenueDecimalComma parses a cell of a revenue column that writes
// decimal commas elsewhere ([DecimalCommas]): there "1,200" may be 1.2,
// so a lone three-digit group after a comma is refused instead of read as
// thousands. Everything else is read as [ParseRevenue] reads it.
func ParseRevenueDecimalComma(s string) Range {
	return parse(s, &revenueDecimalCommaRules)
}

// DecimalCommas reports whether a sample of a column's cells writes a
// decimal comma somewhere: a comma followed by one or two digits, or by
// four or more, that ends a number ("3,5 Mio", "2,75", "1.234,56"). A
// caller that sees one reads the column with [ParseRevenueDecimalComma].
func DecimalCommas(cells []string) bool {
	for _, cell := range cells {
		if len(cell) > maxInput {
			continue
		}
		for i := 0; i < len(cell); i++ {
			if cell[i] != ',' || i == 0 || !isDigitByte(cell[i-1]) {
				continue
			}
			j := i + 1
			for j < len(cell) && isDigitByte(cell[j]) {
				j++
			}
			if n := j - i - 1; n > 0 && n != 3 && (j == len(cell) || !isDigitByte(cell[j]) && cell[j] != ',' && cell[j] != '.') {
				return true
			}
		}
	}
	return false
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// ParseEmployees parses an employee count cell: "250", "1,000",
// "1000+", "51-200", HubSpot's ranges ("1-5", "5-25", ..., "10,001+") and
// "Self-employed" (1). Counts are whole numbers, so "1,000" and "1.000"
// are both a thousand; "1.5" is refused unless a "k" follows.
func ParseEmployees(s string) Range {
	if len(s) <= maxInput {
		switch fold.Words(s) {
		case "self employed", "selfemployed", "self", "sole proprietor", "sole trader", "just me", "freelancer", "freelance", "solo":
			return Range{Known: true, Low: 1, High: 1}
		}
	}
	return parse(s, &employeeRules)
}

// In converts r to currency. A Range whose Currency is "" is taken to be
// in currency already; a Range in currency comes back unchanged. Any
// other needs rates[r.Currency]: one unit of r.Currency is worth that
// many units of currency. Rate keys and currency codes compare without
// regard to case. ok is false when r is not Known, when no positive
// finite rate is given, or when the conversion overflows: an amount in a
// currency that cannot be converted is unknown, never below a budget.
func (r Range) In(currency string, rates map[string]float64) (Range, bool) {
	if !r.Known {
		return r, false
	}
	target := strings.ToUpper(strings.TrimSpace(currency))
	if r.Currency == "" || strings.EqualFold(r.Currency, target) {
		out := r
		out.Currency = target
		return out, true
	}
	rate, found := lookupRate(rates, r.Currency)
	if !found || rate <= 0 || math.IsInf(rate, 0) || math.IsNaN(rate) {
		return r, false
	}
	out := r
	out.Low *= rate
	out.High *= rate
	out.Currency = target
	if math.IsInf(out.High, 0) || math.IsInf(out.Low, 0) {
		return r, false
	}
	return out, true
}

func lookupRate(rates map[string]float64, code string) (float64, bool) {
	if rate, ok := rates[code]; ok {
		return rate, true
	}
	for key, rate := range rates {
		if strings.EqualFold(strings.TrimSpace(key), code) {
			return rate, true
		}
	}
	return 0, false
}

// unknownWords are whole cells that state the value is unknown.
var unknownWords = map[string]bool{
	"unknown": true, "n/a": true, "na": true, "n.a.": true, "n. a.": true, "none": true,
	"-": true, "--": true, "---": true, "?": true, "??": true, "tbd": true, "tba": true,
	"not available": true, "not applicable": true, "not known": true, "not disclosed": true,
	"undisclosed": true, "confidential": true, "null": true, "nil": true, "undefined": true,
	"#n/a": true, "unbekannt": true, "keine angabe": true, "k.a.": true, "k. a.": true,
	"inconnu": true, "non communiqué": true, "nc": true, "desconocido": true, "—": true, "–": true,
}
