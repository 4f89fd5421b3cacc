package leadgen

import (
	"slices"
	"strconv"
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
)

// plant turns a clean row into junk of reason code.
func (g *generator) plant(r *row, code lead.Reason) {
	switch code {
	case lead.Competitor:
		g.plantCompetitor(r)
	case lead.Student:
		g.plantStudent(r)
	case lead.EmailOpenOnly:
		r.opens, r.clicks, r.views, r.forms = 1+g.rng.IntN(25), 0, 0, 0
		r.firstPage, r.lastPage = "", ""
		r.source, r.lifecycle = pick(g, []string{"Email Marketing", "Offline Sources", "Other Campaigns"}), "Subscriber"
	case lead.ImageViewOnly:
		r.opens, r.clicks, r.views, r.forms = g.rng.IntN(3), 0, 1+g.rng.IntN(2), 0
		r.firstPage = ownSite + pick(g, imagePages)
		r.lastPage = r.firstPage
		if r.views == 2 {
			r.lastPage = ownSite + pick(g, imagePages)
		}
		r.source, r.lifecycle = pick(g, []string{"Social Media", "Organic Search", "Paid Social"}), "Subscriber"
	case lead.BelowBudget:
		r.revenue = pick(g, g.spec.lowRevenue)
		r.employees = strconv.Itoa(2 + g.rng.IntN(18))
	case lead.AbandonedForm:
		r.formStatus = pick(g, []string{"partial", "abandoned", "started", "incomplete", "Partial", "ABANDONED"})
		r.submitted = g.chance(40)
		if g.chance(50) {
			r.last = nameEntry{}
		}
		if g.chance(60) {
			r.company = ""
		}
		if g.chance(60) && !slices.Contains(universityStaffTitles, r.title) {
			// (University staff keep their title: without it an academic
			// address reads as a student's.)
			r.title = ""
		}
		if g.chance(50) {
			r.phone, r.tel = "", phoneNum{}
		}
		r.message, r.revenue = "", ""
	case lead.BogusPhone:
		list := g.bogusPhones[""]
		if regional := g.bogusPhones[r.country.code]; len(regional) > 0 && g.chance(50) {
			list = regional
		}
		r.phone, r.tel, r.mobile = pick(g, list), phoneNum{}, ""
	case lead.BogusEmail:
		r.email = g.uniqueEmail(func(attempt int) string { return g.bogusEmail(r, attempt) })
	case lead.WrongName:
		n := pick(g, wrongNames)
		r.first = nameEntry{display: n[0], ascii: strings.ToLower(n[0]), cp1252: true}
		r.last = nameEntry{display: n[1], ascii: strings.ToLower(n[1]), cp1252: true}
		if r.phone == "" {
			g.setPhone(r, false)
		}
	case lead.Vendor:
		i := g.rng.IntN(len(vendorCompanies))
		r.company, r.domain, r.title = vendorCompanies[i], vendorDomains[i], pick(g, vendorTitles)
		r.message = pick(g, vendorMessages)
		r.revenue = ""
		r.email = g.uniqueEmail(func(attempt int) string { return g.personalEmail(r, attempt, true) })
	}
}

func (g *generator) plantCompetitor(r *row) {
	names := []string{"RivalSoft Inc.", "RIVALSOFT GmbH", "RivalSoft", "Rivalsoft Ltd.", "RivalSoft, Inc.", "rivalsoft"}
	switch g.rng.IntN(3) {
	case 0: // name and domain
		r.company, r.domain = pick(g, names), CompetitorDomain
	case 1: // name only, writing from a private address
		r.company = pick(g, names)
		r.domain = pick(g, r.country.free)
	default: // a subsidiary's name, known only by the competitor's (sub)domain
		r.company = pick(g, []string{"RivalSoft Europe", "RivalSoft Labs", "RS Analytics (a RivalSoft company)"})
		r.domain = pick(g, []string{"eu.", "labs.", ""}) + CompetitorDomain
		r.email = g.uniqueEmail(func(attempt int) string {
			local := r.first.ascii + "." + strings.ReplaceAll(r.last.ascii, "'", "")
			if attempt > 0 {
				local += strconv.Itoa(attempt + g.rng.IntN(999))
			}
			return local + "@" + r.domain
		})
		return
	}
	r.email = g.uniqueEmail(func(attempt int) string { return g.personalEmail(r, attempt, true) })
}

func (g *generator) plantStudent(r *row) {
	if u, ok := g.universityIn(r.country.code); ok && g.chance(45) {
		// An address at a university and no title.
		r.title, r.company = "", pick(g, []string{u.name, "", u.name})
		r.domain = pick(g, []string{"", "", "", "cs."}) + u.domain
		r.department = ""
		r.email = g.uniqueEmail(func(attempt int) string {
			local := r.first.ascii + "." + strings.ReplaceAll(r.last.ascii, "'", "")
			if g.chance(40) {
				local = r.first.ascii[:1] + strings.ReplaceAll(r.last.ascii, "'", "") + strconv.Itoa(10+g.rng.IntN(90))
			}
			if attempt > 0 {
				local += strconv.Itoa(attempt + g.rng.IntN(999))
			}
			return local + "@" + r.domain
		})
		r.revenue = ""
		return
	}
	if g.spec.cp1252 {
		r.title = pick(g, studentTitlesGerman)
	} else {
		r.title = pick(g, studentTitles)
	}
	r.department = ""
	if g.chance(50) {
		// Students write from private addresses and name their school.
		if u, ok := g.universityIn(r.country.code); ok {
			r.company = u.name
		}
		r.domain = pick(g, r.country.free)
		r.email = g.uniqueEmail(func(attempt int) string { return g.personalEmail(r, attempt, true) })
	}
	r.revenue = ""
}

// bogusEmail returns an address that reaches nobody: a fixed placeholder
// while unused ones remain, then name-based forms.
func (g *generator) bogusEmail(r *row, attempt int) string {
	if attempt == 0 && g.fixedBogus < len(bogusEmailsFixed) && g.chance(30) {
		e := bogusEmailsFixed[g.fixedBogus]
		g.fixedBogus++
		return e
	}
	local := r.first.ascii + "." + strings.ReplaceAll(r.last.ascii, "'", "")
	if attempt > 0 {
		local += strconv.Itoa(attempt + g.rng.IntN(9999))
	}
	domain := r.domain
	if domain == "" {
		domain = "acmecorp.io"
	}
	t := pick(g, bogusEmailTemplates)
	return strings.ReplaceAll(strings.ReplaceAll(t, "{l}", local), "{d}", domain)
}
