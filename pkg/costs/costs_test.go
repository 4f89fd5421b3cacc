package costs

import (
	"bytes"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// eur converts with 1 EUR = 1.1 USD and 1 GBP = 1.25 USD, as a rulebook
// in USD with those rates would.
func eur(amount float64, cur string) (float64, bool) {
	switch cur {
	case "EUR":
		return amount * 1.1, true
	case "GBP":
		return amount * 1.25, true
	}
	return 0, false
}

var usd = Options{Currency: "USD", Convert: eur}

func read(t *testing.T, src string) *Costs {
	t.Helper()
	c, err := Read("costs.csv", strings.NewReader(src), usd)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return c
}

func TestReadValid(t *testing.T) {
	tests := []struct {
		name, src string
		want      map[string]float64 // source -> cost over every period
	}{
		{"plain", "lead source,cost,currency,period\nTrade Show,18000,USD,2026Q3\nWeb,0,,\n",
			map[string]float64{"Trade Show": 18000, "Web": 0}},
		{"header spellings and order, BOM, CRLF", "\ufeffPeriod;Spend;Lead_Source\r\n2026-07;\"1,200.50\";Webinar\r\n",
			map[string]float64{"Webinar": 1200.5}},
		{"currencies converted", "Source,Cost,Currency\nPartner Referral,1000,EUR\nUK Event,1000,gbp\n",
			map[string]float64{"Partner Referral": 1100, "UK Event": 1250}},
		{"rows add up, names fold", "source,cost\nTrade Show,100\ntrade   show,50\n,\n",
			map[string]float64{"Trade Show": 150}},
		{"tab-separated, no currency column", "lead source\tcost\nWeb\t12,345,678.9\n",
			map[string]float64{"Web": 12345678.9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel := read(t, tt.src).Select(time.Time{}, time.Time{})
			for source, want := range tt.want {
				got, ok := sel.Cost(source)
				if !ok || math.Abs(got-want) > 1e-9 {
					t.Errorf("Cost(%q) = %v, %v; want %v", source, got, ok, want)
				}
			}
			if _, ok := sel.Cost("Nobody"); ok {
				t.Error("a source the file does not name has a cost")
			}
		})
	}
}

// TestReadErrors checks every problem is reported at once, with its
// position and hint.
func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "pos: message | hint"
	}{
		{"bad cells", "lead source,cost,currency,period\nTrade Show,18000,USD,2026Q3\nWeb,12.5,,\nWebinar,\"12,5k\",EUR,2026Q3\n,100,XYZ,summer\nEvent,-5,JPY,2026-13\nAds,$1000,,\n",
			[]string{
				`costs.csv:4:9: cost "12,5k" is not a number | write plain digits, such as 12500 or 12,500.50; the currency goes in the currency column`,
				`costs.csv:5:1: lead source is empty | name the lead source as the leads' source column writes it, such as Trade Show`,
				`costs.csv:5:6: currency "XYZ" is not an ISO 4217 code | use three letters, such as USD, EUR or GBP; leave it empty for USD`,
				`costs.csv:5:10: period "summer" is not a year, quarter or month | write a year (2026), a quarter (2026Q3) or a month (2026-07); leave it empty for a cost of any period`,
				`costs.csv:6:7: cost "-5" is negative | write plain digits with a decimal point, such as 12500 or 12,500.50`,
				`costs.csv:6:10: no rate for JPY in the rulebook | add it to the rulebook under detectors.below_budget.rates, such as {JPY: 1.1} (one JPY in USD)`,
				`costs.csv:6:14: period "2026-13" is not a month | write a year (2026), a quarter (2026Q3) or a month (2026-07); leave it empty for a cost of any period`,
				`costs.csv:7:5: cost "$1000" is not a number | write plain digits, such as 12500 or 12,500.50; the currency goes in the currency column`,
			}},
		{"unquoted thousands split the row", "lead source,cost,currency\nTrade Show,12,500,USD\nWeb,,USD\n",
			[]string{
				`costs.csv:2: row has a different number of cells than the header | quote a cost written with a comma, such as "12,500"; every row has the header's 3 cells`,
				`costs.csv:3:5: cost "" is empty: write 0 for a source that cost nothing | write plain digits with a decimal point, such as 12500 or 12,500.50`,
			}},
		{"header", "Lead Source,Budget,Lead source\nx,1,y\n",
			[]string{
				`costs.csv:1:13: unknown column "Budget" | the columns are lead source, cost, currency and period (currency and period may be left out)`,
				`costs.csv:1:20: column "Lead source" is a second lead source column | keep one of them`,
				`costs.csv:1: no cost column | the columns are lead source, cost, currency and period (currency and period may be left out)`,
			}},
		{"empty", "\ufeff \n", []string{`costs.csv:1: costs file is empty | write a header such as: lead source,cost,currency,period`}},
		{"bare quote", "source,cost\nTr\"ade,1\nWeb,2\n",
			[]string{`costs.csv:2: stray quote in an unquoted field at line 2, column 3 | quote a cell that holds the delimiter or a quote, and double quotes inside it`}},
		{"quoted header keeps line numbers", "\"lead\nsource\",cost\nWeb,x\n",
			[]string{`costs.csv:3:5: cost "x" is not a number | write plain digits, such as 12500 or 12,500.50; the currency goes in the currency column`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Read("costs.csv", strings.NewReader(tt.src), usd)
			if err == nil {
				t.Fatalf("Read succeeded: %+v", c)
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T, want ErrorList", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error()+" | "+e.Hint)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestLineNumbersAfterMultiLineHeader(t *testing.T) {
	// A blank line after the header: rows keep their physical lines.
	_, err := Read("c.csv", strings.NewReader("source,\"cost\"\n\nWeb,x\n"), usd)
	if err == nil || !strings.HasPrefix(err.Error(), "c.csv:3:5: ") {
		t.Errorf("error %v, want it at c.csv:3:5", err)
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in      string
		want    float64
		problem string
	}{
		{"0", 0, ""},
		{" 18000 ", 18000, ""},
		{"18,000", 18000, ""},
		{"1,234,567.89", 1234567.89, ""},
		{"0.5", 0.5, ""},
		{"", 0, "is empty: write 0 for a source that cost nothing"},
		{"12,5k", 0, "is not a number"},
		{"12,5", 0, "is not a number"},
		{"1,2345", 0, "is not a number"},
		{"12.500,00", 0, "is not a number"},
		{"$100", 0, "is not a number"},
		{"1e3", 0, "is not a number"},
		{"NaN", 0, "is not a number"},
		{"-100", 0, "is negative"},
		{"--1", 0, "is not a number"},
		{"9999999999999999", 0, "is out of range"},
		{".5", 0, "is not a number"},
	}
	for _, tt := range tests {
		got, problem := ParseAmount(tt.in)
		if got != tt.want || problem != tt.problem {
			t.Errorf("ParseAmount(%q) = %v, %q; want %v, %q", tt.in, got, problem, tt.want, tt.problem)
		}
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in       string
		from, to time.Time
		problem  string
	}{
		{"", time.Time{}, time.Time{}, ""},
		{"2026", day(2026, 1, 1), day(2026, 12, 31), ""},
		{"2026Q3", day(2026, 7, 1), day(2026, 9, 30), ""},
		{"2026-q4", day(2026, 10, 1), day(2026, 12, 31), ""},
		{"Q1 2027", day(2027, 1, 1), day(2027, 3, 31), ""},
		{"2026-02", day(2026, 2, 1), day(2026, 2, 28), ""},
		{"2026Q5", time.Time{}, time.Time{}, "is not a year, quarter or month"},
		{"2026-00", time.Time{}, time.Time{}, "is not a month"},
		{"0026", time.Time{}, time.Time{}, "is not a plausible year"},
		{"July", time.Time{}, time.Time{}, "is not a year, quarter or month"},
	}
	for _, tt := range tests {
		p, problem := ParsePeriod(tt.in)
		if problem != tt.problem || !p.From.Equal(tt.from) || !p.To.Equal(tt.to) {
			t.Errorf("ParsePeriod(%q) = %v..%v %q; want %v..%v %q", tt.in, p.From, p.To, problem, tt.from, tt.to, tt.problem)
		}
	}
}

func TestSelectByPeriod(t *testing.T) {
	c := read(t, "source,cost,period\nTrade Show,3000,2026Q3\nTrade Show,1000,2026Q2\nWeb,100,2026-08\nWeb,50,\nAds,1200,2026\nTypo Source,10,\n")
	q3 := c.Select(day(2026, 7, 1), day(2026, 9, 30))
	for _, tt := range []struct {
		source string
		want   float64
		ok     bool
	}{{"Trade Show", 3000, true}, {"Web", 150, true}, {"Ads", 0, false}, {"Partner", 0, false}} {
		got, ok := q3.Cost(tt.source)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Q3 Cost(%q) = %v, %v; want %v, %v", tt.source, got, ok, tt.want, tt.ok)
		}
	}
	o := q3.Overview([]string{"trade show", "Web", "Ads"})
	if !reflect.DeepEqual(o.LeftOut, []string{"Ads 2026"}) || !reflect.DeepEqual(o.NotInLeads, []string{"Typo Source"}) {
		t.Errorf("overview %+v", o)
	}
	all := c.Select(time.Time{}, time.Time{})
	if got, _ := all.Cost("Trade Show"); got != 4000 {
		t.Errorf("every period: Trade Show %v, want 4000", got)
	}
	if got, _ := all.Cost("Ads"); got != 1200 {
		t.Errorf("every period: Ads %v, want 1200", got)
	}
	// An open window: from Q3 on.
	since := c.Select(day(2026, 7, 1), time.Time{})
	if got, _ := since.Cost("Trade Show"); got != 3000 {
		t.Errorf("since Q3: Trade Show %v, want 3000", got)
	}
}

func ptr(v float64) *float64 { return &v }

// TestMoney covers the arithmetic: missing costs, zero divisions and
// currency conversion.
func TestMoney(t *testing.T) {
	sel := read(t, "source,cost,currency\nTrade Show,18000,USD\nPartner,1000,EUR\nOrganic,0,\n").Select(time.Time{}, time.Time{})
	tests := []struct {
		name                        string
		source                      string
		leads, qualified, converted int
		revenue                     float64
		want                        OutcomeFigures
	}{
		{"cost per lead and per qualified", "Trade Show", 600, 12, 2, 30000,
			OutcomeFigures{Figures{true, ptr(18000), ptr(30), ptr(1500)}, ptr(9000), ptr(30000.0 / 18000)}},
		{"converted from EUR", "partner", 20, 10, 5, 110000,
			OutcomeFigures{Figures{true, ptr(1100), ptr(55), ptr(110)}, ptr(220), ptr(100)}},
		{"nothing qualified", "Trade Show", 600, 0, 0, 0,
			OutcomeFigures{Figures{true, ptr(18000), ptr(30), nil}, nil, ptr(0)}},
		{"no leads at all", "Trade Show", 0, 0, 0, 0,
			OutcomeFigures{Figures{true, ptr(18000), nil, nil}, nil, ptr(0)}},
		{"a free source", "Organic", 50, 5, 1, 1000,
			OutcomeFigures{Figures{true, ptr(0), ptr(0), ptr(0)}, ptr(0), nil}},
		{"no cost given is not free", "Webinar", 50, 5, 1, 1000, OutcomeFigures{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sel.OutcomeFigures(tt.source, tt.leads, tt.qualified, tt.converted, tt.revenue)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %s\nwant %s", show(got), show(tt.want))
			}
			if f := sel.Figures(tt.source, tt.leads, tt.qualified); !reflect.DeepEqual(f, tt.want.Figures) {
				t.Errorf("Figures %s, want %s", show(OutcomeFigures{Figures: f}), show(OutcomeFigures{Figures: tt.want.Figures}))
			}
		})
	}
}

func show(f OutcomeFigures) string {
	p := func(v *float64) string {
		if v == nil {
			return "nil"
		}
		return Money(*v, 4)
	}
	return strings.Join([]string{p(f.Cost), p(f.PerLead), p(f.PerQualified), p(f.PerConverted), p(f.RevenuePerCost)}, " ")
}

func TestRatio(t *testing.T) {
	for _, tt := range []struct {
		num, den float64
		want     *float64
	}{{10, 4, ptr(2.5)}, {0, 4, ptr(0)}, {10, 0, nil}, {0, 0, nil}, {math.NaN(), 1, nil}, {1, math.NaN(), nil}, {math.MaxFloat64, 1e-300, nil}} {
		got := Ratio(tt.num, tt.den)
		if (got == nil) != (tt.want == nil) || got != nil && *got != *tt.want {
			t.Errorf("Ratio(%v, %v) = %v, want %v", tt.num, tt.den, got, tt.want)
		}
	}
}

func TestMoneyFormat(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		dec  int
		want string
	}{{0, 0, "0"}, {18000, 0, "18,000"}, {1234.5, 2, "1,234.50"}, {999.996, 2, "1,000.00"}, {-1500, 0, "-1,500"}, {-0.001, 2, "0.00"}, {math.Inf(1), 0, "-"}} {
		if got := Money(tt.v, tt.dec); got != tt.want {
			t.Errorf("Money(%v, %d) = %q, want %q", tt.v, tt.dec, got, tt.want)
		}
	}
}

func TestNoConverter(t *testing.T) {
	_, err := Read("c.csv", strings.NewReader("source,cost,currency\nWeb,1,EUR\n"), Options{Currency: "USD"})
	if err == nil || err.Error() != "c.csv:2:7: currency EUR cannot be converted into USD" {
		t.Errorf("error %v", err)
	}
}

// TestReadDecodesLikeLeads reads costs files in the encodings and
// delimiters lead exports come in: the sources come out as the same UTF-8
// text the leads reader gives, so they match.
func TestReadDecodesLikeLeads(t *testing.T) {
	for _, tt := range []struct {
		name string
		src  []byte
	}{
		// "Messe München;1.000" as a German Excel saves it: Windows-1252, ;
		{"windows-1252", []byte("Lead Source;Cost;Currency\r\nMesse M\xfcnchen;1000;USD\r\nCaf\xe9 Cr\xe8me \x96 Stand;250;\r\n")},
		{"utf-8 with BOM", []byte("\xef\xbb\xbfLead Source;Cost;Currency\r\nMesse M\xc3\xbcnchen;1000;USD\r\nCaf\xc3\xa9 Cr\xc3\xa8me \xe2\x80\x93 Stand;250;\r\n")},
		{"utf-16le", utf16LE("\ufeffLead Source\tCost\tCurrency\r\nMesse München\t1000\tUSD\r\nCafé Crème – Stand\t250\t\r\n")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Read("costs.csv", bytes.NewReader(tt.src), usd)
			if err != nil {
				t.Fatal(err)
			}
			sel := c.Select(time.Time{}, time.Time{})
			for source, want := range map[string]float64{"Messe München": 1000, "Café Crème – Stand": 250} {
				if got, ok := sel.Cost(source); !ok || got != want {
					t.Errorf("Cost(%q) = %v, %v; want %v (entries %+v)", source, got, ok, want, c.Entries)
				}
			}
		})
	}
}

func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}
