package rendering

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/leadclean/leadclean/pkg/costs"
)

// CostHeader returns the header of a cost table in currency; outcomes
// adds the audit's columns (converted, revenue, cost per converted lead,
// revenue per unit of cost).
func CostHeader(currency string, outcomes bool) ([]string, []bool) {
	h := []string{"Source", "Leads", "Qualified"}
	if outcomes {
		h = append(h, "Converted", "Revenue")
	}
	h = append(h, "Cost ("+currency+")", "Cost/lead", "Cost/qualified")
	if outcomes {
		h = append(h, "Cost/converted", "Revenue/cost")
	}
	numeric := make([]bool, len(h))
	for i := 1; i < len(h); i++ {
		numeric[i] = true
	}
	return h, numeric
}

// CostCells renders figures for a cost table: "no cost given" for a
// source the costs file does not name (never 0), and for a division by
// zero what was zero ("0 qualified", "0 converted", "cost 0").
func CostCells(f costs.Figures) []string {
	if !f.Given {
		return []string{"no cost given", "-", "-"}
	}
	return []string{costs.Money(*f.Cost, 0), perUnit(f.PerLead, "0 leads"), perUnit(f.PerQualified, "0 qualified")}
}

// OutcomeCostCells adds cost per converted lead and revenue per unit of
// cost to CostCells.
func OutcomeCostCells(f costs.OutcomeFigures) []string {
	cells := CostCells(f.Figures)
	if !f.Given {
		return append(cells, "-", "-")
	}
	rpc := "cost 0"
	if f.RevenuePerCost != nil {
		rpc = strconv.FormatFloat(*f.RevenuePerCost, 'f', 2, 64)
	}
	return append(cells, perUnit(f.PerConverted, "0 converted"), rpc)
}

func perUnit(v *float64, zero string) string {
	if v == nil {
		return zero
	}
	return costs.Money(*v, 2)
}

// CostNote explains the cost table: the file and currency, the sources
// with a cost that no lead has, and rows left out for their period.
func CostNote(o *costs.Overview) string {
	s := fmt.Sprintf("Costs from %s, in %s. A source the file does not name shows \"no cost given\": it is not free.", o.File, o.Currency)
	if len(o.NotInLeads) > 0 {
		s += " Costs for sources no lead has: " + strings.Join(o.NotInLeads, ", ") + "."
	}
	if len(o.LeftOut) > 0 {
		s += " Left out, their period lies only partly in the report's: " + strings.Join(o.LeftOut, ", ") + "."
	}
	return s
}

// CostChart charts cost per qualified lead from cost-table rows: the
// qualified count in column qualified, the cost per qualified lead in
// column perQualified. Sources without a cost or without a qualified
// lead are named in the bar's note instead of drawn.
func CostChart(rows [][]string, qualified, perQualified int) *Chart {
	c := &Chart{Label: "Cost per qualified lead by source", Series: []string{"cost per qualified lead"}, Colors: []string{Palette[4]}}
	for _, r := range rows {
		v, err := strconv.ParseFloat(strings.ReplaceAll(r[perQualified], ",", ""), 64)
		if err != nil {
			note := r[perQualified-2] // the cost: "no cost given", or a cost with 0 qualified
			if r[perQualified] != "-" {
				note += ", " + r[perQualified]
			}
			c.Rows = append(c.Rows, ChartRow{Label: r[0], Note: note})
			continue
		}
		c.Rows = append(c.Rows, ChartRow{Label: r[0], Values: []float64{v}, Note: r[perQualified] + " per qualified lead (" + r[qualified] + " qualified)"})
	}
	return c
}
