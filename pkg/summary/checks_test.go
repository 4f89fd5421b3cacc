package summary

import (
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/phone"
)

func TestCheckLines(t *testing.T) {
	s := New("(default)", nil)
	s.AddFile("odoo.csv", "utf-8", "comma")
	s.AddFile("eg.csv", "utf-8", "comma")
	for _, r := range []lead.Reason{lead.BogusPhone, lead.BogusEmail, lead.NoContact} {
		s.FileNotChecked("odoo.csv", r, map[lead.Reason]string{lead.BogusPhone: "no phone or mobile column", lead.BogusEmail: "no email column"}[r]+
			map[lead.Reason]string{lead.NoContact: "no email, phone or mobile column"}[r])
	}
	s.FileNotChecked("odoo.csv", lead.Vendor, "no message column")
	s.FileNotChecked("eg.csv", lead.Vendor, "no message column")
	s.FileNotChecked("eg.csv", lead.Student, "no message column") // grouped with vendor: same why
	s.NoContactColumns("odoo.csv")
	s.RulebookOff(lead.Competitor, "no competitors listed in the rulebook")
	s.PhoneRegion("eg.csv", "US", false, phone.RegionGuess{Default: "US", Numbers: 80, Region: "EG", ValidRegion: 80, RunnerUp: "KR", ValidRunnerUp: 77, Mismatch: true})
	got := s.CheckLines()
	want := []string{
		"Warning: no email, phone or mobile column found in odoo.csv: bogus_email, bogus_phone, no_contact not checked ('leadclean columns odoo.csv' shows how each column was understood)",
		"Phone region: 80 of 80 numbers without a country code in eg.csv are not valid for US, 80 are valid for EG (77 for KR): pass --region EG (or --region auto) if they are EG numbers",
		"Not checked in odoo.csv: vendor (no message column)",
		"Not checked in eg.csv: vendor, student (no message column)",
		"Not checked in any file: competitor (no competitors listed in the rulebook)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("CheckLines =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s.FilesWithoutContactColumns() != 1 || s.RegionMismatches() != 1 {
		t.Errorf("files without contact columns %d, region mismatches %d; want 1, 1", s.FilesWithoutContactColumns(), s.RegionMismatches())
	}
	// --region auto that chose a region is no mismatch left.
	s.PhoneRegions[0].Auto, s.PhoneRegions[0].Confident = true, true
	if s.RegionMismatches() != 0 {
		t.Error("an auto choice counted as a mismatch")
	}
	if !strings.HasPrefix(s.CheckLines()[1], "Phone region: --region auto read eg.csv's numbers as EG: 80 of 80") {
		t.Errorf("auto line = %q", s.CheckLines()[1])
	}
}

// TestUnreadRevenue: the count and the first three unread cells are a
// check line (every rendering shows it first) and JSON fields.
func TestUnreadRevenue(t *testing.T) {
	s := New("(default)", nil)
	for _, p := range []string{`"1,200M": ambiguous`, `"lots": unrecognised word "lots"`, `"3,5": decimal comma`, `"x": fourth`} {
		s.RevenueUnread(p)
	}
	if s.UnreadRevenue.Count != 4 || len(s.UnreadRevenue.Examples) != 3 {
		t.Fatalf("unread revenue %+v, want 4 with 3 examples", s.UnreadRevenue)
	}
	lines := s.CheckLines()
	want := `4 revenue cells could not be read (below_budget not checked on them), e.g. "1,200M": ambiguous; "lots": unrecognised word "lots"; "3,5": decimal comma`
	if len(lines) != 1 || lines[0] != want {
		t.Errorf("CheckLines = %q, want %q", lines, want)
	}
}
