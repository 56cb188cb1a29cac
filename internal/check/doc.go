// Package check applies the editorial rules to a loaded site: a translation
// states the same numbers as its original, every figure of a data table is
// stated by the section it names as its source, and glossary terms keep their
// one rendering in every item a reader sees. All runs every rule, those of
// the subpackages included: structure (file names, each section's charts
// and tables, translations that keep the shape of their original), run
// first, and fidelity (the text against its seed), run last. The rules
// share three leaf packages: punct (the punctuation of one text, also run
// on the interface strings), stating (how a text states a number) and
// wordform (English renderings compared as a reader would). Package memo
// keeps what they found in each section and table from one build of a
// serve session to the next (Input.Memo).
//
// The original is the first hand-written language that writes numbers in
// Chinese style (萬, 億), or the first hand-written language when none does.
//
// # Numeric parity
//
// Every number written with digits in a paragraph of the original must be
// stated in the counterpart paragraph of each hand-written language whose
// number style differs (25764萬元 as CNY 257.64 million, 11月 as November,
// 第5 as 5th, 兩 or 2 as two). Paragraphs pair by position when both
// texts have as many; otherwise a number may be anywhere in the section.
// The other way round, every number of the translation must be in the
// original, where a Chinese numeral counts (十九屆 states the 19th); numbers
// the translation writes in words are not checked this way, as "first" and
// "one" are as often idiom as number.
//
// A number that legitimately differs is excused in one section by an entry
// in either file's front matter; an entry that excuses nothing is reported:
//
//	[[allow_numbers]]
//	value = "19"
//	reason = "十九屆 is 'the 19th Central Committee'"
//
// # Data provenance
//
// Every number cell of every table must be stated, in the original language,
// in the row's source section (row source, or the table's source): 257640000
// in a yuan column needs 25764萬元 or 2.5764億元 in the text. Signs are ignored:
// a text writes a fall in words (下降5%).
//
// # Terminology
//
// Item by item (a paragraph or heading paired by position, a title, a
// summary, a table's title, note, label or text cell, a chart's title or
// axis name, an overview card), a glossary term in the original must have
// its rendering in the translation; the rules for variants and the
// allow_terms excuses are in internal/content/glossary's documentation. The
// glossary itself may not give one term two renderings, nor two terms one
// rendering.
// Both are errors, reported with both places.
//
// # Messages
//
// Positions here are relative to the content folder; a build reports them
// from the site folder (content/en/01-achievements.md:14), as package diag
// says:
//
//	en/01-achievements.md:14: number 257640000 (25764萬元 in zh-Hant/01-achievements.md:12) is missing
//		hint: write CNY 257.64 million, or add it to allow_numbers with a reason
//	en/01-achievements.md:14: number 257600000 (257.6 million) is not in zh-Hant/01-achievements.md:12
//	en/01-achievements.md:7: warning: allow_numbers value "14" excuses nothing
//	data/fiscal.toml:31: value 257650000 (25,765萬 / 2.5765億) not found in section 01-achievements (zh-Hant)
//	en/02-practices.md:9:1: glossary term 常泰街道 (zh-Hant/02-practices.md:9:12) is not rendered as "Changtai Subdistrict"
//	glossary.toml:62:1: rendering "project" is used for two terms: 項目 here and 工程 at glossary.toml:58:1
package check
