package costs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/currency"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadcsv"
)

// MaxSize is the largest costs file read, in bytes: a costs file has a
// row per source and period, not per lead.
const MaxSize = 4 << 20

// Record is one row of a costs file, its cells picked by column name;
// Read checks and converts it into an Entry.
type Record struct {
	Source   string
	Cost     string
	Currency string
	Period   string
}

// Error is one problem in a costs file. Line and Column are 1-based;
// Column counts bytes, as encoding/csv does, and is 0 when unknown.
type Error = lead.Problem

// ErrorList is every problem found in one costs file, in file order.
type ErrorList []*Error

// Error prints one problem per line.
func (l ErrorList) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap returns the problems, so callers print each with its hint.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

func (l *ErrorList) add(file string, line, col int, hint, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Options say how to convert costs.
type Options struct {
	// Currency is the currency to convert into (the rulebook's), ISO 4217.
	Currency string
	// Convert converts an amount in an ISO 4217 currency into Currency;
	// ok false means there is no rate (rulebook.ConvertMoney). Nil
	// accepts only Currency itself.
	Convert func(amount float64, currency string) (float64, bool)
}

// Load reads the costs file at path.
func Load(path string, opts Options) (*Costs, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, ErrorList{{File: path, Msg: "cannot open: " + err.Error()}}
	}
	defer f.Close()
	return Read(path, f, opts)
}

// columns maps folded header spellings to the canonical column names.
var columns = map[string]string{
	"lead source": "lead_source", "leadsource": "lead_source", "source": "lead_source", "channel": "lead_source",
	"cost": "cost", "costs": "cost", "spend": "cost", "amount": "cost",
	"currency": "currency", "cur": "currency",
	"period": "period", "month": "period", "quarter": "period",
}

const columnHint = "the columns are lead source, cost, currency and period (currency and period may be left out)"

func foldHeader(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	h = strings.NewReplacer("_", " ", "-", " ").Replace(h)
	return strings.Join(strings.Fields(h), " ")
}

// Read reads a costs file; name is used in errors. The file goes through
// the same reader as lead exports (package leadcsv): its encoding
// (UTF-8, UTF-16, Windows-1252, ...) and delimiter are detected, so a
// source written in a Windows-1252 costs file matches the same source in
// a Windows-1252 export. Every problem is returned at once as ErrorList.
func Read(name string, r io.Reader, opts Options) (*Costs, error) {
	var errs ErrorList
	src, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		errs.add(name, 0, 0, "", "cannot read: %v", err)
		return nil, errs
	}
	if len(src) > MaxSize {
		errs.add(name, 0, 0, "a costs file has a row per source and period; is this the right file?", "costs file is larger than %d bytes", MaxSize)
		return nil, errs
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(src, []byte("\ufeff")))) == 0 {
		errs.add(name, 1, 0, "write a header such as: lead source,cost,currency,period", "costs file is empty")
		return nil, errs
	}
	cr, err := leadcsv.NewReader(name, bytes.NewReader(src), leadcsv.Options{})
	if err != nil {
		var fe *leadcsv.FileError
		if errors.As(err, &fe) {
			return nil, ErrorList{fe}
		}
		errs.add(name, 0, 0, "", "%v", err)
		return nil, errs
	}

	// The header: any spelling of a column maps to its canonical name.
	header := cr.Header
	index := map[string]int{} // canonical name -> 1-based column
	for i, h := range header {
		_, col := cr.FieldPos(i)
		c, ok := columns[foldHeader(h)]
		switch {
		case !ok:
			errs.add(name, cr.HeaderLine, col, columnHint, "unknown column %q", h)
		case index[c] > 0:
			errs.add(name, cr.HeaderLine, col, "keep one of them", "column %q is a second %s column", h, strings.ReplaceAll(c, "_", " "))
		default:
			index[c] = i + 1
		}
	}
	for _, c := range []string{"lead_source", "cost"} {
		if index[c] == 0 {
			errs.add(name, cr.HeaderLine, 0, columnHint, "no %s column", strings.ReplaceAll(c, "_", " "))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	cell := func(cells []string, column string) string {
		if i := index[column]; i > 0 && i <= len(cells) {
			return cells[i-1]
		}
		return ""
	}
	pos := func(column string) (int, int) {
		return cr.FieldPos(max(index[column]-1, 0))
	}

	c := &Costs{File: name, Currency: strings.ToUpper(strings.TrimSpace(opts.Currency))}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var fe *leadcsv.FileError
			if errors.As(err, &fe) {
				errs = append(errs, fe)
			} else {
				errs.add(name, 0, 0, "", "%v", err)
			}
			break
		}
		if strings.TrimSpace(strings.Join(row.Cells, "")) == "" {
			continue // a row of empty cells, as spreadsheets export
		}
		switch {
		case len(row.Cells) != len(header):
			errs.add(name, row.Line, 0, fmt.Sprintf("quote a cost written with a comma, such as \"12,500\"; every row has the header's %d cells", len(header)),
				"row has a different number of cells than the header")
			continue
		case row.Problem != "":
			errs.add(name, row.Line, 0, "quote a cell that holds the delimiter or a quote, and double quotes inside it", "%s", row.Problem)
			continue
		}
		if len(c.Entries)+len(errs) > 100_000 {
			errs.add(name, row.Line, 0, "", "more than 100000 rows")
			break
		}
		rec := Record{Source: cell(row.Cells, "lead_source"), Cost: cell(row.Cells, "cost"),
			Currency: cell(row.Cells, "currency"), Period: cell(row.Cells, "period")}
		if e, ok := c.entry(name, rec, row.Line, pos, opts, &errs); ok {
			c.Entries = append(c.Entries, e)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}

// entry checks one record; problems go to errs.
func (c *Costs) entry(name string, rec Record, line int, pos func(string) (int, int), opts Options, errs *ErrorList) (Entry, bool) {
	e := Entry{Source: strings.Join(strings.Fields(rec.Source), " "), Line: line}
	ok := true
	if e.Source == "" {
		l, col := pos("lead_source")
		errs.add(name, l, col, "name the lead source as the leads' source column writes it, such as Trade Show", "lead source is empty")
		ok = false
	}
	amount, problem := ParseAmount(rec.Cost)
	if problem != "" {
		l, col := pos("cost")
		errs.add(name, l, col, amountHint(rec.Cost), "cost %q %s", strings.TrimSpace(rec.Cost), problem)
		ok = false
	}
	e.Stated = amount
	cur := strings.ToUpper(strings.TrimSpace(rec.Currency))
	if cur == "" {
		cur = c.Currency
	}
	e.StatedCurrency = cur
	switch {
	case !isISO(cur):
		l, col := pos("currency")
		errs.add(name, l, col, "use three letters, such as USD, EUR or GBP; leave it empty for "+c.Currency, "currency %q is not an ISO 4217 code", strings.TrimSpace(rec.Currency))
		ok = false
	case cur == c.Currency:
		e.Amount = amount
	case opts.Convert == nil:
		l, col := pos("currency")
		errs.add(name, l, col, "", "currency %s cannot be converted into %s", cur, c.Currency)
		ok = false
	default:
		conv, converted := opts.Convert(amount, cur)
		if !converted {
			l, col := pos("currency")
			errs.add(name, l, col, fmt.Sprintf("add it to the rulebook under detectors.below_budget.rates, such as {%s: 1.1} (one %s in %s)", cur, cur, c.Currency),
				"no rate for %s in the rulebook", cur)
			ok = false
		}
		e.Amount = conv
	}
	if p, perr := ParsePeriod(rec.Period); perr != "" {
		l, col := pos("period")
		errs.add(name, l, col, "write a year (2026), a quarter (2026Q3) or a month (2026-07); leave it empty for a cost of any period",
			"period %q %s", strings.TrimSpace(rec.Period), perr)
		ok = false
	} else {
		e.Period = p
	}
	return e, ok
}

func amountHint(s string) string {
	if strings.ContainsAny(s, "$€£¥") || strings.ContainsFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }) {
		return "write plain digits, such as 12500 or 12,500.50; the currency goes in the currency column"
	}
	return "write plain digits with a decimal point, such as 12500 or 12,500.50"
}

var (
	plainAmount   = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)
	groupedAmount = regexp.MustCompile(`^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`)
)

// maxAmount bounds a cost; larger values are typos.
const maxAmount = 1e15

// ParseAmount reads a cost cell: plain digits, an optional decimal point,
// and comma thousands separators in groups of three. problem is "" for
// a valid amount, else says what is wrong ("is not a number").
func ParseAmount(s string) (amount float64, problem string) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return 0, "is empty: write 0 for a source that cost nothing"
	case strings.HasPrefix(s, "-"):
		if _, p := ParseAmount(s[1:]); p == "" {
			return 0, "is negative"
		}
		return 0, "is not a number"
	case len(s) > 40:
		return 0, "is not a number"
	case !plainAmount.MatchString(s) && !groupedAmount.MatchString(s):
		return 0, "is not a number"
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || v > maxAmount {
		return 0, "is out of range"
	}
	return v, ""
}

func isISO(code string) bool {
	if len(code) != 3 {
		return false
	}
	_, err := currency.ParseISO(code)
	return err == nil
}

var (
	yearRe    = regexp.MustCompile(`^([0-9]{4})$`)
	quarterRe = regexp.MustCompile(`^(?:([0-9]{4})[- ]?Q([1-4])|Q([1-4])[- ]?([0-9]{4}))$`)
	monthRe   = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})$`)
)

// ParsePeriod reads a period cell: "" (any period), a year "2026", a
// quarter "2026Q3", "2026-Q3" or "Q3 2026", or a month "2026-07".
func ParsePeriod(s string) (p Period, problem string) {
	t := strings.ToUpper(strings.TrimSpace(s))
	if t == "" {
		return Period{}, ""
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if m := yearRe.FindStringSubmatch(t); m != nil {
		y := atoi(m[1])
		if y < 1900 {
			return p, "is not a plausible year"
		}
		return Period{From: day(y, 1, 1), To: day(y, 12, 31), Text: t}, ""
	}
	if m := quarterRe.FindStringSubmatch(t); m != nil {
		y, q := atoi(m[1]+m[4]), atoi(m[2]+m[3])
		if y < 1900 {
			return p, "is not a plausible year"
		}
		from := day(y, time.Month(3*q-2), 1)
		return Period{From: from, To: from.AddDate(0, 3, -1), Text: fmt.Sprintf("%dQ%d", y, q)}, ""
	}
	if m := monthRe.FindStringSubmatch(t); m != nil {
		y, mo := atoi(m[1]), atoi(m[2])
		if y < 1900 || mo < 1 || mo > 12 {
			return p, "is not a month"
		}
		from := day(y, time.Month(mo), 1)
		return Period{From: from, To: from.AddDate(0, 1, -1), Text: t}, ""
	}
	return p, "is not a year, quarter or month"
}
