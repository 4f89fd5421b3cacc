package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden pins the table and Markdown renderings: go test -update
// rewrites them after a deliberate change.
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		format Format
		file   string
	}{{FormatTable, "summary.table.golden"}, {FormatMarkdown, "summary.md.golden"}, {FormatJSON, "summary.json.golden"}} {
		var buf bytes.Buffer
		if err := sampleSummary().Write(&buf, tt.format); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", tt.file)
		if *update {
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s rendering differs from %s:\n%s\nwant:\n%s", tt.format, path, buf.String(), want)
		}
	}
}
