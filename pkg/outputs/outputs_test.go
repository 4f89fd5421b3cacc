package outputs

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, o *Output, text string) {
	t.Helper()
	w, err := o.Writer()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(text)); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCommitTogether: nothing appears before Commit; Abort leaves every
// earlier file and no temporary file; Commit replaces a link's target.
func TestCommitTogether(t *testing.T) {
	dir := t.TempDir()
	a, b, target, link := filepath.Join(dir, "a.csv"), filepath.Join(dir, "new", "b.csv"), filepath.Join(dir, "t.csv"), filepath.Join(dir, "l.csv")
	os.WriteFile(a, []byte("old a"), 0o600)
	os.WriteFile(target, []byte("old t"), 0o644)
	if err := os.Symlink("t.csv", link); err != nil {
		t.Skip("no symbolic links here")
	}

	for _, commit := range []bool{false, true} {
		s := New(nil)
		oa, err1 := s.Plan("a", a, false)
		ob, err2 := s.Plan("b", b, false)
		ol, err3 := s.Plan("l", link, false)
		if err := errors.Join(err1, err2, err3, s.Check()); err != nil {
			t.Fatal(err)
		}
		write(t, oa, "new a")
		write(t, ob, "new b")
		write(t, ol, "new t")
		if read(t, a) != "old a" {
			t.Fatal("a replaced before commit")
		}
		if !commit {
			s.Abort()
			if read(t, a) != "old a" || read(t, target) != "old t" {
				t.Error("abort changed an earlier file")
			}
			if _, err := os.Stat(filepath.Join(dir, "new")); err == nil {
				t.Error("abort left the folder it created")
			}
			continue
		}
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		if read(t, a) != "new a" || read(t, b) != "new b" || read(t, link) != "new t" {
			t.Error("commit did not write every output")
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Error("the link is no longer a link")
		}
		if st, _ := os.Stat(a); st.Mode().Perm() != 0o600 {
			t.Errorf("a's mode is %v, want the 0600 it had", st.Mode().Perm())
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestClashes: by identity, not by spelling.
func TestClashes(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	os.WriteFile(in, []byte("x"), 0o644)
	os.Symlink("in.csv", filepath.Join(dir, "alias.csv"))
	for _, tt := range []struct {
		name  string
		paths []string
		want  string
	}{
		{"the input", []string{in}, "would overwrite input"},
		{"a link to the input", []string{filepath.Join(dir, "alias.csv")}, "would overwrite input"},
		{"the input through ..", []string{filepath.Join(dir, "no", "..", "in.csv")}, "would overwrite input"},
		{"two spellings of a new file", []string{filepath.Join(dir, "n.csv"), dir + "/./n.csv"}, "same file"},
		{"stdout twice", []string{"-", "-"}, "same file"},
		{"/dev/null twice", []string{os.DevNull, os.DevNull}, ""},
		{"distinct files", []string{filepath.Join(dir, "x.csv"), filepath.Join(dir, "y.csv")}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := New(nil)
			f, _ := os.Open(in)
			defer f.Close()
			s.AddInput("input in.csv", in, f)
			for _, p := range tt.paths {
				if _, err := s.Plan("out", p, false); err != nil {
					t.Fatal(err)
				}
			}
			err := s.Check()
			var ce *ClashError
			if tt.want == "" {
				if err != nil {
					t.Errorf("unexpected clash: %v", err)
				}
				return
			}
			if !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want a clash saying %q", err, tt.want)
			}
		})
	}
}

// TestRefused: a folder is refused when planned.
func TestRefused(t *testing.T) {
	s := New(nil)
	if _, err := s.Plan("out", t.TempDir(), false); err == nil || !strings.Contains(err.Error(), "it is a folder") {
		t.Errorf("a folder: %v", err)
	}
}
