package leadcsv

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestNeedsQuotesAsEncodingCSV compares the writer's quoting rule with
// encoding/csv's (a field is quoted there exactly when its output starts
// with a quote) for several delimiters, ASCII and not.
func TestNeedsQuotesAsEncodingCSV(t *testing.T) {
	cells := []string{"", "plain", "a,b", "a;b", "a\tb", "a|b", "a¦b", `say "hi"`, "line\nbreak", "cr\rhere",
		" lead", "\tlead", "\u00a0nbsp", "\u2003em", `\.`, `\.x`, "trail ", "ü", "a\u0085b", "\u0085lead", "'=1+2"}
	for _, delim := range []rune{',', ';', '\t', '|', '¦'} {
		var sink bytes.Buffer
		w, err := NewWriter(&sink, nil, WriterOptions{Delimiter: delim})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cells {
			var buf bytes.Buffer
			cw := csv.NewWriter(&buf)
			cw.Comma = delim
			if err := cw.Write([]string{c}); err != nil {
				t.Fatal(err)
			}
			cw.Flush()
			want := strings.HasPrefix(buf.String(), `"`)
			if got := w.needsQuotes(c); got != want {
				t.Errorf("delimiter %q, cell %q: needsQuotes %v, encoding/csv quotes: %v", delim, c, got, want)
			}
		}
	}
}
