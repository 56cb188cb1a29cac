package check

import (
	"io/fs"

	"reportsite/internal/check/fidelity"
	"reportsite/internal/check/memo"
	"reportsite/internal/check/structure"
	"reportsite/internal/content"
	"reportsite/internal/diag"
)

// Input is what the rules read: the site, its sections parsed, its
// paragraphs' plain text, the folders a build reads, the site folder for
// the seed (nil: the seed is not compared), and what an earlier build found.
type Input struct {
	Site    *content.Site
	Docs    structure.DocFunc
	Paras   ParasFunc
	Folders []structure.Folder
	Content fs.FS
	Root    fs.FS
	// Memo, when set, keeps what the editorial rules found per section and
	// table for the next build, and Sum gives the digests of the content
	// folder's files by which it tells what changed (see Memo).
	Memo *Memo
	Sum  memo.SumFunc
	// Names, when not zero, is a digest of the paths of every file in
	// Folders: with a Memo, the file names are checked again only when it
	// changed.
	Names [32]byte
}

// All is the one place where the rules are registered and run: first the
// rules every build needs (package structure: file names, the shape of
// sections and their pairs), then, on well-formed
// content only, the editorial rules that compare texts (number parity,
// provenance, terminology, punctuation) and the seed.
func All(in Input, dl *diag.List) {
	in.Memo.Files(in.Names, dl, func(dl *diag.List) { structure.Files(in.Site, in.Folders, dl) })
	// structure.Section and the Linker's links, section by section, so that
	// a Memo can keep what they found in each.
	lk := structure.NewLinker(in.Site, in.Docs, in.Folders)
	in.Memo.Sections(in.Site, in.Sum, in.Names, dl, func(sec *content.Section, dl *diag.List) ([]*content.Section, bool) {
		structure.Section(in.Site, sec, in.Docs, dl)
		return lk.Section(sec, dl)
	})
	structure.Once(in.Site, in.Docs, dl)
	if dl.Errors() > 0 {
		return
	}
	run(in.Site, in.Paras, in.Memo, in.Sum, dl)
	in.Memo.Seed(in.Site, in.Sum, dl, func(dl *diag.List) { fidelity.Seed(in.Site, in.Content, in.Root, dl) })
}
