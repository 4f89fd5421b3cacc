package header

import (
	"fmt"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
)

func TestLooksLike(t *testing.T) {
	emails := []string{"ann@acme.io", "a.b+tag@sub.example.co.uk", "test@test.com", "QA@Example.COM", "jürgen@müller.de"}
	notEmails := []string{"ann", "@acme.io", "ann@", "ann@acme", "ann@acme.", "ann@acme.c0m", "Ann <ann@acme.io>", "a@b@c.io", "ann @acme.io", "ann@acme.io; bob@acme.io"}
	phones := []string{"+1-532-344-1362", "2754733370", "001-672-799-2170x5610", "(240)452-2332x4601", "985.939.5411", "01270650802",
		"+44 20 7946 0958", "030 1234567", "+49 (0)30 1234-567", "+96550771998", "1234567"}
	notPhones := []string{"2021-04-15", "15.04.2021", "4/15/2021 09:30", "11-07-2026 08:42:59", "1618444980", "1618444980123", "123456",
		"1234567.89", "LEA10226", "12 Main Street", "4876876000000624001", "$12,000", "", "n/a", "+", "555-0100 or 555-0101"}
	for _, v := range emails {
		if !LooksLikeEmail(v) {
			t.Errorf("LooksLikeEmail(%q) = false", v)
		}
	}
	for _, v := range notEmails {
		if LooksLikeEmail(v) {
			t.Errorf("LooksLikeEmail(%q) = true", v)
		}
	}
	for _, v := range phones {
		if !LooksLikePhone(v) {
			t.Errorf("LooksLikePhone(%q) = false", v)
		}
	}
	for _, v := range notPhones {
		if LooksLikePhone(v) {
			t.Errorf("LooksLikePhone(%q) = true", v)
		}
	}
}

func TestByContent(t *testing.T) {
	header := []string{"Kontakt", "Erreichbar", "", "Account Owner Email", "Email", "Notiz", "Datum", "Few", "Record ID", "Ticket"}
	var sample [][]string
	for i := range 40 {
		phone := fmt.Sprintf("+20 10 %04d %04d", i, 1000+i)
		if i%10 == 0 {
			phone = "unknown" // 90% phones
		}
		few := ""
		if i < 4 {
			few = "x@y.io" // 4 values: too few to decide
		}
		sample = append(sample, []string{
			fmt.Sprintf("lead%d@example.org", i), phone, fmt.Sprintf("0%d-555-%04d", i%9+1, i),
			"rep@us.example", "", "call me", fmt.Sprintf("2021-04-%02d", i%28+1), few,
			fmt.Sprintf("51200%06d", i*37%40), fmt.Sprintf("184415%05d", 100+i),
		})
	}
	m := NewMapper(nil).Map(header)
	if !m.HasOpen() {
		t.Fatal("HasOpen = false")
	}
	m.ByContent(sample)
	// Record ID names an identifier; Ticket's digits count up row by row.
	want := []lead.Field{lead.Email, lead.Phone, lead.Phone, lead.NoField, lead.Email, lead.Message, lead.NoField, lead.NoField, lead.NoField, lead.NoField}
	for i, f := range want {
		if n := m.Notes[i]; n.Field != f {
			t.Errorf("column %d %q: %s (%s), want %s", i+1, n.Header, n.Field, n.Why, f)
		}
	}
	if why := m.Notes[1].Why; why != "by content: 90% of 40 sampled values are phone numbers" {
		t.Errorf("Why = %q", why)
	}
	// The header's own email column comes first; content adds another.
	if got := m.Columns.Indexes(lead.Email); len(got) != 2 || got[0] != 4 || got[1] != 0 {
		t.Errorf("email columns = %v, want [4 0]", got)
	}
	// Below the share nothing is taken.
	m = NewMapper(nil).Map([]string{"Kontakt"})
	var mixed [][]string
	for i := range 10 {
		v := "ann@acme.io"
		if i%3 == 0 {
			v = "ask reception"
		}
		mixed = append(mixed, []string{v})
	}
	m.ByContent(mixed)
	if m.Notes[0].Field != lead.NoField || !strings.HasPrefix(m.Notes[0].Why, "unknown") {
		t.Errorf("70%% emails mapped: %+v", m.Notes[0])
	}
}

// FuzzLooksLike: any cell is judged without a panic, and a yes keeps the
// promises the doc comments make.
func FuzzLooksLike(f *testing.F) {
	for _, s := range []string{"ann@acme.io", "+1-532-344-1362", "001-672-799-2170x5610", "2021-04-15", "1618444980", "a@b@c", "\xff@x.io", "(((((((", "+" + strings.Repeat("9", 20)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if LooksLikeEmail(v) && strings.Count(v, "@") != 1 {
			t.Errorf("email %q without exactly one @", v)
		}
		if LooksLikePhone(v) {
			digits := 0
			for _, r := range v {
				if r >= '0' && r <= '9' {
					digits++
				}
			}
			if digits < 7 || digits > 15+6 { // an extension adds up to 6
				t.Errorf("phone %q with %d digits", v, digits)
			}
			if LooksLikeEmail(v) {
				t.Errorf("%q is both", v)
			}
		}
	})
}

// BenchmarkByContent: a 40-column export whose 20 unknown columns are
// sampled over 500 rows, once per input file.
func BenchmarkByContent(b *testing.B) {
	header := make([]string, 40)
	for i := range header {
		header[i] = fmt.Sprintf("Feld %d", i+1)
	}
	sample := make([][]string, SampleRows)
	for r := range sample {
		row := make([]string, 40)
		for c := range row {
			switch c % 4 {
			case 0:
				row[c] = fmt.Sprintf("lead%d@acme-%d.io", r, c)
			case 1:
				row[c] = fmt.Sprintf("+1 415 %03d %04d", r%1000, c*7)
			case 2:
				row[c] = fmt.Sprintf("2026-08-%02d", r%28+1)
			default:
				row[c] = "Trade Show"
			}
		}
		sample[r] = row
	}
	m := NewMapper(nil)
	b.ReportAllocs()
	for b.Loop() {
		m.Map(header).ByContent(sample)
	}
}
