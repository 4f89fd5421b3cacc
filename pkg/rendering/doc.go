// Package rendering is the kit every leadclean report is drawn with, so
// clean's summary and audit's report look alike:
//
//   - [Format] and [ParseFormat]: the renderings a report offers (table,
//     json, markdown, none);
//   - [WriteTable]: one table, tablewriter with ASCII borders or GitHub
//     Markdown, numbers right-aligned, "(none)" for no rows;
//   - [WriteJSON] and [Percent]: the JSON and the percentages every
//     report writes;
//   - [Page]: a self-contained HTML page with inline SVG charts that
//     loads nothing from the network;
//   - the lines and cells reports share: [AgreementLine] for the
//     rulebook's agreement, [CostHeader], [CostCells] and [CostNote] for a
//     cost table.
//
// What a report says lives with the report (package summary for clean,
// package audit for audit); this package only knows how it looks.
package rendering
