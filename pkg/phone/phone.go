// Package phone checks and normalises phone numbers with
// github.com/nyaruka/phonenumbers.
package phone

// Number is the result of checking one phone cell.
type Number struct {
	// Missing is true when the cell is empty (missing is not bogus).
	Missing bool
	// Valid is true for a number valid for its region.
	Valid bool
	// Bogus is true for a value nobody answers; Problem says why.
	Bogus   bool
	Problem string
	// E164 is the number in E.164 form when valid, else "".
	E164      string
	Extension string
	// Region is the ISO 3166 region the number belongs to, when known.
	Region string
	// Type is the number type: mobile, fixed_line, fixed_line_or_mobile,
	// toll_free, premium_rate, shared_cost, voip, personal_number, pager,
	// uan, voicemail or unknown.
	Type string
}

// Checker checks numbers, memoising repeated (number, region) pairs. It is
// safe for concurrent use.
type Checker struct{ defaultRegion string }

// NewChecker returns a Checker that uses defaultRegion (ISO 3166 alpha-2)
// when a row has no usable country.
func NewChecker(defaultRegion string) *Checker { return &Checker{defaultRegion: defaultRegion} }

// Check checks one phone cell; country is the row's country cell (a code,
// a name or a common spelling), possibly empty.
func (c *Checker) Check(raw, country string) Number {
	return Number{Missing: raw == ""} // TODO(phone helper): implement
}

// Region returns the ISO 3166 alpha-2 code for a country cell such as
// "USA", "U.S.", "Deutschland" or "gb".
func Region(country string) (string, bool) { return "", false } // TODO(phone helper)
