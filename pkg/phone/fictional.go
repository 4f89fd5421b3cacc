package phone

// This file is the one place that lists the numbers regulators reserve for
// films, television, books and examples. libphonenumber calls most of them
// valid (its issue 1393, open since 2016), yet nobody answers them, so a
// lead giving one is bogus.
//
// Sources (checked 2026-11; re-check before widening a range):
//   - NANP: NANPA, "555 NXX line numbers": 555-0100 through 555-0199 are
//     reserved for fictional use in every area code; NPA-555-1212 is
//     directory assistance.
//   - UK: Ofcom, "Telephone numbers for drama purposes" (TV, radio and
//     film): the geographic ranges below, 01632 960xxx (no area), 07700
//     900xxx (mobile), 08081 570xxx (freephone), 0909 879 0xxx (premium
//     rate) and 03069 990xxx (UK-wide).
//   - Australia: ACMA, "Phone numbers for use in TV shows, films and
//     creative works": fixed lines (0x) 5550 xxxx and (0x) 7010 xxxx for
//     x = 2, 3, 7, 8; thirty single mobile numbers in 0491 570–0491 579;
//     freephone 1800 160 401 and 1800 975 707–711, local-rate
//     1300 975 707–711, premium 1900 654 321.
//     Uncertainty: ACMA lists single mobile numbers, not the whole 0491 57x
//     block; whether the rest of the block is unallocated is not stated, so
//     only the listed numbers are flagged. The 7010 fixed ranges and the
//     1800/1300/1900 numbers are from the same ACMA page as recorded in
//     several independent copies, not from the regulator's current page.

import "strings"

// fictionalRange is an inclusive range of national significant numbers of
// one length under one country calling code.
type fictionalRange struct {
	countryCode int
	from, to    string
	label       string
}

// prefixRange returns the range of all numbers of length n starting with
// prefix.
func prefixRange(cc int, prefix string, n int, label string) fictionalRange {
	fill := n - len(prefix)
	return fictionalRange{cc, prefix + strings.Repeat("0", fill), prefix + strings.Repeat("9", fill), label}
}

func exact(cc int, nsn, label string) fictionalRange { return fictionalRange{cc, nsn, nsn, label} }

// fictionalRanges lists every reserved range except the NANP's, which
// repeats in every area code and is tested in code (see fictional).
var fictionalRanges = buildFictionalRanges()

func buildFictionalRanges() []fictionalRange {
	const ofcom = "UK Ofcom drama range"
	rs := []fictionalRange{
		prefixRange(44, "2079460", 10, ofcom+" 020 7946 0xxx"),
		prefixRange(44, "1914980", 10, ofcom+" 0191 498 0xxx"),
		prefixRange(44, "2896496", 10, ofcom+" 028 9649 6xxx"),
		prefixRange(44, "2920180", 10, ofcom+" 029 2018 0xxx"),
		prefixRange(44, "1632960", 10, ofcom+" 01632 960xxx"),
		prefixRange(44, "7700900", 10, ofcom+" 07700 900xxx"),
		prefixRange(44, "8081570", 10, ofcom+" 08081 570xxx"),
		prefixRange(44, "9098790", 10, ofcom+" 0909 879 0xxx"),
		prefixRange(44, "3069990", 10, ofcom+" 03069 990xxx"),
	}
	for _, area := range []string{"113", "114", "115", "116", "117", "118", "121", "131", "141", "151", "161"} {
		rs = append(rs, prefixRange(44, area+"4960", 10, ofcom+" 0"+area+" 496 0xxx"))
	}

	const acma = "Australian ACMA range for creative works"
	for _, area := range []string{"2", "3", "7", "8"} {
		rs = append(rs,
			prefixRange(61, area+"5550", 9, acma+" 0"+area+" 5550 xxxx"),
			prefixRange(61, area+"7010", 9, acma+" 0"+area+" 7010 xxxx"))
	}
	for _, m := range []string{
		"570006", "570156", "570157", "570158", "570159", "570110", "570313", "570737",
		"571266", "571491", "571804", "572549", "572665", "572983", "573770", "573087",
		"574118", "574632", "575254", "575789", "576398", "576801", "577426", "577644",
		"578957", "578148", "578888", "579212", "579760", "579455",
	} {
		rs = append(rs, exact(61, "491"+m, acma+" 0491 "+m[:3]+" "+m[3:]))
	}
	rs = append(rs,
		exact(61, "1800160401", acma+" 1800 160 401"),
		fictionalRange{61, "1800975707", "1800975711", acma + " 1800 975 707-711"},
		fictionalRange{61, "1300975707", "1300975711", acma + " 1300 975 707-711"},
		exact(61, "1900654321", acma+" 1900 654 321"),
	)
	return rs
}

// fictional returns the Problem for a number in a reserved range, or "".
// nsn is the national significant number (no trunk prefix).
func fictional(countryCode int, nsn string) string {
	if countryCode == 1 && len(nsn) == 10 {
		switch {
		case nsn[3:8] == "55501":
			return ProblemFictional + ": NANP 555-0100 to 555-0199"
		case nsn[3:] == "5551212":
			return ProblemDirectory
		}
	}
	for _, r := range fictionalRanges {
		if r.countryCode == countryCode && len(nsn) == len(r.from) && r.from <= nsn && nsn <= r.to {
			return ProblemFictional + ": " + r.label
		}
	}
	return ""
}
