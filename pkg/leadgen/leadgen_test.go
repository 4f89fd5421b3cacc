package leadgen

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/encoding/charmap"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/longtest"
)

// generate writes rows of style with seed and returns the bytes and labels.
func generate(t testing.TB, style Style, rows int, seed int64, share float64) ([]byte, []Label) {
	t.Helper()
	return generateOpts(t, Options{Rows: rows, Seed: seed, Style: style, JunkShare: share})
}

// generateOpts writes opts and returns the bytes and labels.
func generateOpts(t testing.TB, opts Options) ([]byte, []Label) {
	t.Helper()
	var buf bytes.Buffer
	var labels []Label
	err := Write(&buf, opts, func(l Label) {
		labels = append(labels, l)
	})
	if err != nil {
		t.Fatalf("Write(%+v): %v", opts, err)
	}
	if len(labels) != opts.Rows {
		t.Fatalf("Write(%+v): %d labels for %d rows", opts, len(labels), opts.Rows)
	}
	return buf.Bytes(), labels
}

// parsed is a generated file read back with encoding/csv.
type parsed struct {
	header  []string
	records [][]string
	lines   []int // physical line each record starts on
}

func (p *parsed) col(name string) int { return slices.Index(p.header, name) }

// readBack decodes data as the style's tool wrote it and parses it.
func readBack(t testing.TB, style Style, data []byte) *parsed {
	t.Helper()
	spec := specs[style]
	var text []byte
	switch {
	case spec.cp1252:
		if !bytes.Contains(data, []byte("Stra\xdfe")) {
			t.Fatalf("%s: header is not Windows-1252 (no 0xDF in Straße)", style)
		}
		decoded, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			t.Fatalf("%s: decode Windows-1252: %v", style, err)
		}
		text = decoded
	case spec.bom:
		var ok bool
		if text, ok = bytes.CutPrefix(data, []byte("\xEF\xBB\xBF")); !ok {
			t.Fatalf("%s: no UTF-8 BOM", style)
		}
	default:
		text = data
	}
	if spec.crlf && !bytes.HasSuffix(text, []byte("\r\n")) {
		t.Fatalf("%s: file does not end in CRLF", style)
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = rune(spec.comma)
	r.FieldsPerRecord = 0 // every record as long as the header
	p := &parsed{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: csv: %v", style, err)
		}
		line, _ := r.FieldPos(0)
		if p.header == nil {
			p.header = rec
			if line != 1 {
				t.Fatalf("%s: header on line %d", style, line)
			}
			continue
		}
		p.records = append(p.records, rec)
		p.lines = append(p.lines, line)
	}
	return p
}

func TestStyles(t *testing.T) {
	if len(Styles()) != 5 {
		t.Fatalf("Styles() = %v, want 5 styles", Styles())
	}
	for _, st := range Styles() {
		got, err := ParseStyle(string(st))
		if err != nil || got != st {
			t.Errorf("ParseStyle(%q) = %q, %v", st, got, err)
		}
		if len(st.Reasons()) < 6 || !slices.Contains(st.Reasons(), lead.Duplicate) {
			t.Errorf("%s.Reasons() = %v, want at least 6 with duplicate", st, st.Reasons())
		}
	}
	for _, bad := range []string{"", "Salesforce", "excel", "hubspot "} {
		if _, err := ParseStyle(bad); err == nil {
			t.Errorf("ParseStyle(%q): no error", bad)
		}
	}
	if r := Style("nope").Reasons(); r != nil {
		t.Errorf("unknown style has reasons %v", r)
	}
}

func TestOptionsErrors(t *testing.T) {
	for _, opts := range []Options{
		{Rows: 10, Style: "excel"},
		{Rows: -1, Style: HubSpot},
		{Rows: 10, Style: HubSpot, JunkShare: 1.5},
		{Rows: 10, Style: HubSpot, JunkShare: math.NaN()},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, opts, nil); err == nil {
			t.Errorf("Write(%+v): no error", opts)
		}
		if buf.Len() != 0 {
			t.Errorf("Write(%+v) wrote %d bytes before failing", opts, buf.Len())
		}
	}
	if err := Write(nil, Options{Rows: 1, Style: HubSpot}, nil); err == nil {
		t.Error("Write(nil writer): no error")
	}
}

type failingWriter struct{ after int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.after -= len(p); w.after < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestWriteError(t *testing.T) {
	for _, after := range []int{0, 100, 200_000} {
		err := Write(&failingWriter{after: after}, Options{Rows: 5000, Seed: 1, Style: Salesforce}, nil)
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("after %d bytes: err = %v, want disk full", after, err)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, st := range Styles() {
		a, la := generate(t, st, 2000, 42, 0)
		b, lb := generate(t, st, 2000, 42, 0)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: same seed, different bytes", st)
		}
		if !slices.EqualFunc(la, lb, func(x, y Label) bool { return x.Line == y.Line && slices.Equal(x.Reasons, y.Reasons) }) {
			t.Errorf("%s: same seed, different labels", st)
		}
		c, _ := generate(t, st, 2000, 43, 0)
		if bytes.Equal(a, c) {
			t.Errorf("%s: seeds 42 and 43 give the same bytes", st)
		}
		pa, _ := generateOpts(t, Options{Rows: 2000, Seed: 42, Style: st, PhonePool: true})
		pb, _ := generateOpts(t, Options{Rows: 2000, Seed: 42, Style: st, PhonePool: true})
		if !bytes.Equal(pa, pb) {
			t.Errorf("%s PhonePool: same seed, different bytes", st)
		}
		if bytes.Equal(a, pa) {
			t.Errorf("%s: PhonePool does not change the bytes", st)
		}
		// A prefix of a longer run is not required to match, but the
		// header is always the style's header.
		p := readBack(t, st, a)
		if !slices.Equal(p.header, st.Header()) {
			t.Errorf("%s: header %q, want %q", st, p.header, st.Header())
		}
	}
}

// TestReadBack parses every style with encoding/csv: a constant field
// count, one record per row, and every label's Line equal to the
// physical line the record starts on, including rows whose quoted message
// spans several lines.
func TestReadBack(t *testing.T) {
	for _, st := range Styles() {
		t.Run(string(st), func(t *testing.T) {
			data, labels := generate(t, st, 5000, 7, 0)
			p := readBack(t, st, data)
			if len(p.records) != len(labels) {
				t.Fatalf("%d records, %d labels", len(p.records), len(labels))
			}
			multiLine := 0
			for i, l := range labels {
				if l.Line != p.lines[i] {
					t.Fatalf("row %d: label line %d, record starts on line %d", i+1, l.Line, p.lines[i])
				}
				if i+1 < len(labels) && labels[i+1].Line > l.Line+1 {
					multiLine++
				}
			}
			if st != Goldfish && multiLine == 0 {
				t.Errorf("no row spans several lines; the style's free text should have some")
			}
			lastLine := labels[len(labels)-1].Line
			if total := bytes.Count(data, []byte{'\n'}); total < lastLine {
				t.Errorf("file has %d lines, last row starts on %d", total, lastLine)
			}
		})
	}
}

func TestJunkShare(t *testing.T) {
	for i, tc := range []struct {
		share, want float64
	}{{0, DefaultJunkShare}, {0.1, 0.1}, {0.5, 0.5}, {1, 1}, {-1, 0}} {
		for j, st := range Styles() {
			// The quick set checks each share in one style, each style
			// with one share; the long set every pair.
			if !longtest.Enabled() && j != i%len(Styles()) {
				continue
			}
			_, labels := generate(t, st, 5000, 3, tc.share)
			junk := 0
			for _, l := range labels {
				if len(l.Reasons) > 0 {
					junk++
				}
			}
			got := float64(junk) / float64(len(labels))
			if math.Abs(got-tc.want) > 0.025 {
				t.Errorf("%s share %v: junk share %.3f, want %.3f", st, tc.share, got, tc.want)
			}
		}
	}
}

// TestEveryReasonPlanted checks that 5,000 rows hold every reason the style
// supports, enough of each to measure recall, and none it cannot show.
func TestEveryReasonPlanted(t *testing.T) {
	for _, st := range Styles() {
		_, labels := generate(t, st, 5000, 11, 0)
		counts := map[lead.Reason]int{}
		for _, l := range labels {
			if len(l.Reasons) > 2 && !(len(l.Reasons) == 3 && slices.Contains(l.Reasons, lead.NoContact)) {
				t.Errorf("%s line %d: %d reasons", st, l.Line, len(l.Reasons))
			}
			for _, r := range l.Reasons {
				counts[r]++
			}
		}
		for _, r := range st.Reasons() {
			if r == lead.NoContact {
				continue // follows from bogus_email and bogus_phone, never planted alone
			}
			if counts[r] < 50 {
				t.Errorf("%s: reason %s planted %d times in 5000 rows, want at least 50", st, r, counts[r])
			}
		}
		for r := range counts {
			if !slices.Contains(st.Reasons(), r) {
				t.Errorf("%s: planted %s, which the style cannot show", st, r)
			}
		}
	}
}

var (
	disposableOnce sync.Once
	disposable     map[string]bool
)

// disposableDomains reads the copy of the disposable list in testdata.
func disposableDomains(t testing.TB) map[string]bool {
	disposableOnce.Do(func() {
		f, err := os.Open("testdata/disposable-domains.txt")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		disposable = map[string]bool{}
		s := bufio.NewScanner(f)
		for s.Scan() {
			if d := strings.TrimSpace(s.Text()); d != "" && !strings.HasPrefix(d, "#") {
				disposable[d] = true
			}
		}
	})
	if len(disposable) < 1000 {
		t.Fatalf("disposable list has %d entries", len(disposable))
	}
	return disposable
}

func isDisposable(t testing.TB, domain string) bool {
	list := disposableDomains(t)
	for d := domain; d != ""; {
		if list[d] {
			return true
		}
		_, rest, ok := strings.Cut(d, ".")
		if !ok {
			break
		}
		d = rest
	}
	return false
}

var (
	dotAtom = regexp.MustCompile(`^[A-Za-z0-9!#$%&'*+/=?^_` + "`" + `{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_` + "`" +
		`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$`)
	reservedDomain   = regexp.MustCompile(`(?i)(^|\.)(example\.(com|net|org)|[^.]+\.(test|example|invalid|localhost|local|onion|arpa|internal))$`)
	placeholderLocal = map[string]bool{"test": true, "asdf": true, "qwerty": true, "noemail": true, "nomail": true,
		"null": true, "dummy": true, "sample": true, "fake": true, "none": true, "x": true, "a": true, "email": true, "user": true}
)

// checkCleanEmail reports why e is not a deliverable-looking address.
func checkCleanEmail(t testing.TB, e string) string {
	if !dotAtom.MatchString(e) || len(e) > 254 {
		return "bad syntax"
	}
	at := strings.LastIndexByte(e, '@')
	local, domain := strings.ToLower(e[:at]), strings.ToLower(e[at+1:])
	switch {
	case len(local) > 64:
		return "local part too long"
	case reservedDomain.MatchString(domain):
		return "reserved domain"
	case isDisposable(t, domain):
		return "disposable domain"
	case placeholderLocal[local] || strings.HasPrefix(domain, local+"."):
		return "placeholder"
	case domain == CompetitorDomain || strings.HasSuffix(domain, "."+CompetitorDomain):
		return "competitor"
	}
	return ""
}

// fictionalE164 is the test's own table of numbers reserved for fiction
// (NANPA 555-01xx, Ofcom drama ranges, ACMA) and of unanswerable patterns.
var fictionalE164 = regexp.MustCompile(`^(\+1\d{3}555|\+1\d{3}\d11|\+442079460|\+441914980|\+442896496|\+442920180|` +
	`\+441632960|\+447700900|\+448081570|\+449098790|\+443069990|\+44(113|114|115|116|117|118|121|131|141|151|161)4960|` +
	`\+61[2378](5550|7010)|\+6149157)`)

// checkValidPhone reports why raw, typed on a row of region, is not a
// real-looking valid number.
func checkValidPhone(raw, region string) string {
	n, err := phonenumbers.Parse(raw, region)
	if err != nil {
		return "unparseable: " + err.Error()
	}
	if !phonenumbers.IsValidNumber(n) {
		return "not valid"
	}
	e164 := phonenumbers.Format(n, phonenumbers.E164)
	if fictionalE164.MatchString(e164) {
		return "fictional range " + e164
	}
	nsn := phonenumbers.GetNationalSignificantNumber(n)
	if strings.Count(nsn, nsn[:1]) == len(nsn) || strings.Contains("0123456789", nsn) || strings.Contains("9876543210", nsn) {
		return "implausible " + nsn
	}
	// A subscriber number of seven digits or more after a code of one to
	// four digits that runs straight, 9 wrapping to 0 ("030 89012345").
	for k := 1; k <= 4 && len(nsn)-k >= 7; k++ {
		sub := nsn[k:]
		if strings.Contains("01234567890123456789", sub) || strings.Contains("98765432109876543210", sub) {
			return "implausible subscriber number " + nsn
		}
	}
	switch phonenumbers.GetNumberType(n) {
	case phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.FIXED_LINE_OR_MOBILE:
	default:
		return "not a fixed or mobile number"
	}
	return ""
}

// regionOf maps a country cell as the generator writes it to its code.
func regionOf(cell string) string {
	for _, c := range countries {
		if cell == c.german || cell == c.code || slices.Contains(c.spellings, cell) {
			return c.code
		}
	}
	return ""
}

func TestPhonePool(t *testing.T) {
	p := phones()
	// The quick set checks every fourth entry of each list; the long set
	// (as CI runs it) every entry.
	step := longtest.Pick(4, 1)
	for _, c := range countries {
		for kind, list := range map[string][]phoneEntry{"fixed": p.fixed[c.code], "mobile": p.mobile[c.code]} {
			if len(list) < poolPerKind {
				t.Errorf("%s %s: %d numbers in the pool, want %d", c.code, kind, len(list), poolPerKind)
			}
			for i := 0; i < len(list); i += step {
				e := list[i]
				if want := "+" + strconv.Itoa(int(e.cc)) + e.nsn; e.e164 != want || e.region != c.code {
					t.Errorf("%s %s %s: nsn %s, calling code %d, region %s", c.code, kind, e.e164, e.nsn, e.cc, e.region)
				}
				for f := formatNational; f <= formatGermanParen; f++ {
					raw := e.render(f)
					if why := checkValidPhone(raw, c.code); why != "" {
						t.Errorf("%s %s %q: %s", c.code, kind, raw, why)
						continue
					}
					n, _ := phonenumbers.Parse(raw, c.code)
					if got := phonenumbers.Format(n, phonenumbers.E164); got != e.e164 {
						t.Errorf("%s %q parses to %s, want %s", c.code, raw, got, e.e164)
					}
					if strings.HasPrefix(raw, "+") {
						// International forms must not need the row's country.
						if why := checkValidPhone(raw, "US"); why != "" && c.code != "US" {
							t.Errorf("%s %q read with region US: %s", c.code, raw, why)
						}
					}
				}
			}
		}
	}
}

// TestPhoneVariants checks the shortcuts phoneNumber takes for a variant
// of a pooled entry, over the whole pool and both widths of variant:
// rendering it by putting its digits in place of the entry's last ones
// gives what phonenumbers.Format gives in every format the entry keeps,
// validKind decides as IsValidNumberForRegion and GetNumberType do, and
// every format phoneNum.render writes reads back as the variant.
func TestPhoneVariants(t *testing.T) {
	p := phones()
	rng := rand.New(rand.NewPCG(7, 7))
	checked, accepted := 0, 0
	perWidth, readBackEvery := 5, 4
	if raceEnabled || !longtest.Enabled() { // a sample; the long set checks all
		perWidth, readBackEvery = 1, 16
	}
	for _, c := range countries {
		for _, kind := range []string{"fixed", "mobile"} {
			list := p.fixed[c.code]
			if kind == "mobile" {
				if &p.mobile[c.code][0] == &list[0] {
					continue // NANP: one list
				}
				list = p.mobile[c.code]
			}
			for i := range list {
				e := &list[i]
				for _, width := range []int{4, tailLen} {
					// Over the entries of a list the first replaced
					// digit takes every value; the rest are random.
					for k := range perWidth {
						first := (i + 2*k) % 10
						tail := []byte(e.nsn[len(e.nsn)-width:])
						tail[0] = byte('0' + first)
						for j := 1; j < width; j++ {
							tail[j] = byte('0' + rng.IntN(10))
						}
						nsn := e.nsn[:len(e.nsn)-width] + string(tail)
						checked++
						national, err := strconv.ParseUint(nsn, 10, 64)
						if err != nil {
							t.Fatal(err)
						}
						num := &phonenumbers.PhoneNumber{CountryCode: &e.cc, NationalNumber: &national}
						ok := validKind(e.region, e.cc, e.typ, nsn)
						if ok != slowValidKind(num, e.region, e.typ) {
							t.Errorf("%s %s %s: validKind %v, IsValidNumberForRegion and GetNumberType say otherwise", c.code, kind, nsn, ok)
						}
						if !ok || !plausibleNSN(nsn) || fictionalNSN(e.region, nsn) {
							continue
						}
						accepted++
						nat := phonenumbers.Format(num, phonenumbers.NATIONAL)
						for _, f := range []struct {
							name, pooled, want string
						}{
							{"national", e.national, nat},
							{"international", e.international, phonenumbers.Format(num, phonenumbers.INTERNATIONAL)},
							{"E.164", e.e164, phonenumbers.Format(num, phonenumbers.E164)},
							{"digits", e.digits, onlyDigits(nat)},
						} {
							if got := withTail(f.pooled, tail); got != f.want {
								t.Errorf("%s %s %s %s: %q with tail %s is %q, phonenumbers formats %q",
									c.code, kind, nsn, f.name, f.pooled, tail, got, f.want)
							}
						}
						if k != 0 || width != tailLen || i%readBackEvery != 0 {
							continue
						}
						var v phoneNum
						v.entry = e
						copy(v.tail[:], e.nsn[len(e.nsn)-tailLen:len(e.nsn)-width])
						copy(v.tail[tailLen-width:], tail)
						e164 := phonenumbers.Format(num, phonenumbers.E164)
						if got := string(v.appendE164(nil)); got != e164 {
							t.Errorf("%s %s: appendE164 %s, want %s", c.code, nsn, got, e164)
						}
						for f := formatNational; f <= formatGermanParen; f++ {
							raw := v.render(f)
							if why := checkValidPhone(raw, c.code); why != "" {
								t.Errorf("%s %s %q: %s", c.code, kind, raw, why)
								continue
							}
							n, _ := phonenumbers.Parse(raw, c.code)
							if got := phonenumbers.Format(n, phonenumbers.E164); got != e164 {
								t.Errorf("%s %q parses to %s, want %s", c.code, raw, got, e164)
							}
						}
					}
				}
			}
		}
	}
	t.Logf("%d variants, %d accepted", checked, accepted)
	if accepted < checked*9/10 {
		t.Errorf("only %d of %d variants accepted; fresh numbers would need many draws", accepted, checked)
	}
}

// slowValidKind is the check validKind stands for.
func slowValidKind(num *phonenumbers.PhoneNumber, region string, typ phonenumbers.PhoneNumberType) bool {
	if !phonenumbers.IsValidNumberForRegion(num, region) {
		return false
	}
	got := phonenumbers.GetNumberType(num)
	return num.GetCountryCode() == 1 || got == typ || got == phonenumbers.FIXED_LINE_OR_MOBILE
}

// phoneCells returns the valid phone numbers of the rows of a file in
// E.164, by row ("" for a row without one), read back as leadclean reads
// them: with the row's country.
func phoneCells(t *testing.T, st Style, data []byte) []string {
	t.Helper()
	p := readBack(t, st, data)
	cols := columnsOf(p)
	out := make([]string, len(p.records))
	for i, rec := range p.records {
		raw := rec[p.col(cols.phone)]
		if raw == "" {
			continue
		}
		n, err := phonenumbers.Parse(raw, regionOf(rec[p.col(cols.country)]))
		if err == nil && phonenumbers.IsValidNumber(n) {
			out[i] = phonenumbers.Format(n, phonenumbers.E164)
		}
	}
	return out
}

// TestUniquePhones checks that numbers do not repeat by default, but for
// planted duplicates (which copy an earlier row), wrong_name rows and the
// junk phones of bogus_phone rows; with PhonePool they are the pool's.
func TestUniquePhones(t *testing.T) {
	rows := longtest.Pick(5000, 20000)
	data, labels := generateOpts(t, Options{Rows: rows, Seed: 21, Style: HubSpot})
	distinct := map[string]bool{}
	withPhone := 0
	for i, e164 := range phoneCells(t, HubSpot, data) {
		rs := labels[i].Reasons
		if slices.Contains(rs, lead.Duplicate) || slices.Contains(rs, lead.WrongName) || slices.Contains(rs, lead.BogusPhone) {
			continue
		}
		if e164 != "" {
			withPhone++
			distinct[e164] = true
		}
	}
	share := float64(len(distinct)) / float64(withPhone)
	t.Logf("%d distinct numbers on %d rows with a phone (%.4f)", len(distinct), withPhone, share)
	if withPhone < rows/2 {
		t.Fatalf("only %d of %d rows have a valid phone", withPhone, rows)
	}
	if share < 0.95 {
		t.Errorf("%d distinct numbers on %d rows with a phone (%.3f), want at least 95%%", len(distinct), withPhone, share)
	}

	pooled := map[string]bool{}
	for _, c := range countries {
		for _, e := range append(phones().fixed[c.code], phones().mobile[c.code]...) {
			pooled[e.e164] = true
		}
	}
	data, labels = generateOpts(t, Options{Rows: 3000, Seed: 21, Style: HubSpot, PhonePool: true})
	for i, e164 := range phoneCells(t, HubSpot, data) {
		if e164 != "" && !slices.Contains(labels[i].Reasons, lead.BogusPhone) && !pooled[e164] {
			t.Errorf("PhonePool: line %d has %s, which is not in the pool", labels[i].Line, e164)
		}
	}
}

// TestPhonesValidForCountry checks every phone and mobile cell of every
// clean row: valid for the row's country, of a fixed or mobile kind, in
// every style, with fresh and with pooled numbers.
func TestPhonesValidForCountry(t *testing.T) {
	for _, st := range Styles() {
		for _, pool := range []bool{false, true} {
			data, labels := generateOpts(t, Options{Rows: longtest.Pick(1000, 1500), Seed: 13, Style: st, PhonePool: pool})
			p := readBack(t, st, data)
			cols := columnsOf(p)
			checked := 0
			for i, rec := range p.records {
				if len(labels[i].Reasons) > 0 {
					continue
				}
				region := regionOf(rec[p.col(cols.country)])
				for _, c := range []string{cols.phone, cols.mobile} {
					if c == "" || rec[p.col(c)] == "" {
						continue
					}
					raw := rec[p.col(c)]
					checked++
					why := checkValidPhone(raw, region)
					if n, err := phonenumbers.Parse(raw, region); why == "" && (err != nil || !phonenumbers.IsValidNumberForRegion(n, region)) {
						why = "not valid for the row's country"
					}
					if why != "" {
						t.Errorf("%s PhonePool %v line %d: %s %q (%s): %s", st, pool, labels[i].Line, c, raw, region, why)
					}
				}
			}
			if checked < 500 {
				t.Errorf("%s PhonePool %v: only %d phones on clean rows", st, pool, checked)
			}
		}
	}
}

func TestFictionalAndPlausible(t *testing.T) {
	for _, tc := range []struct {
		region, nsn string
		fictional   bool
	}{
		{"US", "4155550123", true}, {"US", "2015550123", true}, {"US", "2125551212", true}, {"US", "4153921234", false},
		{"US", "4154111234", true}, {"CA", "4165550110", true},
		{"GB", "2079460321", true}, {"GB", "2079471234", false}, {"GB", "7700900123", true}, {"GB", "7700912345", false},
		{"GB", "1614960456", true}, {"GB", "1614970456", false}, {"GB", "1632960555", true},
		{"AU", "255501234", true}, {"AU", "291234567", false}, {"AU", "491570156", true}, {"AU", "412345678", false},
		{"AU", "870104321", true}, {"GB", "1914980123", true}, {"GB", "2896496123", true}, {"GB", "2920180123", true},
		{"DE", "301234567", false},
	} {
		if got := fictionalNSN(tc.region, tc.nsn); got != tc.fictional {
			t.Errorf("fictionalNSN(%s, %s) = %v, want %v", tc.region, tc.nsn, got, tc.fictional)
		}
	}
	for nsn, want := range map[string]bool{"4153921234": true, "3012345678": false, "9876543210": false,
		"1111111111": false, "1212121212": false, "7700111112": false, "301234567": false, "2079461738": true,
		"9999999999": false, "8882345671": false, "301745298": true,
		"4158901234": false, "3021098765": false, "4158901294": true} {
		if got := plausibleNSN(nsn); got != want {
			t.Errorf("plausibleNSN(%s) = %v, want %v", nsn, got, want)
		}
	}
}

func TestDomains(t *testing.T) {
	check := func(what, d string) {
		t.Helper()
		if why := checkCleanEmail(t, "jane.roe@"+d); why != "" {
			t.Errorf("%s domain %q: %s", what, d, why)
		}
	}
	for ci := range countries {
		c := &countries[ci]
		for wi := range c.companyWords {
			for ki := range c.companyKinds {
				name, domain := companyAt(ci, wi, ki)
				check("company "+name, domain)
				if strings.Contains(strings.ToLower(name), "rivalsoft") {
					t.Errorf("company %q looks like the competitor", name)
				}
			}
		}
		for _, d := range c.free {
			check("free mail", d)
		}
	}
	for _, d := range vendorDomains {
		check("vendor", d)
	}
	for _, u := range universities {
		check("university", u.domain)
	}
}

// TestCleanRowsAreClean reads every style back and checks each row
// labelled clean field by field, and the duplicate keys of all rows: only
// rows labelled duplicate repeat an earlier key.
func TestCleanRowsAreClean(t *testing.T) {
	lowRevenue := map[string]bool{}
	for _, list := range [][]string{revenueLowFree, revenueLowSalesforce, revenueLowForm} {
		for _, v := range list {
			lowRevenue[v] = true
		}
	}
	for _, st := range Styles() {
		t.Run(string(st), func(t *testing.T) {
			data, labels := generate(t, st, longtest.Pick(2000, 5000), 5, 0)
			p := readBack(t, st, data)
			cols := columnsOf(p)
			seen := map[string]int{}
			problems := 0
			report := func(i int, format string, args ...any) {
				t.Helper()
				if problems++; problems <= 20 {
					t.Errorf("line %d (%v): "+format, append([]any{labels[i].Line, labels[i].Reasons}, args...)...)
				}
			}
			for i, rec := range p.records {
				get := func(name string) string {
					if j := p.col(name); j >= 0 {
						return rec[j]
					}
					return ""
				}
				email, region := get(cols.email), regionOf(get(cols.country))
				first, last := get(cols.first), get(cols.last)
				if cols.name != "" {
					first, last = lead.SplitName(get(cols.name))
				}
				isDup := slices.Contains(labels[i].Reasons, lead.Duplicate)
				key := dedupKey(email, first, last, get(cols.phone), region)
				if key != "" {
					j, ok := seen[key]
					switch {
					case ok && !isDup:
						report(i, "repeats the key %q of line %d but is not labelled duplicate", key, labels[j].Line)
					case !ok && isDup:
						report(i, "labelled duplicate but its key %q is new", key)
					case !ok:
						seen[key] = i
					}
				} else if isDup {
					report(i, "labelled duplicate without e-mail or phone")
				}
				if len(labels[i].Reasons) > 0 {
					continue
				}
				if region == "" {
					report(i, "country %q unknown", get(cols.country))
				}
				if email == "" && (cols.alwaysEmail) {
					report(i, "clean row without e-mail")
				}
				if email != "" {
					if why := checkCleanEmail(t, email); why != "" {
						report(i, "email %q: %s", email, why)
					}
				}
				for _, c := range []string{cols.phone, cols.mobile} {
					if v := get(c); c != "" && v != "" {
						if why := checkValidPhone(v, region); why != "" {
							report(i, "%s %q (%s): %s", c, v, region, why)
						}
					}
				}
				for _, n := range wrongNames {
					if strings.EqualFold(first, n[0]) && strings.EqualFold(last, n[1]) {
						report(i, "placeholder name %s %s", first, last)
					}
				}
				if first == "" || (cols.name == "" && last == "") {
					report(i, "name missing: %q %q", first, last)
				}
				title := get(cols.title)
				if slices.Contains(studentTitles, title) || slices.Contains(studentTitlesGerman, title) {
					report(i, "student title %q", title)
				}
				company := strings.ToLower(get(cols.company))
				if strings.Contains(company, "rivalsoft") || slices.Contains(vendorCompanies, get(cols.company)) {
					report(i, "company %q", company)
				}
				if rev := get(cols.revenue); lowRevenue[rev] {
					report(i, "revenue %q below budget", rev)
				}
				if msg := get(cols.message); slices.Contains(vendorMessages, msg) {
					report(i, "vendor pitch %q", msg)
				}
				if cols.opens != "" {
					opens, _ := strconv.Atoi(get(cols.opens))
					clicks, _ := strconv.Atoi(get(cols.clicks))
					views, _ := strconv.Atoi(get(cols.views))
					forms, _ := strconv.Atoi(get(cols.forms))
					if opens > 0 && clicks+views+forms == 0 {
						report(i, "email opens only")
					}
					if views > 0 && clicks+forms == 0 && isImagePage(get(cols.firstPage)) && isImagePage(get(cols.lastPage)) {
						report(i, "image views only")
					}
				}
				if cols.formStatus != "" {
					if s := get(cols.formStatus); s != "completed" && s != "submitted" && s != "complete" {
						report(i, "form status %q", s)
					}
					for _, c := range []string{"first_name", "last_name", "email", "company", "submitted_at"} {
						if get(c) == "" {
							report(i, "completed form without %s", c)
						}
					}
				}
			}
		})
	}
}

func isImagePage(u string) bool {
	for _, p := range imagePages {
		if u == ownSite+p {
			return true
		}
	}
	return false
}

// styleColumns names the columns of one style that the checks read.
type styleColumns struct {
	email, phone, mobile, country, first, last, name, title, company, revenue, message string
	opens, clicks, views, forms, firstPage, lastPage, formStatus                       string
	alwaysEmail                                                                        bool
}

func columnsOf(p *parsed) styleColumns {
	has := func(name string) string {
		if p.col(name) >= 0 {
			return name
		}
		return ""
	}
	switch {
	case has("Company / Account") != "":
		return styleColumns{email: "Email", phone: "Phone", mobile: "Mobile", country: "Country", first: "First Name",
			last: "Last Name", title: "Title", company: "Company / Account", revenue: "Annual Revenue", message: "Description", alwaysEmail: true}
	case has("Record ID") != "":
		return styleColumns{email: "Email", phone: "Phone Number", country: "Country/Region", first: "First Name",
			last: "Last Name", title: "Job Title", company: "Company Name", revenue: "Annual Revenue", message: "Message",
			opens: "Marketing emails opened", clicks: "Marketing emails clicked", views: "Number of Pageviews",
			forms: "Number of Form Submissions", firstPage: "First Page Seen", lastPage: "Last Page Seen", alwaysEmail: true}
	case has("Vorname") != "":
		return styleColumns{email: "E-Mail", phone: "Telefon", mobile: "Mobil", country: "Land", first: "Vorname",
			last: "Nachname", title: "Position", company: "Firma", message: "Notizen"}
	case has("Name") != "":
		return styleColumns{email: "Email", phone: "Phone", country: "Country", name: "Name", title: "Title",
			company: "Company", message: "Notes"}
	}
	return styleColumns{email: "email", phone: "phone", country: "country", first: "first_name", last: "last_name",
		title: "job_title", company: "company", revenue: "annual_revenue", message: "message", formStatus: "form_status", alwaysEmail: true}
}

// dedupKey is the duplicate key issue 3 defines: the normalised e-mail
// (Gmail without dots and +tags), else E.164 phone and name.
func dedupKey(email, first, last, phone, region string) string {
	if email = strings.ToLower(strings.TrimSpace(email)); email != "" {
		at := strings.LastIndexByte(email, '@')
		if at > 0 && (email[at+1:] == "gmail.com" || email[at+1:] == "googlemail.com") {
			local, _, _ := strings.Cut(email[:at], "+")
			return strings.ReplaceAll(local, ".", "") + email[at:]
		}
		return email
	}
	n, err := phonenumbers.Parse(phone, region)
	if err != nil || !phonenumbers.IsValidNumber(n) {
		return ""
	}
	return phonenumbers.Format(n, phonenumbers.E164) + "|" + strings.ToLower(first+" "+last)
}

// TestCultures checks that the names the detectors must not flag are in
// the mix, and that the badge style only writes what Windows-1252 holds.
func TestCultures(t *testing.T) {
	var all bytes.Buffer
	for _, st := range []Style{HubSpot, Salesforce, FormDump} {
		data, _ := generate(t, st, 20000, 9, 0)
		all.Write(data)
	}
	for _, want := range []string{"O'Brien", "Nguyễn", "Østergaard", "Al-Sayed", "Smith-Jones", "D'Angelo", "田中",
		"International Sales Manager", "Internal Audit Lead", "IT Director"} {
		if !bytes.Contains(all.Bytes(), []byte(want)) {
			t.Errorf("no %q in 60,000 rows", want)
		}
	}
	if !regexp.MustCompile(`\bLi,Na\b|\bNa,Li\b`).Match(all.Bytes()) {
		t.Error("no Li Na in 60,000 rows")
	}
	data, _ := generate(t, BadgeDE, 5000, 9, 0)
	if bytes.IndexByte(data, '?') >= 0 && bytes.Contains(data, []byte("Nguy?n")) {
		t.Error("badge list wrote a name Windows-1252 cannot hold")
	}
	if !bytes.Contains(data, []byte("M\xfcller")) {
		t.Error("badge list has no Müller in Windows-1252")
	}
}

// BenchmarkWrite writes 100k rows of each style and reports rows/s.
func BenchmarkWrite(b *testing.B) {
	const rows = 100_000
	phones() // the pool is built once per process; not part of a run
	for _, st := range Styles() {
		b.Run(string(st), func(b *testing.B) {
			var n int64
			for b.Loop() {
				cw := &countingWriter{}
				if err := Write(cw, Options{Rows: rows, Seed: 1, Style: st}, func(Label) {}); err != nil {
					b.Fatal(err)
				}
				n = cw.n
			}
			b.SetBytes(n)
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// TestConcurrentWrites runs Writes in parallel: the shared tables and phone
// pool are built once and only read, so every run gives the same bytes.
func TestConcurrentWrites(t *testing.T) {
	want, _ := generate(t, FormDump, 500, 99, 0)
	var wg sync.WaitGroup
	results := make([][]byte, 4)
	for i := range results {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := Write(&buf, Options{Rows: 500, Seed: 99, Style: FormDump}, nil); err != nil {
				t.Error(err)
			}
			results[i] = buf.Bytes()
		})
	}
	wg.Wait()
	for i, got := range results {
		if !bytes.Equal(got, want) {
			t.Errorf("goroutine %d wrote different bytes", i)
		}
	}
}

func TestSeenSet(t *testing.T) {
	s := newSeenSet(1000)
	if !s.add([]byte("email:a@b.io")) || s.add([]byte("email:a@b.io")) {
		t.Fatal("add does not report a repeat")
	}
	fresh := 0
	for i := range 1000 {
		if s.add([]byte("email:" + strconv.Itoa(i) + "@b.io")) {
			fresh++
		}
	}
	if fresh < 990 {
		t.Errorf("%d of 1000 new keys reported new; the filter is too full", fresh)
	}
	if n := len(newSeenSet(100_000_000).bits) * 64; n != maxSeenBits {
		t.Errorf("100M rows: %d bits, want the cap %d", n, maxSeenBits)
	}
}

// FuzzWrite checks that any options either fail cleanly or give a file
// that reads back with one label per record on the right line.
func FuzzWrite(f *testing.F) {
	f.Add(int64(1), uint16(50), 0.3, uint8(0))
	f.Add(int64(-7), uint16(0), 0.0, uint8(2))
	f.Add(int64(42), uint16(300), 1.0, uint8(4))
	f.Add(int64(3), uint16(20), -0.5, uint8(9))
	f.Fuzz(func(t *testing.T, seed int64, rows uint16, share float64, styleIndex uint8) {
		styles := append(Styles(), "nope")
		st := styles[int(styleIndex)%len(styles)]
		n := int(rows % 400)
		var buf bytes.Buffer
		var labels []Label
		err := Write(&buf, Options{Rows: n, Seed: seed, Style: st, JunkShare: share}, func(l Label) { labels = append(labels, l) })
		if err != nil {
			if st != "nope" && !math.IsNaN(share) && share <= 1 {
				t.Fatalf("Write: %v", err)
			}
			return
		}
		p := readBack(t, st, buf.Bytes())
		if len(p.records) != n || len(labels) != n {
			t.Fatalf("%d rows asked, %d records, %d labels", n, len(p.records), len(labels))
		}
		for i := range labels {
			if labels[i].Line != p.lines[i] {
				t.Fatalf("row %d: label line %d, record line %d", i+1, labels[i].Line, p.lines[i])
			}
		}
	})
}
