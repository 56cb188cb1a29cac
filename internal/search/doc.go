// Package search builds the index behind the search box of every page, for
// static/search.js to load as script files and search in the browser.
//
// # What it matches
//
// Chinese text is indexed by every character and every pair of adjacent
// characters, so that any query of two or more characters finds every
// passage holding all of its pairs (every passage that contains it,
// wherever the word boundaries fall, and now and then one that holds its
// pairs apart), and a one-character query finds every passage holding the
// character. A language and the languages derived from it by script
// conversion (zh-Hant and zh-Hans) share one index built from the text of
// both, so a query in either script finds a passage in both, with no
// conversion table in the browser; a query mixing the scripts within one
// pair of characters finds nothing.
//
// Other text is indexed by words of ASCII letters and digits (and Latin
// letters U+00C0–U+024F), lower-cased and stemmed by stripping one common
// English suffix (vaccinate, vaccinated, vaccination and vaccines all become
// vaccin). Words match whole: a prefix does not.
//
// Numbers are indexed as the values numbers.Extract reads, as the checks
// do (25764萬元 is 257,640,000; 39.2% is 39.2), and a data table's cells by
// their exact values. A number in a query stands for the values it may
// round: 7.95萬 finds 79,515 and 79,450–79,550, 2.58億 and 257.64 million
// find 257,640,000, 39.2 and 39.2% find 39.2. A number is a whole: a query
// that cuts one (入2576) finds nothing through it. Numbers written in English
// words (two, fifth, November) are not indexed as numbers.
//
// Every Gram, Word and number of a Query must match one passage.
//
// # Files
//
// Build writes, under search/ from the site root: per corpus the token
// shards <corpus>-t<k>.js (tokens spread by an FNV-1a hash over as many
// files as keep each near Options.ShardBytes) and number files <corpus>-n<k>.js
// (by ranges of values); per language a head file <prefix>.js (shard
// counts, section titles, the paired language) and the passages in groups,
// <prefix>-d<g>.js. Each is a script calling reportsiteSearch(name, data),
// so that a page opened from file:// can load it with a <script> element,
// where fetch is refused. A query loads the head files of the page's
// language and of its pair, the shards of at most four of its tokens and the
// passage groups of the results it shows.
//
// The text rules are written twice, in normalize.go and in static/search.js;
// FuzzNormalize runs both on the same queries.
package search
