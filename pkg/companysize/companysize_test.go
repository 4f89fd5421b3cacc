package companysize

import (
	"math"
	"strings"
	"testing"
)

type known struct {
	in       string
	low      float64
	high     float64
	open     bool
	currency string
}

func checkKnown(t *testing.T, parser func(string) Range, cases []known) {
	t.Helper()
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		got := parser(c.in)
		want := Range{Known: true, Low: c.low, High: c.high, Open: c.open, Currency: c.currency}
		if !sameRange(got, want) {
			t.Errorf("%q: got %+v, want %+v", c.in, got, want)
		}
	}
}

// sameRange compares with a relative tolerance: 1.2 * 1e6 is not exactly
// 1200000 in floating point.
func sameRange(a, b Range) bool {
	close := func(x, y float64) bool { return math.Abs(x-y) <= 1e-9*math.Max(1, math.Abs(y)) }
	return a.Known == b.Known && a.Open == b.Open && a.Currency == b.Currency && a.Problem == b.Problem &&
		close(a.Low, b.Low) && close(a.High, b.High)
}

func checkUnknown(t *testing.T, parser func(string) Range, cases []string, problemWant string) {
	t.Helper()
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, in := range cases {
		got := parser(in)
		if got.Known {
			t.Errorf("%q: got known %+v, want unknown", in, got)
			continue
		}
		if strings.TrimSpace(in) == "" {
			if got.Problem != "" {
				t.Errorf("%q: blank gave problem %q", in, got.Problem)
			}
			continue
		}
		if got.Problem == "" {
			t.Errorf("%q: unknown without a problem", in)
		}
		if problemWant != "" && !strings.Contains(got.Problem, problemWant) {
			t.Errorf("%q: problem %q, want it to mention %q", in, got.Problem, problemWant)
		}
	}
}

func TestParseRevenueAccepts(t *testing.T) {
	checkKnown(t, ParseRevenue, []known{
		{"$1.2M", 1.2e6, 1.2e6, false, "USD"},
		{"1,200,000", 1.2e6, 1.2e6, false, ""},
		{"1.200.000", 1.2e6, 1.2e6, false, ""},
		{"1200000", 1.2e6, 1.2e6, false, ""},
		{"1 200 000", 1.2e6, 1.2e6, false, ""},
		{"1\u00a0200\u00a0000 €", 1.2e6, 1.2e6, false, "EUR"},
		{"1'200'000 CHF", 1.2e6, 1.2e6, false, "CHF"},
		{"1,200,000.50", 1200000.5, 1200000.5, false, ""},
		{"1.200.000,50 €", 1200000.5, 1200000.5, false, "EUR"},
		{"USD 40 million", 40e6, 40e6, false, "USD"},
		{"750K", 750e3, 750e3, false, ""},
		{"750k USD", 750e3, 750e3, false, "USD"},
		{"$1.5B", 1.5e9, 1.5e9, false, "USD"},
		{"$1.5bn", 1.5e9, 1.5e9, false, "USD"},
		{"$2MM", 2e6, 2e6, false, "USD"},
		{"20 Mio. USD", 20e6, 20e6, false, "USD"},
		{"20 USD Mio.", 20e6, 20e6, false, "USD"},
		{"€5-10M", 5e6, 10e6, false, "EUR"},
		{"10M-50M", 10e6, 50e6, false, ""},
		{"5M - 10M", 5e6, 10e6, false, ""},
		{"5M – 10M", 5e6, 10e6, false, ""},
		{"$1M to $5M", 1e6, 5e6, false, "USD"},
		{"between 1M and 5M", 1e6, 5e6, false, ""},
		{"$1 mil. - $5 mil.", 1e6, 5e6, false, "USD"},
		{"<$1M", 0, 1e6, false, "USD"},
		{"< 1M", 0, 1e6, false, ""},
		{"under $500K", 0, 500e3, false, "USD"},
		{"less than 1 million", 0, 1e6, false, ""},
		{"up to 5M", 0, 5e6, false, ""},
		{"bis 5 Mio. €", 0, 5e6, false, "EUR"},
		{"Over $5B", 5e9, 5e9, true, "USD"},
		{"more than $5B", 5e9, 5e9, true, "USD"},
		{"> 100M", 100e6, 100e6, true, ""},
		{"5B+", 5e9, 5e9, true, ""},
		{"$5M and up", 5e6, 5e6, true, "USD"},
		{"5M or more", 5e6, 5e6, true, ""},
		{"1.5 Mrd. €", 1.5e9, 1.5e9, false, "EUR"},
		{"1,5 Mrd. €", 1.5e9, 1.5e9, false, "EUR"},
		{"£2m", 2e6, 2e6, false, "GBP"},
		{"EUR 3,5 Mio", 3.5e6, 3.5e6, false, "EUR"},
		{"10 Millionen", 10e6, 10e6, false, ""},
		{"10 Millionen Euro", 10e6, 10e6, false, "EUR"},
		{"2 millions d'euros", 2e6, 2e6, false, "EUR"},
		{"2 millions d’euros", 2e6, 2e6, false, "EUR"},
		{"plus de 2 millions d'euros", 2e6, 2e6, true, "EUR"},
		{"¥500M", 500e6, 500e6, false, "JPY"},
		{"CHF 12M", 12e6, 12e6, false, "CHF"},
		{"A$3M", 3e6, 3e6, false, "AUD"},
		{"C$3M", 3e6, 3e6, false, "CAD"},
		{"R$3M", 3e6, 3e6, false, "BRL"},
		{"US$3M", 3e6, 3e6, false, "USD"},
		{"$5M CAD", 5e6, 5e6, false, "CAD"},
		{"usd 5m", 5e6, 5e6, false, "USD"},
		{"₹50 crore", 500e6, 500e6, false, "INR"},
		{"0.5M", 0.5e6, 0.5e6, false, ""},
		{".5M", 0.5e6, 0.5e6, false, ""},
		{"0.500M", 0.5e6, 0.5e6, false, ""},
		{"1.5", 1.5, 1.5, false, ""},
		{"  $1.2M  ", 1.2e6, 1.2e6, false, "USD"},
		{"~$3M", 3e6, 3e6, false, "USD"},
		{"approx. 3 Mio. EUR", 3e6, 3e6, false, "EUR"},
		{"$3M annual revenue", 3e6, 3e6, false, "USD"},
		{"$3M/yr", 3e6, 3e6, false, "USD"},
		{"0-1M", 0, 1e6, false, ""},
		{"5.000.000,- €", 5e6, 5e6, false, "EUR"},
		{"CHF 2'500'000.-", 2.5e6, 2.5e6, false, "CHF"},
		{"$1,200.00", 1200, 1200, false, "USD"},
		// A lone three-digit group is thousands: nobody writes revenue
		// with three decimals (issue 15: "$900,000" was refused).
		{"$900,000", 900e3, 900e3, false, "USD"},
		{"750,000", 750e3, 750e3, false, ""},
		{"1.200", 1200, 1200, false, ""},
		{"1,200", 1200, 1200, false, ""},
		{"$1,200", 1200, 1200, false, "USD"},
		{"€1.500", 1500, 1500, false, "EUR"},
		{"$250,000 - $500,000", 250e3, 500e3, false, "USD"},
	})
}

func TestParseRevenueRefuses(t *testing.T) {
	checkUnknown(t, ParseRevenue, []string{"", "   ", "\t"}, "")
	checkUnknown(t, ParseRevenue, []string{"Unknown", "UNKNOWN", "n/a", "N/A", "-", "—", "none", "TBD", "k. A.", "#N/A"}, "unknown")
	checkUnknown(t, ParseRevenue, []string{"1,200M", "1.200 Mio", "€1,500 Mio"}, "ambiguous")
	checkUnknown(t, ParseRevenue, []string{"M", "$M", "k"}, "without an amount")
	checkUnknown(t, ParseRevenue, []string{"3,5", "EUR 3,5"}, "decimal comma")
	checkUnknown(t, ParseRevenue, []string{"0", "$0", "0.00"}, "zero")
	checkUnknown(t, ParseRevenue, []string{"-5M"}, "negative")
	checkUnknown(t, ParseRevenue, []string{"$5M EUR", "€5M GBP"}, "two currencies")
	checkUnknown(t, ParseRevenue, []string{"10M-5M", "500-1M"}, "lower bound above")
	checkUnknown(t, ParseRevenue, []string{"12,34,567", "1,2,3", "1.2.3"}, "grouping")
	checkUnknown(t, ParseRevenue, []string{"1M 2M"}, "without a range separator")
	checkUnknown(t, ParseRevenue, []string{"5M-", "5M to", "5M,"}, "")
	checkUnknown(t, ParseRevenue, []string{"ten million", "big", "1e6", "5 apples", "$$$", "Fortune 500"}, "")
	checkUnknown(t, ParseRevenue, []string{"<1M-5M", "over 1M-5M"}, "range with a bound")
	checkUnknown(t, ParseRevenue, []string{strings.Repeat("9", 400)}, "")
}

func TestParseEmployees(t *testing.T) {
	checkKnown(t, ParseEmployees, []known{
		{"250", 250, 250, false, ""},
		{"1,000", 1000, 1000, false, ""},
		{"1.000", 1000, 1000, false, ""},
		{"1 000", 1000, 1000, false, ""},
		{"1000+", 1000, 1000, true, ""},
		{"51-200", 51, 200, false, ""},
		{"51 - 200 employees", 51, 200, false, ""},
		{"1-5", 1, 5, false, ""},
		{"5-25", 5, 25, false, ""},
		{"25-50", 25, 50, false, ""},
		{"50-100", 50, 100, false, ""},
		{"100-500", 100, 500, false, ""},
		{"500-1000", 500, 1000, false, ""},
		{"1,001-5,000", 1001, 5000, false, ""},
		{"10,001+", 10001, 10001, true, ""},
		{"10001+", 10001, 10001, true, ""},
		{"Self-employed", 1, 1, false, ""},
		{"self employed", 1, 1, false, ""},
		{"10k+", 10000, 10000, true, ""},
		{"1,5k", 1500, 1500, false, ""},
		{"2.5k", 2500, 2500, false, ""},
		{"over 500", 500, 500, true, ""},
		{"more than 5000", 5000, 5000, true, ""},
		{"<10", 0, 10, false, ""},
		{"ca. 120 Mitarbeiter", 120, 120, false, ""},
		{"11 to 50", 11, 50, false, ""},
	})
	checkUnknown(t, ParseEmployees, []string{"", " "}, "")
	checkUnknown(t, ParseEmployees, []string{"Unknown", "n/a", "-"}, "unknown")
	checkUnknown(t, ParseEmployees, []string{"1.5", "2.25"}, "whole number")
	checkUnknown(t, ParseEmployees, []string{"$500", "500 USD", "5M", "many", "0", "200-50"}, "")
}

func TestParseEmployeesSelfIsOne(t *testing.T) {
	// "self" alone is read as self-employed: one person.
	if got := ParseEmployees("self"); !got.Known || got.High != 1 {
		t.Errorf("self: got %+v", got)
	}
}

func TestIn(t *testing.T) {
	rates := map[string]float64{"eur": 1.1, "GBP": 1.25, "JPY": 0.0067, "XXX": 0, "YYY": math.Inf(1)}
	tests := []struct {
		in       Range
		currency string
		want     Range
		ok       bool
	}{
		{Range{Known: true, Low: 1e6, High: 2e6, Currency: "EUR"}, "USD", Range{Known: true, Low: 1.1e6, High: 2.2e6, Currency: "USD"}, true},
		{Range{Known: true, Low: 1e6, High: 1e6, Currency: "GBP"}, "usd", Range{Known: true, Low: 1.25e6, High: 1.25e6, Currency: "USD"}, true},
		{Range{Known: true, Low: 5, High: 5, Currency: ""}, "USD", Range{Known: true, Low: 5, High: 5, Currency: "USD"}, true},
		{Range{Known: true, Low: 5, High: 5, Currency: "USD"}, "USD", Range{Known: true, Low: 5, High: 5, Currency: "USD"}, true},
		{Range{Known: true, Low: 5, High: 5, Open: true, Currency: "EUR"}, "USD", Range{Known: true, Low: 5.5, High: 5.5, Open: true, Currency: "USD"}, true},
		{Range{Known: true, Low: 5, High: 5, Currency: "CHF"}, "USD", Range{Known: true, Low: 5, High: 5, Currency: "CHF"}, false},
		{Range{Known: true, Low: 5, High: 5, Currency: "XXX"}, "USD", Range{Known: true, Low: 5, High: 5, Currency: "XXX"}, false},
		{Range{Known: true, Low: 5, High: 5, Currency: "YYY"}, "USD", Range{Known: true, Low: 5, High: 5, Currency: "YYY"}, false},
		{Range{Known: true, Low: math.MaxFloat64, High: math.MaxFloat64, Currency: "GBP"}, "USD", Range{Known: true, Low: math.MaxFloat64, High: math.MaxFloat64, Currency: "GBP"}, false},
		{Range{Problem: "x"}, "USD", Range{Problem: "x"}, false},
	}
	for _, tt := range tests {
		got, ok := tt.in.In(tt.currency, rates)
		if ok != tt.ok || !sameRange(got, tt.want) {
			t.Errorf("%+v.In(%q): got %+v %v, want %+v %v", tt.in, tt.currency, got, ok, tt.want, tt.ok)
		}
	}
	// Without rates, only same-currency and unstated values convert.
	if _, ok := ParseRevenue("€5M").In("USD", nil); ok {
		t.Error("EUR to USD without rates converted")
	}
	if r, ok := ParseRevenue("5M").In("EUR", nil); !ok || r.High != 5e6 || r.Currency != "EUR" {
		t.Errorf("unstated currency: got %+v %v", r, ok)
	}
}

// checkInvariants is what every parse must satisfy, whatever the input.
func checkInvariants(t *testing.T, in string, r Range) {
	t.Helper()
	if !r.Known {
		if r.Low != 0 || r.High != 0 || r.Open || r.Currency != "" {
			t.Errorf("%q: unknown range carries values: %+v", in, r)
		}
		if strings.TrimSpace(in) != "" && r.Problem == "" {
			t.Errorf("%q: unknown without a problem", in)
		}
		return
	}
	if r.Problem != "" {
		t.Errorf("%q: known with a problem: %+v", in, r)
	}
	if r.Low < 0 || r.High < 0 || r.Low > r.High {
		t.Errorf("%q: bad bounds %+v", in, r)
	}
	if math.IsNaN(r.Low) || math.IsNaN(r.High) || math.IsInf(r.High, 0) {
		t.Errorf("%q: not finite %+v", in, r)
	}
	if r.Open && r.Low != r.High {
		t.Errorf("%q: open range with Low != High: %+v", in, r)
	}
}

var fuzzSeeds = []string{
	"$1.2M", "1,200,000", "1200000", "USD 40 million", "750K", "$1.5B", "20 Mio. USD", "€5-10M", "10M-50M",
	"5M - 10M", "$1 mil. - $5 mil.", "<$1M", "Over $5B", "5B+", "1.5 Mrd. €", "£2m", "EUR 3,5 Mio", "10 Millionen",
	"2 millions d'euros", "1.200", "1,200", "M", "Unknown", "n/a", "-", "", "250", "1000+", "51-200", "10,001+",
	"Self-employed", "1.2.3", "..", "$", "-5", "9'9'9", "1 000 000,5", "up to", "a$", "\xff\xfe", "1e308",
}

func FuzzParseRevenue(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkInvariants(t, in, ParseRevenue(in))
	})
}

func FuzzParseEmployees(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		r := ParseEmployees(in)
		checkInvariants(t, in, r)
		if r.Known && (r.Low != math.Trunc(r.Low) || r.High != math.Trunc(r.High)) {
			t.Errorf("%q: fractional count %+v", in, r)
		}
	})
}

// FuzzParseRevenueDecimalComma checks the decimal-comma reading: the
// same invariants, the same result as ParseRevenue except that a lone
// three-digit group after a comma may be refused, and DecimalCommas never
// panics on the cell.
func FuzzParseRevenueDecimalComma(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		DecimalCommas([]string{in})
		r := ParseRevenueDecimalComma(in)
		checkInvariants(t, in, r)
		plain := ParseRevenue(in)
		if r.Known && (!plain.Known || r.Low != plain.Low || r.High != plain.High || r.Currency != plain.Currency) {
			t.Errorf("%q: decimal-comma reading %+v differs from %+v", in, r, plain)
		}
		if !r.Known && plain.Known && !strings.Contains(r.Problem, "decimal commas elsewhere") {
			t.Errorf("%q: refused (%s) where ParseRevenue reads %+v", in, r.Problem, plain)
		}
	})
}

func BenchmarkParseRevenue(b *testing.B) {
	inputs := []string{"$1.2M", "1,200,000", "USD 40 million", "€5-10M", "$1 mil. - $5 mil.", "Unknown", "2 millions d'euros", ""}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ParseRevenue(inputs[i%len(inputs)])
	}
}

func BenchmarkParseEmployees(b *testing.B) {
	inputs := []string{"51-200", "1,000", "10,001+", "Self-employed", "250", ""}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ParseEmployees(inputs[i%len(inputs)])
	}
}

func TestUnreadable(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", false}, {"Unknown", false}, {"n/a", false}, {"0", false}, {"$0", false},
		{"$5M", false}, {"1,200M", true}, {"3,5", true}, {"lots", true}, {"-5M", true},
	}
	for _, tt := range tests {
		if got := ParseRevenue(tt.in).Unreadable(); got != tt.want {
			t.Errorf("ParseRevenue(%q).Unreadable() = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestDecimalCommaColumn(t *testing.T) {
	tests := []struct {
		cells []string
		want  bool
	}{
		{[]string{"$900,000", "750,000", "$1,200,000", "1,200.50"}, false},
		{[]string{"$900,000", "3,5 Mio"}, true},
		{[]string{"2,75"}, true},
		{[]string{"1.234,56 EUR"}, true},
		{[]string{"10,000+", "Unknown", ""}, false},
		{[]string{"a,b", ",5"}, false},
	}
	for _, tt := range tests {
		if got := DecimalCommas(tt.cells); got != tt.want {
			t.Errorf("DecimalCommas(%q) = %v, want %v", tt.cells, got, tt.want)
		}
	}
	// In such a column a lone three-digit group after a comma is not
	// read as thousands; after a dot it still is (German grouping).
	if r := ParseRevenueDecimalComma("1,200"); r.Known || !strings.Contains(r.Problem, "decimal commas elsewhere") {
		t.Errorf("ParseRevenueDecimalComma(1,200) = %+v, want refused", r)
	}
	if r := ParseRevenueDecimalComma("1.200"); !r.Known || r.Low != 1200 {
		t.Errorf("ParseRevenueDecimalComma(1.200) = %+v, want 1200", r)
	}
	if r := ParseRevenueDecimalComma("3,5 Mio"); !r.Known || r.Low != 3.5e6 {
		t.Errorf("ParseRevenueDecimalComma(3,5 Mio) = %+v, want 3.5M", r)
	}
	if r := ParseRevenueDecimalComma("$1,200,000"); !r.Known || r.Low != 1.2e6 {
		t.Errorf("ParseRevenueDecimalComma($1,200,000) = %+v, want 1.2M", r)
	}
}
