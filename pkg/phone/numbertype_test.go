package phone

import (
	"slices"
	"strconv"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

var allTypes = []phonenumbers.PhoneNumberType{
	phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.FIXED_LINE_OR_MOBILE,
	phonenumbers.TOLL_FREE, phonenumbers.PREMIUM_RATE, phonenumbers.SHARED_COST,
	phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER, phonenumbers.PAGER,
	phonenumbers.UAN, phonenumbers.VOICEMAIL,
}

// checkAgainstLibrary fails t when regionAndType disagrees with
// phonenumbers on num, or when the E.164 judge builds differs from
// phonenumbers.Format.
func checkAgainstLibrary(t *testing.T, num *phonenumbers.PhoneNumber) {
	t.Helper()
	nsn := phonenumbers.GetNationalSignificantNumber(num)
	region, typ := regionAndType(num, nsn)
	wantRegion, wantType := phonenumbers.GetRegionCodeForNumber(num), phonenumbers.GetNumberType(num)
	if region != wantRegion || typ != wantType {
		t.Errorf("+%d %s: regionAndType = %s, %v; phonenumbers = %s, %v", num.GetCountryCode(), nsn, region, typ, wantRegion, wantType)
	}
	if got, want := "+"+strconv.Itoa(int(num.GetCountryCode()))+nsn, phonenumbers.Format(num, phonenumbers.E164); got != want {
		t.Errorf("E.164 of %v: %s, phonenumbers.Format %s", num, got, want)
	}
}

// variants returns num with each digit position changed, one digit
// dropped and one added: valid and invalid neighbours of an example.
func variants(num *phonenumbers.PhoneNumber) []*phonenumbers.PhoneNumber {
	nsn := phonenumbers.GetNationalSignificantNumber(num)
	var texts []string
	for i := range len(nsn) {
		for d := byte('0'); d <= '9'; d += 3 {
			b := []byte(nsn)
			b[i] = d
			texts = append(texts, string(b))
		}
	}
	texts = append(texts, nsn[:len(nsn)-1], nsn+"7", "9"+nsn)
	var out []*phonenumbers.PhoneNumber
	for _, s := range texts {
		p, err := phonenumbers.Parse("+"+strconv.Itoa(int(num.GetCountryCode()))+s, "")
		if err == nil {
			out = append(out, p)
		}
	}
	return out
}

// TestRegionAndTypeMatchesLibrary compares regionAndType with
// phonenumbers.GetRegionCodeForNumber and GetNumberType over the example
// number of every type of every region and non-geographical entity, and
// over neighbours of each (a digit changed, dropped, added).
func TestRegionAndTypeMatchesLibrary(t *testing.T) {
	var examples []*phonenumbers.PhoneNumber
	regions := make([]string, 0, 250)
	for r := range phonenumbers.GetSupportedRegions() {
		regions = append(regions, r)
	}
	slices.Sort(regions)
	for _, r := range regions {
		for _, typ := range allTypes {
			if ex := phonenumbers.GetExampleNumberForType(r, typ); ex != nil {
				examples = append(examples, ex)
			}
		}
	}
	for cc := range phonenumbers.GetSupportedGlobalNetworkCallingCodes() {
		if ex := phonenumbers.GetExampleNumberForNonGeoEntity(cc); ex != nil {
			examples = append(examples, ex)
		}
	}
	if len(examples) < 1000 {
		t.Fatalf("only %d example numbers", len(examples))
	}
	checked := 0
	for _, ex := range examples {
		checkAgainstLibrary(t, ex)
		checked++
		if sampled() {
			continue
		}
		for _, v := range variants(ex) {
			checkAgainstLibrary(t, v)
			checked++
		}
	}
	t.Logf("%d numbers compared", checked)
}

// FuzzRegionAndType compares regionAndType with phonenumbers on whatever
// phonenumbers parses.
func FuzzRegionAndType(f *testing.F) {
	for _, s := range []string{"+14155552671", "+442079460000", "+8613800138000", "+80012345678", "+16044441234", "+447624123456", "0301234567", "+1868", "+79123456789"} {
		f.Add(s, "US")
		f.Add(s, "DE")
	}
	f.Fuzz(func(t *testing.T, text, region string) {
		num, err := phonenumbers.Parse(text, region)
		if err != nil {
			return
		}
		checkAgainstLibrary(t, num)
	})
}

func TestFirstDigitsOf(t *testing.T) {
	tests := []struct {
		pattern string
		want    string // digits a match may start with
	}{
		{`900[2-9]\d{6}`, "9"},
		{`8(?:00|33|44)[2-9]\d{6}`, "8"},
		{`(?:2[0-8]|3[0-35-9])\d{6}`, "23"},
		{`[2-9]\d{2}[2-9]\d{6}`, "23456789"},
		{`(?:1\d)?\d{6}`, "0123456789"}, // optional prefix: anything after
		{`1?[2-4]\d{5}`, "1234"},
		{`\d{7}`, "0123456789"},
		{`(?:)`, "0123456789"}, // matches the empty string
		{`(`, "0123456789"},    // does not parse
	}
	for _, tc := range tests {
		set := firstDigitsOf(tc.pattern)
		got := ""
		for d := range 10 {
			if set&(1<<d) != 0 {
				got += string(rune('0' + d))
			}
		}
		if got != tc.want {
			t.Errorf("firstDigitsOf(%q) = %q, want %q", tc.pattern, got, tc.want)
		}
	}
}

// TestTypeInMatchesLibrary: typeIn agrees with IsValidNumberForRegion and,
// where the region is the only one of its calling code, GetNumberType, over
// every region's examples and their neighbours.
func TestTypeInMatchesLibrary(t *testing.T) {
	checked := 0
	for _, r := range sortedRegions() {
		cc := phonenumbers.GetCountryCodeForRegion(r)
		single := len(phonenumbers.GetRegionCodesForCountryCode(cc)) == 1
		for _, typ := range allTypes {
			ex := phonenumbers.GetExampleNumberForType(r, typ)
			if ex == nil {
				continue
			}
			for _, num := range append(variants(ex), ex) {
				if int(num.GetCountryCode()) != cc {
					continue
				}
				nsn := phonenumbers.GetNationalSignificantNumber(num)
				got := typeIn(nsn, r)
				if valid := phonenumbers.IsValidNumberForRegion(num, r); (got != phonenumbers.UNKNOWN) != valid {
					t.Errorf("typeIn(%s, %s) = %v; IsValidNumberForRegion = %v", nsn, r, got, valid)
				}
				if want := phonenumbers.GetNumberType(num); single && got != want {
					t.Errorf("typeIn(%s, %s) = %v; GetNumberType = %v", nsn, r, got, want)
				}
				checked++
			}
			if sampled() {
				break
			}
		}
	}
	if typeIn("2025550123", "ZZ") != phonenumbers.UNKNOWN || typeIn("", "US") != phonenumbers.UNKNOWN {
		t.Error("TypeIn of an unknown region or an empty number is not UNKNOWN")
	}
	t.Logf("%d numbers compared", checked)
}

// typeIn returns the type of the national significant number nsn read as
// a number of region, as phonenumbers' getNumberTypeHelper gives it over
// region's metadata, through the patterns compiled here: UNKNOWN when nsn
// is not valid there, or region is unknown.
func typeIn(nsn, region string) phonenumbers.PhoneNumberType {
	m := patternsFor(0, region)
	if m == nil || nsn == "" {
		return phonenumbers.UNKNOWN
	}
	return m.numberType(nsn)
}
