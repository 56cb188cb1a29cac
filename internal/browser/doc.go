// Package browser proves the built site in a real browser: its tests build
// the report into a temporary folder, serve it over HTTP under a sub-path and
// open it from file://, and drive Debian's Chromium with chromedp at phone and
// desktop sizes. They check overflow, console errors, foreign requests,
// axe-core (WCAG 2.1 A and AA), type and tap-target sizes, charts without
// JavaScript, the live chart upgrade and the language switch.
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
// `npm pack axe-core@4.14.1`.
package browser
