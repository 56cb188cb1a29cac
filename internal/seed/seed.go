package seed

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text is the cleaned seed: the page's breadcrumb apart from the report text.
type Text struct {
	Breadcrumb string   // first line of the seed, without its list marker
	Body       []string // the report's lines in order, cleaned, empty lines left out
	BodyLines  []int    // the 1-based seed line of each Body line, for messages
	Report     Report   // what the recipe changed
}

// Report counts what each step of the recipe changed, so that an editor can
// see that a rule did what it should and no more.
type Report struct {
	Annotations int   // pinyin annotations removed by the general rule
	Corrections []int // how often each manual correction applied, in the order given
	Marks       int   // ASCII punctuation marks made full-width
	Spaces      int   // runs of spaces removed from Chinese text
}

// String returns the cleaned text as re-derived: the breadcrumb, an empty
// line, then the body, one source line per line.
func (t *Text) String() string {
	var b strings.Builder
	b.WriteString(t.Breadcrumb)
	b.WriteString("\n\n")
	for _, l := range t.Body {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// Clean applies the recipe described in the package documentation to raw,
// the seed's bytes, with the manual corrections corr.
func Clean(raw []byte, corr []Correction) (*Text, error) {
	if !utf8.Valid(raw) {
		return nil, fmt.Errorf("line %d: seed is not valid UTF-8", invalidLine(raw))
	}
	s := string(bytes.TrimPrefix(raw, []byte("\uFEFF")))
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if strings.TrimSpace(s) == "" {
		return nil, errors.New("seed is empty")
	}

	t := &Text{}
	s, t.Report.Annotations = StripAnnotations(s)

	for i, c := range corr {
		if c.Original == "" {
			return nil, fmt.Errorf("%s: correction %d has an empty original", c.pos(), i+1)
		}
		n := strings.Count(s, c.Original)
		if n == 0 {
			return nil, fmt.Errorf("%s: correction %d: original %q not found in the seed after the general rule; remove or update the correction", c.pos(), i+1, c.Original)
		}
		s = strings.ReplaceAll(s, c.Original, c.Corrected)
		t.Report.Corrections = append(t.Report.Corrections, n)
	}

	first, rest, _ := strings.Cut(s, "\n")
	t.Breadcrumb = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(first), "- "))
	for i, l := range strings.Split(rest, "\n") {
		l, marks, spaces := punctuate(l)
		t.Report.Marks += marks
		t.Report.Spaces += spaces
		if l != "" {
			t.Body = append(t.Body, l)
			t.BodyLines = append(t.BodyLines, i+2)
		}
	}
	return t, nil
}

// Load reads the seed and its corrections from fsys and cleans the seed.
func Load(fsys fs.FS, seedPath, correctionsPath string) (*Text, error) {
	corr, err := LoadCorrections(fsys, correctionsPath)
	if err != nil {
		return nil, err
	}
	raw, err := fs.ReadFile(fsys, seedPath)
	if err != nil {
		return nil, err
	}
	t, err := Clean(raw, corr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", seedPath, err)
	}
	return t, nil
}

// Derive returns the cleaned text of the seed at seedPath in fsys, as Clean
// makes it with the corrections at correctionsPath; the command line prints
// it so that anyone can compare it with the published text.
func Derive(fsys fs.FS, seedPath, correctionsPath string) (string, error) {
	t, err := Load(fsys, seedPath, correctionsPath)
	if err != nil {
		return "", err
	}
	return t.String(), nil
}

// annotation finds candidates for the general rule; syllable decides.
var (
	annotation = regexp.MustCompile(`\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7})\)`)
	syllable   = regexp.MustCompile(`^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüvêāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,3}(?:ng|n|r)?$`)
)

// StripAnnotations removes every pinyin annotation that directly follows a
// Han character, as in 政務(wù)公開, and returns the text and how many it
// removed. An annotation holds exactly one lower-case pinyin syllable, so
// parentheses around Chinese text, numbers or other Latin text survive.
func StripAnnotations(s string) (string, int) {
	var b strings.Builder
	n, last := 0, 0
	for _, m := range annotation.FindAllStringSubmatchIndex(s, -1) {
		if !isAnnotation(s, m[0], s[m[2]:m[3]]) {
			continue
		}
		b.WriteString(s[last:m[0]])
		last = m[1]
		n++
	}
	if n == 0 {
		return s, 0
	}
	b.WriteString(s[last:])
	return b.String(), n
}

func isAnnotation(s string, start int, inner string) bool {
	r, size := utf8.DecodeLastRuneInString(s[:start])
	return size > 0 && unicode.Is(unicode.Han, r) && syllable.MatchString(inner)
}

// Punctuate gives one line of Chinese text its full-width punctuation: the
// ASCII marks , ; : ! ? next to Chinese text become ，；：！？, a pair of
// ASCII parentheses holding Chinese text becomes （）, and spaces are removed
// unless they stand between two ASCII characters. Numbers and Latin text
// such as 1-11, 5+2, 80.41%, 1,000, 4S and (LED) are left as they are.
func Punctuate(line string) string {
	s, _, _ := punctuate(line)
	return s
}

var fullWidth = map[rune]rune{',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）'}

func punctuate(line string) (out string, marks, spaces int) {
	rs := []rune(line)
	marks = convertMarks(rs)

	// Spaces survive only between two ASCII characters.
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if !isSpace(rs[i]) {
			b.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && isSpace(rs[j]) {
			j++
		}
		if i > 0 && j < len(rs) && rs[i-1] < utf8.RuneSelf && rs[j] < utf8.RuneSelf {
			b.WriteString(string(rs[i:j]))
		} else {
			spaces++
		}
		i = j - 1
	}
	return b.String(), marks, spaces
}

// convertMarks makes ASCII marks in rs full-width where they touch Chinese
// text and returns how many it converted. A mark next to a converted mark
// converts too, so that the result is stable: Punctuate(Punctuate(s)) ==
// Punctuate(s). It runs in linear time.
func convertMarks(rs []rune) int {
	n := 0
	// Parentheses pair up; a pair becomes full-width when it holds wide text.
	var open []int
	lastWide := -1 // index of the last wide rune seen
	for i, r := range rs {
		switch {
		case r == '(':
			open = append(open, i)
		case r == ')':
			if len(open) == 0 {
				continue
			}
			j := open[len(open)-1]
			open = open[:len(open)-1]
			if lastWide > j {
				rs[i], rs[j] = '）', '（'
				n += 2
				lastWide = i
			}
		case wide(r):
			lastWide = i
		}
	}
	// Marks: one sweep from each side carries wideness along runs of marks.
	sweep := func(i, end, step int) {
		prevWide := false
		for ; i != end; i += step {
			r := rs[i]
			switch {
			case isSpace(r):
			case isMark(r):
				if prevWide {
					rs[i] = fullWidth[r]
					n++
				}
			default:
				prevWide = wide(r)
			}
		}
	}
	sweep(0, len(rs), 1)
	sweep(len(rs)-1, -1, -1)
	return n
}

func isMark(r rune) bool { return strings.ContainsRune(",;:!?", r) }

func wide(r rune) bool { return r >= utf8.RuneSelf }

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' }

func invalidLine(b []byte) int {
	line := 1
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		b = b[size:]
	}
	return line
}
