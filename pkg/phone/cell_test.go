package phone

import "testing"

func TestPrepare(t *testing.T) {
	tests := []struct {
		in, digits, ext string
		plus, ok        bool
	}{
		{"+1 (617) 495-1000", "16174951000", "", true, true},
		{"Tel: +49 30 2270 0", "493022700", "", true, true},
		{"＋81 3-3581-3111", "81335813111", "", true, true},
		{"617-495-1000 x2345", "6174951000", "2345", false, true},
		{"617-495-1000x2345", "6174951000", "2345", false, true},
		{"617-495-1000 ext.12", "6174951000", "12", false, true},
		{"617-495-1000, Ext: 12", "6174951000", "12", false, true},
		{"617-495-1000 extension 12", "6174951000", "12", false, true},
		{"617-495-1000 (x12)", "6174951000", "12", false, true},
		{"617 495 1000 #7", "6174951000", "7", false, true},
		{"089 233-36000 Durchwahl 12", "08923336000", "12", false, true},
		{"089 233-36000 DW 12", "08923336000", "12", false, true},
		{"01 42 92 81 00 poste 315", "0142928100", "315", false, true},
		{"011 5555 1234 ramal 22", "01155551234", "22", false, true},
		{"+1 212 736 3100 / 2369", "12127363100", "", true, true},
		{"030 1234567; 0171 3859624", "0301234567", "", false, true},
		{"0151 28461937 oder 030 2270 0", "015128461937", "", false, true},
		{"030/12345678", "03012345678", "", false, true},         // area code before a slash: one number
		{"0221 / 1234567", "02211234567", "", false, true},       // the same with spaces
		{"617-495-1000 / mobile", "6174951000", "", false, true}, // no second number after the slash
		{"617-495-1000\n617-495-2000", "6174951000", "", false, true},
		{"0800 169 1211 (TOLL FREE)", "08001691211", "", false, true},
		{"030 2270 0 (Zentrale)", "03022700", "", false, true},
		{"030 1234567 bis 18 Uhr", "0301234567", "", false, true},
		{"030 1234567 B", "0301234567", "", false, true},
		{"1-800-FLOWERS", "18003569377", "", false, true},
		{"+44 (0)20 7219 3000", "4402072193000", "", true, true},
		{"٠١٢٣٤٥٦٧٨٩", "0123456789", "", false, true},
		{"०९८२०१३७४६१", "09820137461", "", false, true},
		{"fax 1234", "1234", "", false, false},
		{"n/a", "", "", false, false},
		{"ext 12", "12", "", false, false}, // too few digits before the marker to be an extension
		{"1234", "1234", "", false, false},
	}
	for _, tt := range tests {
		got := prepare(tt.in)
		if got.digits != tt.digits || got.extension != tt.ext || got.plus != tt.plus || got.ok != tt.ok {
			t.Errorf("prepare(%q) = %+v; want digits %q ext %q plus %v ok %v", tt.in, got, tt.digits, tt.ext, tt.plus, tt.ok)
		}
	}
}

func TestSpreadsheetMangled(t *testing.T) {
	for in, want := range map[string]bool{
		"4.91511E+12": true, "1,23457E+11": true, "4E+12": true, "4.9e12": true,
		"+49 30 2270 0": false, "1E": false, "EXT 12": false, "030 2270 0": false,
	} {
		if got := spreadsheetMangled(in); got != want {
			t.Errorf("spreadsheetMangled(%q) = %v", in, got)
		}
	}
}

func TestImplausible(t *testing.T) {
	for nsn, want := range map[string]string{
		"1234567890": ProblemStraightRun, "2345678901": ProblemStraightRun, "9876543210": ProblemStraightRun,
		"9012345678": ProblemStraightRun, "3012345678": ProblemStraightRun, "612345678": ProblemStraightRun,
		"1111111111": ProblemOneDigit, "1711111111": ProblemOneDigit,
		"1212121212": ProblemRepeated, "123123123": ProblemRepeated, "2525252525": ProblemRepeated,
		"2122122122": ProblemRepeated, "600000000": ProblemFewDistinct, "2121121212": ProblemFewDistinct,
		// Real-looking numbers.
		"2024561111": "", "6502530000": "", "3020000000": "", "2072193000": "", "4567845678": "",
		"1711111112": "", "98201374610": "", "335813111": "", "12345": "", "1234512": "",
	} {
		if got := implausible(nsn, 0); got != want {
			t.Errorf("implausible(%q) = %q, want %q", nsn, got, want)
		}
	}
}

func TestAsciiDigit(t *testing.T) {
	for in, want := range map[rune]byte{'7': '7', '０': '0', '９': '9', '٣': '3', '۵': '5', '७': '7', '𝟘': '0', '𝟡': '9', '𝟬': '0', '𝟵': '9'} {
		if got := asciiDigit(in); got != want {
			t.Errorf("asciiDigit(%q) = %q, want %q", in, got, want)
		}
	}
}
