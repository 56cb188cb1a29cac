package seed

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"reportsite/internal/tomlfile"
)

// Sentence is one sentence of a text with the place it starts.
type Sentence struct {
	File string
	Line int    // 1-based
	Text string // as written, without its final mark
	key  string // normalised for comparison
}

// terminators end a sentence; a line end does too.
const terminators = "。！？；"

// Sentences splits lines, the first of which is line first of file, into
// sentences. Both sides of a comparison are punctuated alike first, so that
// only the words and numbers matter.
func Sentences(file string, first int, lines []string) []Sentence {
	var out []Sentence
	for i, l := range lines {
		l = Punctuate(strings.TrimSpace(l))
		for l != "" {
			end := strings.IndexAny(l, terminators)
			var s string
			if end < 0 {
				s, l = l, ""
			} else {
				_, size := utf8.DecodeRuneInString(l[end:])
				s, l = l[:end], l[end+size:]
			}
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			out = append(out, Sentence{File: file, Line: first + i, Text: s, key: strings.Join(strings.Fields(s), "")})
		}
	}
	return out
}

var (
	headingMark = regexp.MustCompile(`^#{1,6}\s+`)
	headingAttr = regexp.MustCompile(`\s*\{#[^}]*\}\s*$`)
)

// MarkdownLines returns the text lines of a Markdown section file, each with
// its 1-based line number: front matter (editorial) and fenced blocks (charts
// and tables) are left out, and heading marks, {#id} attributes and **
// emphasis are removed.
func MarkdownLines(src string) (lines []string, numbers []int) {
	all := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	i := 0
	if len(all) > 0 && strings.TrimSpace(all[0]) == "+++" {
		for i = 1; i < len(all) && strings.TrimSpace(all[i]) != "+++"; i++ {
		}
		i++
	}
	fence := ""
	for ; i < len(all); i++ {
		l := strings.TrimSpace(all[i])
		if fence != "" {
			if strings.HasPrefix(l, fence) && strings.Trim(l, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(l, "```") || strings.HasPrefix(l, "~~~") {
			fence = l[:3]
			for _, r := range l[3:] {
				if r != rune(l[0]) {
					break
				}
				fence += l[:1]
			}
			continue
		}
		if headingMark.MatchString(l) {
			l = headingAttr.ReplaceAllString(headingMark.ReplaceAllString(l, ""), "")
		}
		l = strings.ReplaceAll(l, "**", "")
		if l == "" {
			continue
		}
		lines = append(lines, l)
		numbers = append(numbers, i+1)
	}
	return lines, numbers
}

// MarkdownSentences returns the sentences of a Markdown section file. The
// section's heading is its front matter's number and title (一、 and
// 重點工作及亮點成效); the summary and other front matter are editorial.
func MarkdownSentences(file, src string) []Sentence {
	lines, nums := MarkdownLines(src)
	var out []Sentence
	if h, line := heading(src); h != "" {
		out = Sentences(file, line, []string{h})
	}
	for i, l := range lines {
		out = append(out, Sentences(file, nums[i], []string{l})...)
	}
	return out
}

// heading returns number + title from the front matter of src, and the line
// of the title, or "" when there is no title.
func heading(src string) (string, int) {
	if !strings.HasPrefix(src, "+++") {
		return "", 0
	}
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	end := 1
	for end < len(lines) && strings.TrimSpace(lines[end]) != "+++" {
		end++
	}
	if end >= len(lines) {
		return "", 0
	}
	var fm struct {
		Title  string `toml:"title"`
		Number string `toml:"number"`
	}
	if _, err := toml.Decode(strings.Join(lines[1:end], "\n"), &fm); err != nil || fm.Title == "" {
		return "", 0
	}
	line := 1 + tomlfile.New("", []byte(strings.Join(lines[1:end], "\n"))).KeyLine("title")
	return fm.Number + fm.Title, line
}

// Compare matches the seed's sentences against the content's, counting
// repeats, and returns the seed sentences the content lacks and the content
// sentences the seed lacks, each in its text's order.
func Compare(seed, content []Sentence) (missing, extra []Sentence) {
	have := make(map[string]int)
	for _, s := range content {
		have[s.key]++
	}
	want := make(map[string]int)
	for _, s := range seed {
		want[s.key]++
		if have[s.key] > 0 {
			have[s.key]--
			continue
		}
		missing = append(missing, s)
	}
	for _, s := range content {
		if want[s.key] > 0 {
			want[s.key]--
			continue
		}
		extra = append(extra, s)
	}
	return missing, extra
}
