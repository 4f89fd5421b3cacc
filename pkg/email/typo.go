package email

import (
	"strings"

	"github.com/hbollon/go-edlib"
	"golang.org/x/net/publicsuffix"
)

// bigProviders are the only domains a typo is corrected toward, most used
// first (ties go to the earlier one). mailcheck's long default lists turn
// real business domains into providers (att.com -> mac.com, bt.com ->
// qq.com); a short list and the rules in [suggestDomain] do not.
var bigProviders = [...]string{
	"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com",
	"icloud.com", "live.com", "msn.com", "comcast.net", "googlemail.com",
	"hotmail.co.uk", "yahoo.co.uk", "protonmail.com", "me.com", "mac.com",
	"verizon.net", "att.net", "sbcglobal.net", "gmx.de", "gmx.net",
	"web.de", "yandex.ru", "mail.ru",
	// Country variants of the big providers (from countryVariants on): a
	// typo of the name is corrected to the variant of its own country
	// (hitmail.it -> hotmail.it), and a top-level domain that does not
	// exist to the nearest variant (hotmail.ft -> hotmail.fr); one real
	// country is never corrected to another (yahoo.dk stays).
	"hotmail.fr", "hotmail.it", "hotmail.de", "hotmail.es", "hotmail.ca",
	"hotmail.com.br", "yahoo.fr", "yahoo.de", "yahoo.it", "yahoo.es",
	"yahoo.ca", "yahoo.in", "yahoo.com.br", "outlook.fr", "outlook.de",
	"outlook.es", "outlook.it", "live.co.uk", "live.fr", "live.de",
	"live.it", "live.nl", "live.ca",
}

// countryVariants is the index in bigProviders of the first country variant.
const countryVariants = 23

// commonTLDs are the top-level domains a non-existent one is repaired to
// (acme.con -> acme.com), in order of preference.
var commonTLDs = [...]string{"com", "net", "org", "edu", "gov", "info", "biz"}

// notTypos are real mailbox providers one edit away from a big provider.
var notTypos = map[string]bool{
	"mail.com": true, "email.com": true, "ymail.com": true, "gmx.com": true,
	"live.co.uk": true, "hotmail.de": true, "hotmail.fr": true,
	"hotmail.it": true, "hotmail.es": true, "yahoo.de": true,
	"yahoo.fr": true, "yahoo.es": true, "yahoo.it": true, "yahoo.ca": true,
	"yahoo.in": true, "outlook.de": true, "outlook.fr": true,
	"outlook.es": true, "outlook.it": true, "live.de": true, "live.fr": true,
	"live.nl": true, "live.it": true, "live.ca": true, "aol.de": true,
	"gmx.at": true, "gmx.ch": true, "web.com": true, "me.de": true,
}

// suggestDomain returns the big provider's domain that domain is a likely
// typo of, else domain with its non-existent top-level domain repaired,
// else "". A domain that is a provider's with its dot moved (gmailc.om) is
// that provider's. Otherwise split a domain into its first label and the
// rest; then:
//   - the label may differ from a provider's by one edit (two for labels of
//     seven letters or more: hotmail, outlook), never for labels under four
//     letters (aol, msn: bt.com is not qq.com), for four letters (live) only
//     by a neighbouring key in the last letter (livr), and in its first
//     letter only when the first two are swapped, the key is a neighbour
//     (tahoo) or a letter was typed before it (ygmail); wahoo.com is not
//     yahoo.com;
//   - the rest may differ from the provider's by one edit (two when the
//     top-level domain does not exist: gmial.cpn, comcast.nry); when the
//     rest is a real suffix (gmail.co, outlook.cm) only for labels of five
//     letters or more, and never together with a label edit, except a
//     mistyped long name before .com when the provider has no .com
//     (comcats.com -> comcast.net; comcast.com itself stays);
//   - a non-existent top-level domain alone is repaired to the nearest of
//     com, net, org, ... at one edit (acme.con -> acme.com; acme.io stays).
func suggestDomain(domain string, tldReal bool) string {
	if notTypos[domain] {
		return ""
	}
	for _, p := range bigProviders {
		if p == domain {
			return ""
		}
	}
	undotted := strings.ReplaceAll(domain, ".", "")
	for _, p := range bigProviders {
		if len(p) == len(domain) && strings.ReplaceAll(p, ".", "") == undotted {
			return p
		}
	}
	dot := strings.IndexByte(domain, '.')
	if dot <= 0 {
		return ""
	}
	label, rest := domain[:dot], domain[dot+1:]
	restReal := isRealSuffix(rest)
	best, bestDistance, restLimit := "", 3, 1
	if !tldReal {
		bestDistance, restLimit = 4, 2
	}
	for i, p := range bigProviders {
		pdot := strings.IndexByte(p, '.')
		pl, pr := p[:pdot], p[pdot+1:]
		dl := labelDistance(label, pl)
		if dl < 0 {
			continue
		}
		dr := 0
		if rest != pr {
			if restReal && dl > 0 && rest == "com" && len(pl) >= 7 && i < countryVariants && !hasDotCom(pl) {
				// A long provider name mistyped, with the .com people put
				// after any name: comcats.com is comcast.net's.
				if d := dl + 1; d < bestDistance {
					best, bestDistance = p, d
				}
				continue
			}
			if restReal && (dl > 0 || len(pl) < 5 || i >= countryVariants) {
				continue
			}
			if dr = edlib.OSADamerauLevenshteinDistance(rest, pr); dr > restLimit {
				continue
			}
		}
		if d := dl + dr; d > 0 && d < bestDistance {
			best, bestDistance = p, d
		}
	}
	if best != "" || tldReal {
		return best
	}
	last := strings.LastIndexByte(domain, '.')
	tld := domain[last+1:]
	for _, candidate := range commonTLDs {
		if edlib.OSADamerauLevenshteinDistance(tld, candidate) == 1 {
			// The repaired domain may be a provider's typo in turn; a
			// suggestion must need no further suggestion.
			repaired := domain[:last+1] + candidate
			if provider := suggestDomain(repaired, true); provider != "" {
				return provider
			}
			return repaired
		}
	}
	return ""
}

// hasDotCom reports whether a big provider with this name has a .com
// domain (hotmail.com): then a typo before .com is corrected to that one.
func hasDotCom(name string) bool {
	for _, p := range bigProviders {
		if p == name+".com" {
			return true
		}
	}
	return false
}

// labelDistance returns the OSA distance between a domain's first label and
// a provider's, or -1 when the edit is not an allowed typo (see
// [suggestDomain]).
func labelDistance(label, provider string) int {
	if label == provider {
		return 0
	}
	limit := 0
	switch {
	case len(provider) >= 7:
		limit = 2
	case len(provider) >= 5:
		limit = 1
	case len(provider) == 4:
		// live: only a neighbouring key in the last letter (livr, not love).
		last := len(provider) - 1
		if len(label) == len(provider) && label[:last] == provider[:last] && neighbours(label[last], provider[last]) {
			return 1
		}
		return -1
	}
	if limit == 0 || len(label) < 3 || abs(len(label)-len(provider)) > limit {
		return -1
	}
	if label[1:] == provider {
		return 1 // a key typed before the name: ygmail
	}
	d := edlib.OSADamerauLevenshteinDistance(label, provider)
	if d > limit {
		return -1
	}
	if label[0] != provider[0] && (label[0] != provider[1] || label[1] != provider[0]) {
		// The first letter is the one people get right, unless its key is
		// a neighbour and nothing else is wrong (tahoo, uahoo; not wahoo).
		if d != 1 || len(label) != len(provider) || !neighbours(label[0], provider[0]) {
			return -1
		}
	}
	return d
}

// keyboardNeighbours lists, for each letter, the letters around it on a
// QWERTY keyboard.
var keyboardNeighbours = map[byte]string{
	'q': "wa", 'w': "qeas", 'e': "wrsd", 'r': "etdf", 't': "ryfg", 'y': "tugh",
	'u': "yihj", 'i': "uojk", 'o': "ipkl", 'p': "ol", 'a': "qwsz",
	's': "awedxz", 'd': "serfcx", 'f': "drtgvc", 'g': "ftyhbv", 'h': "gyujnb",
	'j': "huikmn", 'k': "jiolm", 'l': "kop", 'z': "asx", 'x': "zsdc",
	'c': "xdfv", 'v': "cfgb", 'b': "vghn", 'n': "bhjm", 'm': "njk",
}

// neighbours reports whether keys a and b touch on a QWERTY keyboard.
func neighbours(a, b byte) bool {
	return strings.IndexByte(keyboardNeighbours[b], a) >= 0
}

// isRealSuffix reports whether s is an ICANN public suffix (com, co.uk).
func isRealSuffix(s string) bool {
	suffix, icann := publicsuffix.PublicSuffix(s)
	return icann && suffix == s
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
