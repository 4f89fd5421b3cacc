package personname

import "strings"

// placeholderPairs are whole names, folded and space-separated, that are
// placeholders or cartoon characters, never a lead's real name. A pair is
// listed only when both words together are fake: "Sam Doe", "Anna Test"
// and "John Smith" are real people.
var placeholderPairs = foldedSetOf(
	// Cartoons, fiction and folklore.
	"mickey mouse", "minnie mouse", "donald duck", "daisy duck", "daffy duck", "scrooge mcduck", "goofy goof",
	"bugs bunny", "elmer fudd", "porky pig", "road runner", "wile e coyote", "tweety bird",
	"homer simpson", "bart simpson", "marge simpson",
	"santa claus", "father christmas", "easter bunny", "tooth fairy", "darth vader",
	"spongebob squarepants", "fred flintstone", "barney rubble",
	// Legal and form placeholders.
	"john doe", "jane doe", "johnny doe", "baby doe",
	"john q public", "jane q public", "john public", "joe public", "joe bloggs", "fred bloggs", "jane bloggs",
	"joe blow", "joe schmoe", "john q doe", "max mustermann", "erika mustermann", "otto normalverbraucher",
	"lorem ipsum", "ipsum lorem", "dolor sit amet", "foo bar", "foo baz", "bar baz",
	"first last", "first name", "last name", "first name last name", "firstname lastname", "fname lname",
	"no name", "your name", "my name", "full name", "name surname", "name name", "fake name",
	"test test", "test user", "test tester", "test testing", "test name", "test lead", "test account",
	"asdf asdf", "asdf qwerty", "qwerty qwerty", "spam spam", "mr test", "mrs test", "ms test",
	// "Wrong number" and "no name", written where the name goes by
	// whoever called, in the languages leadclean supports.
	"wrong number", "wrong no", "wrong num", "wrong person", "not interested", "no answer",
	"falsche nummer", "falsche person", "kein name", "ohne name", "keine angabe",
	"faux numero", "mauvais numero", "sans nom", "pas de nom",
	"numero equivocado", "numero incorrecto", "numero errado", "sin nombre",
	"numero sbagliato", "senza nome", "verkeerd nummer", "geen naam",
	"رقم خطأ", "رقم خطا", "رقم خاطئ", "رقم غلط", "لا يوجد", "غير معروف", "بدون اسم", "لا اسم", "غير موجود",
	"неправильный номер", "не известно", "без имени", "тест тест",
	"号码错误", "错误号码", "テスト テスト",
)

// placeholderPairWords are the words of placeholderPairs: a name with a
// word outside them and placeholderWords is no placeholder.
var placeholderPairWords = func() map[string]bool {
	words := map[string]bool{}
	for pair := range placeholderPairs {
		for _, w := range strings.Fields(pair) {
			words[w] = true
		}
	}
	return words
}()

// placeholderWords are words that stand for no name. A name made only of
// them is a placeholder ("Unknown Unknown", "N/A", "Test User"), except a
// single word that is also a real surname (true here): "Test" or "Null"
// alone may be a person who left the first name blank.
var placeholderWords = map[string]bool{
	"test": true, "null": true, "guest": true, "person": true, "sample": true, "blank": true, "user": true,
	"demo": true, "client": true, "customer": true, "visitor": true, "lead": true, "contact": true, "example": true,
	"tester": false, "testing": false, "testuser": false, "fake": false, "dummy": false, "noname": false, "nobody": false,
	"firstname": false, "lastname": false, "fname": false, "lname": false, "surname": false, "name": false,
	"unknown": false, "unknow": false, "anonymous": false, "anon": false, "none": false, "nil": false, "undefined": false,
	"n/a": false, "n/v": false, "nn": false, "xxx": false, "asdf": false, "qwerty": false, "lorem": false, "ipsum": false,
	"blah": false, "empty": false, "nothing": false, "tbd": false, "unnamed": false, "someone": false, "somebody": false,
	"unbekannt": false, "inconnu": false, "desconocido": false, "anonym": false, "anonyme": false, "anonimo": false,
	"yourname": false, "myname": false, "fullname": false, "abc": false, "abcd": false, "abcde": false, "xyz": false,
	// "None", "unknown", "nobody" in the other supported languages; a
	// word that is also a name somewhere stays true.
	"keine": false, "keiner": false, "niemand": false, "aucun": false, "inconnue": false,
	"ninguno": false, "ninguna": false, "nadie": false, "nessuno": false, "sconosciuto": false,
	"nenhum": false, "desconhecido": false, "onbekend": false,
	"مجهول": false, "مجهوله": false,
	"неизвестно": false, "неизвестный": false, "аноним": false, "тест": true, "нет": true,
	"未知": false, "不详": false, "无名": false, "测试": false, "匿名": false,
	"不明": false, "なし": false, "テスト": false, "名無し": false,
}

// honorifics are dropped before the placeholder checks ("Mr. Test Test"),
// in the scripts leads write them: Indian (Shri, Smt., श्री), West African
// (Alhaji, Chief), Arabic (Dr. as د., Eng. as م., Prof. as أ.د., السيد),
// Chinese, Japanese, Korean and Russian.
var honorifics = foldedSetOf("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "herr", "frau", "mme", "mlle", "sr", "sra",
	"shri", "shree", "smt", "shrimati", "kumari", "pandit", "श्री", "श्रीमती", "कुमारी", "डॉ",
	"alhaji", "alhaja", "hajia", "chief", "mallam",
	"sheikha", "eng", "hajji", "ustadh", "ustaz",
	"د", "م", "أ", "ا", "أ.د", "ا.د", "د/", "م/", "أ/", "السيد", "السيدة", "الدكتور", "الدكتورة", "المهندس", "المهندسة", "الأستاذ", "الاستاذ", "الشيخ", "الحاج",
	"先生", "女士", "小姐", "博士", "老师", "さん", "様", "氏", "씨", "님",
	"господин", "госпожа", "г-н", "г-жа")

// foldedSetOf is setOf over the folded items, so that entries in any
// script compare with folded names.
func foldedSetOf(items ...string) map[string]bool {
	set := make(map[string]bool, len(items))
	for _, item := range items {
		set[strings.Join(tokens(fold(item)), " ")] = true
	}
	return set
}

func setOf(items ...string) map[string]bool {
	set := make(map[string]bool, len(items))
	for _, item := range items {
		set[item] = true
	}
	return set
}

// keyboardRows are the letter rows of QWERTY, QWERTZ and AZERTY.
var keyboardRows = []string{
	"qwertyuiop", "asdfghjkl", "zxcvbnm",
	"qwertzuiop", "yxcvbnm",
	"azertyuiop", "qsdfghjklm", "wxcvbn",
}

// mashFours are four-letter keyboard runs with a vowel that are mashes;
// others such as "wert", "azer" and "trew" are names.
var mashFours = setOf("asdf", "fdsa", "qwer", "rewq", "uiop", "poiu", "yuio", "tyui", "rtyu", "qsdf", "wxcv")

// keyboardNames are names spelled along a keyboard row.
var keyboardNames = setOf("wertz", "wert", "azer", "trew", "yui", "rewert")

// keyAdjacency[a][b] is true when letter b follows letter a on some
// keyboard row, left to right. Built once from keyboardRows.
var keyAdjacency = func() (table [26][26]bool) {
	for _, row := range keyboardRows {
		for i := 0; i+1 < len(row); i++ {
			table[row[i]-'a'][row[i+1]-'a'] = true
		}
	}
	return table
}()

// keyAdjacent reports whether b follows a on some keyboard row, left to
// right. Both must be in a-z.
func keyAdjacent(a, b byte) bool {
	return keyAdjacency[a-'a'][b-'a']
}

// isKeyboardMash reports whether piece is made of runs of neighbouring
// keys, each at least three long ("asdf", "sdfsdf", "asdfjkl", "qwerty",
// "jkl"), and is long enough or vowel-less enough not to be a name
// ("Wert", "Yui" and "Trew" are names).
func isKeyboardMash(piece string) bool {
	if len(piece) < 3 || !isLatinASCII(piece) || keyboardNames[piece] {
		return false
	}
	for i := 0; i < len(piece); {
		forward, backward := 1, 1
		for j := i; j+1 < len(piece) && keyAdjacent(piece[j], piece[j+1]); j++ {
			forward++
		}
		for j := i; j+1 < len(piece) && keyAdjacent(piece[j+1], piece[j]); j++ {
			backward++
		}
		run := max(forward, backward)
		if run < 3 {
			return false
		}
		i += run
	}
	if len(piece) >= 5 || mashFours[piece] {
		return true
	}
	for i := 0; i < len(piece); i++ {
		if isVowel(piece[i]) {
			return false
		}
	}
	return true
}
