// Package phone checks and normalises phone numbers with
// github.com/nyaruka/phonenumbers.
//
// # What a check does
//
// [Checker.Check] takes one phone cell and the row's country cell. It
//   - splits off a second number ("… / 2369", "…; …", "… oder …") and an
//     extension (x, ext, #, Durchwahl, poste, ramal, …), kept in Extension;
//   - rejects, without parsing, cells with fewer than five digits, one digit
//     throughout, or a number a spreadsheet turned into 4.91511E+12;
//   - reads the number against the region of the row's country (see
//     [Region]: codes, names and the spellings exports use) or the checker's
//     default; `+` and `00` international prefixes win over the row's
//     country, and a long national number that is invalid for the region is
//     tried once more as international (a + lost in a spreadsheet);
//   - asks libphonenumber for the number's type once: valid means the type
//     is not unknown.
//
// Parsing and typing follow phonenumbers' Parse, GetNumberType and
// GetRegionCodeForNumber step for step over its own metadata, but with each
// region's patterns compiled once and run once (parse.go, numbertype.go):
// about 2.5 us a distinct number instead of 19 us through the library's calls,
// which rebuild and look up every pattern string under a lock and run each
// regexp twice. Tests and fuzz targets compare the two on every region's
// example numbers, their neighbours and arbitrary digits.
//
// libphonenumber's "valid" means "in a range that can be assigned", so a
// number is also tested against what a lead list really contains: one
// digit throughout, straight runs (1234567890, 030 12345678), repeated
// blocks (1212121212), at most two distinct digits, the ranges regulators
// reserve for drama and examples (fictional.go, one table with its
// sources), and premium-rate numbers unless [Options].AllowPremiumRate.
//
// # Verdicts
//
// Exactly one of these holds for a [Number]:
//   - Missing: the cell is empty.
//   - Valid && !Bogus: a usable number; E164, Type and Region are set.
//   - Bogus: nobody answers; Problem says why. Valid stays true for a number
//     libphonenumber accepts but leadclean does not (fictional, premium
//     rate, implausible pattern), and E164 is then still filled so that
//     duplicates can be matched.
//   - !Valid && !Bogus: the number cannot be judged (no region to read a
//     national number against); Problem says so.
//
// Checking is memoised per checker on (number, region): switchboard numbers
// repeat in every export.
package phone

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"

	"github.com/leadclean/leadclean/pkg/memo"
)

// The fixed Problem texts. A fictional number's Problem starts with
// [ProblemFictional] and names the range.
const (
	ProblemNotANumber  = "not a phone number"
	ProblemNoRegion    = "no region to judge the number"
	ProblemUnparseable = "not parseable"
	ProblemInvalid     = "not a valid number for its region"
	ProblemOneDigit    = "all one digit"
	ProblemStraightRun = "straight run of digits"
	ProblemRepeated    = "repeated block of digits"
	ProblemFewDistinct = "too few distinct digits"
	ProblemFictional   = "fictional number"
	ProblemDirectory   = "directory assistance"
	ProblemPremiumRate = "premium-rate number"
	ProblemSpreadsheet = "number mangled by a spreadsheet (scientific notation)"
)

// Number is the result of checking one phone cell.
type Number struct {
	// Missing is true when the cell is empty (missing is not bogus).
	Missing bool
	// Valid is true for a number libphonenumber calls valid for its region.
	// A Valid number may still be Bogus (fictional, premium rate, a pattern
	// such as 1234567890): use Valid && !Bogus for a usable number.
	Valid bool
	// Bogus is true for a value nobody answers; Problem says why.
	Bogus   bool
	Problem string
	// E164 is the number in E.164 form when valid, else "".
	E164 string
	// Extension is the extension found in the cell (digits only), if any.
	Extension string
	// Region is the ISO 3166 region the number belongs to, when known.
	Region string
	// Type is the number type: mobile, fixed_line, fixed_line_or_mobile,
	// toll_free, premium_rate, shared_cost, voip, personal_number, pager,
	// uan, voicemail or unknown (parsed but not valid); "" when the cell
	// was not parsed at all.
	Type string
}

// Options configures a [Checker].
type Options struct {
	// DefaultRegion (ISO 3166 alpha-2, any case) is used when a row has no
	// usable country. Empty means national numbers on such rows cannot be
	// judged.
	DefaultRegion string
	// AllowPremiumRate keeps premium-rate numbers from being Bogus.
	AllowPremiumRate bool
	// MemoSize bounds the memo (entries). Zero means a default of 8192;
	// a negative value turns memoisation off.
	MemoSize int
}

const defaultMemoSize = 8192

// Checker checks numbers, memoising repeated (number, region) pairs. It is
// safe for concurrent use.
type Checker struct {
	defaultRegion    string
	allowPremiumRate bool
	memo             *memo.Memo[Number]
}

// NewCheckerWithOptions returns a Checker configured by o. A DefaultRegion
// that phonenumbers does not know is ignored (as if empty); "UK" and other
// spellings that [Region] knows are accepted.
func NewCheckerWithOptions(o Options) *Checker {
	size := o.MemoSize
	if size == 0 {
		size = defaultMemoSize
	}
	return &Checker{
		defaultRegion:    supportedRegion(o.DefaultRegion),
		allowPremiumRate: o.AllowPremiumRate,
		memo:             memo.New[Number](size),
	}
}

// DefaultRegion returns the region used for rows without a usable country
// ("" when there is none).
func (c *Checker) DefaultRegion() string { return c.defaultRegion }

// supportedRegion returns the alpha-2 code phonenumbers knows for s, or "".
func supportedRegion(s string) string {
	code := strings.ToUpper(strings.TrimSpace(s))
	if code != "" && !phonenumbers.GetSupportedRegions()[code] {
		code, _ = Region(s)
	}
	if !phonenumbers.GetSupportedRegions()[code] {
		return ""
	}
	return code
}

// Check checks one phone cell; country is the row's country cell (a code,
// a name or a common spelling), possibly empty.
func (c *Checker) Check(raw, country string) Number {
	cell := strings.TrimSpace(raw)
	if cell == "" || IsPlaceholder(cell) {
		return Number{Missing: true}
	}
	if spreadsheetMangled(cell) {
		return Number{Bogus: true, Problem: ProblemSpreadsheet}
	}
	in := prepare(cell)
	region := c.defaultRegion
	if r, ok := CountryRegion(country); ok {
		region = r
	}
	if !in.ok && !in.plus && len(in.digits) == minDigits-1 && shortNational[region] {
		in.ok = true // a 4-digit national number of Niue, Tokelau or Tristan da Cunha
	}
	if !in.ok {
		return Number{Bogus: true, Problem: ProblemNotANumber, Extension: in.extension}
	}
	if allOneDigit(in.digits) {
		return Number{Bogus: true, Problem: ProblemOneDigit, Extension: in.extension}
	}
	if !in.plus && strings.TrimSpace(country) == "NA" {
		// "NA" usually means "not available", but written as an ISO code
		// it is Namibia: the number decides.
		namibia := c.memo.Do(memoKey(false, in.digits, "NA"), func() Number { return c.judge(false, in.digits, "NA") })
		if namibia.Valid && !namibia.Bogus {
			namibia.Extension = in.extension
			return namibia
		}
	}
	if !in.plus && region == "" && strings.HasPrefix(in.digits, "00") {
		in.plus, in.digits = true, in.digits[2:]
	}
	if in.plus {
		region = "" // the number names its own country
	} else if region == "" {
		return Number{Problem: ProblemNoRegion, Extension: in.extension}
	}

	key := memoKey(in.plus, in.digits, region)
	n := c.memo.Do(key, func() Number { return c.judge(in.plus, in.digits, region) })
	n.Extension = in.extension
	return n
}

// MemoStats returns how many checks found their verdict in the memo
// (hits) and how many ran libphonenumber (misses), since the checker was
// made. Cells rejected before parsing (empty, too few digits, one digit
// throughout) count as neither. Benchmarks and .ci/perf report the hit
// rate; both are 0 with memoisation off.
func (c *Checker) MemoStats() (hits, misses uint64) { return c.memo.Stats() }

// judge runs libphonenumber and leadclean's own checks on a prepared
// number. It depends only on its arguments and the checker's settings, so
// its result can be memoised.
func (c *Checker) judge(plus bool, digits, region string) Number {
	num, nsn, numRegion, typ, err := parse(plus, digits, region)
	if err != nil {
		return Number{Bogus: true, Problem: ProblemUnparseable}
	}
	n := Number{Region: numRegion, Type: typeName(typ)}
	// A pattern says more than "invalid" about 999-999-9999, so it is
	// looked for first.
	problem := implausible(nsn, typ)
	if typ == phonenumbers.UNKNOWN {
		n.Bogus, n.Problem = true, cmp.Or(problem, invalidFor(num, region))
		return n
	}
	n.Valid = true
	n.E164 = "+" + strconv.Itoa(int(num.GetCountryCode())) + nsn // phonenumbers.Format(num, E164)
	if problem != "" {
		n.Bogus, n.Problem = true, problem
		return n
	}
	if problem := fictional(int(num.GetCountryCode()), nsn); problem != "" {
		n.Bogus, n.Problem = true, problem
		return n
	}
	if typ == phonenumbers.PREMIUM_RATE && !c.allowPremiumRate {
		n.Bogus, n.Problem = true, ProblemPremiumRate
	}
	return n
}

// invalidFor names the region a number was judged against: the region of
// its country code when written internationally, else the row's.
func invalidFor(num *phonenumbers.PhoneNumber, region string) string {
	if r := phonenumbers.GetRegionCodeForCountryCode(int(num.GetCountryCode())); r != "" && r != "ZZ" && (region == "" || num.GetCountryCode() != int32(phonenumbers.GetCountryCodeForRegion(region))) {
		region = r
	}
	if region == "" {
		return ProblemInvalid
	}
	return ProblemInvalid + " (" + region + ")"
}

// parse parses a prepared number and returns it with its national
// significant number, its region and its type (UNKNOWN when not valid). A national number that is not valid for region is tried again
// as international when it starts with 00 (the international prefix of
// most of the world, not of the region) or is long enough to hold a
// country code that a spreadsheet stripped the + from.
func parse(plus bool, digits, region string) (num *phonenumbers.PhoneNumber, nsn, numRegion string, typ phonenumbers.PhoneNumberType, err error) {
	num, err = parseDigits(plus, digits, region)
	typ = phonenumbers.UNKNOWN
	if err == nil {
		nsn = phonenumbers.GetNationalSignificantNumber(num)
		numRegion, typ = regionAndType(num, nsn)
	}
	if plus || typ != phonenumbers.UNKNOWN {
		return num, nsn, numRegion, typ, err
	}
	var retry string
	switch {
	case strings.HasPrefix(digits, "00") && len(digits) > 4:
		retry = digits[2:]
	case len(digits) >= 11 && digits[0] != '0':
		retry = digits
	default:
		return num, nsn, numRegion, typ, err
	}
	num2, err2 := parseDigits(true, retry, "")
	if err2 != nil {
		return num, nsn, numRegion, typ, err
	}
	nsn2 := phonenumbers.GetNationalSignificantNumber(num2)
	if region2, typ2 := regionAndType(num2, nsn2); typ2 != phonenumbers.UNKNOWN {
		return num2, nsn2, region2, typ2, nil
	}
	return num, nsn, numRegion, typ, err
}

// typeName returns the lower-case snake name of a number type.
func typeName(t phonenumbers.PhoneNumberType) string {
	switch t {
	case phonenumbers.FIXED_LINE:
		return "fixed_line"
	case phonenumbers.MOBILE:
		return "mobile"
	case phonenumbers.FIXED_LINE_OR_MOBILE:
		return "fixed_line_or_mobile"
	case phonenumbers.TOLL_FREE:
		return "toll_free"
	case phonenumbers.PREMIUM_RATE:
		return "premium_rate"
	case phonenumbers.SHARED_COST:
		return "shared_cost"
	case phonenumbers.VOIP:
		return "voip"
	case phonenumbers.PERSONAL_NUMBER:
		return "personal_number"
	case phonenumbers.PAGER:
		return "pager"
	case phonenumbers.UAN:
		return "uan"
	case phonenumbers.VOICEMAIL:
		return "voicemail"
	default:
		return "unknown"
	}
}
