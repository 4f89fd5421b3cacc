package fold

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneTable fails when code outside this package spells out the
// letters of Special again (a switch case 'ß', a replacer "ß", "ss"):
// copies of the table drifted before, and the drift was a bug.
func TestOneTable(t *testing.T) {
	var copies []string
	for _, root := range []string{"../../pkg", "../../cmd"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata" || path == filepath.Join("..", "..", "pkg", "fold")) {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, r := range "ßẞæÆœŒøØłŁđĐðÐþÞı" {
				if strings.Contains(string(src), "'"+string(r)+"'") || strings.Contains(string(src), `"`+string(r)+`", "`) {
					copies = append(copies, path+": "+string(r))
					break
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range copies {
		t.Errorf("%s: spells a letter of fold.Special; call package fold instead", c)
	}
}
