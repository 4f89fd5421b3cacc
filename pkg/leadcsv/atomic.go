package leadcsv

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// AtomicFile is an output file that appears at its path only when Commit
// succeeds: it is written to a temporary file in the same folder, synced,
// and renamed over the path. Until then an earlier file at the path stays
// intact, and Abort leaves nothing behind.
//
// (google/renameio does this but exports nothing on Windows, which would
// break the Windows build.)
type AtomicFile struct {
	*os.File
	path string
	done bool
}

// CreateAtomic starts an output at path.
func CreateAtomic(path string) (*AtomicFile, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("cannot create %s: %w", path, unwrapPathError(err))
	}
	return &AtomicFile{File: f, path: path}, nil
}

// Path is where the file will appear.
func (a *AtomicFile) Path() string { return a.path }

// Commit makes the file appear at its path.
func (a *AtomicFile) Commit() error {
	if a.done {
		return errors.New("output already finished")
	}
	a.done = true
	tmp := a.File.Name()
	err := a.File.Sync()
	if cerr := a.File.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, a.path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %w", a.path, unwrapPathError(err))
	}
	return nil
}

// Abort discards the file; it is safe to call after Commit (it does
// nothing then) and more than once.
func (a *AtomicFile) Abort() {
	if a.done {
		return
	}
	a.done = true
	a.File.Close()
	os.Remove(a.File.Name())
}

// unwrapPathError drops the temporary name from an *os.PathError so the
// message names what the user asked for.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
