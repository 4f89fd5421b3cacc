package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
)

// workbookPart is the entry every .xlsx package holds.
const workbookPart = "xl/workbook.xml"

var (
	localHeader   = []byte("PK\x03\x04")
	centralHeader = []byte("PK\x01\x02")
)

// IsZip reports whether sample starts like a zip archive (an .xlsx, .docx,
// .zip, ...).
func IsZip(sample []byte) bool { return bytes.HasPrefix(sample, localHeader) }

// IsWorkbook reports whether sample, the start of a file or all of it, is
// an Excel workbook: a zip archive with an xl/workbook.xml entry. A whole
// file is judged by its zip directory; a sample cut short, by the entry
// names in the local and central headers it holds, so a workbook whose
// xl/workbook.xml entry lies beyond the sample is not recognised (callers
// holding a file use Open, which reads the zip directory).
func IsWorkbook(sample []byte) bool {
	if !IsZip(sample) {
		return false
	}
	if zr, err := zip.NewReader(bytes.NewReader(sample), int64(len(sample))); err == nil {
		for _, f := range zr.File {
			if f.Name == workbookPart {
				return true
			}
		}
		return false
	}
	return hasEntry(sample, localHeader, 26, 30) || hasEntry(sample, centralHeader, 28, 46)
}

// hasEntry looks for a header with signature sig whose name (its length
// at lenAt, the name at nameAt) is the workbook part.
func hasEntry(b, sig []byte, lenAt, nameAt int) bool {
	for i := 0; ; {
		j := bytes.Index(b[i:], sig)
		if j < 0 {
			return false
		}
		h := b[i+j:]
		if len(h) >= nameAt {
			n := int(binary.LittleEndian.Uint16(h[lenAt:]))
			if len(h) >= nameAt+n && string(h[nameAt:nameAt+n]) == workbookPart {
				return true
			}
		}
		i += j + 1
	}
}
