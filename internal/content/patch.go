package content

import (
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/content/section"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/sitefs"
)

// Patch returns a copy of s in which the files named (paths in fsys, as
// Load reads them) are read again: each must be the text of a section s
// holds in a hand-written language, or a data table s holds. The copy
// shares everything else with s, which is left as it was; the sections and
// tables read again are new values, so a caller can tell them apart by
// pointer. Patch returns ok false, and nothing else, when a file is of any
// other kind: then only a full Load gives the site the files describe.
//
// The problems are those of the files read again, and of the overview's
// cards and charts when a table changed.
func (s *Site) Patch(fsys fs.FS, files []string) (p *Site, dl *diag.List, ok bool) {
	type secFile struct {
		i   int
		tag string
	}
	var secs []secFile
	var tables []int
	for _, f := range files {
		switch {
		case strings.HasPrefix(f, addr.Data+"/") && strings.HasSuffix(f, ".toml"):
			i := slices.IndexFunc(s.Tables, func(t *dataset.Table) bool { return t.File == f })
			if i < 0 {
				return nil, nil, false
			}
			tables = append(tables, i)
		default:
			i := -1
			var tag string
			for _, l := range s.SourceLangs() {
				if j := slices.IndexFunc(s.Sections, func(sec *Section) bool { return sec.Texts[l.Tag] != nil && sec.Texts[l.Tag].File == f }); j >= 0 {
					i, tag = j, l.Tag
				}
			}
			if i < 0 {
				return nil, nil, false
			}
			secs = append(secs, secFile{i, tag})
		}
	}
	c := *s
	p, dl = &c, &diag.List{}
	if len(secs) > 0 {
		p.Sections = slices.Clone(s.Sections)
		for _, f := range secs {
			old := p.Sections[f.i]
			sec := &Section{ID: old.ID, Slug: old.Slug, Texts: maps.Clone(old.Texts)}
			p.Sections[f.i] = sec
			t := section.Read(fsys, old.Texts[f.tag].File, dl)
			if t == nil {
				return p, dl, true // dl holds why
			}
			sec.Texts[f.tag] = t
			for _, l := range p.Languages {
				if l.Derive == f.tag {
					p.derive(sec, l)
				}
			}
		}
	}
	if len(tables) > 0 {
		p.Tables = slices.Clone(s.Tables)
		p.tables = maps.Clone(s.tables)
		p.Charts = maps.Clone(s.Charts)
		env := p.tableEnv()
		for _, i := range tables {
			old := p.Tables[i]
			for id, ch := range p.Charts {
				if ch.Table == old {
					delete(p.Charts, id)
				}
			}
			src, ok := sitefs.ReadText(fsys, old.File, dl)
			if !ok {
				return p, dl, true
			}
			t := dataset.Decode(old.File, path.Base(strings.TrimSuffix(old.File, ".toml")), src, env, dl)
			if t == nil {
				return p, dl, true
			}
			if t.ID != old.ID {
				return nil, nil, false
			}
			t.Fill(p.Languages, p.Conv.Must)
			p.Tables[i] = t
			if p.tables[t.ID] == old {
				p.tables[t.ID] = t
			}
			for j := range t.Charts {
				ch := &t.Charts[j]
				if o, ok := p.Charts[ch.ID]; ok {
					dl.Errorf(t.File, ch.Line, "give each chart its own id", "chart %q is also defined in %s:%d", ch.ID, o.Table.File, o.Line)
					continue
				}
				p.Charts[ch.ID] = ch
			}
		}
		if p.siteTOML != nil {
			p.checkOverviewData(p.siteTOML, dl)
		}
	}
	return p, dl, true
}
