// Package email checks and normalises the email addresses found on leads.
//
// # What counts as an address
//
// A lead list wants addresses that mail systems deliver to, so [Checker.Check]
// accepts only the dot-atom form of RFC 5321/5322: a local part of at most 64
// octets made of atext characters (letters and digits in any script, and
// !#$%&'*+-/=?^_`{|}~) with single dots between them, and a domain of at most
// 253 octets of letter-digit-hyphen labels (at most 63 octets each, no
// leading or trailing hyphen) under a real ICANN top-level domain, with at
// least one label below the public suffix. Internationalised domains are
// converted with the IDNA lookup profile. Quoted local parts, comments,
// display names and IP literals are valid RFC syntax but not lead addresses:
// they are bogus.
//
// # Verdicts
//
// An empty cell is Missing, never Bogus. A value is Bogus, with a short
// lower-case Problem, when it is not an address at all ("n/a", "John Smith"),
// breaks the syntax above, uses a reserved domain (RFC 2606/6761 and .local,
// .onion, .arpa, .internal), a disposable mailbox domain or one of its
// subdomains (unless Options.AllowDomains allows it), or is a placeholder
// (test@test.com, noemail@acme.com, asdf@gmail.com, a@a.com).
//
// Free mail, role accounts and academic domains are signals for the
// rulebook, never junk by themselves. A likely typo of a big provider's
// domain (jane@gmial.com) or of a top-level domain (acme.con) gets a
// Suggestion, applied only with Options.FixTypos. The typo alone is not
// junk, but what it leads to may be: a top-level domain that does not
// exist is bogus (jane@gmail.con), a disposable domain stays disposable
// (gmial.com is a typo-squatter's), and a typo of a free-mail provider is
// free mail (never a business domain).
//
// The embedded reference lists (see data/README.md for sources, commits and
// licences) are parsed once, on first use, and shared by every Checker.
package email

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"

	"github.com/leadclean/leadclean/pkg/memo"
)

// Address is the result of checking one email cell. The original cell is
// never changed; Normalized is what leadclean writes to leadclean_email.
type Address struct {
	// Missing is true when the cell is empty (missing is not bogus).
	Missing bool
	// Bogus is true when the value cannot reach a buyer; Problem says why.
	Bogus   bool
	Problem string
	// Normalized is the trimmed address with its domain lower-cased and in
	// ASCII (IDNA) form; empty when the value is not an address at all.
	Normalized string
	Local      string
	Domain     string // ASCII, lower case
	// Registrable is the domain's registrable part (eTLD+1).
	Registrable string
	// Signals for the rulebook; none of them is junk by itself.
	Free     bool
	Role     bool
	Academic bool
	// Disposable is true for a throw-away mailbox domain (then Bogus too,
	// unless the rulebook allows the domain).
	Disposable bool
	// Suggestion is the corrected address when the domain looks like a typo
	// of a big provider's ("jane@gmial.com" -> "jane@gmail.com") or has a
	// non-existent top-level domain near a common one ("jane@acme.con" ->
	// "jane@acme.com"), else "". The suggestion does not change the
	// verdict: an unknown top-level domain is bogus and a disposable domain
	// disposable with or without one; Options.FixTypos applies it.
	Suggestion string
	// DedupKey identifies the mailbox for duplicate detection: lower case,
	// and for gmail.com/googlemail.com without dots and +tags. It is empty
	// when the address is missing or bogus.
	DedupKey string
}

// Options configures a Checker.
type Options struct {
	// AllowDomains are never disposable or reserved (the rulebook's
	// allowlist, which always wins), and their names are not judged as
	// placeholders (a placeholder local part such as test@ still is). An
	// entry also allows its subdomains. Disposable is still reported.
	AllowDomains []string
	// FixTypos makes Normalized (and Domain, Registrable, DedupKey) use the
	// Suggestion when there is one; Suggestion is still reported.
	FixTypos bool
}

// Checker checks addresses. It is safe for concurrent use.
type Checker struct {
	opts  Options
	allow domainSet
	// domains memoises domainFacts per domain as written.
	domains *memo.Memo[domainFacts]
}

// NewChecker returns a Checker. Allow-list entries are trimmed, lower-cased
// and converted to ASCII; a leading "@" or "*." is ignored.
func NewChecker(opts Options) *Checker {
	allow := make(domainSet, len(opts.AllowDomains))
	for _, d := range opts.AllowDomains {
		d = strings.TrimSpace(strings.ToLower(d))
		d = strings.TrimPrefix(strings.TrimPrefix(d, "@"), "*.")
		d = strings.TrimSuffix(d, ".")
		if ascii, err := idna.Lookup.ToASCII(d); err == nil {
			d = ascii
		}
		if d != "" {
			allow[d] = struct{}{}
		}
	}
	opts.AllowDomains = append([]string(nil), opts.AllowDomains...)
	return &Checker{opts: opts, allow: allow, domains: memo.New[domainFacts](domainMemoSize)}
}

// domainMemoSize bounds the domain memo: a list's companies and the free
// mail providers stay in; about 200 bytes an entry, 3 MiB in all.
const domainMemoSize = 1 << 14

// The problems Check reports, besides those built with a domain name.
const (
	problemNotAddress  = "not an address"
	problemPlaceholder = "placeholder address"
)

// Check checks one email cell.
func (c *Checker) Check(raw string) Address {
	s := trimCell(raw)
	if s == "" {
		return Address{Missing: true}
	}
	s = unwrap(s)
	return c.check(s, true)
}

// check checks an unwrapped, trimmed value. fix allows applying a typo
// suggestion (once: the suggestion is checked with fix false).
func (c *Checker) check(s string, fix bool) Address {
	local, rawDomain, problem := split(s)
	if problem != "" {
		return bogus(problem)
	}
	if problem := checkLocal(local); problem != "" {
		return bogus(problem)
	}
	f := c.domainFacts(rawDomain)
	if f.problem != "" {
		return bogus(f.problem)
	}
	domain := f.domain
	if len(local)+1+len(domain) > 254 {
		return bogus("syntax: address longer than 254 octets")
	}

	a := Address{Local: local, Domain: domain, Normalized: local + "@" + domain, Registrable: f.registrable}
	typo := f.fixed != ""
	if typo {
		a.Suggestion = local + "@" + f.fixed
		if fix && c.opts.FixTypos {
			fixed := c.check(a.Suggestion, false)
			fixed.Suggestion = a.Suggestion
			return fixed
		}
	}
	if f.bogus != "" {
		a.Bogus, a.Problem = true, f.bogus
		if typo {
			a.Problem += " (did you mean " + f.fixed + "?)"
		}
		a.Free = f.free
		return a
	}
	lowerLocal := strings.ToLower(local)
	box := lowerLocal
	if plus := strings.IndexByte(box, '+'); plus > 0 {
		box = box[:plus]
	}
	if f.disposable {
		a.Disposable = true
		if !f.allowed {
			a.Bogus, a.Problem = true, "disposable domain "+domain
		}
	}
	if !a.Bogus && isPlaceholder(box, a.Registrable, f.suffix, f.allowed, f.free) {
		a.Bogus, a.Problem = true, problemPlaceholder
	}

	a.Free = f.free
	a.Role = loadTables().role.has(box)
	a.Academic = f.academic
	if !a.Bogus {
		a.DedupKey = dedupKey(a.Normalized, lowerLocal, box, domain)
	}
	return a
}

// domainFacts is what an address's verdict takes from its domain alone,
// memoised per domain as written: colleagues share a domain, and Gmail is
// on a fifth of a list. It was two thirds of a check (public suffix,
// lists, typo distances).
type domainFacts struct {
	domain, problem string // asciiDomain's
	// bogus is the problem of every address at the domain: reserved,
	// unknown top-level domain (and no typo to suggest), public suffix.
	bogus       string
	suffix      string
	registrable string
	fixed       string // the domain a typo suggestion points to, or ""
	allowed     bool
	disposable  bool
	free        bool // free mail, or a typo of a free-mail domain
	academic    bool
}

func (c *Checker) domainFacts(rawDomain string) domainFacts {
	return c.domains.Do(rawDomain, func() domainFacts { return c.learnDomain(rawDomain) })
}

func (c *Checker) learnDomain(rawDomain string) domainFacts {
	domain, problem := asciiDomain(rawDomain)
	if problem != "" {
		return domainFacts{problem: problem}
	}
	f := domainFacts{domain: domain, allowed: c.allowed(domain)}
	if !f.allowed && isReserved(domain) {
		f.bogus = "reserved domain " + domain
		return f
	}
	tld := domain[strings.LastIndexByte(domain, '.')+1:]
	suffix, icann := publicsuffix.PublicSuffix(domain)
	f.suffix = suffix
	f.registrable = registrable(domain, suffix)
	// A likely typo of a big provider's domain (gmial.com) or of a
	// top-level domain (acme.con) gets a suggestion. Mail to a top-level
	// domain that does not exist never arrives, so such an address is bogus
	// all the same; a typo of a free-mail provider counts as that provider
	// (free mail, never a business domain); and a domain on the disposable
	// list (typo-squatters such as gmial.com are) stays disposable.
	t := loadTables()
	switch {
	case !icann && !isRealSuffix(tld):
		f.fixed = suggestDomain(domain, false)
		f.bogus = "unknown top-level domain " + tld
		f.free = f.fixed != "" && t.isFree(f.fixed)
		return f
	case icann && suffix == domain:
		f.bogus = "domain is a public suffix"
		return f
	default:
		f.fixed = suggestDomain(domain, true)
	}
	f.disposable = t.isDisposable(domain, suffix)
	f.free = t.free.has(domain) || t.free.has(f.registrable) || f.fixed != "" && t.isFree(f.fixed)
	f.academic = t.isAcademic(domain)
	return f
}

// allowed reports whether domain or a parent is on the allowlist.
func (c *Checker) allowed(domain string) bool {
	if len(c.allow) == 0 {
		return false
	}
	for d := domain; ; {
		if c.allow.has(d) {
			return true
		}
		dot := strings.IndexByte(d, '.')
		if dot < 0 {
			return false
		}
		d = d[dot+1:]
	}
}

func bogus(problem string) Address { return Address{Bogus: true, Problem: problem} }

// trimCell strips surrounding white space, including the no-break and
// zero-width spaces and byte-order marks that exports leave behind.
func trimCell(s string) string {
	return strings.TrimFunc(s, IsTrimmed)
}

// IsTrimmed reports whether the clean-up strips r from the ends of a
// value: every Unicode space (U+0085, U+00A0, U+1680, U+2000-U+200A,
// U+2028, U+2029, U+202F, U+205F, U+3000, ...) and the invisible format
// characters (U+200B-U+200F, U+2060-U+2064, U+FEFF, U+00AD, bidi marks).
// Formula detection (pkg/junk) looks past the same characters.
func IsTrimmed(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060' || unicode.Is(unicode.Cf, r)
}

// unwrap strips a "mailto:" scheme and surrounding angle brackets, which
// exports and copy-paste from mail clients add to an otherwise plain
// address.
func unwrap(s string) string {
	if len(s) >= 7 && strings.EqualFold(s[:7], "mailto:") {
		s = trimCell(s[7:])
	}
	if len(s) >= 2 && s[0] == '<' && s[len(s)-1] == '>' {
		s = trimCell(s[1 : len(s)-1])
	}
	return s
}

// split separates local part and domain, rejecting what is not a plain
// dot-atom address: no '@', display names, quotes, comments, IP literals,
// white space, several '@'.
func split(s string) (local, domain, problem string) {
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return "", "", problemNotAddress
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<', '>':
			return "", "", "syntax: display name or angle brackets"
		case '"':
			return "", "", "syntax: quoted local part"
		case '(', ')':
			return "", "", "syntax: comment"
		case '[', ']':
			return "", "", "syntax: ip literal"
		}
	}
	if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return "", "", problemNotAddress
	}
	if strings.IndexByte(s[:at], '@') >= 0 {
		return "", "", "syntax: more than one @"
	}
	return s[:at], s[at+1:], ""
}

// checkLocal checks a dot-atom local part. Letters, digits and marks of any
// script are allowed (RFC 6531); symbols, controls and invalid UTF-8 are not.
func checkLocal(local string) string {
	switch {
	case local == "":
		return "syntax: empty local part"
	case len(local) > 64:
		return "syntax: local part longer than 64 octets"
	case local[0] == '.':
		return "syntax: local part starts with a dot"
	case local[len(local)-1] == '.':
		return "syntax: local part ends with a dot"
	}
	for i := 0; i < len(local); {
		b := local[i]
		if b < utf8.RuneSelf {
			switch {
			case b == '.':
				if local[i+1] == '.' {
					return "syntax: double dot in local part"
				}
			case !atext[b]:
				return "syntax: invalid character in local part"
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(local[i:])
		if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
			return "syntax: invalid character in local part"
		}
		i += size
	}
	return ""
}

// atext marks the ASCII characters allowed in a dot-atom (RFC 5322 3.2.3).
var atext = func() (t [utf8.RuneSelf]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, c := range "!#$%&'*+-/=?^_`{|}~" {
		t[c] = true
	}
	return t
}()

// asciiDomain returns the domain in lower-case ASCII form, or a problem.
func asciiDomain(d string) (string, string) {
	if d == "" {
		return "", "syntax: empty domain"
	}
	ascii := true
	upper := false
	for i := 0; i < len(d); i++ {
		switch b := d[i]; {
		case b >= utf8.RuneSelf:
			ascii = false
		case 'A' <= b && b <= 'Z':
			upper = true
		}
	}
	if ascii && upper {
		d = strings.ToLower(d)
	}
	if !ascii || strings.Contains(d, "xn--") {
		if d[len(d)-1] == '.' {
			return "", "syntax: domain ends with a dot"
		}
		if !utf8.ValidString(d) {
			return "", "syntax: invalid character in domain"
		}
		converted, err := idna.Lookup.ToASCII(d)
		if err != nil {
			return "", "syntax: invalid international domain"
		}
		// The ASCII form must stand on its own: checked again, it must
		// convert to itself (Normalized is idempotent).
		if converted != d {
			if again, err := idna.Lookup.ToASCII(converted); err != nil || again != converted {
				return "", "syntax: invalid international domain"
			}
		}
		d = converted
	}
	return d, checkDomain(d)
}

// checkDomain checks a lower-case ASCII domain: lengths, letter-digit-hyphen
// labels, at least one dot and a top-level domain that looks like one.
func checkDomain(d string) string {
	switch {
	case d == "":
		return "syntax: empty domain"
	case len(d) > 253:
		return "syntax: domain longer than 253 octets"
	case d[0] == '.':
		return "syntax: domain starts with a dot"
	case d[len(d)-1] == '.':
		return "syntax: domain ends with a dot"
	}
	start := 0
	dots := 0
	for i := 0; i <= len(d); i++ {
		if i < len(d) && d[i] != '.' {
			b := d[i]
			if !('a' <= b && b <= 'z' || '0' <= b && b <= '9' || b == '-') {
				return "syntax: invalid character in domain"
			}
			continue
		}
		label := d[start:i]
		switch {
		case label == "":
			return "syntax: double dot in domain"
		case len(label) > 63:
			return "syntax: domain label longer than 63 octets"
		case label[0] == '-' || label[len(label)-1] == '-':
			return "syntax: domain label starts or ends with a hyphen"
		}
		if i < len(d) {
			dots++
		}
		start = i + 1
	}
	if dots == 0 {
		return "syntax: domain without a dot"
	}
	tld := d[strings.LastIndexByte(d, '.')+1:]
	if strings.Trim(tld, "0123456789") == "" {
		return "syntax: numeric top-level domain"
	}
	return ""
}

// registrable returns the label below suffix plus suffix (eTLD+1), or the
// domain itself when it is a (private) public suffix.
func registrable(domain, suffix string) string {
	if len(suffix) >= len(domain) {
		return domain
	}
	rest := domain[:len(domain)-len(suffix)-1]
	return domain[strings.LastIndexByte(rest, '.')+1:]
}

// reservedTLDs and reservedDomains can never receive a lead's mail
// (RFC 2606, RFC 6761, RFC 6762 for .local, RFC 7686 for .onion, ICANN's
// .internal); a subdomain of one is reserved too.
var (
	reservedTLDs = map[string]bool{
		"test": true, "example": true, "invalid": true, "localhost": true,
		"local": true, "onion": true, "arpa": true, "internal": true,
		"localdomain": true,
	}
	reservedDomains = [...]string{"example.com", "example.net", "example.org"}
)

func isReserved(domain string) bool {
	if reservedTLDs[domain[strings.LastIndexByte(domain, '.')+1:]] {
		return true
	}
	for _, r := range reservedDomains {
		if strings.HasSuffix(domain, r) && (len(domain) == len(r) || domain[len(domain)-len(r)-1] == '.') {
			return true
		}
	}
	return false
}

// isDisposable reports whether domain or a parent above the public suffix
// is a disposable mailbox domain.
func (t *tables) isDisposable(domain, suffix string) bool {
	for d := domain; len(d) > len(suffix); {
		if t.disposable.has(d) {
			return true
		}
		dot := strings.IndexByte(d, '.')
		if dot < 0 {
			return false
		}
		d = d[dot+1:]
	}
	return false
}

// dedupKey returns the mailbox key: the normalised address in lower case;
// for Gmail the local part without dots and +tag, on gmail.com. box is
// lowerLocal without its +tag.
func dedupKey(normalized, lowerLocal, box, domain string) string {
	if domain == "gmail.com" || domain == "googlemail.com" {
		return strings.ReplaceAll(box, ".", "") + "@gmail.com"
	}
	if len(lowerLocal) == len(normalized)-len(domain)-1 && normalized[:len(lowerLocal)] == lowerLocal {
		return normalized
	}
	return lowerLocal + "@" + domain
}
