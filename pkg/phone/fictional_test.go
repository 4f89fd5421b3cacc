package phone

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// TestFictionalBounds checks every reserved range at and just outside its
// bounds.
func TestFictionalBounds(t *testing.T) {
	for _, r := range fictionalRanges {
		for _, nsn := range []string{r.from, r.to} {
			if got := fictional(r.countryCode, nsn); !strings.HasPrefix(got, ProblemFictional) {
				t.Errorf("+%d %s (%s): not fictional: %q", r.countryCode, nsn, r.label, got)
			}
		}
		for _, nsn := range []string{step(r.from, -1), step(r.to, 1)} {
			if nsn == "" || inAnyRange(r.countryCode, nsn) {
				continue
			}
			if got := fictional(r.countryCode, nsn); got != "" {
				t.Errorf("+%d %s, next to %s: fictional %q", r.countryCode, nsn, r.label, got)
			}
		}
		if got := fictional(r.countryCode+1, r.from); got != "" && r.countryCode != 1 {
			t.Errorf("+%d %s: fictional under another country code: %q", r.countryCode+1, r.from, got)
		}
	}
}

func TestFictionalNANP(t *testing.T) {
	for nsn, want := range map[string]string{
		"2015550123": ProblemFictional, "2125550100": ProblemFictional, "9075550199": ProblemFictional,
		"2125550099": "", "2125550200": "", "2125551212": ProblemDirectory, "4165550150": ProblemFictional,
		"2125551213": "", "5550100123": "",
	} {
		if got := fictional(1, nsn); !strings.HasPrefix(got, want) || (want == "" && got != "") {
			t.Errorf("fictional(1, %s) = %q, want %q", nsn, got, want)
		}
	}
}

// TestFictionalThroughCheck checks a number of each range through the whole
// check, in national format with its country.
func TestFictionalThroughCheck(t *testing.T) {
	c := newChecker("")
	country := map[int]string{44: "GB", 61: "AU"}
	for _, r := range fictionalRanges {
		n := c.Check("+"+strconv.Itoa(r.countryCode)+r.from, "")
		if !n.Bogus {
			t.Errorf("%s: %+v not bogus", r.label, n)
		}
		n2 := c.Check("0"+r.from, country[r.countryCode])
		if n2.Bogus != n.Bogus || n2.E164 != n.E164 {
			t.Errorf("%s: national 0%s = %+v, international %+v", r.label, r.from, n2, n)
		}
	}
}

func inAnyRange(cc int, nsn string) bool {
	for _, r := range fictionalRanges {
		if r.countryCode == cc && len(nsn) == len(r.from) && r.from <= nsn && nsn <= r.to {
			return true
		}
	}
	return false
}

// step adds delta to a decimal string of fixed width, or returns "" when
// that would change its width.
func step(s string, delta int) string {
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return ""
	}
	out := fmt.Sprintf("%0*d", len(s), int64(v)+int64(delta))
	if len(out) != len(s) || strings.HasPrefix(out, "-") {
		return ""
	}
	return out
}
