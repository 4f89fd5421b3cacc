package pipeline

import (
	"io"

	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/leadcsv"
)

// MapSampled maps r's header with mapper and, when some column's header
// says nothing, lets the content of the first [header.SampleRows] rows
// decide (see [header.Mapping.ByContent]). It returns a reader that gives
// those rows again, then the rest: only the sample is held in memory. A
// read error met while sampling comes back, in its place, from the
// returned reader.
func MapSampled(r RowReader, mapper *header.Mapper) (RowReader, *header.Mapping) {
	m := mapper.Map(r.Describe().Header)
	if !m.HasOpen() {
		return r, m
	}
	cells := make([][]string, 0, header.SampleRows)
	s := readAhead(r, header.SampleRows, func(rec leadcsv.Record) bool {
		cells = append(cells, rec.Cells)
		return true
	})
	m.ByContent(cells)
	return s, m
}

// maxSampleBytes bounds what one read-ahead holds (see rowBytes).
const maxSampleBytes = 8 << 20

// readAhead reads up to rows rows of r, fewer when they come to hold
// maxSampleBytes (wide or huge rows: a sample of a few MiB says as much,
// and 500 rows of 100,000 columns would hold most of a GiB), and passes
// each to each, which returns false to stop. The reader may reuse its
// cells: each row is kept as a copy. The returned reader gives the rows
// read again, then the rest; a read error met while reading ahead comes
// back in its place. MapSampled, scanColumns and scanRegion read ahead
// through it.
func readAhead(r RowReader, rows int, each func(leadcsv.Record) bool) *sampled {
	s := &sampled{RowReader: r}
	held := 0
	for len(s.buf) < rows && held < maxSampleBytes {
		rec, err := r.Read()
		if err != nil {
			s.err = err
			break
		}
		rec.Cells = append([]string(nil), rec.Cells...)
		s.buf = append(s.buf, rec)
		held += rowBytes(rec.Cells)
		if !each(rec) {
			break
		}
	}
	return s
}

// sampled replays the rows read for content detection, then reads on.
type sampled struct {
	RowReader
	buf []leadcsv.Record
	err error // the error that ended the sample, io.EOF included
}

func (s *sampled) Read() (leadcsv.Record, error) {
	if len(s.buf) > 0 {
		rec := s.buf[0]
		s.buf[0] = leadcsv.Record{}
		s.buf = s.buf[1:]
		return rec, nil
	}
	if s.err != nil {
		err := s.err
		if err != io.EOF {
			s.err = io.EOF
		}
		return leadcsv.Record{}, err
	}
	return s.RowReader.Read()
}
