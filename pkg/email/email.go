// Package email checks and normalises the email addresses found on leads.
package email

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
	// of a big provider's ("jane@gmial.com" -> "jane@gmail.com"), else "".
	Suggestion string
	// DedupKey identifies the mailbox for duplicate detection: lower case,
	// and for gmail.com/googlemail.com without dots and +tags.
	DedupKey string
}

// Options configures a Checker.
type Options struct {
	// AllowDomains are never disposable or reserved (the rulebook's
	// allowlist, which always wins).
	AllowDomains []string
}

// Checker checks addresses. It is safe for concurrent use.
type Checker struct{ opts Options }

// NewChecker returns a Checker.
func NewChecker(opts Options) *Checker { return &Checker{opts: opts} }

// Check checks one email cell.
func (c *Checker) Check(raw string) Address {
	return Address{Missing: raw == ""} // TODO(email helper): implement
}
