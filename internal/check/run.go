package check

import (
	"slices"

	"reportsite/internal/check/memo"
	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
)

// Memo keeps what the rules found in each section and table from one build
// to the next (package memo); besides the diagnostics it keeps their
// quotation marks, for the one quotation style per language.
type Memo = memo.Memo[quotes]

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return memo.New[quotes]() }

// quotes are the quotation marks of a section's or table's texts, in
// order, and what they hold per language.
type quotes struct {
	marks  []quoteMark
	styles []quoteStyle
}

// unit is a section or a table, checked on its own.
type unit struct {
	key   string // in the Memo
	check func(dl *diag.List) (read []string, quotes []quoteMark)
}

// run applies every rule of the package to s, reusing what m found of an
// unchanged section or table when m and sum are set.
func run(s *content.Site, paras ParasFunc, m *Memo, sum memo.SumFunc, dl *diag.List) {
	src, ok := original(s)
	if !ok {
		return
	}
	tx := newTexts(s, paras)
	tf := tx.get
	gs := glossaries(s, dl)
	psrc, ptr, punct := translation(s)
	sections := make(map[string]*content.Section, len(s.Sections))
	for _, sec := range s.Sections {
		sections[sec.ID] = sec
	}

	// The sources of each table are checked right after the last section
	// they read (their position in the list changes no finding: the
	// diagnostics are sorted, and they have no quotation marks), and each
	// section's texts go once its units are done (texts.release).
	reads := make([][]*content.Section, len(s.Tables))
	after := map[*content.Section][]int{}
	var unplaced []int
	for k, t := range s.Tables {
		reads[k] = sourceSections(t, sections)
		if len(reads[k]) == 0 {
			unplaced = append(unplaced, k)
			continue
		}
		last := slices.MaxFunc(reads[k], func(a, b *content.Section) int { return tx.index[a] - tx.index[b] })
		after[last] = append(after[last], k)
		for _, sec := range reads[k] {
			tx.hold(sec)
		}
	}
	sourcesUnit := func(k int) unit {
		t := s.Tables[k]
		return unit{"sources of " + t.File, func(dl *diag.List) ([]string, []quoteMark) {
			defer t.Lines.Compact()
			defer func() {
				for _, sec := range reads[k] {
					tx.release(sec)
				}
			}()
			return provenance(s, t, sections, tf, dl), nil
		}}
	}

	var units []unit
	for _, sec := range s.Sections {
		tx.hold(sec)
		units = append(units, unit{"section " + sec.ID, func(dl *diag.List) ([]string, []quoteMark) {
			defer tx.release(sec)
			read := memo.SourceFiles(s, sec)
			parity(s, sec, tf, dl)
			terms(s, gs, func(l lang.Lang, excuse excuseFunc) []item { return sectionItems(sec, src, l, tf, excuse) }, dl)
			if !punct {
				return read, nil
			}
			none := func(string, []dataset.AllowTerm) []*termExcuse { return nil }
			return read, punctuation(s, psrc, ptr, sectionItems(sec, psrc, ptr, tf, none), dl)
		}})
		for _, k := range after[sec] {
			units = append(units, sourcesUnit(k))
		}
	}
	for _, t := range s.Tables {
		units = append(units, unit{"table " + t.File, func(dl *diag.List) ([]string, []quoteMark) {
			defer t.Lines.Compact() // the lines of its keys, made again for this unit
			terms(s, gs, func(l lang.Lang, excuse excuseFunc) []item { return tableItems(t, src, l, excuse) }, dl)
			if !punct {
				return []string{t.File}, nil
			}
			none := func(string, []dataset.AllowTerm) []*termExcuse { return nil }
			return []string{t.File}, punctuation(s, psrc, ptr, tableItems(t, psrc, ptr, none), dl)
		}})
	}
	for _, k := range unplaced {
		units = append(units, sourcesUnit(k))
	}

	keys := make([]string, len(units))
	for i, u := range units {
		keys[i] = u.key
	}
	found := m.Units(keys, sum, func(i int, dl *diag.List) ([]string, quotes) {
		read, qs := units[i].check(dl)
		return read, quotes{qs, styles(qs)}
	})

	// What compares every file: the site's own texts, then each unit's
	// findings, then the quotation style across them all, in the order of
	// the items a reader sees (the site's, the sections', the tables').
	var marks [][]quoteMark
	var qstyles [][]quoteStyle
	terms(s, gs, func(l lang.Lang, excuse excuseFunc) []item { return siteItems(s, src, l, excuse) }, dl)
	if punct {
		none := func(string, []dataset.AllowTerm) []*termExcuse { return nil }
		qs := punctuation(s, psrc, ptr, siteItems(s, psrc, ptr, none), dl)
		marks, qstyles = append(marks, qs), append(qstyles, styles(qs))
	}
	for _, f := range found {
		for _, d := range f.Diags {
			dl.Add(d)
		}
		marks, qstyles = append(marks, f.Kept.marks), append(qstyles, f.Kept.styles)
	}
	quoteStyles(s, marks, qstyles, dl)
}
