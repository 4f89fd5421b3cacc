package rulebook

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/expr-lang/expr"
	exprast "github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// maxExprNodes bounds the size of one condition.
const maxExprNodes = 2000

// envNames lists the names a condition may use, for hints.
func envNames() []string {
	names := []string{"has"}
	t := reflect.TypeOf(Env{})
	for i := range t.NumField() {
		names = append(names, t.Field(i).Tag.Get("expr"))
	}
	return names
}

// hasPatcher rewrites has(x) into x in reasons, so `has` needs no per-lead
// closure.
type hasPatcher struct{}

func (hasPatcher) Visit(node *exprast.Node) {
	call, ok := (*node).(*exprast.CallNode)
	if !ok || len(call.Arguments) != 1 {
		return
	}
	if id, ok := call.Callee.(*exprast.IdentifierNode); !ok || id.Value != "has" {
		return
	}
	in := &exprast.BinaryNode{Operator: "in", Left: call.Arguments[0], Right: &exprast.IdentifierNode{Value: "reasons"}}
	exprast.Patch(node, in)
	(*node).SetLocation(call.Location())
}

// usage walks a compiled condition: it finds reason literals that are not
// reason codes and notes whether `fields` is read.
type usage struct {
	badReasons []*exprast.StringNode
	needs      envNeeds
}

func (u *usage) Visit(node *exprast.Node) {
	switch n := (*node).(type) {
	case *exprast.IdentifierNode:
		// Every name the condition reads; a variable of a predicate or
		// let that shadows nothing matches no part.
		u.needs |= envParts[n.Value]
	case *exprast.BinaryNode:
		if n.Operator != "in" {
			return
		}
		id, ok := n.Right.(*exprast.IdentifierNode)
		if !ok || id.Value != "reasons" {
			return
		}
		if s, ok := n.Left.(*exprast.StringNode); ok && !validReason(s.Value) {
			u.badReasons = append(u.badReasons, s)
		}
	}
}

// compileWhen compiles one condition against Env and reports any problem
// at its position inside the YAML file.
func (c *compiler) compileWhen(path, label, when string) (*vm.Program, envNeeds, bool) {
	matchers := new([]*matcher)
	program, err := expr.Compile(when,
		expr.Env(Env{}),
		expr.AsBool(),
		expr.Patch(hasPatcher{}),
		expr.Patch(matchPatcher{matchers}),
		expr.Function(matchFunc, matchFunction(matchers), new(func(string, int) bool)),
		expr.MaxNodes(maxExprNodes),
	)
	if err != nil {
		line, col := 1, 0
		msg := err.Error()
		var fe *file.Error
		if errors.As(err, &fe) {
			line, col, msg = fe.Line, fe.Column, fe.Message
		}
		c.exprError(path, line, col, fmt.Sprintf("%s: %s", label, msg), exprHint(msg))
		return nil, 0, false
	}
	u := &usage{}
	node := program.Node()
	if msg := costProblem(node); msg != "" {
		c.exprError(path, 1, 0, label+": "+msg, "loop over fewer items, or build shorter text; a condition runs once per row")
		return nil, 0, false
	}
	exprast.Walk(&node, u)
	for _, s := range u.badReasons {
		line, col := offsetToLineCol(when, s.Location().From)
		c.exprError(path, line, col, fmt.Sprintf("%s: unknown reason %s", label, s.Value), hintFor(s.Value, "reasons", reasonNames()))
	}
	return program, u.needs, len(u.badReasons) == 0
}

// exprHint suggests a fix for common compile errors.
func exprHint(msg string) string {
	if name, ok := strings.CutPrefix(msg, "unknown name "); ok {
		return hintFor(name, "names", envNames())
	}
	if strings.Contains(msg, "expected bool") {
		return "a condition must be true or false, such as revenue >= 10000000"
	}
	return ""
}

// offsetToLineCol turns a rune offset in an expression into a 1-based
// line and 0-based column.
func offsetToLineCol(src string, offset int) (line, col int) {
	line = 1
	i := 0
	for _, r := range src {
		if i == offset {
			break
		}
		if r == '\n' {
			line++
			col = 0
		} else {
			col++
		}
		i++
	}
	return line, col
}

// exprError records a problem at line/col (1-based line, 0-based column)
// inside the expression found at path.
func (c *compiler) exprError(path string, exprLine, exprCol int, msg, hint string) {
	node, ok := c.sch.values[path]
	if !ok || node == nil {
		c.at(path, msg, hint)
		return
	}
	if n := unwrap(node); n != nil {
		node = n
	}
	tk := node.GetToken()
	line, col := c.sch.position(tk)
	if lit, ok := node.(*ast.LiteralNode); ok {
		// Block scalar: the text starts on the next line, indented.
		first := tk.Position.Line + 1
		for first <= len(c.sch.lines) && strings.TrimSpace(c.sch.lines[first-1]) == "" {
			first++
		}
		line = first
		indent := 1
		if first <= len(c.sch.lines) {
			text := c.sch.lines[first-1]
			indent = len([]rune(text)) - len([]rune(strings.TrimLeft(text, " \t"))) + 1
		}
		if strings.HasPrefix(lit.Start.Value, "|") {
			line += exprLine - 1
			col = indent + exprCol
		} else {
			col = indent
		}
		c.errs.add(c.file, line, col, msg, hint)
		return
	}
	if exprLine == 1 {
		if tk.Type == token.SingleQuoteType || tk.Type == token.DoubleQuoteType {
			col++ // the opening quote
		}
		col += exprCol
	}
	c.errs.add(c.file, line, col, msg, hint)
}
