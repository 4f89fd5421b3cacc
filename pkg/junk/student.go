package junk

import (
	"errors"
	"fmt"
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
)

// studentTitles are job-title words and phrases that say student or
// intern, matched as whole words after folding (so "International Sales"
// and "Internal Audit" never match "intern"). Apprentices, trainees and
// Auszubildende are deliberately absent: they are employees of a company
// (a "Management Trainee" or an "Apprentice Electrician" works for a
// possible customer), while the forms below are enrolled in a school.
var studentTitles = []string{
	"student", "studentin", "studentische hilfskraft", "intern", "internship",
	"undergraduate", "undergrad", "graduate student", "grad student",
	"masters student", "master student", "master's student", "mba student",
	"msc student", "bachelor student", "phd student", "phd candidate",
	"phd researcher", "ph d student", "ph d candidate",
	"doctoral student", "doctoral candidate", "doctoral researcher",
	"working student", "werkstudent", "werkstudentin", "praktikant",
	"praktikantin", "doktorand", "doktorandin", "etudiant", "étudiante",
	"étudiant", "stagiaire", "alternant", "alternante", "doctorant",
	"doctorante", "estudiante", "becario", "becaria", "pasante",
	"practicante", "estagiario", "estagiária", "studente", "stagista",
	"学生", "大学生", "大学院生", "研究生", "实习生", "インターン",
}

// studentTitleStaff are title words of people who work with students
// rather than study: "Dean of Students", "Student Services Manager",
// "Director of Student Affairs", "Internship Coordinator". A title with
// one of them is never a student title.
var studentTitleStaff = []string{
	"dean", "director", "manager", "coordinator", "coordinatrice", "coordinateur",
	"officer", "advisor", "adviser", "counselor", "counsellor", "head",
	"services", "affairs", "recruiter", "recruitment", "administrator",
	"professor", "lecturer", "teacher", "supervisor", "chair", "president",
	"vice president", "vp", "chief", "leiter", "leiterin", "betreuer",
	"responsable", "directeur", "directrice", "jefe", "coordinador",
	"coordinadora", "director de", "处长", "主任", "经理", "老师", "教授",
	"部长", "課長", "担当",
}

// academicStaff are further title words that mark university staff for
// the academic-email rule: a university's IT director, procurement
// officer, buyer, engineer, librarian or researcher is a customer, not a
// student. Researchers, scientists and postdocs are staff here: they are
// employed and often buy tools; a "PhD Candidate" or "Graduate Student
// Researcher" still fires through the title words.
var academicStaff = []string{
	"it", "ict", "cio", "cto", "ceo", "cfo", "coo", "procurement", "purchasing",
	"purchaser", "buyer", "einkauf", "achats", "compras", "engineer",
	"engineering", "librarian", "library", "researcher", "research fellow",
	"research scientist", "scientist", "postdoc", "postdoctoral", "faculty",
	"staff", "registrar", "provost", "analyst", "developer", "architect",
	"technician", "specialist", "consultant", "accountant", "controller",
	"assistant professor", "associate professor", "instructor", "fellow",
	"physician", "doctor", "nurse", "clinician", "owner", "founder",
	"admin", "sysadmin", "system administrator", "dozent", "professorin",
	"wissenschaftlicher mitarbeiter", "mitarbeiter", "maitre de conferences",
	"chercheur", "chercheuse", "ingenieur", "investigador", "profesor",
}

// notAcademicDomains are in the university list but are hospitals, not
// schools; always applied on top of the rulebook's not_academic list.
var notAcademicDomains = []string{"mayo.edu", "upmc.com", "upmc.edu"}

// student finds students and interns by job title, and people at an
// academic email domain whose title does not say staff (a blank title
// included).
type student struct {
	titles      *phraseSet
	titleStaff  *phraseSet
	staff       *phraseSet // titleStaff + academicStaff + the rulebook's
	notAcademic domainSet
}

var _ Detector = (*student)(nil)

func newStudent(cfg StudentConfig) (*student, error) {
	d := &student{
		titles:      newPhraseSet(studentTitles),
		titleStaff:  newPhraseSet(studentTitleStaff),
		staff:       newPhraseSet(studentTitleStaff, academicStaff, cfg.StaffTitles),
		notAcademic: domainSet{},
	}
	var errs []error
	for _, dom := range notAcademicDomains {
		d.notAcademic[dom] = struct{}{}
	}
	for i, raw := range cfg.NotAcademic {
		host, err := normalizeDomain(raw)
		if err != nil {
			errs = append(errs, fmt.Errorf("not_academic[%d]: %w", i, err))
			continue
		}
		d.notAcademic[host] = struct{}{}
	}
	for i, t := range cfg.StaffTitles {
		if strings.TrimSpace(folded(t)) == "" {
			errs = append(errs, fmt.Errorf("staff_titles[%d]: %q has no letters or digits", i, t))
		}
	}
	return d, errors.Join(errs...)
}

func (d *student) Reason() lead.Reason { return lead.Student }

func (d *student) Checkable(c *lead.Columns) (bool, string) {
	if c.Has(lead.JobTitle) || c.Has(lead.Email) {
		return true, ""
	}
	return false, "no job-title or email column"
}

func (d *student) Detect(l *lead.Lead) (string, bool) {
	title := l.Get(lead.JobTitle)
	var buf [160]byte
	ft := appendFolded(buf[:0], title)
	if len(ft) > 0 {
		if w, ok := d.titles.match(ft); ok {
			if _, staff := d.titleStaff.match(ft); !staff {
				return fmt.Sprintf("job title %q says %s", title, w), true
			}
		}
	}
	if !l.Email.Academic || l.Email.Bogus {
		return "", false
	}
	host := l.Email.Domain
	if host == "" {
		host = l.Email.Registrable
	}
	if _, ok := d.notAcademic.match(host); ok {
		return "", false
	}
	if len(ft) > 0 {
		if _, staff := d.staff.match(ft); staff {
			return "", false
		}
	}
	if title == "" {
		return "academic email domain " + host + " and no job title", true
	}
	return fmt.Sprintf("academic email domain %s and job title %q does not say staff", host, title), true
}
