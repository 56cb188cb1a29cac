// Package markdown turns the Markdown body of a report section into HTML, one
// chunk per top-level block, with the same anchors in every language.
//
// # Syntax
//
// CommonMark with GFM tables, strikethrough, autolinks and footnotes. Emphasis
// follows the CJK-friendly amendment of CommonMark, so that
//
//	**主要指標逆勢上揚。**1-11月份
//
// is bold although the closing ** sits between 。 and a digit. A line break
// between two Chinese characters adds no space. Quotes and dashes are left as
// written (no typographer).
//
// Raw HTML is never passed through: it is shown as text, escaped. A link or
// image whose address has a dangerous scheme (javascript:) loses its address.
// An image must not point off the site (data:image/ addresses are embedded,
// so they are allowed). Aligned GFM table columns get class="align-left",
// "align-center" or "align-right" rather than a style attribute, which the
// pages' Content-Security-Policy would refuse; the stylesheet aligns them.
//
// Invalid UTF-8 is an error; the bad bytes are shown as U+FFFD.
//
// # Headings
//
// The page title is the section's only h1, so a section body starts at ##.
// Heading IDs come from the heading's position, so that an anchor is the same in
// every language:
//
//	## （一）…        h-1
//	### 1.…          h-1-1
//	### 2.…          h-1-2
//	#### …           h-1-2-1
//	## （二）…        h-2
//
// An explicit {#id} after the heading text overrides its ID (the heading still
// counts for the positions of the others); other attributes ({.class},
// {style=…}) are dropped. A level may not be skipped (## then ####), an
// explicit ID must be unique, start with a letter and use only letters,
// digits, - and _, and may not look like a position ID (h-2-1).
// A page that shows a [Prepared] document decides its IDs when it writes
// it: [anchors.Write] takes [anchors.Anchors], which give each ID the
// document defines, and each link to one, the page's own form (a prefix of
// its own on the full report, so that sections can share one page);
// [anchors.Links] decide the other links' and images' addresses too (the one-file
// report makes links to other pages anchors on itself, images data: URIs).
//
// [Doc.Images] lists the images a document shows, with their lines, so that
// the caller can check and copy them.
//
// # Paragraph anchors
//
// Every entry of [Doc.Paras] that renders as an element of its own (a
// paragraph, each item of a top-level list, a table, an escaped HTML block)
// carries the anchor [ParaID] gives its index: p-1, p-2, … in document order.
// A translation with the same shape has the same anchors, so paragraph n of
// one language links to paragraph n of another, as the checks and the
// parallel page pair them. Footnotes keep goldmark's fn: anchors. An explicit
// heading ID may not look like a paragraph anchor (p-3).
//
// # Charts and tables
//
// A fenced code block whose info string is "chart ID" or "table ID" places a
// chart or a data table:
//
//	```chart growth-rates
//	```
//
//	```table fiscal
//	```
//
// The ID matches [a-z0-9][a-z0-9-]*; the block is empty. The caller's
// [BlockFunc] renders it when the document is rendered: this package never
// knows what a chart is. In any other Markdown viewer such a block stays a
// visible, empty code block labelled with its kind and ID, never broken markup.
// A fence with another info string (```go, ```charts) is an ordinary code
// block.
//
// # Rendering
//
// [Parse] reports every problem with its line in the section's file;
// [Doc.Render] returns one [Chunk] per top-level block (heading, paragraph,
// list, blockquote, table, figure, code, rule, html, footnotes), so that a
// page can join them or set two languages side by side. [Doc.Paras] holds the
// plain text of the same paragraphs, for comparing translations.
//
// # Packages below
//
// Each is one job of the above: gfm (CJK-friendly emphasis, table
// alignment classes), note (the translator's note, [[tn: …]]), rawhtml (raw
// HTML shown as text), plain (the plain text of a node), anchors (the
// marks a prepared chunk carries for its IDs and addresses, and [Write],
// which resolves them for a page) and figmark (stated figures marked where
// the renderer writes the text).
package markdown
