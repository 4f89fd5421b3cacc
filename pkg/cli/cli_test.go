package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/rendering"
)

func testStreams(in string) (*Streams, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &Streams{In: strings.NewReader(in), Out: &out, ErrOut: &errOut}, &out, &errOut
}

func TestCleanFlags(t *testing.T) {
	tests := []struct {
		args  []string
		check func(*CleanOptions) bool
	}{
		{[]string{"a.csv"}, func(o *CleanOptions) bool {
			return o.OutDir == "." && o.Summary == "table" && !o.Quiet && o.Rules == "" && len(o.Inputs) == 1
		}},
		{[]string{"-o", "out", "-r", "rb.yaml", "-q", "a.csv", "b.csv"}, func(o *CleanOptions) bool {
			return o.OutDir == "out" && o.Rules == "rb.yaml" && o.Quiet && strings.Join(o.Inputs, ",") == "a.csv,b.csv"
		}},
		{[]string{"-", "--qualified", "-", "--rejected", "r.csv", "--summary", "none"}, func(o *CleanOptions) bool {
			return o.Inputs[0] == "-" && o.Qualified == "-" && o.Rejected == "r.csv" && o.Summary == "none"
		}},
		{[]string{"--delimiter", "semicolon", "--encoding", "windows-1252", "--no-header", "--region", "DE", "x.csv"}, func(o *CleanOptions) bool {
			return o.Delimiter == "semicolon" && o.Encoding == "windows-1252" && o.NoHeader && o.Region == "DE"
		}},
		{[]string{"--fix-typos", "--excel-safe", "--check-mx", "x.csv"}, func(o *CleanOptions) bool {
			return o.FixTypos && o.ExcelSafe && o.CheckMX
		}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			s, _, _ := testStreams("")
			var got *CleanOptions
			cmd := NewCmdClean(s, func(_ context.Context, o *CleanOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			if err := cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			if got == nil || !tt.check(got) {
				t.Errorf("options = %+v", got)
			}
		})
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.csv")
	if err := os.WriteFile(good, []byte("Name,Email\nAnn Lee,ann.lee@harborfreight-logistics.com\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"ok", []string{"clean", "-q", "-o", filepath.Join(dir, "out"), good}, ExitOK, ""},
		{"no inputs", []string{"clean"}, ExitUsage, "leadclean: clean needs at least one input file"},
		{"unknown flag", []string{"clean", "--frobnicate", good}, ExitUsage, "unknown flag: --frobnicate"},
		{"unknown command", []string{"scrub"}, ExitUsage, `unknown command "scrub"`},
		{"bad summary", []string{"clean", "--summary", "xml", good}, ExitUsage, `unknown summary format "xml"`},
		{"bad delimiter", []string{"clean", "--delimiter", "ab", good}, ExitUsage, "invalid delimiter"},
		{"stdin twice", []string{"clean", "-", "-"}, ExitUsage, "standard input (-) can be read only once"},
		{"two stdouts", []string{"clean", "--qualified", "-", "--rejected", "-", good}, ExitUsage, "only one of --qualified"},
		{"overwrite input", []string{"clean", "--rejected", good, good}, ExitUsage, "would overwrite input"},
		{"missing file", []string{"clean", filepath.Join(dir, "nope.csv")}, ExitBadInput, "nope.csv: cannot open: no such file or directory"},
		{"missing rulebook", []string{"clean", "-r", filepath.Join(dir, "nope.yaml"), good}, ExitBadInput, "nope.yaml"},
		{"explain needs a row", []string{"explain", good}, ExitUsage, "explain needs one of --row N or --id VALUE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, errOut := testStreams("")
			code := Run(context.Background(), tt.args, s)
			if code != tt.code {
				t.Errorf("exit code = %d, want %d; stderr:\n%s", code, tt.code, errOut)
			}
			if !strings.Contains(errOut.String(), tt.stderr) {
				t.Errorf("stderr = %q, want it to contain %q", errOut, tt.stderr)
			}
			if strings.Contains(errOut.String(), "goroutine ") {
				t.Errorf("stderr has a stack trace:\n%s", errOut)
			}
		})
	}
}

func TestCancelledRunLeavesNoOutput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	var b strings.Builder
	b.WriteString("Name,Email\n")
	for i := 0; i < 2000; i++ {
		b.WriteString("Ann Lee,ann.lee@harborfreight-logistics.com\n")
	}
	if err := os.WriteFile(in, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s, _, errOut := testStreams("")
	out := filepath.Join(dir, "out")
	if code := Run(ctx, []string{"clean", "-o", out, in}, s); code != ExitInterrupted {
		t.Fatalf("exit code = %d, want %d; stderr %s", code, ExitInterrupted, errOut)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 0 {
		t.Errorf("output folder holds %v after an interrupted run", entries)
	}
}

func TestStdinToStdout(t *testing.T) {
	s, out, errOut := testStreams("Name,Email\nAnn Lee,ann.lee@harborfreight-logistics.com\nTest Test,test@test.com\n")
	dir := t.TempDir()
	code := Run(context.Background(), []string{"clean", "-", "-o", dir, "--qualified", "-", "--rejected", filepath.Join(dir, "r.csv"), "--summary", "json"}, s)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got := out.String(); !strings.Contains(got, "Ann Lee,ann.lee@harborfreight-logistics.com,"+string(lead.Qualified)) || strings.Contains(got, "Test Test") {
		t.Errorf("stdout = %q", got)
	}
	if !strings.Contains(errOut.String(), `"rows": 2`) {
		t.Errorf("summary = %q", errOut)
	}
}

// Every kind of positioned problem prints the same way: one
// "leadclean: file:line:col: message" line, then its "hint:" line.
func TestProblemsPrintWithHints(t *testing.T) {
	dir := t.TempDir()
	rules := filepath.Join(dir, "r.yaml")
	if err := os.WriteFile(rules, []byte("version: 1\nname: !!str x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "book.csv")
	if err := os.WriteFile(book, []byte("\x1f\x8b\x08\x00rest"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"rules", "check", rules}, "leadclean: " + rules + ":2:7: YAML tag !!str is not used in a rulebook\nhint: remove the tag; write the value plainly\n"},
		{[]string{"clean", "-o", filepath.Join(dir, "out"), book}, "leadclean: " + book + ":1: file is gzip-compressed, not CSV text\nhint: decompress it first"},
	} {
		s, _, errOut := testStreams("")
		if code := Run(context.Background(), tt.args, s); code != ExitBadInput {
			t.Errorf("%v: exit %d", tt.args, code)
		}
		if !strings.HasPrefix(errOut.String(), tt.want) {
			t.Errorf("%v: stderr %q, want prefix %q", tt.args, errOut, tt.want)
		}
	}
}

// TestAuditFlags checks the flag names of audit, and that the old
// spelling --format still sets the report's rendering without appearing
// in help.
func TestAuditFlags(t *testing.T) {
	tests := []struct {
		args  []string
		check func(*AuditOptions) bool
	}{
		{[]string{"a.csv"}, func(o *AuditOptions) bool { return o.Report == "table" && !o.Quiet }},
		{[]string{"--report", "json", "-q", "a.csv"}, func(o *AuditOptions) bool { return o.Report == "json" && o.Quiet }},
		{[]string{"--format", "markdown", "--quiet", "a.csv"}, func(o *AuditOptions) bool { return o.Report == "markdown" && o.Quiet }},
		{[]string{"--format=none", "a.csv"}, func(o *AuditOptions) bool { return o.Report == "none" }},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			s, _, _ := testStreams("")
			var got *AuditOptions
			cmd := NewCmdAudit(s, func(_ context.Context, o *AuditOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			if err := cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			if got == nil || !tt.check(got) {
				t.Errorf("options = %+v", got)
			}
		})
	}
	s, out, _ := testStreams("")
	cmd := NewCmdAudit(s, nil)
	cmd.SetOut(out)
	cmd.SetArgs([]string{"--help"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if help := out.String(); !strings.Contains(help, "--report string") || strings.Contains(help, "--format") {
		t.Errorf("audit help should list --report and hide --format:\n%s", help)
	}
}

// TestQuietMeansTheSame checks that -q has one help text in every
// command that has it.
func TestQuietMeansTheSame(t *testing.T) {
	s, _, _ := testStreams("")
	root := NewCmdRoot(s)
	seen := 0
	for _, c := range root.Commands() {
		if f := c.Flags().Lookup("quiet"); f != nil {
			seen++
			if f.Shorthand != "q" || f.Usage != quietUsage {
				t.Errorf("%s: -%s --quiet %q, want -q %q", c.Name(), f.Shorthand, f.Usage, quietUsage)
			}
		}
	}
	if seen < 2 {
		t.Errorf("--quiet found in %d commands, want clean and audit", seen)
	}
}

func TestSummaryFileFormat(t *testing.T) {
	for _, tt := range []struct {
		path   string
		stderr rendering.Format
		want   rendering.Format
	}{
		{"s.json", rendering.FormatTable, rendering.FormatJSON},
		{"s.json", rendering.FormatMarkdown, rendering.FormatJSON},
		{"s.JSON", rendering.FormatNone, rendering.FormatJSON},
		{"s.md", rendering.FormatTable, rendering.FormatMarkdown},
		{"s.markdown", rendering.FormatJSON, rendering.FormatMarkdown},
		{"s.txt", rendering.FormatNone, rendering.FormatTable},
		{"s.txt", rendering.FormatJSON, rendering.FormatTable},
		{"summary", rendering.FormatTable, rendering.FormatJSON},
		{"summary", rendering.FormatNone, rendering.FormatJSON},
		{"summary", rendering.FormatMarkdown, rendering.FormatMarkdown},
		{"-", rendering.FormatTable, rendering.FormatJSON},
		{"-", rendering.FormatMarkdown, rendering.FormatMarkdown},
		{"dir.json/s.log", rendering.FormatTable, rendering.FormatJSON},
	} {
		if got := summaryFileFormat(tt.path, tt.stderr); got != tt.want {
			t.Errorf("summaryFileFormat(%q, %s) = %s, want %s", tt.path, tt.stderr, got, tt.want)
		}
	}
}
