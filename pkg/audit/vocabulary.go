package audit

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/lead"
)

// outcomesTSV is the one table of status and stage values: what each says
// became of the lead. See the file's own comments for its columns.
//
//go:embed outcomes.tsv
var outcomesTSV string

// stageWord is one row of outcomes.tsv.
type stageWord struct {
	Value   string
	Outcome Outcome
	// Field is the column kind the row is limited to; lead.NoField for any.
	Field lead.Field
	Where string
	Line  int
}

// vocabulary maps a normalized value, per field (lead.NoField for any),
// to its row.
type vocabulary map[lead.Field]map[string]stageWord

var stageWords = mustVocabulary(outcomesTSV)

func mustVocabulary(src string) vocabulary {
	v, err := parseVocabulary(src)
	if err != nil {
		// The table is embedded and tested: a bad row is a build bug.
		panic(err)
	}
	return v
}

// parseVocabulary reads outcomes.tsv; every problem names its line.
func parseVocabulary(src string) (vocabulary, error) {
	v := vocabulary{}
	for i, line := range strings.Split(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			return nil, fmt.Errorf("outcomes.tsv:%d: want 4 tab-separated columns, got %d", i+1, len(cols))
		}
		w := stageWord{Value: cols[0], Where: cols[3], Line: i + 1}
		switch cols[1] {
		case "converted":
			w.Outcome = Converted
		case "lost":
			w.Outcome = Lost
		case "open":
			w.Outcome = Open
		case "none":
			w.Outcome = NoOutcome
		default:
			return nil, fmt.Errorf("outcomes.tsv:%d: outcome %q: want converted, lost, open or none", i+1, cols[1])
		}
		if cols[2] != "any" {
			f, ok := lead.ParseField(cols[2])
			if !ok || !isStageField(f) {
				return nil, fmt.Errorf("outcomes.tsv:%d: field %q: want any, lead_status, deal_stage or lifecycle_stage", i+1, cols[2])
			}
			w.Field = f
		}
		key := header.Normalize(w.Value)
		if key == "" {
			return nil, fmt.Errorf("outcomes.tsv:%d: empty value", i+1)
		}
		if v[w.Field] == nil {
			v[w.Field] = map[string]stageWord{}
		}
		if old, dup := v[w.Field][key]; dup {
			return nil, fmt.Errorf("outcomes.tsv:%d: %q is %q of line %d again", i+1, w.Value, old.Value, old.Line)
		}
		v[w.Field][key] = w
	}
	return v, nil
}

func isStageField(f lead.Field) bool {
	return f == lead.LeadStatus || f == lead.DealStage || f == lead.LifecycleStage
}

// lookup returns what value, found in a column of field f, says.
func (v vocabulary) lookup(f lead.Field, value string) (stageWord, bool) {
	key := header.Normalize(value)
	if w, ok := v[f][key]; ok {
		return w, true
	}
	w, ok := v[lead.NoField][key]
	return w, ok
}

// StageOutcome returns what a status or stage value says became of a
// lead, as the table outcomes.tsv (embedded) has it: Converted, Lost,
// Open, or NoOutcome with known false for a value the table lacks. f
// picks the column kind (lead.LeadStatus, lead.DealStage,
// lead.LifecycleStage): "Qualified" is a converted lead in a Dynamics 365
// lead status and an open stage in a deal pipeline.
func StageOutcome(f lead.Field, value string) (o Outcome, known bool) {
	w, ok := stageWords.lookup(f, value)
	return w.Outcome, ok
}
