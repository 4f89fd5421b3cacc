package phone

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const phonenumbersModule = "github.com/nyaruka/phonenumbers"

// TestMirroredVersion fails when go.mod requires another release of
// nyaruka/phonenumbers than the one parse.go and numbertype.go mirror
// (mirroredVersion): their steps copy that release's parseHelper,
// maybeExtractCountryCode, getNumberTypeHelper and others, and a new
// release may change any of them. Compare the functions named in those
// files with the new release, then update mirroredVersion.
func TestMirroredVersion(t *testing.T) {
	required := requiredVersion(t, filepath.Join("..", "..", "go.mod"), phonenumbersModule)
	if required != mirroredVersion {
		t.Errorf("go.mod requires %s %s, but pkg/phone mirrors %s: compare parse.go and numbertype.go with the new release, then update mirroredVersion",
			phonenumbersModule, required, mirroredVersion)
	}
}

// requiredVersion reads module's version from the require lines of the
// go.mod at path. A replace directive for module is an error: the code
// built would not be the release required.
func requiredVersion(t *testing.T, path, module string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "//")
		fields := strings.Fields(line)
		if len(fields) > 0 && fields[0] == "require" {
			fields = fields[1:]
		}
		if len(fields) > 0 && fields[0] == "replace" {
			fields = fields[1:]
		}
		if len(fields) >= 3 && fields[0] == module && fields[1] == "=>" || len(fields) >= 4 && fields[0] == module && fields[2] == "=>" {
			t.Fatalf("%s replaces %s: pkg/phone mirrors the released %s", path, module, mirroredVersion)
		}
		if len(fields) == 2 && fields[0] == module {
			return fields[1]
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Fatalf("%s does not require %s", path, module)
	return ""
}

func TestRequiredVersion(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ gomod, want string }{
		{"module x\n\nrequire (\n\tgithub.com/nyaruka/phonenumbers v1.9.0 // indirect\n)\n", "v1.9.0"},
		{"module x\nrequire github.com/nyaruka/phonenumbers v1.8.1\n", "v1.8.1"},
		{"module x\nrequire (\n\tgithub.com/nyaruka/phonenumbersx v2.0.0\n\tgithub.com/nyaruka/phonenumbers v1.0.0\n)\n", "v1.0.0"},
	} {
		path := filepath.Join(dir, "go.mod")
		if err := os.WriteFile(path, []byte(tt.gomod), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := requiredVersion(t, path, phonenumbersModule); got != tt.want {
			t.Errorf("requiredVersion(%q) = %q, want %q", tt.gomod, got, tt.want)
		}
	}
}
