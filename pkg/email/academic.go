package email

import "strings"

// IsAcademicDomain reports whether domain (ASCII, any case) belongs to a
// school or university: under .edu, .ac.<cc> or .edu.<cc>, under one of the
// embedded academic suffixes (k12.ca.us, ac.za, ...), or at or below a
// domain of the embedded university list, walked label by label
// (cs.usc.edu -> usc.edu). The university list also holds a few hospitals
// and academies (mayo.edu, upmc.com); callers that judge students keep
// their own exceptions.
func IsAcademicDomain(domain string) bool {
	domain = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(domain)), ".")
	if domain == "" {
		return false
	}
	return loadTables().isAcademic(domain)
}

// isAcademic is IsAcademicDomain on a lower-case domain.
func (t *tables) isAcademic(domain string) bool {
	last := strings.LastIndexByte(domain, '.')
	if last <= 0 {
		return false
	}
	tld := domain[last+1:]
	if tld == "edu" {
		return true
	}
	if second := strings.LastIndexByte(domain[:last], '.'); second > 0 && len(tld) == 2 {
		if sl := domain[second+1 : last]; sl == "ac" || sl == "edu" {
			return true
		}
	}
	for d := domain; ; {
		if t.university.has(d) {
			return true
		}
		dot := strings.IndexByte(d, '.')
		if dot < 0 {
			return false
		}
		d = d[dot+1:]
		if t.academic.has(d) {
			return true
		}
	}
}
