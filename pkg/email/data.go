package email

import (
	_ "embed"
	"strings"
	"sync"

	"golang.org/x/net/publicsuffix"
)

// The embedded lists; data/README.md names their sources and commits and
// data/licenses holds their licences.
var (
	//go:embed data/disposable-domains.txt
	disposableText string
	//go:embed data/free-email-domains.txt
	freeText string
	//go:embed data/role-local-parts.tsv
	roleText string
	//go:embed data/university-domains.tsv
	universityText string
	//go:embed data/academic-suffixes.txt
	academicSuffixText string
)

// privacyRelays forward to a real person's mailbox: never disposable, even
// if a future copy of the disposable list names them.
var privacyRelays = []string{
	"privaterelay.appleid.com",
	"mozmail.com",
	"duck.com",
	"simplelogin.com",
	"simplelogin.co",
	"anonaddy.com",
	"anonaddy.me",
	"addy.io",
	"passmail.net",
}

// domainSet is a set of lower-case ASCII names.
type domainSet map[string]struct{}

func (s domainSet) has(name string) bool {
	_, ok := s[name]
	return ok
}

// tables holds the parsed embedded lists. It is built once and never
// changed afterwards, so it may be read concurrently.
type tables struct {
	disposable domainSet
	free       domainSet // free-mail providers minus disposable domains
	role       domainSet
	university domainSet
	academic   domainSet // academic public suffixes (ac.za, k12.ca.us, ...)
}

var (
	tablesOnce   sync.Once
	sharedTables *tables
)

// loadTables parses the embedded lists the first time it is called.
func loadTables() *tables {
	tablesOnce.Do(func() {
		t := &tables{
			disposable: parseList(disposableText, 0),
			free:       parseList(freeText, 0),
			role:       parseList(roleText, 1),
			university: parseList(universityText, 1),
			academic:   parseList(academicSuffixText, 0),
		}
		for _, relay := range privacyRelays {
			delete(t.disposable, relay)
		}
		for name := range t.disposable {
			delete(t.free, name)
		}
		sharedTables = t
	})
	return sharedTables
}

// isFree reports whether domain or its registrable part is a free-mail
// domain.
func (t *tables) isFree(domain string) bool {
	if t.free.has(domain) {
		return true
	}
	suffix, _ := publicsuffix.PublicSuffix(domain)
	return t.free.has(registrable(domain, suffix))
}

// parseList reads one entry a line (the first tab-separated column),
// lower-cased, skipping blank lines, '#' comments and the first skip lines
// (a TSV header).
func parseList(text string, skip int) domainSet {
	set := make(domainSet, strings.Count(text, "\n")+1)
	for line := range strings.Lines(text) {
		if skip > 0 {
			skip--
			continue
		}
		if tab := strings.IndexByte(line, '\t'); tab >= 0 {
			line = line[:tab]
		}
		line = strings.ToLower(strings.TrimSpace(line))
		if line == "" || line[0] == '#' {
			continue
		}
		set[line] = struct{}{}
	}
	return set
}
