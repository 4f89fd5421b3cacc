package costs

import (
	"math"
	"strings"
	"testing"
	"time"
)

// FuzzRead feeds arbitrary files to Read: it must not panic, must return
// either costs or errors with positions, and every amount must be finite
// and not negative.
func FuzzRead(f *testing.F) {
	for _, seed := range []string{
		"lead source,cost,currency,period\nTrade Show,18000,USD,2026Q3\n",
		"\ufeffPeriod;Spend;Lead_Source\r\n2026-07;\"1,200.50\";Webinar\r\n",
		"source,cost\nTr\"ade,1\n",
		"lead source,cost,currency\nTrade Show,12,500,USD\n",
		"\"lead\nsource\",cost\nWeb,x\n",
		"source\tcost\n\t\n",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		c, err := Read("f.csv", strings.NewReader(src), usd)
		if err != nil {
			list, ok := err.(ErrorList)
			if !ok || len(list) == 0 {
				t.Fatalf("error %T %v, want a non-empty ErrorList", err, err)
			}
			for _, e := range list {
				if e.File != "f.csv" || e.Msg == "" || e.Line < 0 || e.Column < 0 {
					t.Fatalf("bad error %+v", e)
				}
			}
			return
		}
		for _, e := range c.Entries {
			if math.IsNaN(e.Amount) || math.IsInf(e.Amount, 0) || e.Amount < 0 || e.Source == "" {
				t.Fatalf("bad entry %+v", e)
			}
		}
		sel := c.Select(time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC))
		for _, e := range c.Entries {
			f := sel.OutcomeFigures(e.Source, 0, 0, 0, 0)
			if f.PerLead != nil || f.PerQualified != nil || f.PerConverted != nil {
				t.Fatalf("a division by zero gave a number: %+v", f)
			}
		}
	})
}
