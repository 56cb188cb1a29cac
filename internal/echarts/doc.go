// Package echarts renders ECharts options to inline SVG at build time by
// running the vendored ECharts script in goja, a JavaScript engine written in
// pure Go.
//
// Charts are rendered while the site is built, not in the reader's browser, so
// that a page shows its charts with JavaScript off, in print, from file://
// and in in-app browsers that block scripts, and so that the first view needs
// no script at all. ECharts' own server-side rendering mode
// (echarts.init(null, null, {renderer: 'svg', ssr: true})) needs no DOM; in
// goja it only lacks timers, which are stubbed because nothing waits for a
// frame when animation and progressive rendering are off.
//
// The SVG is rebuilt from ECharts' virtual DOM (the tree renderToSVGString
// serialises) rather than from its string, because ECharts writes attribute
// values unescaped. The rebuilt SVG is safe to inline under a strict
// Content-Security-Policy: only an allow-list of SVG elements and
// presentation attributes survives, style attributes become presentation
// attributes, there is no <style>, no script, no event handler and no
// external reference, every id is prefixed with the chart's ID, and every
// piece of text is escaped. The root has a viewBox and no pixel size, so CSS
// sizes it, and carries a <title> and <desc> for assistive technology.
//
// Two sentinel colours let the page's CSS colour drive a chart in light and
// dark mode: options use TextColor for text and LineColor for axes and grid
// lines, and the SVG paints them with currentColor.
//
// Identical input gives identical bytes: Math.random is seeded per chart, the
// clock is fixed, and ids are renumbered. One exception: ECharts formats time
// axes in the process's local time zone (time.Local), so builds with time
// axes should run with TZ=UTC or use category axes.
package echarts
