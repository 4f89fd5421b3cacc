package phone

import (
	"fmt"
	"sort"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// TestGuessRegionEveryRegion builds, for every region phonenumbers knows, a
// sample from libphonenumber's own example numbers (fixed line and mobile,
// last two digits varied, written nationally) and guesses its region under
// the default US, with no domain hint. --region auto must never choose a
// region with another calling code than the true one; the counts of right
// choices, refusals and hints are logged (go test -v).
func TestGuessRegionEveryRegion(t *testing.T) {
	regions := make([]string, 0, 250)
	for r := range phonenumbers.GetSupportedRegions() {
		regions = append(regions, r)
	}
	sort.Strings(regions)
	var chosen, refused, hinted, fits, skipped, tiedMore int
	var refusedWith []string
	for _, region := range regions {
		cc := phonenumbers.GetCountryCodeForRegion(region)
		var sample []string
		for _, typ := range []phonenumbers.PhoneNumberType{phonenumbers.MOBILE, phonenumbers.FIXED_LINE} {
			ex := phonenumbers.GetExampleNumberForType(region, typ)
			if ex == nil {
				continue
			}
			nsn := phonenumbers.GetNationalSignificantNumber(ex)
			for i := range 15 {
				alt := nsn
				if len(alt) > 4 {
					alt = alt[:len(alt)-2] + fmt.Sprintf("%02d", (i*7+3)%100)
				}
				num, err := phonenumbers.Parse("+"+fmt.Sprint(cc)+alt, "")
				if err != nil || !phonenumbers.IsValidNumberForRegion(num, region) {
					continue
				}
				national := phonenumbers.Format(num, phonenumbers.NATIONAL)
				if d, ok := NationalDigits(national); ok {
					sample = append(sample, d)
				}
			}
		}
		if len(sample) < MinGuessNumbers {
			skipped++
			continue
		}
		g := GuessRegion("US", sample, nil)
		switch {
		case g.Confident && phonenumbers.GetCountryCodeForRegion(g.Region) != cc:
			t.Errorf("%s: auto would choose %s (+%d) for +%d numbers: %+v", region, g.Region, phonenumbers.GetCountryCodeForRegion(g.Region), cc, g)
		case g.Confident:
			chosen++
		case !g.Mismatch && g.Region == "":
			fits++ // the default validates them too (NANP regions)
		default:
			refused++
			named := []string{g.Region}
			if g.Tied > 0 {
				named = append(named, g.Also...)
			}
			for _, r := range named {
				if g.Mismatch && phonenumbers.GetCountryCodeForRegion(r) == cc {
					hinted++
					break
				}
			}
			if g.Tied > len(g.Also) {
				tiedMore++
			}
			refusedWith = append(refusedWith, region+"~"+g.RunnerUp)
		}
	}
	t.Logf("regions: %d chosen by auto, %d refused (%d of them with a hint naming the right calling code among the regions it names, %d tied with more regions than it names), %d fit the default US, %d without 20 example numbers",
		chosen, refused, hinted, tiedMore, fits, skipped)
	t.Logf("refused (region~runner-up): %v", refusedWith)
}
