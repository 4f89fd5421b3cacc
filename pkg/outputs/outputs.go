// Package outputs is the transaction that writes a run's output files:
// every output (lead files, workbooks, the summary file, the HTML report)
// is planned before anything is read, checked against every input and
// every other output, prepared in a temporary file, and committed
// together at the end. A failed run leaves every earlier file as it was.
//
// # What a path may name
//
//   - "-" is standard output.
//   - A regular file, or a path that does not exist yet: written to a
//     temporary file in the same folder, synced, and renamed over the path
//     at commit. A symbolic link is followed to its final target and the
//     target is replaced (the link stays a link); the file keeps its
//     permission bits.
//   - A character device (/dev/null, a terminal) or a FIFO: it cannot be
//     replaced, so it is written directly. Lead rows stream into it as the
//     run goes (a FIFO's reader sees them at once, and leadclean waits for
//     a reader as a shell redirect does); a failed run may have sent part
//     of its output, exactly as with standard output. The path stays what
//     it was: a device stays a device.
//   - A folder, a block device (a disk) or a socket is refused before
//     anything is written.
//
// # Clashes
//
// [Set.Check] compares outputs by file identity ([os.SameFile]), not by
// spelling: an output that is an input (a lead file, the file behind
// standard input, the rulebook, the costs file), or another output, is
// refused before anything is written ([*ClashError]). Character devices
// are exempt: /dev/null may take several outputs and be an input too.
// Outputs that do not exist yet are compared by their absolute path with
// every symbolic link resolved.
//
// # Commit order
//
// [Set.Commit] first writes what goes to standard output and devices at the
// end of the run (a summary file of "-"), then syncs and closes every
// temporary file, and renames them only when all of that succeeded: a full
// disk or a failing device leaves every regular output as it was.
package outputs

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// kind is how an output is written.
type kind int

const (
	kindFile   kind = iota // temporary file renamed over the target
	kindStdout             // the run's standard output
	kindDirect             // a character device or FIFO, written in place
)

// Output is one planned output.
type Output struct {
	// Label names the output in messages ("qualified leads",
	// "--summary-file").
	Label string
	// Path is the path as the user wrote it.
	Path string

	set    *Set
	kind   kind
	target string      // the file replaced (symbolic links followed)
	key    string      // target absolute, folder links resolved: identity of a new file
	info   os.FileInfo // what Path names now; nil when it does not exist
	shared *Output     // an earlier output with the same path (one workbook)

	w      io.Writer
	tmp    *os.File // kindFile: the temporary file
	direct *os.File // kindDirect: the device or FIFO
	mode   os.FileMode
	opened bool
}

// Set is the outputs of one run.
type Set struct {
	stdout     io.Writer
	stdoutInfo os.FileInfo
	inputs     []identity
	outs       []*Output
	dirs       []string // folders created for outputs, deepest first
	done       bool
}

type identity struct {
	label string
	info  os.FileInfo
	key   string // absolute path, links resolved ("" when unknown)
}

// New starts a set whose "-" outputs go to stdout. When stdout is an
// *os.File its identity takes part in the clash check.
func New(stdout io.Writer) *Set {
	s := &Set{stdout: stdout}
	if f, ok := stdout.(*os.File); ok {
		if st, err := f.Stat(); err == nil {
			s.stdoutInfo = st
		}
	}
	return s
}

// ClashError is an output that would overwrite an input or another
// output.
type ClashError struct {
	Output, Other string
	// Input says Other is an input.
	Input bool
}

func (e *ClashError) Error() string {
	if e.Input {
		return fmt.Sprintf("%s would overwrite %s", e.Output, e.Other)
	}
	return fmt.Sprintf("%s and %s would both go to the same file", e.Output, e.Other)
}

// AddInput records an input opened as f from path ("" for standard
// input); label names it in messages ("input leads.csv"). Inputs that are
// not files are ignored.
func (s *Set) AddInput(label, path string, f io.Reader) {
	if file, ok := f.(*os.File); ok {
		if st, err := file.Stat(); err == nil {
			s.inputs = append(s.inputs, identity{label: label, info: st, key: inputKey(path)})
		}
	}
}

func inputKey(path string) string {
	if path == "" || path == "-" {
		return ""
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	return abs
}

// AddInputPath records an input read by path (a rulebook, a costs file).
func (s *Set) AddInputPath(label, path string) {
	if path == "" || path == "-" {
		return
	}
	if st, err := os.Stat(path); err == nil {
		s.inputs = append(s.inputs, identity{label: label, info: st, key: inputKey(path)})
	}
}

// Plan adds an output. Nothing is created until [Output.Writer]. Two
// plans of one path share one output when share is true (every sheet of
// one workbook); otherwise they clash.
func (s *Set) Plan(label, path string, share bool) (*Output, error) {
	o := &Output{Label: label, Path: path, set: s, mode: 0o644}
	if path == "-" {
		o.kind = kindStdout
		o.info = s.stdoutInfo
	} else {
		st, err := os.Stat(path)
		switch {
		case err == nil:
			o.info = st
			if err := o.classify(st); err != nil {
				return nil, err
			}
		default:
			// Missing, or not reachable (a file where a folder
			// should be): creating it reports what is wrong.
			o.kind = kindFile
		}
		if o.kind == kindFile {
			target, err := resolveLinks(path)
			if err != nil {
				return nil, fmt.Errorf("cannot write %s: %s", path, pathErr(err))
			}
			o.target, o.key = target, absResolved(target)
		}
	}
	if share {
		for _, other := range s.outs {
			if other.Path == path && other.shared == nil {
				o.shared = other
				break
			}
		}
	}
	s.outs = append(s.outs, o)
	return o, nil
}

// classify sets the kind of an output whose path exists.
func (o *Output) classify(st os.FileInfo) error {
	m := st.Mode()
	switch {
	case m.IsRegular():
		o.kind = kindFile
		o.mode = m.Perm()
	case m.IsDir():
		return fmt.Errorf("cannot write %s: it is a folder", o.Path)
	case m&os.ModeCharDevice != 0, m&os.ModeNamedPipe != 0:
		o.kind = kindDirect
	case m&os.ModeDevice != 0:
		return fmt.Errorf("cannot write %s: it is a block device (a disk); leadclean writes files, character devices such as /dev/null, and FIFOs", o.Path)
	case m&os.ModeSocket != 0:
		return fmt.Errorf("cannot write %s: it is a socket; leadclean writes files, character devices such as /dev/null, and FIFOs", o.Path)
	default:
		return fmt.Errorf("cannot write %s: it is not a file (%s)", o.Path, m.Type())
	}
	return nil
}

// Check refuses an output that is an input or another output. It runs
// after every input and output is known and before anything is written.
func (s *Set) Check() error {
	for i, o := range s.outs {
		if o.shared != nil {
			continue
		}
		for _, in := range s.inputs {
			if isCharDevice(in.info) {
				continue
			}
			if o.info != nil && os.SameFile(o.info, in.info) || o.info == nil && o.key != "" && o.key == in.key {
				return &ClashError{Output: o.describe(), Other: in.label, Input: true}
			}
		}
		for _, p := range s.outs[:i] {
			if p.shared != nil {
				continue
			}
			if sameOutput(o, p) {
				return &ClashError{Output: o.describe(), Other: p.describe()}
			}
		}
	}
	return nil
}

func (o *Output) describe() string {
	if o.Path == "-" {
		return o.Label + " (standard output)"
	}
	return o.Label + " " + o.Path
}

func sameOutput(a, b *Output) bool {
	if a.kind == kindStdout && b.kind == kindStdout {
		return true
	}
	if a.info != nil && b.info != nil {
		return !isCharDevice(a.info) && os.SameFile(a.info, b.info)
	}
	if a.info == nil && b.info == nil && a.key != "" && b.key != "" {
		return a.key == b.key
	}
	return false
}

func isCharDevice(st os.FileInfo) bool { return st.Mode()&os.ModeCharDevice != 0 }

// Writer creates the output (its temporary file, or opens the device) on
// first call and returns where to write it.
func (o *Output) Writer() (io.Writer, error) {
	if o.shared != nil {
		return o.shared.Writer()
	}
	if o.opened {
		return o.w, nil
	}
	if o.set.done {
		return nil, errors.New("outputs already finished")
	}
	switch o.kind {
	case kindStdout:
		o.w = o.set.stdout
	case kindDirect:
		f, err := os.OpenFile(o.Path, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("cannot write %s: %s", o.Path, pathErr(err))
		}
		o.direct, o.w = f, f
	case kindFile:
		dir, base := filepath.Split(o.target)
		if dir == "" {
			dir = "."
		}
		if dir != "." {
			missing := missingDirs(dir)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("cannot create folder %s: %s", filepath.Clean(dir), pathErr(err))
			}
			o.set.dirs = append(missing, o.set.dirs...)
		}
		f, err := os.CreateTemp(dir, "."+base+".tmp-*")
		if err != nil {
			return nil, fmt.Errorf("cannot create %s: %s", o.Path, pathErr(err))
		}
		o.tmp, o.w = f, f
	}
	o.opened = true
	return o.w, nil
}

// Commit makes every output appear: see the package doc for the order.
// On error every output not yet renamed is discarded.
func (s *Set) Commit() error {
	if s.done {
		return errors.New("outputs already finished")
	}
	for _, o := range s.outs {
		if o.direct == nil {
			continue
		}
		err := o.direct.Close()
		o.direct = nil
		if err != nil && !errors.Is(err, os.ErrClosed) {
			s.Abort()
			return fmt.Errorf("cannot write %s: %s", o.Path, pathErr(err))
		}
	}
	for _, o := range s.outs {
		if o.tmp == nil {
			continue
		}
		err := o.tmp.Sync()
		if cerr := o.tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Chmod(o.tmp.Name(), o.mode)
		}
		if err != nil {
			s.Abort()
			return fmt.Errorf("cannot write %s: %s", o.Path, pathErr(err))
		}
	}
	s.done = true
	for i, o := range s.outs {
		if o.tmp == nil {
			continue
		}
		if err := os.Rename(o.tmp.Name(), o.target); err != nil {
			for _, rest := range s.outs[i:] {
				if rest.tmp != nil {
					os.Remove(rest.tmp.Name())
				}
			}
			return fmt.Errorf("cannot write %s: %s", o.Path, pathErr(err))
		}
	}
	return nil
}

// Abort discards every output and removes the folders created for them
// when they are empty. It is safe after Commit (it does nothing then) and
// more than once.
func (s *Set) Abort() {
	if s.done {
		return
	}
	s.done = true
	for _, o := range s.outs {
		if o.tmp != nil {
			o.tmp.Close()
			os.Remove(o.tmp.Name())
		}
		if o.direct != nil {
			o.direct.Close()
		}
	}
	for _, d := range s.dirs {
		os.Remove(d) // fails, harmlessly, on a folder something else filled
	}
}

// resolveLinks follows symbolic links from path to the file they end on
// (which may not exist yet): the file an atomic replacement renames over,
// so that a link stays a link.
func resolveLinks(path string) (string, error) {
	p := path
	for range 64 {
		st, err := os.Lstat(p)
		if err != nil || st.Mode()&os.ModeSymlink == 0 {
			// Not there (or unreachable: creating it says why).
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", errors.New("too many levels of symbolic links")
}

// absResolved is path made absolute with its folder's links resolved,
// when the folder exists: two spellings of one new file compare equal.
func absResolved(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	dir, base := filepath.Split(abs)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(real, base)
	}
	return abs
}

// missingDirs lists dir and those of its parents that do not exist yet,
// deepest first: the folders os.MkdirAll(dir) would create.
func missingDirs(dir string) []string {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	return missing
}

// pathErr drops the path from an *os.PathError or *os.LinkError so the
// message names what the user asked for, not a temporary name.
func pathErr(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return strings.TrimSpace(err.Error())
}
