package pipeline

import (
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/phone"
)

// TestEveryContactColumn checks that each e-mail and phone column is
// checked: a lead is reachable when any of its cells is usable, its
// leadclean_email and leadclean_phone are the first usable ones, and
// bogus_email / bogus_phone fire only when every cell is bogus.
func TestEveryContactColumn(t *testing.T) {
	const in = "Name,Email,Personal Email,Home Phone,Phone,Mobile,Country\n" +
		// 2: a bad phone, a good mobile; a bad work address, a good personal one
		"Ann Lee,ann@example.com,ann.lee@gmail.com,,123,+1 415 392 1234,US\n" +
		// 3: the plain Phone is tried before Home Phone
		"Bob Roe,bob@harborfreight-logistics.com,,+1 202 456 1414,+1 415 392 1234,,US\n" +
		// 4: every number bogus, both addresses bogus
		"Cy Dee,test@test.com,x@mailinator.com,1111111111,123,+1 415 555 0123,US\n" +
		// 5: no country: the default region (US) reads the mobile
		"Di Fox,di@harborfreight-logistics.com,,,12,4153921234,\n" +
		// 6: a good home phone only
		"Ed Gray,,,+1 202 456 1414,,,US\n"
	type want struct {
		email, phone string
		reasons      []lead.Reason
		notReasons   []lead.Reason
		phones       int
	}
	wants := map[int]want{
		2: {"ann.lee@gmail.com", "+14153921234", nil, []lead.Reason{lead.BogusEmail, lead.BogusPhone}, 2},
		3: {"bob@harborfreight-logistics.com", "+14153921234", nil, []lead.Reason{lead.BogusPhone}, 0},
		4: {"test@test.com", "", []lead.Reason{lead.BogusEmail, lead.BogusPhone}, nil, 3},
		5: {"di@harborfreight-logistics.com", "+14153921234", nil, []lead.Reason{lead.BogusPhone}, 2},
		6: {"", "+12024561414", nil, []lead.Reason{lead.BogusPhone, lead.BogusEmail}, 0},
	}
	seen := 0
	_, err := run(t, nil, func(l *lead.Lead) {
		w, ok := wants[l.Line]
		if !ok {
			t.Errorf("unexpected line %d", l.Line)
			return
		}
		seen++
		if l.Email.Normalized != w.email {
			t.Errorf("line %d: email = %q, want %q", l.Line, l.Email.Normalized, w.email)
		}
		if got := appendedValue(l, "leadclean_phone"); got != w.phone {
			t.Errorf("line %d: leadclean_phone = %q, want %q", l.Line, got, w.phone)
		}
		for _, r := range w.reasons {
			if !l.Verdict.HasReason(r) {
				t.Errorf("line %d: no %s; findings %+v", l.Line, r, l.Verdict.Findings)
			}
		}
		for _, r := range w.notReasons {
			if l.Verdict.HasReason(r) {
				t.Errorf("line %d: %s found; findings %+v", l.Line, r, l.Verdict.Findings)
			}
		}
		if len(l.Phones) != w.phones {
			t.Errorf("line %d: %d phone cells kept, want %d", l.Line, len(l.Phones), w.phones)
		}
		if l.Line == 4 {
			for _, f := range l.Verdict.Findings {
				if f.Reason == lead.BogusPhone && !strings.Contains(f.Detail, `"Mobile": fictional number`) {
					t.Errorf("bogus_phone detail %q does not name each column", f.Detail)
				}
			}
		}
	}, Input{Name: "contacts.csv", R: strings.NewReader(in)})
	if err != nil {
		t.Fatal(err)
	}
	if seen != len(wants) {
		t.Errorf("saw %d rows, want %d", seen, len(wants))
	}
}

// TestUnjudgedPhoneIsNotBogus: with no region, a national number cannot
// be judged; it outranks a bogus cell, so the lead is not bogus_phone.
func TestUnjudgedPhoneIsNotBogus(t *testing.T) {
	p := &processor{phones: phone.NewCheckerWithOptions(phone.Options{})}
	cols := lead.NewColumns([]string{"Phone", "Mobile"})
	cols.Set(lead.Phone, 0)
	cols.Set(lead.Mobile, 1)
	for _, tc := range []struct {
		cells   []string
		unjudge bool
		bogus   bool
	}{
		{[]string{"123", "4153921234"}, true, false},
		{[]string{"4153921234", "123"}, true, false},
		{[]string{"123", "1111111111"}, false, true},
		{[]string{"", ""}, false, false},
		{[]string{"+1 415 392 1234", "4153921234"}, false, false},
	} {
		l := &lead.Lead{Cells: tc.cells, Columns: cols}
		p.checkPhones(l, p.phones, false)
		if lead.Unjudged(&l.Phone) != tc.unjudge || l.Phone.Bogus != tc.bogus {
			t.Errorf("%q: phone = %+v, want unjudged %v, bogus %v", tc.cells, l.Phone, tc.unjudge, tc.bogus)
		}
	}
}

// appendedValue is the value of the appended column name for l.
func appendedValue(l *lead.Lead, name string) string {
	for _, c := range lead.Appended {
		if c.Name == name {
			return c.Value(l)
		}
	}
	panic("no appended column " + name)
}
