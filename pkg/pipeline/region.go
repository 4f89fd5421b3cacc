package pipeline

import (
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadcsv"
	"github.com/leadclean/leadclean/pkg/phone"
)

// RegionAuto is the --region value that lets each file's numbers choose
// their region (see phone.GuessRegion for the rule).
const RegionAuto = "auto"

// autoScanRows bounds the rows read ahead to choose a file's region with
// --region auto: they are held in memory until the run reaches them.
const autoScanRows = 5000

// regionSample collects, in input order, the national phone numbers of a
// file's rows that name no usable country, and the country-code domains
// of those rows' e-mail and website, for phone.GuessRegion. It stops
// collecting once full, so it costs nothing on the rest of a file.
type regionSample struct {
	digits []string
	hints  map[string]int
}

func (s *regionSample) full() bool { return len(s.digits) >= phone.MaxGuessNumbers }

// add samples one lead (read through its columns; it need not be parsed).
func (s *regionSample) add(l *lead.Lead) {
	if s.full() || l.Columns == nil {
		return
	}
	if _, ok := phone.CountryRegion(l.Get(lead.Country)); ok {
		return
	}
	added := false
	for _, f := range phoneFields {
		for _, col := range l.Columns.Indexes(f) {
			if d, ok := phone.NationalDigits(l.Cell(col)); ok && !s.full() {
				s.digits = append(s.digits, d)
				added = true
			}
		}
	}
	if !added {
		return
	}
	seen := ""
	hint := func(host string) {
		if r := phone.DomainRegion(host); r != "" && r != seen {
			if s.hints == nil {
				s.hints = make(map[string]int)
			}
			s.hints[r]++
			seen = r
		}
	}
	for _, col := range l.Columns.Indexes(lead.Email) {
		v := l.Cell(col)
		if at := strings.LastIndexByte(v, '@'); at >= 0 {
			hint(strings.ToLower(strings.TrimRight(v[at+1:], ". >")))
		}
	}
	if w := l.Get(lead.Website); w != "" {
		hint(websiteHost(w))
	}
}

// websiteHost is the lower-case host of a website cell ("https://www.acme.eg/x" -> "www.acme.eg").
func websiteHost(w string) string {
	w = strings.ToLower(strings.TrimSpace(w))
	if i := strings.Index(w, "://"); i >= 0 {
		w = w[i+3:]
	}
	if i := strings.IndexAny(w, "/?#:"); i >= 0 {
		w = w[:i]
	}
	return strings.TrimSuffix(w, ".")
}

// guess judges the sample against region.
func (s *regionSample) guess(region string) phone.RegionGuess {
	return phone.GuessRegion(region, s.digits, s.hints)
}

// scanRegion reads ahead up to autoScanRows rows of r (fewer when they
// are wide: see readAhead), or until the sample is full, and returns a
// reader that replays them, with the sample.
func scanRegion(r RowReader, cols *lead.Columns) (RowReader, *regionSample) {
	sample := &regionSample{}
	s := readAhead(r, autoScanRows, func(rec leadcsv.Record) bool {
		if rec.Problem == "" {
			sample.add(&lead.Lead{Cells: rec.Cells, Columns: cols})
		}
		return !sample.full()
	})
	return s, sample
}

// GuessFileRegion reads ahead in r, as --region auto does, and judges the
// national numbers found against region (for `leadclean columns`). It
// returns a reader that replays what it read.
func GuessFileRegion(r RowReader, cols *lead.Columns, region string) (RowReader, phone.RegionGuess) {
	r, sample := scanRegion(r, cols)
	return r, sample.guess(region)
}
