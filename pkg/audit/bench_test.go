package audit_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/leadclean/leadclean/pkg/audit"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/pipeline"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

// BenchmarkAudit runs the pipeline over a generated quarter with and
// without an Auditor observing it: the difference is what the audit adds
// per row.
func BenchmarkAudit(b *testing.B) {
	data, _ := quarter(b, 20000, 7)
	rules := rulebook.Default()
	period, _ := audit.ParseQuarter("2026Q1")
	for _, tc := range []struct {
		name  string
		audit bool
	}{{"pipeline", false}, {"pipeline+audit", true}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for i := 0; i < b.N; i++ {
				cfg := pipeline.Config{Rules: rules, Inputs: []pipeline.Input{{Name: "q.csv", R: bytes.NewReader(data)}}}
				if tc.audit {
					a := audit.New(audit.Options{Rulebook: rules.Source, ActionFor: rules.ActionFor, Period: period})
					cfg.Observe = func(l *lead.Lead) { a.Observe(l) }
					defer a.Report()
				} else {
					cfg.Observe = func(*lead.Lead) {}
				}
				if _, err := pipeline.Run(context.Background(), cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
