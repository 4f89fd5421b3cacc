package rulebook

import (
	"fmt"
	"reflect"

	exprast "github.com/expr-lang/expr/ast"
)

// A condition runs once per row, so what one evaluation may cost is
// bounded when the rulebook is compiled: `rules check` refuses a condition
// whose worst case exceeds these, and a row never pays for it. The
// estimate is an upper bound over the compiled expression: every value of
// the lead is taken at its largest (a cell holds at most 1 MiB, a list at
// most maxEnvList items), a loop (all, any, map, ...) costs its list's
// length times its body, and a string built with + or repeat() is as long
// as its parts. At run time expr's own memory budget (ranges and arrays
// whose size depends on the lead) still applies; what it stops is a
// rule_error for that row with the message.
const (
	// maxConditionSteps bounds the operations of one evaluation.
	maxConditionSteps = 1_000_000
	// maxConditionBytes bounds the text one evaluation may build.
	maxConditionBytes = 64 << 20
	// maxEnvString is the largest string a lead's value can be (a longer
	// cell makes the row malformed_row, which is not scored).
	maxEnvString = 1 << 20
	// maxEnvList is the largest list a lead's value can be (reasons).
	maxEnvList = 64
	// maxEnvItem bounds an item of such a list (a reason code).
	maxEnvItem = 4096
)

// cost is an upper bound on one evaluation of a node.
type cost struct {
	steps float64 // operations
	bytes float64 // length of the string the node yields
	items float64 // length of the list the node yields
	text  float64 // bytes built along the way (strings made and dropped)
}

func (a cost) plus(b cost) cost {
	return cost{steps: a.steps + b.steps, text: a.text + b.text}
}

// estimateCost bounds one evaluation of node; vars are the let variables
// in scope.
func estimateCost(node exprast.Node, vars map[string]cost) cost {
	switch n := node.(type) {
	case nil:
		return cost{}
	case *exprast.StringNode:
		return cost{steps: 1, bytes: float64(len(n.Value))}
	case *exprast.ConstantNode:
		c := cost{steps: 1}
		if v := reflect.ValueOf(n.Value); v.IsValid() {
			switch v.Kind() {
			case reflect.String:
				c.bytes = float64(v.Len())
			case reflect.Slice, reflect.Array, reflect.Map:
				c.items = float64(v.Len())
			}
		}
		return c
	case *exprast.IdentifierNode:
		if v, ok := vars[n.Value]; ok {
			return cost{steps: 1, bytes: v.bytes, items: v.items}
		}
		return cost{steps: 1, bytes: maxEnvString, items: maxEnvList}
	case *exprast.PointerNode:
		// An item of a list: the lead's lists hold short values.
		return cost{steps: 1, bytes: maxEnvItem, items: maxEnvList}
	case *exprast.BinaryNode:
		l, r := estimateCost(n.Left, vars), estimateCost(n.Right, vars)
		c := l.plus(r)
		c.steps++
		switch n.Operator {
		case "+":
			c.bytes = l.bytes + r.bytes
			c.items = l.items + r.items
			c.text += c.bytes
			c.steps += c.bytes / 64 // copying costs too
		case "..":
			c.items = maxConditionSteps // bounded at run time by expr's budget
			if lo, ok := n.Left.(*exprast.IntegerNode); ok {
				if hi, ok := n.Right.(*exprast.IntegerNode); ok {
					c.items = float64(max(hi.Value-lo.Value+1, 0))
				}
			}
		case "in":
			c.steps += max(l.items, r.items)
		case "contains", "startsWith", "endsWith", "matches":
			c.steps += (l.bytes + r.bytes) / 1024
		}
		return c
	case *exprast.BuiltinNode:
		var c cost
		args := make([]cost, len(n.Arguments))
		for i, a := range n.Arguments {
			if cl, ok := a.(*exprast.PredicateNode); ok && i > 0 {
				// The body runs once per item of the first argument.
				body := estimateCost(cl.Node, vars)
				c.steps += args[0].items * (body.steps + 1)
				c.text += args[0].items * body.text
				args[i] = body
				continue
			}
			args[i] = estimateCost(a, vars)
			c = c.plus(args[i])
		}
		c.steps++
		switch n.Name {
		case "repeat":
			times := float64(maxConditionSteps)
			if len(n.Arguments) > 1 {
				if k, ok := n.Arguments[1].(*exprast.IntegerNode); ok {
					times = float64(max(k.Value, 0))
				}
			}
			if len(args) > 0 {
				c.bytes = args[0].bytes * times
			}
			c.text += c.bytes
			c.steps += c.bytes / 64
		case "map", "filter", "sortBy", "sort", "uniq", "reverse", "concat", "flatten", "keys", "values", "split", "splitAfter", "groupBy", "toPairs":
			for _, a := range args {
				c.items = max(c.items, a.items, a.bytes)
			}
		case "join":
			if len(args) > 0 {
				c.bytes = args[0].items * maxEnvString
				if len(args) > 1 {
					c.bytes += args[0].items * args[1].bytes
				}
			}
		default:
			for _, a := range args {
				c.bytes = max(c.bytes, a.bytes)
			}
		}
		return c
	case *exprast.PredicateNode:
		return estimateCost(n.Node, vars)
	case *exprast.VariableDeclaratorNode:
		v := estimateCost(n.Value, vars)
		inner := make(map[string]cost, len(vars)+1)
		for k, x := range vars {
			inner[k] = x
		}
		inner[n.Name] = v
		e := estimateCost(n.Expr, inner)
		c := v.plus(e)
		c.bytes, c.items = e.bytes, e.items
		return c
	case *exprast.ConditionalNode:
		cond, a, b := estimateCost(n.Cond, vars), estimateCost(n.Exp1, vars), estimateCost(n.Exp2, vars)
		c := cond.plus(a).plus(b)
		c.bytes, c.items = max(a.bytes, b.bytes), max(a.items, b.items)
		return c
	case *exprast.ArrayNode:
		c := cost{steps: 1, items: float64(len(n.Nodes))}
		for _, x := range n.Nodes {
			c = c.plus(estimateCost(x, vars))
		}
		c.items = float64(len(n.Nodes))
		return c
	}
	// Other nodes (member access, calls, unary, slices, maps, sequences):
	// the sum of their children, the largest of their values.
	c := cost{steps: 1}
	var children []exprast.Node
	switch n := node.(type) {
	case *exprast.UnaryNode:
		children = []exprast.Node{n.Node}
	case *exprast.ChainNode:
		children = []exprast.Node{n.Node}
	case *exprast.MemberNode:
		children = []exprast.Node{n.Node, n.Property}
	case *exprast.SliceNode:
		children = []exprast.Node{n.Node, n.From, n.To}
	case *exprast.CallNode:
		children = append([]exprast.Node{n.Callee}, n.Arguments...)
	case *exprast.SequenceNode:
		children = n.Nodes
	case *exprast.MapNode:
		children = n.Pairs
	case *exprast.PairNode:
		children = []exprast.Node{n.Key, n.Value}
	}
	for _, x := range children {
		if x == nil {
			continue
		}
		k := estimateCost(x, vars)
		c = c.plus(k)
		c.bytes, c.items = max(c.bytes, k.bytes), max(c.items, k.items)
	}
	return c
}

// costProblem describes a condition over the bounds, or "".
func costProblem(node exprast.Node) string {
	c := estimateCost(node, nil)
	switch {
	case c.steps > maxConditionSteps:
		return fmt.Sprintf("condition may take %.3g operations on one row, more than the %d allowed", c.steps, maxConditionSteps)
	case max(c.text, c.bytes) > maxConditionBytes:
		return fmt.Sprintf("condition may build %.3g bytes of text on one row, more than the %d MiB allowed", max(c.text, c.bytes), maxConditionBytes>>20)
	}
	return ""
}
