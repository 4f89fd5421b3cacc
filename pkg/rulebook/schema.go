package rulebook

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// maxInt bounds every whole number in a rulebook: points, scores, page
// views. Larger values are typos, and bounding them keeps sums of points
// far from overflow.
const maxInt = 1_000_000_000

// schema checks a parsed YAML tree against the Go type it will be decoded
// into, collecting every unknown key and wrong type with its position
// (goccy's decoder stops at the first one), and remembers where each
// value sits so later checks can point at it.
type schema struct {
	file  string
	lines []string
	errs  *ErrorList
	// values maps a dotted path ("scoring[2].when") to its value node.
	values map[string]ast.Node
	// keys maps a dotted path to the token of its key.
	keys map[string]*token.Token
}

func newSchema(file string, src []byte, errs *ErrorList) *schema {
	return &schema{
		file:   file,
		lines:  strings.Split(string(src), "\n"),
		errs:   errs,
		values: map[string]ast.Node{},
		keys:   map[string]*token.Token{},
	}
}

// position returns the 1-based line and column of a token. goccy reports a
// plain scalar followed by trailing blanks a few columns too far right, so
// the column is checked against the source line and corrected.
func (s *schema) position(tk *token.Token) (line, col int) {
	if tk == nil {
		return 0, 0
	}
	line, col = tk.Position.Line, tk.Position.Column
	if line < 1 || line > len(s.lines) {
		return line, col
	}
	if col < 1 {
		// Block scalar content: point at its first non-blank character.
		text := s.lines[line-1]
		return line, len([]rune(text)) - len([]rune(strings.TrimLeft(text, " \t"))) + 1
	}
	value := tk.Value
	if i := strings.IndexByte(value, '\n'); i >= 0 {
		value = value[:i]
	}
	if tk.Type != token.StringType || value == "" {
		return line, col
	}
	runes := []rune(s.lines[line-1])
	if col-1 < len(runes) && strings.HasPrefix(string(runes[col-1:]), value) {
		return line, col
	}
	end := min(len(runes), col-1+len([]rune(value)))
	prefix := string(runes[:end])
	if i := strings.LastIndex(prefix, value); i >= 0 {
		return line, len([]rune(prefix[:i])) + 1
	}
	return line, col
}

// nodeToken returns the token to point at for a node: a mapping's first
// key rather than its first colon.
func nodeToken(n ast.Node) *token.Token {
	if u := unwrap(n); u != nil {
		n = u
	}
	if entries, ok := mappingValues(n); ok && len(entries) > 0 {
		return entries[0].Key.GetToken()
	}
	return n.GetToken()
}

// errorAt records a problem at a token.
func (s *schema) errorAt(tk *token.Token, msg, hint string) {
	line, col := s.position(tk)
	s.errs.add(s.file, line, col, msg, hint)
}

// unwrap skips anchors and tags; it returns nil for an alias, whose target
// is checked where it is defined.
func unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		case *ast.AliasNode:
			return nil
		default:
			return n
		}
	}
}

// mappingValues returns the entries of a mapping node.
func mappingValues(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch v := n.(type) {
	case *ast.MappingNode:
		return v.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{v}, true
	}
	return nil, false
}

// describe names a node's kind for messages.
func describe(n ast.Node) string {
	switch v := n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "the number " + n.GetToken().Value
	case *ast.BoolNode:
		return n.GetToken().Value
	case *ast.StringNode:
		return "text " + strconv.Quote(truncate(v.Value, 40))
	case *ast.LiteralNode:
		return "a block of text"
	}
	return "a " + n.Type().String()
}

func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "..."
	}
	return s
}

// displayPath renders a path for messages ("the top level" for "").
func displayPath(path string) string {
	if path == "" {
		return "the top level"
	}
	return path
}

// yamlFields lists a struct type's YAML keys in declaration order.
func yamlFields(t reflect.Type) (names []string, types map[string]reflect.Type) {
	types = map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		names = append(names, name)
		types[name] = f.Type
	}
	return names, types
}

// walk checks node against type t at path.
func (s *schema) walk(node ast.Node, t reflect.Type, path string) {
	if node == nil {
		return
	}
	s.values[path] = node
	node = unwrap(node)
	if node == nil {
		return
	}
	if _, isNull := node.(*ast.NullNode); isNull {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		entries, ok := mappingValues(node)
		if !ok {
			s.errorAt(node.GetToken(), fmt.Sprintf("%s: expected a mapping of keys, got %s", displayPath(path), describe(node)), "")
			return
		}
		names, types := yamlFields(t)
		for _, mv := range entries {
			if mv.Key.IsMergeKey() {
				continue
			}
			key := mv.Key.GetToken().Value
			ft, known := types[key]
			if !known {
				where := ""
				if path != "" {
					where = " in " + path
				}
				s.errorAt(mv.Key.GetToken(), fmt.Sprintf("unknown key %s%s", key, where), hintFor(key, "valid keys", names))
				continue
			}
			child := joinPath(path, key)
			s.keys[child] = mv.Key.GetToken()
			s.walk(mv.Value, ft, child)
		}
	case reflect.Map:
		entries, ok := mappingValues(node)
		if !ok {
			s.errorAt(node.GetToken(), fmt.Sprintf("%s: expected a mapping, got %s", displayPath(path), describe(node)), "")
			return
		}
		for _, mv := range entries {
			if mv.Key.IsMergeKey() {
				continue
			}
			key := mv.Key.GetToken().Value
			child := joinPath(path, key)
			s.keys[child] = mv.Key.GetToken()
			s.walk(mv.Value, t.Elem(), child)
		}
	case reflect.Slice:
		seq, ok := node.(*ast.SequenceNode)
		if !ok {
			hint := ""
			if t.Elem().Kind() == reflect.String {
				hint = "write a list, such as [a, b] or one \"- item\" per line"
			}
			s.errorAt(nodeToken(node), fmt.Sprintf("%s: expected a list, got %s", displayPath(path), describe(node)), hint)
			return
		}
		for i, item := range seq.Values {
			s.walk(item, t.Elem(), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.String:
		switch node.(type) {
		case *ast.StringNode, *ast.LiteralNode:
		case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
			s.errorAt(node.GetToken(), fmt.Sprintf("%s: expected text, got %s", displayPath(path), describe(node)),
				"put the value in quotes: \""+node.GetToken().Value+"\"")
		default:
			s.errorAt(node.GetToken(), fmt.Sprintf("%s: expected text, got %s", displayPath(path), describe(node)), "")
		}
	case reflect.Bool:
		if _, ok := node.(*ast.BoolNode); !ok {
			s.errorAt(node.GetToken(), fmt.Sprintf("%s: expected true or false, got %s", displayPath(path), describe(node)), "")
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		s.checkInt(node, path)
	case reflect.Float64, reflect.Float32:
		s.checkFloat(node, path)
	default:
		s.errorAt(node.GetToken(), fmt.Sprintf("%s: unsupported value", displayPath(path)), "")
	}
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// looksNumeric reports whether a plain scalar is a number that YAML could
// not represent (goccy keeps 1e400 and 99999999999999999999 as text).
func looksNumeric(s string) bool {
	s = strings.ReplaceAll(s, "_", "")
	if s == "" {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil || errors.Is(err, strconv.ErrRange)
}

func (s *schema) checkInt(node ast.Node, path string) {
	tk := node.GetToken()
	switch v := node.(type) {
	case *ast.IntegerNode:
		var big bool
		switch n := v.Value.(type) {
		case int64:
			big = n > maxInt || n < -maxInt
		case uint64:
			big = n > maxInt
		}
		if big {
			s.errorAt(tk, fmt.Sprintf("%s: number %s is out of range", displayPath(path), tk.Value),
				fmt.Sprintf("whole numbers here lie between -%d and %d", maxInt, maxInt))
		}
		return
	case *ast.FloatNode:
		s.errorAt(tk, fmt.Sprintf("%s: expected a whole number, got %s", displayPath(path), describe(node)), "")
		return
	case *ast.StringNode:
		if tk.Type == token.StringType && looksNumeric(v.Value) {
			s.errorAt(tk, fmt.Sprintf("%s: number %s is out of range", displayPath(path), truncate(v.Value, 40)),
				fmt.Sprintf("whole numbers here lie between -%d and %d", maxInt, maxInt))
			return
		}
	}
	s.errorAt(tk, fmt.Sprintf("%s: expected a whole number, got %s", displayPath(path), describe(node)), "")
}

func (s *schema) checkFloat(node ast.Node, path string) {
	tk := node.GetToken()
	switch v := node.(type) {
	case *ast.IntegerNode:
		return
	case *ast.FloatNode:
		if math.IsInf(v.Value, 0) || math.IsNaN(v.Value) {
			s.errorAt(tk, fmt.Sprintf("%s: number %s is out of range", displayPath(path), tk.Value), "")
		}
		return
	case *ast.InfinityNode, *ast.NanNode:
		s.errorAt(tk, fmt.Sprintf("%s: expected a finite number, got %s", displayPath(path), tk.Value), "")
		return
	case *ast.StringNode:
		if tk.Type == token.StringType && looksNumeric(v.Value) {
			s.errorAt(tk, fmt.Sprintf("%s: number %s is out of range", displayPath(path), truncate(v.Value, 40)), "")
			return
		}
		hint := ""
		if strings.ContainsAny(v.Value, "$€£KkMmBb") {
			hint = "write plain digits, such as 10000000 for $10M"
		}
		s.errorAt(tk, fmt.Sprintf("%s: expected a number, got %s", displayPath(path), describe(node)), hint)
		return
	}
	s.errorAt(tk, fmt.Sprintf("%s: expected a number, got %s", displayPath(path), describe(node)), "")
}
