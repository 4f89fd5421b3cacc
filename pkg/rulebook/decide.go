package rulebook

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"
	"github.com/leadclean/leadclean/pkg/junk"
	"github.com/leadclean/leadclean/pkg/lead"
)

// Decide scores l with the scoring rules and sets l.Verdict's Status,
// Score and Grade from the findings already on it (detectors, duplicates,
// malformed rows) and the decision section:
//
//   - every scoring rule runs; a rule whose condition holds adds its points;
//   - a rule that fails on this row (a division by zero, a value of the
//     wrong type) adds the finding rule_error naming the rule, and the
//     remaining rules still run;
//   - each finding then applies its action: points add to the score, a
//     reject reason rejects, a nurture reason nurtures; a reason the
//     decision does not place rejects;
//   - without a reject or nurture reason the lead qualifies at qualify_at
//     or above, goes to nurture from nurture_at up, and is rejected below;
//     a lead nurtured or rejected by its score gets the finding low_score,
//     so every lead that is not qualified says why.
//
// Qualified and nurtured leads get the grade of their score; rejected
// leads get none. With trace on, one line per rule and reason, and the
// outcome, are appended to l.Verdict.Trace. Decide never fails: it is safe
// on any lead and for concurrent use on distinct leads.
func (r *Rulebook) Decide(l *lead.Lead, trace bool) {
	v := &l.Verdict
	env := r.newEnv(l, r.needs)
	score := 0
	// One machine runs every rule of the lead (expr.Run would allocate a
	// new one, with its stack, per rule), and goes back to the pool after.
	machine, _ := r.machines.Get().(*vm.VM)
	if machine == nil {
		machine = new(vm.VM)
	}
	defer r.machines.Put(machine)
	rules := r.rules
	if v.HasReason(lead.MalformedRow) {
		// A malformed row's cells may be shifted or huge: scoring it would
		// judge the wrong columns and cost time for a score nobody sees.
		rules = nil
		if trace {
			v.Trace = append(v.Trace, "rules: skipped (malformed row)")
		}
	}
	for i := range rules {
		ru := &rules[i]
		out, err := machine.Run(ru.program, env)
		if err != nil {
			msg := runtimeMessage(err)
			addRuleError(v, "rule "+ru.name+": "+msg)
			if trace {
				v.Trace = append(v.Trace, "rule "+ru.name+": error: "+msg)
			}
			continue
		}
		if hit, _ := out.(bool); hit {
			score += ru.points
			if trace {
				v.Trace = append(v.Trace, fmt.Sprintf("rule %s: %+d (%s)", ru.name, ru.points, ru.when))
			}
		} else if trace {
			v.Trace = append(v.Trace, "rule "+ru.name+": no")
		}
	}

	var rejectBy, nurtureBy lead.Reason
	for _, f := range v.Findings {
		a := r.action(f.Reason)
		switch a.kind {
		case ActionReject:
			if rejectBy == "" {
				rejectBy = f.Reason
			}
		case ActionNurture:
			if nurtureBy == "" {
				nurtureBy = f.Reason
			}
		case ActionPoints:
			score += a.points
		}
		if trace {
			line := "reason " + string(f.Reason) + ": " + a.kind
			if a.kind == ActionPoints {
				line = fmt.Sprintf("reason %s: %+d points", f.Reason, a.points)
			}
			v.Trace = append(v.Trace, line)
		}
	}
	v.Score = score

	var why string
	switch {
	case rejectBy != "":
		v.Status, why = lead.Rejected, "reason "+string(rejectBy)+" rejects"
	case nurtureBy != "":
		v.Status, why = lead.Nurture, "reason "+string(nurtureBy)+" nurtures"
	case score >= r.qualifyAt:
		v.Status, why = lead.Qualified, "score "+strconv.Itoa(score)+" >= qualify_at "+strconv.Itoa(r.qualifyAt)
	case r.hasNurAt && score >= r.nurtureAt:
		v.Status, why = lead.Nurture, "score "+strconv.Itoa(score)+" >= nurture_at "+strconv.Itoa(r.nurtureAt)
		v.Add(lead.LowScore, "score "+strconv.Itoa(score)+" < qualify_at "+strconv.Itoa(r.qualifyAt))
	default:
		limit, name := r.qualifyAt, "qualify_at"
		if r.hasNurAt {
			limit, name = r.nurtureAt, "nurture_at"
		}
		v.Status, why = lead.Rejected, "score "+strconv.Itoa(score)+" < "+name+" "+strconv.Itoa(limit)
		v.Add(lead.LowScore, why)
	}
	v.Grade = ""
	if v.Status != lead.Rejected {
		v.Grade = r.gradeOf(score)
	}
	if trace {
		line := "decision: " + string(v.Status) + " (" + why + ")"
		if v.Grade != "" {
			line += ", grade " + v.Grade
		}
		v.Trace = append(v.Trace, line)
	}
}

// runtimeMessage returns an evaluation error's message on one line,
// without expr's source snippet.
func runtimeMessage(err error) string {
	var fe *file.Error
	if errors.As(err, &fe) && fe.Message != "" {
		return fe.Message
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}

// addRuleError records a rule failure, joining the details when several
// rules fail on one row.
func addRuleError(v *lead.Verdict, detail string) {
	for i := range v.Findings {
		if v.Findings[i].Reason == lead.RuleError {
			v.Findings[i].Detail += "; " + detail
			return
		}
	}
	v.Add(lead.RuleError, detail)
}

// action returns what the decision does with a reason; reasons it does not
// place reject.
func (r *Rulebook) action(reason lead.Reason) action {
	if a, ok := r.actions[reason]; ok {
		return a
	}
	return action{kind: ActionReject}
}

// gradeOf returns the grade of the highest min_score at or below score, or
// "" when the score is below every grade.
func (r *Rulebook) gradeOf(score int) string {
	for _, g := range r.grades {
		if score >= g.minScore {
			return g.name
		}
	}
	return ""
}

// ActionFor returns what the decision does with reason: "reject",
// "nurture", "points" or "ignore"; "score" for low_score, which the
// score itself decides. Reasons the decision does not place reject.
func (r *Rulebook) ActionFor(reason lead.Reason) string {
	if reason == lead.LowScore {
		return "score"
	}
	return r.action(reason).kind
}

// UsesNurture reports whether any lead can be sent to nurture, so the
// pipeline knows to write nurture.csv: the rulebook sets nurture_at, or
// nurtures a reason that can be found (its detector is on).
func (r *Rulebook) UsesNurture() bool {
	if r.hasNurAt {
		return true
	}
	for reason, a := range r.actions {
		if a.kind == ActionNurture && r.canFind(reason) {
			return true
		}
	}
	return false
}

// canFind reports whether a reason can occur under this rulebook: its
// detector is on by the detectors registry (junk.StateOf), and rule_error
// needs scoring rules.
func (r *Rulebook) canFind(reason lead.Reason) bool {
	if reason == lead.RuleError && len(r.rules) == 0 {
		return false
	}
	s, _ := junk.StateOf(r.Detectors, reason)
	return s == junk.On
}
