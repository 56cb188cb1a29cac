// Package browser proves the built site in a real browser: its tests build
// the report into a temporary folder, serve it over HTTP under a sub-path and
// open it from file://, and drive Debian's Chromium with chromedp at phone and
// desktop sizes. They check overflow, console errors, foreign requests,
// axe-core (every rule, best practices included, at any impact), type and
// tap-target sizes, charts without JavaScript, chart tooltips, toggles and
// keyboard access, the full ECharts only on request, the language switch,
// offline reading on request, byte budgets (JavaScript, the overview's
// first view, nothing in the background), html-validate's recommended
// rules (IDs by HTML's own rule, valid-id relaxed: goldmark's footnote IDs
// are fn:1) and absolute hreflang alternates. siteSpecs lists the sites they
// build: add a report there and the page-by-page checks cover it.
//
// Run them with
//
//	go test ./internal/browser
//
// They skip when no Chromium is installed, unless CI=true, where a missing
// browser fails. TestScreenshots writes phone and desktop screenshots, light
// and dark, when given -screenshots DIR (see make screenshots).
//
// testdata/axe holds axe-core's axe.min.js and its licence, as packed by
// `npm pack axe-core@4.14.1`. testdata/htmlvalidate pins html-validate
// (package.json, package-lock.json); `npm ci --prefix
// internal/browser/testdata/htmlvalidate` installs it, as .ci/run does.
// Without it TestValidator skips with that hint, and fails when CI=true.
package browser
