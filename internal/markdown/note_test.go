package markdown

import (
	"reflect"
	"testing"
)

func TestNoteHTML(t *testing.T) {
	tests := []struct {
		name, src, label, want string
	}{
		{"labelled", "Working 5+2 [[tn: weekends included]] for months.\n", "Translator's note: ",
			`<p id="p-1">Working 5+2 <span class="tn">[<span class="visually-hidden">Translator's note: </span>weekends included]</span> for months.</p>` + "\n"},
		{"no label", "A [[tn:gloss]].\n", "",
			`<p id="p-1">A <span class="tn">[gloss]</span>.</p>` + "\n"},
		{"markup stays text", "A [[tn: *x* <b>&amp;</b>]]\n", "",
			`<p id="p-1">A <span class="tn">[*x* &lt;b&gt;&amp;amp;&lt;/b&gt;]</span></p>` + "\n"},
		{"unclosed is text", "A [[tn: open\n", "", "<p id=\"p-1\">A [[tn: open</p>\n"},
		{"empty is text", "A [[tn: ]]\n", "", "<p id=\"p-1\">A [[tn: ]]</p>\n"},
		{"a link is still a link", "[a](b.html) [[tn: c]]\n", "",
			`<p id="p-1"><a href="b.html">a</a> <span class="tn">[c]</span></p>` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := html(t, tt.src, Options{NoteLabel: tt.label})
			if got != tt.want {
				t.Errorf("Render(%q) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

// TestNoteNotReportText checks that a note is left out of the plain text the
// checks read, and listed with its line and heading.
func TestNoteNotReportText(t *testing.T) {
	src := "Lead [[tn: gloss one, 1999]] text.\n\n## Heading\n\n- item [[tn: gloss two]]\n"
	d, _ := Parse([]byte(src), Options{LineOffset: 4})
	wantParas := []Para{{"paragraph", "Lead  text.", 5, "p-1"}, {"item", "item", 9, "p-2"}}
	if !reflect.DeepEqual(d.Paras, wantParas) {
		t.Errorf("Parse(%q).Paras = %+v, want %+v", src, d.Paras, wantParas)
	}
	wantNotes := []Note{{"gloss one, 1999", 5, ""}, {"gloss two", 9, "h-1"}}
	if !reflect.DeepEqual(d.Notes, wantNotes) {
		t.Errorf("Parse(%q).Notes = %+v, want %+v", src, d.Notes, wantNotes)
	}
}
