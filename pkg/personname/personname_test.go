package personname

import (
	"strings"
	"testing"
)

type name struct{ first, last string }

// mustFire are names no parent gives a child.
var mustFire = []name{
	{"Mickey", "Mouse"}, {"MICKEY", "MOUSE"}, {"Minnie", "Mouse"}, {"Donald", "Duck"}, {"John", "Doe"}, {"Jane", "Doe"},
	{"john", "doe"}, {"Doe", "John"}, {"Mickey Mouse", ""}, {"", "Mickey Mouse"}, {"Mr.", "Mickey Mouse"},
	{"Test", "Test"}, {"TEST", "test"}, {"Test", "User"}, {"Asdf", "Asdf"}, {"Lorem", "Ipsum"}, {"Santa", "Claus"},
	{"Homer", "Simpson"}, {"Bugs", "Bunny"}, {"Fake", "Name"}, {"First", "Last"}, {"Firstname", "Lastname"},
	{"No", "Name"}, {"N/A", "N/A"}, {"n/a", ""}, {"Anonymous", ""}, {"Unknown", "Unknown"}, {"xxx", ""},
	{"Max", "Mustermann"}, {"Joe", "Bloggs"}, {"Foo", "Bar"}, {"Null", "Null"}, {"Test", "Tester"}, {"Mr", ""},
	// Keyboard mashes.
	{"asdf", "Smith"}, {"John", "qwerty"}, {"jkl;", "jkl;"}, {"zxcv", "Jones"}, {"sdfsdf", "sdfsdf"},
	{"hjkhjk", "Miller"}, {"Anna", "asdfjkl"}, {"qwertyuiop", ""}, {"Asdfgh", "Brown"}, {"lkjh", "Smith"},
	{"fdsa", "Lee"}, {"Sarah", "Hjkl"},
	// Repeated letters.
	{"aaaa", "Smith"}, {"Xxxxx", "Xxxxx"}, {"John", "Xxxx"}, {"zzz", ""},
	// Initials only.
	{"A", "B"}, {"J.", "S."}, {"a", "b"}, {"A B", ""}, {"", "X Y"},
	// Digits, addresses, symbols.
	{"John123", "Smith"}, {"John", "Smith2"}, {"123", "456"}, {"john@example.com", ""}, {"John", "#Smith"},
	{"J_ohn", "Smith"},
	// Gibberish on long Latin words.
	{"Xkcdqwrtz", "Smith"}, {"Bcdfghjklm", ""}, {"Sdkfjhsdkjfh", "Lee"}, {"Maria", "Zxqvbrtplkm"},
	{"Mnbvcxzlkjhg", "Ann"}, {"Ajsdhfkjasdh", "Lee"},
	// Digits that are not Arabizi letters.
	{"john2", "smith"}, {"test123", ""}, {"555-1234", ""}, {"a7", ""},
	// "Wrong number", "none", "unknown" where the name goes, in the
	// supported languages (issue 15).
	{"wrong number", ""}, {"Wrong", "Number"}, {"falsche Nummer", ""}, {"faux numéro", ""},
	{"número equivocado", ""}, {"Keine", "Angabe"}, {"ninguno", ""}, {"aucun", ""}, {"Nessuno", ""},
	{"لا يوجد", ""}, {"غير معروف", ""}, {"رقم خطأ", ""}, {"رقم غلط", ""}, {"مجهول", ""}, {"السيد", "مجهول"},
	{"未知", ""}, {"不明", ""}, {"测试", ""}, {"неизвестно", ""}, {"тест", "тест"}, {"Shri", ""}, {"د.", ""},
}

// mustNotFire are real names from many cultures, surnames that look fake
// alone, missing names and names damaged by a lost encoding.
var mustNotFire = []name{
	{"Daniel", "Ng"}, {"Petr", "Vlk"}, {"Min-ji", "O"}, {"Sun", "U"}, {"Kelvin", "Ooi"}, {"Na", "Li"}, {"Li", "Na"},
	{"Wei", "Xu"}, {"Bo", "Xu"}, {"Yi", "Chen"}, {"Bo", ""}, {"Thi Lan", "Nguyen"}, {"Thị Lan", "Nguyễn"},
	{"Ngozi", "Okonjo-Iweala"}, {"Nnamdi", "Azikiwe"}, {"Thandiwe", "Tshabalala"}, {"Zweli", "Mkhize"},
	{"Krzysztof", "Szczepański"}, {"Grzegorz", "Brzęczyszczykiewicz"}, {"Rhys", "Llewellyn"}, {"Aoife", "Ní Bhriain"},
	{"Siobhán", "Ó Súilleabháin"}, {"Niamh", "O'Brien"}, {"Niamh", "O’Brien"}, {"Eeva", "Järvinen"},
	{"Xochitl", "Gómez"}, {"Wojciech", "Szczęsny"}, {"Marco", "D'Angelo"}, {"Emma", "Smith-Jones"},
	{"Pieter", "van der Berg"}, {"Juan", "de la Cruz"}, {"Ahmad", "bin Abdullah"}, {"Omar", "al-Hassan"},
	{"Layla", "Al-Sayed"}, {"Søren", "Østergaard"}, {"JOHN", "SMITH"}, {"john", "smith"}, {"John", "Smith"},
	{"太郎", "田中"}, {"田中 太郎", ""}, {"伟", "王"}, {"민준", "김"}, {"Алексей", "Иванов"}, {"Γιώργος", "Παπαδόπουλος"},
	{"محمد", "علي"}, {"Madonna", ""}, {"Sukarno", ""}, {"", "Tshabalala"},
	{"Anna", "Test"}, {"", "Test"}, {"Test", ""}, {"Mary", "Null"}, {"", "Null"}, {"Sam", "Doe"}, {"Bruce", "Batman"},
	{"Christopher", "Guest"}, {"Bar", "Refaeli"}, {"Azer", "Mammadov"}, {"Hans", "Wert"}, {"Yui", "Aragaki"},
	{"Tom", "Trew"}, {"Ludwig", "Schwarzschild"}, {"Karl", "Angstschweiß"}, {"Jürgen", "Hochschwender"},
	{"Mary-Kate", "Olsen"}, {"J.", "Smith"}, {"John", "S."}, {"J. R. R.", "Tolkien"}, {"O", ""}, {"", "O"},
	{"Nomvula", "Mthembu"}, {"Dlamini", "Nkosi"}, {"Tran", "Thi Mai"}, {"Aarav", "Patel"}, {"Oluwaseun", "Adeyemi"},
	{"Björk", ""}, {"Ngô", "Bảo Châu"}, {"Eun", "Yoo"}, {"Ai", "Ito"}, {"Io", "Ua"}, {"Aaliyah", "Smith"},
	{"Kseniya", "Pshenichnykh"}, {"Lwazi", "Mchunu"}, {"Cwen", "Prys"}, {"Llwyd", "Crwys"}, {"Hwang", "Jung-hwa"},
	{"John", "Smith III"}, {"John", "Smith Jr."}, {"Klaus", "Wertz"}, {"M", ""}, {"John+Paul", "Jones"},
	{"Lulu", "Momo"}, {"Coco", "Lala"}, {"Mary", "Lamb"}, {"Anne", "Marie Jean-Baptiste"},
	{"", ""}, {"  ", "\t"}, {"-", "-"}, {".", ""}, {"John", "-"}, {"???", "???"}, {"\ufffd\ufffd", ""},
	// Arabic written in Latin letters with digits (Arabizi), and Arabic
	// names after an honorific abbreviation (issue 15).
	{"ali", "el3eraky"}, {"Mo7amed", "Sa3ed"}, {"3ali", "Hassan"}, {"7amza", "El-Sayed"}, {"Sa7ar", "Mostafa"},
	{"د. محمد", "العلي"}, {"م/ أحمد", "علي"}, {"أ.د.", "خالد"}, {"م. سارة", "الحربي"}, {"السيد", "معروف"},
	{"Marouf", "Ali"}, {"معروف", "علي"}, {"Sayed", ""}, {"Sri", ""}, {"", "Eze"}, {"Sheikh", ""},
	// Chinese, Indian and African names and honorifics in several scripts.
	{"王", "伟"}, {"李", "娜"}, {"王伟", "先生"}, {"李娜", "女士"}, {"Shri", "Ramesh Kumar"}, {"Smt.", "Lakshmi Iyer"},
	{"श्री राम", "शर्मा"}, {"Venkataraghavan", "Srinivasaraghavan"}, {"Thiruvengadam", ""},
	{"Chief", "Obafemi Awolowo"}, {"Alhaji", "Aliko Dangote"}, {"Chukwuemeka", "Okonkwo"}, {"Chinedu", "Eze"},
	{"Kgosi", "Mmusi"}, {"Nkosazana", "Dlamini-Zuma"}, {"Господин", "Петров"}, {"田中", "様"},
}

func TestCheckFires(t *testing.T) {
	if len(mustFire) == 0 {
		t.Fatal("mustFire is empty")
	}
	for _, n := range mustFire {
		bogus, why := Check(n.first, n.last)
		if !bogus {
			t.Errorf("Check(%q, %q) = false, want bogus", n.first, n.last)
		} else if why == "" {
			t.Errorf("Check(%q, %q): bogus without a reason", n.first, n.last)
		}
	}
}

func TestCheckDoesNotFire(t *testing.T) {
	if len(mustNotFire) == 0 {
		t.Fatal("mustNotFire is empty")
	}
	for _, n := range mustNotFire {
		if bogus, why := Check(n.first, n.last); bogus {
			t.Errorf("Check(%q, %q) = bogus (%s), want a real name", n.first, n.last, why)
		}
	}
}

// TestCheckNicknameList runs every given name and diminutive of the
// embedded list, as first name and as surname: none may be bogus.
func TestCheckNicknameList(t *testing.T) {
	checked := 0
	for _, line := range strings.Split(nicknamesCSV, "\n") {
		for _, given := range strings.Split(line, ",") {
			if given == "" {
				continue
			}
			checked++
			if bogus, why := Check(given, "Smith"); bogus {
				t.Errorf("Check(%q, Smith) = bogus (%s)", given, why)
			}
			if bogus, why := Check("Anna", given); bogus {
				t.Errorf("Check(Anna, %q) = bogus (%s)", given, why)
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d names checked", checked)
	}
}

func TestCheckReasons(t *testing.T) {
	tests := []struct {
		first, last, why string
	}{
		{"Mickey", "Mouse", "placeholder name"},
		{"asdf", "Smith", "keyboard mash"},
		{"aaaa", "Smith", "repeated letters"},
		{"A", "B", "only initials"},
		{"John123", "Smith", "digits in name"},
		{"Xkcdqwrtz", "Smith", "gibberish"},
		{"a@b.com", "", "email address in name"},
	}
	for _, tt := range tests {
		if _, why := Check(tt.first, tt.last); why != tt.why {
			t.Errorf("Check(%q, %q): why %q, want %q", tt.first, tt.last, why, tt.why)
		}
	}
}

type pair struct{ firstA, lastA, firstB, lastB string }

var related = []pair{
	{"John", "Smith", "John", "Smith"},
	{"JOHN", "SMITH", "john", "smith"},
	{"José", "García", "Jose", "Garcia"},
	{"Søren", "Østergaard", "Soren", "Ostergaard"},
	{"Bob", "Jones", "Robert", "Jones"},
	{"Bill", "Gates", "William", "Gates"},
	{"Liz", "Taylor", "Elizabeth", "Taylor"},
	{"Bob", "Jones", "Rob", "Jones"},
	{"J.", "Smith", "John", "Smith"},
	{"John", "S.", "John", "Smith"},
	{"Smith", "John", "John", "Smith"},
	{"Jon", "Smith", "John", "Smith"},
	{"Catherine", "Zeta-Jones", "Katherine", "Zeta Jones"},
	{"Jonathan", "Smith", "Jonathon", "Smith"},
	{"Katherine", "Johnson", "Katharine", "Jonson"},
	{"Jonathan", "Smyth", "Jonathan", "Smith"}, // Jaro-Winkler 0.89, one typo
	{"Anna", "Schmidt", "Anna", "Schmitd"},
	{"Mary Ann", "Lee", "Mary", "Lee"},
	{"Emma", "Smith-Jones", "Emma", "Jones"},
	{"Niamh", "O'Brien", "Niamh", "OBrien"},
	{"Niamh", "O’Brien", "Niamh", "O'Brien"},
	{"Nguyễn", "Thị Lan", "Nguyen", "Thi Lan"},
	{"田中", "太郎", "田中", "太郎"},
	{"", "", "Mickey", "Mouse"},
	{"John", "Smith", "", ""},
	{"John", "", "John", "Smith"},
	{"John Smith", "", "John", "Smith"},
	{"", "Smith", "Jane", "Smith"},
}

var unrelated = []pair{
	{"Mickey", "Mouse", "Michael", "Moss"},
	{"John", "Smith", "Mary", "Smith"},
	{"John", "Smith", "John", "Jones"},
	{"Robert", "Brown", "Susan", "Brown"},
	{"Anna", "Lee", "Anna", "Lea"}, // short surnames get no typo allowance
	{"Anna", "Moss", "Anna", "Mouse"},
	{"Anna", "Lee", "Hans", "Müller"},
	{"Li", "Na", "Xu", "Bo"},
	{"Pieter", "van der Berg", "Pieter", "van Dijk"},
	{"John", "", "Mary", "Jones"},
	{"田中", "太郎", "山田", "花子"},
	{"Test", "Test", "Sarah", "Connor"},
}

func TestRelated(t *testing.T) {
	if len(related) == 0 || len(unrelated) == 0 {
		t.Fatal("a list is empty")
	}
	for _, p := range related {
		if !Related(p.firstA, p.lastA, p.firstB, p.lastB) {
			t.Errorf("Related(%q %q, %q %q) = false, want true", p.firstA, p.lastA, p.firstB, p.lastB)
		}
		if !Related(p.firstB, p.lastB, p.firstA, p.lastA) {
			t.Errorf("Related(%q %q, %q %q) = false, want true (reversed)", p.firstB, p.lastB, p.firstA, p.lastA)
		}
	}
	for _, p := range unrelated {
		if Related(p.firstA, p.lastA, p.firstB, p.lastB) {
			t.Errorf("Related(%q %q, %q %q) = true, want false", p.firstA, p.lastA, p.firstB, p.lastB)
		}
		if Related(p.firstB, p.lastB, p.firstA, p.lastA) {
			t.Errorf("Related(%q %q, %q %q) = true, want false (reversed)", p.firstB, p.lastB, p.firstA, p.lastA)
		}
	}
}

func TestKey(t *testing.T) {
	same := [][2]name{
		{{"José", "García-López"}, {"JOSE", "garcia lopez"}},
		{{"Niamh", "O’Brien"}, {"niamh", "OBrien"}},
		{{"Søren ", " Østergaard"}, {"soren", "ostergaard"}},
		{{"John Smith", ""}, {"John", "Smith"}},
		{{"J.", "Smith"}, {"j", "smith"}},
	}
	for _, s := range same {
		a, b := Key(s[0].first, s[0].last), Key(s[1].first, s[1].last)
		if a != b || a == "" {
			t.Errorf("Key(%v) = %q, Key(%v) = %q, want equal and non-empty", s[0], a, s[1], b)
		}
	}
	if got := Key("José", "García-López"); got != "jose garcia lopez" {
		t.Errorf("Key(José, García-López) = %q", got)
	}
	if Key("John", "Smith") == Key("Jane", "Smith") {
		t.Error("John Smith and Jane Smith share a key")
	}
	if got := Key("", ""); got != "" {
		t.Errorf("Key of nothing = %q", got)
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Nguyễn": "nguyen", "Østergaard": "ostergaard", "Szczepański": "szczepanski", "Weiß": "weiss",
		"Łukasz": "lukasz", "ÆSIR": "aesir", "O’Brien": "o'brien", "Ó Súilleabháin": "o suilleabhain",
		"ダイスケ": "ダイスケ", "Đorđe": "dorde", "İlker": "ilker",
	}
	for in, want := range tests {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzCheck(f *testing.F) {
	for _, n := range append(append([]name(nil), mustFire...), mustNotFire...) {
		f.Add(n.first, n.last)
	}
	f.Fuzz(func(t *testing.T, first, last string) {
		bogus, why := Check(first, last)
		if bogus != (why != "") {
			t.Errorf("Check(%q, %q) = %v, %q: reason and verdict disagree", first, last, bogus, why)
		}
		if strings.TrimSpace(first) == "" && strings.TrimSpace(last) == "" && bogus {
			t.Errorf("empty name judged bogus")
		}
	})
}

func FuzzRelated(f *testing.F) {
	for _, p := range append(append([]pair(nil), related...), unrelated...) {
		f.Add(p.firstA, p.lastA, p.firstB, p.lastB)
	}
	f.Fuzz(func(t *testing.T, firstA, lastA, firstB, lastB string) {
		Related(firstA, lastA, firstB, lastB)
		if !Related(firstA, lastA, firstA, lastA) {
			t.Errorf("%q %q is not related to itself", firstA, lastA)
		}
		_ = Key(firstA, lastA)
	})
}

var benchNames = []name{
	{"John", "Smith"}, {"Siobhán", "Ó Súilleabháin"}, {"Grzegorz", "Brzęczyszczykiewicz"}, {"Mickey", "Mouse"},
	{"asdf", "qwerty"}, {"太郎", "田中"}, {"Pieter", "van der Berg"}, {"", ""},
}

func BenchmarkCheck(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		n := benchNames[i%len(benchNames)]
		Check(n.first, n.last)
	}
}

func BenchmarkRelated(b *testing.B) {
	loadNicknames()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		a, c := benchNames[i%len(benchNames)], benchNames[(i+1)%len(benchNames)]
		Related(a.first, a.last, c.first, c.last)
	}
}

func BenchmarkKey(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		n := benchNames[i%len(benchNames)]
		Key(n.first, n.last)
	}
}

// TestFoldASCIIFastPath checks that fold's ASCII shortcut gives what the
// normalising path gives, over every printable ASCII character in and
// around a name.
func TestFoldASCIIFastPath(t *testing.T) {
	for c := byte(' '); c < 0x7f; c++ {
		for _, s := range []string{string(c), "Jo" + string(c) + "hn", string(c) + "MCDONALD", "o`brien" + string(c)} {
			if got, want := fold(s), foldUnicode(s); got != want {
				t.Errorf("fold(%q) = %q, foldUnicode = %q", s, got, want)
			}
		}
	}
}

// FuzzFold compares fold with foldUnicode on any text.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"John", "O`Brien", "NGUYỄN", "Łukasz", "mary-jane"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldUnicode(s); got != want {
			t.Errorf("fold(%q) = %q, foldUnicode = %q", s, got, want)
		}
	})
}
