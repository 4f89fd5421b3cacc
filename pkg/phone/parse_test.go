package phone

import (
	"errors"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// sameParse fails t when parseDigits and phonenumbers.Parse disagree on
// (plus, digits, region): the error, or the fields Parse sets.
func sameParse(t *testing.T, plus bool, digits, region string) {
	t.Helper()
	text := digits
	if plus {
		text = "+" + digits
	}
	want, wantErr := phonenumbers.Parse(text, region)
	got, err := parseDigits(plus, digits, region)
	if !errors.Is(err, wantErr) || (err == nil) != (wantErr == nil) {
		t.Fatalf("parseDigits(%q, %q): error %v, phonenumbers.Parse: %v", text, region, err, wantErr)
	}
	if err != nil {
		return
	}
	if got.GetCountryCode() != want.GetCountryCode() || got.GetNationalNumber() != want.GetNationalNumber() ||
		(got.ItalianLeadingZero == nil) != (want.ItalianLeadingZero == nil) || got.GetItalianLeadingZero() != want.GetItalianLeadingZero() ||
		(got.NumberOfLeadingZeros == nil) != (want.NumberOfLeadingZeros == nil) || got.GetNumberOfLeadingZeros() != want.GetNumberOfLeadingZeros() ||
		want.Extension != nil || want.RawInput != nil {
		t.Fatalf("parseDigits(%q, %q) = %v, phonenumbers.Parse = %v", text, region, got, want)
	}
}

// parseRegions is every supported region and a few that are not.
func parseRegions() []string {
	return append(sortedRegions(), "", "ZZ", "001", "us", "XK")
}

// TestParseDigitsMatchesLibrary compares parseDigits with
// phonenumbers.Parse over every region's example numbers typed as people
// type them (national digits, with the country code, with + or the
// region's 00/011, with a stray national prefix) read against their own
// region, the US, Germany and none; and over random digit strings.
func TestParseDigitsMatchesLibrary(t *testing.T) {
	regions := parseRegions()
	compared := 0
	for _, r := range regions {
		for _, typ := range allTypes {
			ex := phonenumbers.GetExampleNumberForType(r, typ)
			if ex == nil {
				continue
			}
			nsn := phonenumbers.GetNationalSignificantNumber(ex)
			cc := strconv.Itoa(int(ex.GetCountryCode()))
			national := onlyASCIIDigits(phonenumbers.Format(ex, phonenumbers.NATIONAL))
			for _, in := range []struct {
				plus   bool
				digits string
			}{
				{false, national}, {false, nsn}, {false, cc + nsn}, {true, cc + nsn},
				{false, "00" + cc + nsn}, {false, "011" + cc + nsn}, {true, cc + national},
				{false, "0" + nsn}, {true, "00" + cc + nsn}, {false, national + "1"}, {false, nsn[1:]},
			} {
				against := []string{r, "US", "DE", "GB", "IT", "BR", "AR", "MX", ""}
				if sampled() {
					against = []string{r, ""}
				}
				for _, against := range against {
					sameParse(t, in.plus, in.digits, against)
					compared++
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(7, 11))
	n := 100
	if sampled() {
		n = 10
	}
	for _, r := range regions {
		for range n {
			b := make([]byte, 1+rng.IntN(18))
			for i := range b {
				b[i] = byte('0' + rng.IntN(10))
			}
			sameParse(t, rng.IntN(4) == 0, string(b), r)
			compared++
		}
	}
	t.Logf("%d parses compared", compared)
}

func onlyASCIIDigits(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// FuzzParseDigits compares parseDigits with phonenumbers.Parse on any
// digits, with or without a plus, against any region.
func FuzzParseDigits(f *testing.F) {
	for _, s := range []string{"4155552671", "14155552671", "0301234567", "00493012345678", "011442079460000", "5491123456789", "0111523456789", "393123456789", "0612345678", "88"} {
		f.Add(false, s, "US")
		f.Add(true, s, "DE")
		f.Add(false, s, "AR")
	}
	regions := parseRegions()
	f.Fuzz(func(t *testing.T, plus bool, digits string, region string) {
		digits = onlyASCIIDigits(digits)
		if len(region) == 1 { // a byte picks one of the known regions
			region = regions[int(region[0])%len(regions)]
		}
		sameParse(t, plus, digits, region)
	})
}
