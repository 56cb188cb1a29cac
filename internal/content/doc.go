// Package content reads a report's source folder into one in-memory model.
//
// # Layout
//
//	content/site.toml              site title, languages, report metadata, overview
//	content/glossary.toml          official names and terms with their renderings
//	content/<lang>/<NN>-<slug>.md  one file per top-level section per language
//	content/data/<id>.toml         one data table (and its charts) per file
//
// Section files pair across languages by file name; NN orders them. A derived
// language (zh-Hans) has no folder: it is converted from its source at build
// time.
//
// Every file is read from inside the site folder: a symbolic link may point
// elsewhere in the site, never out of it. File names (and slugs, which name
// pages) must not be names Windows reserves (con, prn, aux, nul, com1-9,
// lpt1-9, with any extension) nor differ from another only in case. A
// slug may not be the name of a page the build makes beside it (index,
// report, parallel, data, about, or <name>-<prefix>, a language's one-file
// report), and a language's prefix not the name of a folder the build
// makes (static, search, data).
//
// # site.toml
//
//	title    = { zh-Hant = "常泰街道2021年工作總結", en = "Changtai Subdistrict: 2021 Work Review" }
//	subtitle = { zh-Hant = "…", en = "…" }            # optional
//	base_url = "https://example.org/reports/x/"       # optional; enables canonical, sitemap URLs
//	version  = "2021"                                 # names the archive: <name>-<version>.zip
//	name     = "changtai-2021"                        # short machine name of the report
//
//	[[languages]]                 # in display order; the first is the default
//	tag    = "zh-Hant"            # BCP 47 tag: lang attributes, hreflang
//	name   = "繁體中文"            # the language's own name, for the switch
//	prefix = "zh-hant"            # output folder and URL prefix (not static, search, data)
//	[[languages]]
//	tag = "zh-Hans"
//	name = "简体中文"
//	prefix = "zh-hans"
//	derive = "zh-Hant"            # converted from zh-Hant with OpenCC t2s
//	# conversion = "s2hk"         # for zh-Hant derived from zh-Hans: s2twp (default,
//	                              # Taiwan standard with phrases), s2tw, s2hk (Hong Kong), s2t
//	# original = true             # the language the report was published in; default: the first
//	                              # hand-written one. Parity and provenance read figures in it.
//	[[languages]]
//	tag = "en"
//	name = "English"
//	prefix = "en"
//
//	[report]
//	publisher = { zh-Hant = "…", en = "…" }
//	period    = { zh-Hant = "2021年1–11月及2022年計劃", en = "…" }
//	date      = 2021-12-10      # the report's date (TOML local date); also the archive's build date
//	editorial_title = true      # the title was supplied by the editors, not the source
//	unofficial = ["en", "zh-Hans"]   # renderings marked as unofficial on every page
//	errata_intro = { zh-Hant = "…", en = "…" }   # optional words before the corrections
//	notes   = [{ zh-Hant = "…", en = "…" }]      # optional notes for readers, on the About page
//	licence = { zh-Hant = "…", en = "…" }        # optional terms of reuse
//	contact = "editor@example.org"               # optional: whom to tell about a mistake
//	[[report.sources]]                        # further sources, beside [report.source]
//	title     = { zh-Hant = "…", en = "…" }
//	url       = "https://…"
//	publisher = { zh-Hant = "…", en = "…" }
//	published = 2023-11-17                    # when it was published (also in [report.source])
//	captured  = 2024-05-07                    # when this site's copy was taken
//	[report.source]
//	title      = { zh-Hant = "…", en = "…" }
//	url        = "http://…"                 # an ordinary hyperlink, never loaded
//	kind       = "site"                     # what url is: site (the publisher's site), listing
//	                                        # (the page where the report was found) or report
//	captured   = 2021-12-10                 # optional: when the seed was captured
//	breadcrumb = { zh-Hant = "首頁 > 政務公開 > …", en = "Home > … " }
//	seed       = "seeds/000_ae5a67abe9d05b6a.txt"   # relative to the site root, inside it; check compares every sentence
//	corrections = "seeds/corrections.toml"        # the seed's manual corrections (optional; inside the site too)
//	editorial  = ["heading-stops", "run-in-headings"]  # conventions of deriving the sections
//	[[report.errata]]                         # without a seed: corrections made to the source text
//	original = "品質名城?現代都市"
//	corrected = "品質名城·現代都市"
//	reason = { zh-Hant = "…", en = "…" }
//
// With a seed and its corrections, the About page's errata are generated from
// the recipe (internal/seed): each general rule once, with how often it
// applied and its first instance as captured, then each correction with the
// captured text verbatim and its reason, then the editorial conventions
// named. [[report.errata]] is for a report without a seed.
//
//	[overview]
//	charts_title = { zh-Hant = "…", en = "…" }         # optional heading of the overview's charts
//	charts = ["growth-rates", "vaccination-60plus"]   # chart IDs shown on the overview
//	[[overview.cards]]                                # key figures
//	table  = "fiscal"                                 # data table ID
//	row    = "budget-total"                           # row ID in that table
//	column = "value"                                  # numeric column shown large
//	detail = "completion"                             # optional second column, shown small
//	label  = { zh-Hant = "一般公共預算總收入", en = "General public budget revenue" }
//
//	[units.firms]                  # a site-defined unit: its words alone …
//	zh-Hant = "家"
//	en = "firms"
//	[units.rooms]                  # … or its words, kind and scale
//	words = { zh-Hant = "間", en = "rooms" }
//	kind  = "plain"                # plain (default) | currency | percent | rank
//	scale = "thousand"             # none (default) | large | thousand
//	[units.NZD]                    # any ISO 4217 code: kind = "currency", words default to the code
//	kind  = "currency"
//	scale = "large"
//
// Languages. Any of zh-Hant, zh-Hans or en (or another tag) may be written by
// hand and listed first; a site may have one language, two or three. A
// derived language is converted from a hand-written one (zh-Hans from
// zh-Hant, or zh-Hant from zh-Hans by the standard conversion names). What
// the pages say about the languages (which is converted from which, by which
// OpenCC configuration; which is authoritative) is generated from this file;
// with one language there is no parallel text and no such note. The
// interface strings are built in for zh-Hant, zh-Hans and en.
//
// Bilingual text is written as an inline table keyed by language tag; a derived
// language is never written. A plain string means the same text in every language.
//
// # Section files
//
// <lang>/NN-slug.md: TOML front matter between +++ lines, then Markdown
// with ```chart and ```table blocks. The format, with its anchors, links
// and translator's notes, is in package section.
//
// # Glossary and terminology
//
// glossary.toml holds official names and terms with their renderings, which
// the terminology check holds every item of the translation to: its format
// and rules are in package glossary.
//
// # Punctuation
//
// In every item a reader sees, and in the interface strings of
// templates/i18n.toml: no CJK punctuation (，。：「」…) in a language that
// writes Western numbers, unless it stands beside a Chinese character or in
// quotation marks (quoting Chinese); no ASCII , ; : ! ? ( ) beside a Chinese
// character in a language that writes Chinese numbers; and one quotation
// style per language (“…”, "…" or 「…」), the first one used. Verbatim
// quotations of the seed are shown in <samp> and are not checked; the built
// pages are checked the same way by the tests.
//
// # Figures and their sentences
//
// Every number cell of a data table and every overview card links to the
// figure in the paragraph of its source section that states it (the one the
// provenance check finds), on that section's page: the figure is marked
// <span class="fig" id="p-N-fK"> and, reached this way, highlighted with its
// paragraph (CSS :target, no script). A chart lists, and its text alternative
// names, the paragraphs that state its figures.
//
// # Data tables
//
//	# content/data/fiscal.toml — the file name is the table ID
//	title   = { zh-Hant = "一般公共預算收入", en = "General public budget revenue" }
//	source  = "01-achievements"     # default source section (file name without .md)
//	note    = { zh-Hant = "1–11月", en = "January–November" }   # optional
//
//	[[columns]]
//	key   = "item"
//	label = { zh-Hant = "項目", en = "Item" }
//	type  = "text"                  # text (bilingual) | number | code (same in every language)
//	[[columns]]
//	key   = "value"
//	label = { zh-Hant = "金額", en = "Amount" }
//	type  = "number"
//	unit  = "yuan"                  # see Units
//	hidden = true                   # optional: not shown in the page's table; still charted and downloaded
//
//	[[rows]]
//	id     = "budget-total"         # stable row ID: cards and highlights refer to it
//	item   = { zh-Hant = "一般公共預算總收入", en = "Total general public budget revenue" }
//	value  = 257640000              # base units: yuan, people, percent points
//	source = "01-achievements"      # optional, overrides the table's source
//	sources = { value = { section = "02-plans", paragraph = 3 } }   # optional, per cell
//
// Sources. Every figure names the section that states it, at the most
// specific of four levels: a cell (sources = { column = … } in the row), a
// column (source = … in [[columns]]), a row (source = … in the row) or the
// table (source = … at the top). Each is a section ID, source = "02-plans",
// or a section and one of its paragraphs, counted from 1 as the page's
// anchors p-1, p-2, … count them: source = { section = "02-plans",
// paragraph = 3 }. A column of 2022 figures from one section beside one of
// 2023 figures from another needs no transposing. The data table links every
// section a row's figures come from; CSV lists them, JSON names a cell's own
// under "sources".
//
// A value of the wrong type anywhere (a list given as source, a number as a
// name) is an error at its line, saying what was written and what is wanted.
//
// A number keeps the precision it is written with, in the data table, chart
// labels, text alternatives, CSV and JSON: growth = 9.0 shows 9.0%, -6.0
// shows -6.0%. TOML reads 9.0 as a float, so the decimals are taken from the
// line that writes it; a value may also be quoted, growth = "9.0", which
// keeps its digits wherever it is written (a quoted value must be a plain
// decimal: "9.0%" or "9,0" is an error). The provenance check reports a
// table that writes 9 where its section writes 9.0%.
//
// A number cell may be left out (no value). Every number must appear in the
// zh-Hant text of its source section, in the report's notation (25764萬元 for
// 257640000 yuan).
//
// # Units
//
// A unit says what a number counts: its words in each language and how large
// values are written. Its kind places the word: plain writes 79,515人 and
// 79,515 people; currency writes 3,795億澳門元 and MOP 379.5 billion (the
// code first in English); percent writes 39.2%; rank writes 第3 and No. 3.
// Its scale: none writes every digit; large writes 萬 and 億 in Chinese and
// million and billion in English; thousand adds thousand in English
// (45.6 thousand rooms). Cells stay in base units whatever the scale:
// 379500000000, not 3795.
//
// Built in:
//
//	yuan        元 / CNY, large              (the renminbi as Chinese reports write it)
//	CNY HKD MOP TWD USD EUR GBP JPY SGD MYR AUD CAD KRW
//	            人民幣元, 港元, 澳門元, 新臺幣元, 美元, … / the code, large
//	percent     39.2%                        pp        個百分點 / percentage points
//	people      人 / people                  visits    人次 / visits, large
//	count       no word                      rank      第N / No. N
//	households  戶 / households              m, km     米, 公里 / m, km
//	sqm, sqkm   平方米, 平方公里 / m², km²    hectares  公頃 / hectares
//	mu          畝 / mu, large               tonnes    噸 / tonnes, large
//
// Years, months and quarters (2023年, 11月, 第3季, Q3, third quarter,
// 2019-2023) are periods, not figures: the parity check matches them across
// languages (第3季 = Q3 = third quarter) and the provenance check never takes
// one for a table's figure.
//
// A site adds its own under [units.<id>] in site.toml (see above); a built-in
// ID cannot be redefined. The provenance and parity checks read a figure in
// any unit and scale (3,795億 = 379.5 billion = MOP379.5 billion).
//
// # Charts
//
//	[[charts]]                      # in the table file the chart draws from
//	id       = "growth-rates"
//	type     = "bar"                # bar | hbar | stacked-bar | line | pie | donut | progress | time-line | time-bar | area | stacked-area | scatter | bar-line | small-multiples
//	category = "item"               # column giving the categories
//	values   = ["growth"]           # numeric columns, one series each
//	title    = { zh-Hant = "…", en = "…" }        # what the chart shows
//	headline = { zh-Hant = "…", en = "…" }        # optional: the finding, shown above the title
//	subtitle = { zh-Hant = "…", en = "…" }        # optional
//	x_name   = { zh-Hant = "…", en = "…" }        # optional axis names; a named value axis
//	y_name   = { zh-Hant = "產值（億元）", en = "Output (CNY bn)" }   # carries the unit, its ticks are bare numbers
//	source   = { zh-Hant = "…", en = "…" }        # optional; default names the source sections
//	target   = { value = 80, label = { zh-Hant = "目標80%", en = "Target 80%" } }   # optional
//	highlight = ["retail"]                          # optional row IDs drawn emphasised
//	rows     = ["a", "b"]                           # optional subset of row IDs, in order
//	partial  = { rows = ["y2021"], label = { zh-Hant = "僅1–11月", en = "Jan–Nov only" } }
//	                                                # optional: rows of a shorter period, drawn
//	                                                # lighter with a dashed outline, labelled
//	height   = 320                                  # optional, px at 360 px width
//
// Chart types for statistics, each with the table it draws from in brief:
//
// A time axis. Rows are named by their periods, in time order: years
// ("2023"), quarters ("2023-q3" or "q3-2023") or months ("2023-04"). A
// period with no row is drawn as a gap, not joined across:
//
//	[[rows]]
//	id = "2022-q4"
//	quarter = { zh-Hant = "2022年第4季", en = "Q4 2022" }
//	growth = -18.5
//	[[rows]]
//	id = "2023-q2"                  # no 2023-q1: a gap, labelled 2023年第1季 / Q1 2023
//	quarter = { zh-Hant = "2023年第2季", en = "Q2 2023" }
//	growth = 118.5
//	[[charts]]
//	id = "growth-by-quarter"
//	type = "time-line"              # or time-bar
//	category = "quarter"
//	values = ["growth"]
//	title = { zh-Hant = "生產總值按年實質變動", en = "GDP, real change year on year" }
//
// A value and its growth rate, bars on one axis and a line on another,
// each column in its own unit; rows named by periods get a time axis:
//
//	[[charts]]
//	id = "gdp-and-growth"
//	type = "bar-line"
//	category = "quarter"
//	values = ["value", "growth"]    # the bars' column, then the line's
//	title = { zh-Hant = "本地生產總值及實質增長", en = "GDP and real growth" }
//
// Areas, stacked: the parts of a whole over categories or periods, each
// named at its end:
//
//	[[charts]]
//	id = "exports"
//	type = "stacked-area"           # area: one shaded line per column, not stacked
//	category = "quarter"
//	values = ["goods", "services"]  # one unit
//	title = { zh-Hant = "出口構成", en = "Exports by kind" }
//
// A scatter chart: one point per row, named by its category, x then y,
// each in its own unit; the axes are named after the columns unless
// x_name and y_name say otherwise:
//
//	[[charts]]
//	id = "size-and-growth"
//	type = "scatter"
//	category = "item"
//	values = ["value", "growth"]
//	title = { zh-Hant = "規模與增速", en = "Size and growth" }
//
// Small multiples: one small bar chart per value column, on one scale:
//
//	[[charts]]
//	id = "exports-panels"
//	type = "small-multiples"
//	category = "quarter"
//	values = ["goods", "services"]  # one unit; each panel titled by its column's label
//	title = { zh-Hant = "出口", en = "Exports" }
//
// Line charts with two to four series name each line at its end instead
// of in a legend; bar-line, scatter and small-multiples take no target.
package content
