package summary

import (
	"fmt"
	"io"
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/phone"
)

// Nothing passes silently: what could not be checked, and a phone region
// that does not fit a file, are said first, before any count.

// Unchecked is a group of detectors that could not run on a file's rows,
// for one reason.
type Unchecked struct {
	Reasons []lead.Reason `json:"reasons"`
	// Why names what is missing ("no email column").
	Why string `json:"why"`
}

// PhoneRegion is a note about the region a file's national numbers (no +,
// no usable country on the row) were read against: a mismatch, or what
// --region auto decided. See phone.GuessRegion for the rule.
type PhoneRegion struct {
	File string `json:"file"`
	// Used is the region the numbers were read against ("" for none).
	Used string `json:"used"`
	// Auto is true with --region auto.
	Auto bool `json:"auto"`
	phone.RegionGuess
}

// contactReasons are the detectors that need a way to reach the lead.
var contactReasons = []lead.Reason{lead.BogusEmail, lead.BogusPhone, lead.NoContact}

// FileNotChecked records that reason's detector cannot run on file's rows
// because the file lacks what why names; call it once per file and
// detector, before the rows are added.
func (s *Summary) FileNotChecked(file string, r lead.Reason, why string) {
	f := s.fileIdx[file]
	if f == nil {
		return
	}
	for _, u := range f.NotChecked {
		if u.Why == why {
			u.Reasons = append(u.Reasons, r)
			return
		}
	}
	f.NotChecked = append(f.NotChecked, &Unchecked{Reasons: []lead.Reason{r}, Why: why})
}

// NoContactColumns records that file has no e-mail, phone or mobile
// column: none of its leads can be checked for a way to reach them.
func (s *Summary) NoContactColumns(file string) {
	if f := s.fileIdx[file]; f != nil {
		f.NoContactColumns = true
	}
}

// RulebookOff records a detector the rulebook turns off or leaves without
// what it needs, for every file.
func (s *Summary) RulebookOff(r lead.Reason, why string) {
	for _, u := range s.NotCheckedAnywhere {
		if u.Why == why {
			u.Reasons = append(u.Reasons, r)
			return
		}
	}
	s.NotCheckedAnywhere = append(s.NotCheckedAnywhere, &Unchecked{Reasons: []lead.Reason{r}, Why: why})
}

// PhoneRegion records a note about file's phone region.
func (s *Summary) PhoneRegion(file, used string, auto bool, g phone.RegionGuess) {
	s.PhoneRegions = append(s.PhoneRegions, &PhoneRegion{File: file, Used: used, Auto: auto, RegionGuess: g})
}

// FilesWithoutContactColumns counts the files with no e-mail, phone or
// mobile column.
func (s *Summary) FilesWithoutContactColumns() int {
	n := 0
	for _, f := range s.Files {
		if f.NoContactColumns {
			n++
		}
	}
	return n
}

// RegionMismatches counts the files whose national numbers mostly fit
// another region than the one they were read against.
func (s *Summary) RegionMismatches() int {
	n := 0
	for _, p := range s.PhoneRegions {
		if p.Mismatch && !(p.Auto && p.Confident) {
			n++
		}
	}
	return n
}

// NotCheckedRows is the number of rows reason r could not be judged on.
func (s *Summary) NotCheckedRows(r lead.Reason) int {
	if rs := s.reasonIdx[r]; rs != nil {
		return rs.NotChecked
	}
	return 0
}

// writeChecks writes [Summary.CheckLines], which must come first.
func (s *Summary) writeChecks(w io.Writer, markdown bool) {
	lines := s.CheckLines()
	for _, l := range lines {
		if markdown {
			fmt.Fprintf(w, "- %s\n", l)
		} else {
			fmt.Fprintln(w, l)
		}
	}
	if len(lines) > 0 {
		fmt.Fprintln(w)
	}
}

// CheckLines are the lines every rendering shows first, one per note:
// files none of whose leads can be checked for a contact, phone regions
// that do not fit, detectors that could not run on a file, and detectors
// the rulebook leaves off.
func (s *Summary) CheckLines() []string {
	var lines []string
	for _, f := range s.Files {
		if f.NoContactColumns {
			lines = append(lines, fmt.Sprintf("Warning: no email, phone or mobile column found in %s: %s not checked ('leadclean columns %s' shows how each column was understood)",
				f.Name, joinReasons(contactReasons), f.Name))
		}
	}
	for _, p := range s.PhoneRegions {
		lines = append(lines, p.String())
	}
	for _, f := range s.Files {
		var parts []string
		for _, u := range f.NotChecked {
			if f.NoContactColumns && containsAll(contactReasons, u.Reasons) {
				continue // said above
			}
			parts = append(parts, joinReasons(u.Reasons)+" ("+u.Why+")")
		}
		if len(parts) > 0 {
			lines = append(lines, fmt.Sprintf("Not checked in %s: %s", f.Name, strings.Join(parts, "; ")))
		}
	}
	if len(s.NotCheckedAnywhere) > 0 {
		var parts []string
		for _, u := range s.NotCheckedAnywhere {
			parts = append(parts, joinReasons(u.Reasons)+" ("+u.Why+")")
		}
		lines = append(lines, "Not checked in any file: "+strings.Join(parts, "; "))
	}
	if u := s.UnreadRevenue; u.Count > 0 {
		lines = append(lines, fmt.Sprintf("%d revenue cells could not be read (below_budget not checked on them), e.g. %s",
			u.Count, strings.Join(u.Examples, "; ")))
	}
	return lines
}

// String says what the note means for people, in one line.
func (p *PhoneRegion) String() string {
	g := &p.RegionGuess
	used := p.Used
	if used == "" {
		used = "no region"
	}
	also := ""
	switch {
	case g.Tied > 0:
		// The numbers fit several countries equally: name them, never
		// just the first in some order.
		names := strings.Join(g.Also, ", ")
		if more := g.Tied - len(g.Also); more > 0 {
			names += fmt.Sprintf(" and %d more", more)
		}
		also = " and as many for " + names
	case g.RunnerUp != "" && 2*g.ValidRunnerUp > g.ValidRegion:
		also = fmt.Sprintf(" (%d for %s)", g.ValidRunnerUp, g.RunnerUp)
	}
	switch {
	case p.Auto && g.Confident:
		return fmt.Sprintf("Phone region: --region auto read %s's numbers as %s: %d of %d numbers without a country code are valid for %s, %d for %s",
			p.File, g.Region, g.ValidRegion, g.Numbers, g.Region, g.ValidDefault, orNone(g.Default))
	case p.Auto && g.Mismatch && g.Tied > 0:
		return fmt.Sprintf("Phone region: --region auto kept %s for %s: %s; %d of %d numbers without a country code are valid for %s%s: pass --region with the country they come from",
			used, p.File, g.Why, g.ValidRegion, g.Numbers, g.Region, also)
	case p.Auto && g.Mismatch:
		return fmt.Sprintf("Phone region: --region auto kept %s for %s: %s; %d of %d numbers without a country code are valid for %s%s: pass --region %s if they are %s numbers",
			used, p.File, g.Why, g.ValidRegion, g.Numbers, g.Region, also, g.Region, g.Region)
	case p.Auto:
		return fmt.Sprintf("Phone region: --region auto kept %s for %s: %s", used, p.File, g.Why)
	}
	if g.Tied > 0 {
		return fmt.Sprintf("Phone region: %d of %d numbers without a country code in %s are not valid for %s, %d are valid for %s%s: pass --region with the country they come from",
			g.Numbers-g.ValidDefault, g.Numbers, p.File, used, g.ValidRegion, g.Region, also)
	}
	return fmt.Sprintf("Phone region: %d of %d numbers without a country code in %s are not valid for %s, %d are valid for %s%s: pass --region %s (or --region auto) if they are %s numbers",
		g.Numbers-g.ValidDefault, g.Numbers, p.File, used, g.ValidRegion, g.Region, also, g.Region, g.Region)
}

func orNone(region string) string {
	if region == "" {
		return "no region"
	}
	return region
}

func joinReasons(rs []lead.Reason) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

func containsAll(set, list []lead.Reason) bool {
	for _, r := range list {
		found := false
		for _, x := range set {
			found = found || x == r
		}
		if !found {
			return false
		}
	}
	return true
}
