package summary_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadcsv"
	"github.com/leadclean/leadclean/pkg/leadgen"
	"github.com/leadclean/leadclean/pkg/pipeline"
	"github.com/leadclean/leadclean/pkg/rendering"
)

// TestFormatsAgreeWithOutputs runs real inputs through the pipeline and
// checks that the JSON summary counts exactly the rows in the output
// files per status, reason and source, and that the table and Markdown
// renderings print the same numbers.
func TestFormatsAgreeWithOutputs(t *testing.T) {
	var gen bytes.Buffer
	if err := leadgen.Write(&gen, leadgen.Options{Rows: 2000, Seed: 3, Style: leadgen.HubSpot}, nil); err != nil {
		t.Fatal(err)
	}
	inputs := []pipeline.Input{{Name: "gen.csv", R: &gen}}
	for _, name := range []string{"salesforce-leads.csv", "form-dump.csv", "goldfish-bowl.csv"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, pipeline.Input{Name: name, R: bytes.NewReader(data)})
	}
	outs := map[lead.Status]*bytes.Buffer{}
	summary, err := pipeline.Run(context.Background(), pipeline.Config{Inputs: inputs,
		NewWriter: csvTo(func(s lead.Status) io.Writer { b := &bytes.Buffer{}; outs[s] = b; return b })})
	if err != nil {
		t.Fatal(err)
	}
	// Count the output rows.
	status := map[string]int{}
	reasons := map[string]int{}
	rows, duplicates := 0, 0
	for st, b := range outs {
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b.Bytes(), []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range recs[0] {
			col[h] = i
		}
		for _, rec := range recs[1:] {
			rows++
			if rec[col["leadclean_status"]] != string(st) {
				t.Fatalf("a %s row in the %s output", rec[col["leadclean_status"]], st)
			}
			status[string(st)]++
			for _, r := range strings.Split(rec[col["leadclean_reasons"]], ";") {
				if r != "" {
					reasons[r]++
				}
			}
			if rec[col["leadclean_duplicate_of"]] != "" {
				duplicates++
			}
		}
	}
	var js bytes.Buffer
	if err := summary.Write(&js, rendering.FormatJSON); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Rows, Qualified, Nurture, Rejected, Duplicates int
		Reasons                                        []struct {
			Reason string
			Count  int
			Share  float64
		}
		Sources []struct {
			Name                                           string
			Rows, Qualified, Nurture, Rejected, Duplicates int
			QualifiedRate                                  float64 `json:"qualified_rate"`
		}
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Rows != rows || got.Qualified != status["qualified"] || got.Nurture != status["nurture"] || got.Rejected != status["rejected"] || got.Duplicates != duplicates {
		t.Errorf("JSON %d rows (%d/%d/%d, %d duplicates); outputs %d rows %v, %d duplicates", got.Rows, got.Qualified, got.Nurture, got.Rejected, got.Duplicates, rows, status, duplicates)
	}
	if rows < 2000 || status["nurture"] == 0 || status["rejected"] == 0 {
		t.Fatalf("the inputs do not exercise every status: %v", status)
	}
	for _, r := range got.Reasons {
		if r.Count != reasons[r.Reason] {
			t.Errorf("reason %s: JSON %d, outputs %d", r.Reason, r.Count, reasons[r.Reason])
		}
		delete(reasons, r.Reason)
	}
	for r, n := range reasons {
		t.Errorf("reason %s on %d output rows is missing from the JSON", r, n)
	}
	sum := 0
	for _, s := range got.Sources {
		sum += s.Rows
		if s.Qualified+s.Nurture+s.Rejected != s.Rows {
			t.Errorf("source %q does not add up: %+v", s.Name, s)
		}
	}
	if sum != rows {
		t.Errorf("sources hold %d rows, outputs %d", sum, rows)
	}

	// Table and Markdown print the same per-source numbers.
	for _, f := range []rendering.Format{rendering.FormatTable, rendering.FormatMarkdown} {
		var buf bytes.Buffer
		if err := summary.Write(&buf, f); err != nil {
			t.Fatal(err)
		}
		for _, s := range got.Sources {
			cells := []string{strconv.Itoa(s.Rows), strconv.Itoa(s.Qualified), strconv.Itoa(s.Nurture), strconv.Itoa(s.Rejected),
				strconv.FormatFloat(s.QualifiedRate*100, 'f', 1, 64) + "%", strconv.Itoa(s.Duplicates)}
			pattern := `(?m)^\| ` + regexp.QuoteMeta(s.Name) + ` +`
			for _, c := range cells {
				pattern += `\| +` + regexp.QuoteMeta(c) + ` +`
			}
			if !regexp.MustCompile(pattern).MatchString(buf.String()) {
				t.Errorf("%s rendering lacks source %q with %v", f, s.Name, cells)
			}
		}
		head := regexpHeadline(got.Rows, got.Qualified, got.Nurture, got.Rejected, got.Duplicates)
		if !strings.Contains(buf.String(), head) {
			t.Errorf("%s rendering lacks %q", f, head)
		}
	}
}

func regexpHeadline(rows, q, n, r, d int) string {
	return strconv.Itoa(rows) + " rows read: " + strconv.Itoa(q) + " qualified, " + strconv.Itoa(n) + " nurture, " +
		strconv.Itoa(r) + " rejected (" + strconv.Itoa(d) + " duplicates)"
}

// csvTo writes the rows of each status as CSV to out(status).
func csvTo(out func(s lead.Status) io.Writer) func(lead.Status, []string, leadcsv.WriterOptions) (pipeline.RowWriter, error) {
	return func(s lead.Status, header []string, opts leadcsv.WriterOptions) (pipeline.RowWriter, error) {
		w, err := leadcsv.NewWriter(out(s), header, opts)
		if err != nil {
			return nil, err
		}
		return w, nil
	}
}
