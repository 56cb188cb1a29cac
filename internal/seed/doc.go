// Package seed re-derives a report's published Chinese text from the source
// text captured from the publisher's website (the seed), so that the text can
// be checked against its source at any time.
//
// # The recipe
//
// Clean applies, in this order:
//
//  1. Line ends: CRLF and CR become LF; a byte-order mark is dropped.
//  2. The general rule: a pinyin annotation directly after a Han character is
//     removed. An annotation is an ASCII parenthesis holding one pinyin
//     syllable in lower case, with or without a tone mark: 政務(wù)公開
//     becomes 政務公開. Parentheses holding anything else survive: (一),
//     (站), (一期、二期), (LED), (app).
//  3. The manual corrections, each an exact text replacement read from a
//     TOML file (see LoadCorrections). A correction whose original text is
//     no longer in the seed is an error, so that it cannot silently do
//     nothing. Corrections see the text after the general rule.
//  4. The first line is the page's breadcrumb; a leading list marker "- " is
//     dropped. It is metadata, not report text, and is not punctuated.
//  5. Every other line is punctuated (see Punctuate): ASCII punctuation
//     inside Chinese text becomes full-width and stray spaces are removed.
//
// # corrections.toml
//
//	[[corrections]]
//	original  = "品質名城?現代都市"        # text after the general rule
//	corrected = "品質名城·現代都市"
//	reason    = { zh-Hant = "…", en = "…" }
//
// Keys other than these are errors, reported with file:line.
package seed
