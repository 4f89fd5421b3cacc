package pipeline

import (
	"github.com/leadclean/leadclean/pkg/companysize"
	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/lead"
)

// scanRevenue reads up to header.SampleRows rows of a file with a revenue
// column and reports whether the column writes decimal commas ("3,5 Mio"):
// then a lone three-digit group after a comma ("1,200") is refused instead
// of read as thousands (see companysize.DecimalCommas). The returned
// reader gives the sampled rows again, then the rest. Only the sample is
// held in memory; a decimal comma first written after it is not seen.
func scanRevenue(r RowReader, cols *lead.Columns) (RowReader, bool) {
	if !cols.Has(lead.AnnualRevenue) {
		return r, false
	}
	s := &sampled{RowReader: r}
	var cells []string
	for len(s.buf) < header.SampleRows {
		rec, err := r.Read()
		if err != nil {
			s.err = err
			break
		}
		rec.Cells = append([]string(nil), rec.Cells...) // the reader may reuse its cells
		s.buf = append(s.buf, rec)
		if rec.Problem == "" {
			l := lead.Lead{Cells: rec.Cells, Columns: cols}
			if v := l.Get(lead.AnnualRevenue); v != "" {
				cells = append(cells, v)
			}
		}
	}
	return s, companysize.DecimalCommas(cells)
}

// parseRevenue parses a revenue cell of src, memoised per cell and per
// the column's decimal style.
func (p *processor) parseRevenue(cell string, src *source) companysize.Range {
	if src.decimalComma {
		return p.revenues.Do("\x00"+cell, func() companysize.Range { return companysize.ParseRevenueDecimalComma(cell) })
	}
	return p.revenues.Do(cell, func() companysize.Range { return companysize.ParseRevenue(cell) })
}
