package pipeline

import (
	"github.com/leadclean/leadclean/pkg/companysize"
	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadcsv"
	"github.com/leadclean/leadclean/pkg/phone"
)

// columnStyle is how a file writes the values whose reading depends on
// the rest of their column.
type columnStyle struct {
	// decimalComma: the revenue column writes decimal commas ("3,5 Mio"),
	// so a lone three-digit group after a comma ("1,200") is refused
	// instead of read as thousands (see companysize.DecimalCommas).
	decimalComma bool
	// isoCountries: the country column holds ISO codes, so "NA" there is
	// Namibia (see phone.ISOCodeColumn).
	isoCountries bool
}

// scanColumns reads up to header.SampleRows rows of a file with a revenue
// or a country column (fewer when they are wide: see readAhead) and tells
// their style. The returned reader gives the sampled rows again, then the
// rest. Only the sample is held in memory; a style first shown after it
// is not seen.
func scanColumns(r RowReader, cols *lead.Columns) (RowReader, columnStyle) {
	if !cols.Has(lead.AnnualRevenue) && !cols.Has(lead.Country) {
		return r, columnStyle{}
	}
	var cells, countries []string
	s := readAhead(r, header.SampleRows, func(rec leadcsv.Record) bool {
		if rec.Problem == "" {
			l := lead.Lead{Cells: rec.Cells, Columns: cols}
			if v := l.Get(lead.AnnualRevenue); v != "" {
				cells = append(cells, v)
			}
			countries = append(countries, l.Get(lead.Country))
		}
		return true
	})
	return s, columnStyle{decimalComma: companysize.DecimalCommas(cells), isoCountries: phone.ISOCodeColumn(countries)}
}

// parseRevenue parses a revenue cell of src, memoised per cell and per
// the column's decimal style.
func (p *processor) parseRevenue(cell string, src *source) companysize.Range {
	if src.style.decimalComma {
		return p.revenues.Do("\x00"+cell, func() companysize.Range { return companysize.ParseRevenueDecimalComma(cell) })
	}
	return p.revenues.Do(cell, func() companysize.Range { return companysize.ParseRevenue(cell) })
}
