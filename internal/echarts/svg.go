package echarts

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// elements lists the SVG elements ECharts' SVG renderer draws with that may
// reach the page. Anything else (style, image, foreignObject, script, a,
// use …) is dropped with its content.
var elements = map[string]bool{
	"g": true, "path": true, "rect": true, "circle": true, "ellipse": true,
	"line": true, "polyline": true, "polygon": true, "text": true, "tspan": true,
	"defs": true, "linearGradient": true, "radialGradient": true, "stop": true,
	"clipPath": true, "pattern": true, "filter": true, "feDropShadow": true,
}

// attributes lists the geometry and presentation attributes that may reach
// the page, whether ECharts wrote them as attributes or as style
// declarations. Event handlers, class, style and anything else are dropped.
var attributes = map[string]bool{
	// geometry and structure
	"d": true, "x": true, "y": true, "x1": true, "y1": true, "x2": true, "y2": true,
	"cx": true, "cy": true, "r": true, "rx": true, "ry": true, "fx": true, "fy": true,
	"width": true, "height": true, "points": true, "transform": true, "offset": true,
	"dx": true, "dy": true, "stdDeviation": true, "viewBox": true,
	"gradientUnits": true, "gradientTransform": true, "spreadMethod": true,
	"patternUnits": true, "patternContentUnits": true, "patternTransform": true,
	"clipPathUnits": true, "preserveAspectRatio": true, "xml:space": true,
	// presentation
	"fill": true, "fill-opacity": true, "fill-rule": true, "clip-rule": true,
	"stroke": true, "stroke-width": true, "stroke-opacity": true,
	"stroke-dasharray": true, "stroke-dashoffset": true, "stroke-linecap": true,
	"stroke-linejoin": true, "stroke-miterlimit": true, "opacity": true,
	"font-size": true, "font-family": true, "font-weight": true, "font-style": true,
	"font-variant": true, "text-anchor": true, "dominant-baseline": true,
	"alignment-baseline": true, "letter-spacing": true, "word-spacing": true,
	"text-decoration": true, "paint-order": true, "visibility": true, "display": true,
	"white-space": true, "clip-path": true, "filter": true, "stop-color": true,
	"stop-opacity": true, "flood-color": true, "flood-opacity": true,
	"vector-effect": true,
}

// metadata maps the attributes ECharts' SSR mode writes on every mark and
// legend item (the series, the data index, and "chart" or "legend") to data
// attributes, so that the page's script can find the mark of any data point
// and the data point of any mark without ECharts.
var metadata = map[string]string{
	"ecmeta_series_index": "data-s",
	"ecmeta_data_index":   "data-i",
	"ecmeta_ssr_type":     "data-t",
}

// safeMeta reports whether a metadata value is a small index or a lower-case
// word, the only values ECharts writes there.
func safeMeta(v string) bool {
	if v == "" || len(v) > 16 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'z') {
			return false
		}
	}
	return true
}

// references lists the attributes whose value may be url(#id).
var references = map[string]bool{"fill": true, "stroke": true, "clip-path": true, "filter": true}

// attr is one attribute; order is kept for stable output.
type attr struct{ name, value string }

// buildSVG writes the page's SVG for c from ECharts' virtual DOM.
func buildSVG(root *node, c Chart) ([]byte, error) {
	if root == nil || root.Tag != "svg" {
		return nil, errors.New("echarts: SVG tree has no <svg> root")
	}
	ids := map[string]string{}
	for _, n := range root.Children {
		collectIDs(n, c.ID, ids)
	}
	var b bytes.Buffer
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `)
	b.WriteString(strconv.Itoa(c.Width))
	b.WriteByte(' ')
	b.WriteString(strconv.Itoa(c.Height))
	b.WriteString(`" role="img" aria-labelledby="`)
	b.WriteString(c.ID)
	b.WriteString(`_title"`)
	if c.Desc != "" {
		b.WriteString(` aria-describedby="`)
		b.WriteString(c.ID)
		b.WriteString(`_desc"`)
	}
	b.WriteString(">\n<title id=\"")
	b.WriteString(c.ID)
	b.WriteString(`_title">`)
	escape(&b, c.Title, false)
	b.WriteString("</title>\n")
	if c.Desc != "" {
		b.WriteString(`<desc id="`)
		b.WriteString(c.ID)
		b.WriteString(`_desc">`)
		escape(&b, c.Desc, false)
		b.WriteString("</desc>\n")
	}
	for _, n := range root.Children {
		writeNode(&b, n, ids, false)
	}
	b.WriteString("</svg>")
	return b.Bytes(), nil
}

// collectIDs numbers the ids of elements that will be written, in document
// order, prefixed with the chart's ID and "_", which IDs cannot contain, so
// that they are unique on a page with several charts.
func collectIDs(n *node, prefix string, ids map[string]string) {
	if n == nil || !elements[n.Tag] {
		return
	}
	for _, a := range n.Attrs {
		if a[0] == "id" && a[1] != "" {
			if _, ok := ids[a[1]]; !ok {
				ids[a[1]] = prefix + "_" + strconv.Itoa(len(ids)+1)
			}
		}
	}
	for _, k := range n.Children {
		collectIDs(k, prefix, ids)
	}
}

func writeNode(b *bytes.Buffer, n *node, ids map[string]string, inDefs bool) {
	if n == nil || !elements[n.Tag] {
		return
	}
	attrs := cleanAttrs(n.Attrs, ids)
	inDefs = inDefs || n.Tag == "defs" || n.Tag == "clipPath"
	if !inDefs && invisible(n.Tag, attrs) {
		return
	}
	b.WriteByte('<')
	b.WriteString(n.Tag)
	for _, a := range attrs {
		b.WriteByte(' ')
		b.WriteString(a.name)
		b.WriteString(`="`)
		escape(b, a.value, true)
		b.WriteByte('"')
	}
	hasText := (n.Tag == "text" || n.Tag == "tspan") && n.Text != ""
	if !hasText && len(n.Children) == 0 {
		b.WriteString("/>\n")
		return
	}
	b.WriteByte('>')
	if hasText {
		escape(b, n.Text, false)
	}
	if len(n.Children) > 0 {
		b.WriteByte('\n')
		for _, k := range n.Children {
			writeNode(b, k, ids, inDefs)
		}
	}
	b.WriteString("</")
	b.WriteString(n.Tag)
	b.WriteString(">\n")
}

// cleanAttrs turns style declarations into attributes, keeps only allowed
// attributes with safe values, renames ids and references, and paints the
// sentinel colours with currentColor.
func cleanAttrs(in [][2]string, ids map[string]string) []attr {
	var out []attr
	set := func(name, value string) {
		for i := range out {
			if out[i].name == name {
				out[i].value = value
				return
			}
		}
		out = append(out, attr{name, value})
	}
	var style string
	for _, a := range in {
		name, value := a[0], a[1]
		switch {
		case name == "style":
			style = value // applied last: CSS beats presentation attributes
		case name == "id":
			if id, ok := ids[value]; ok {
				set("id", id)
			}
		case name == "href" || name == "xlink:href":
			if id, ok := ids[strings.TrimPrefix(value, "#")]; ok && strings.HasPrefix(value, "#") {
				set("href", "#"+id)
			}
		case attributes[name]:
			if v, ok := safeValue(name, value, ids); ok {
				set(name, v)
			}
		case metadata[name] != "":
			if safeMeta(value) {
				set(metadata[name], value)
			}
		}
	}
	for _, d := range declarations(style) {
		if attributes[d.name] {
			if v, ok := safeValue(d.name, d.value, ids); ok {
				set(d.name, v)
			}
		}
	}
	return paintSentinels(out)
}

// shapes lists the elements invisible drops when they paint nothing.
var shapes = map[string]bool{
	"path": true, "rect": true, "circle": true, "ellipse": true, "line": true,
	"polyline": true, "polygon": true, "text": true,
}

// invisible reports whether a shape paints nothing: ECharts adds such shapes
// as backgrounds and hit areas for the mouse, which a static SVG does not
// need. Shapes inside defs and clipPath are kept: their fill does not count.
func invisible(tag string, attrs []attr) bool {
	if !shapes[tag] {
		return false
	}
	get := func(name string) (string, bool) {
		if i := index(attrs, name); i >= 0 {
			return attrs[i].value, true
		}
		return "", false
	}
	zero := func(name string) bool {
		v, ok := get(name)
		f, err := strconv.ParseFloat(strings.TrimSuffix(v, "px"), 64)
		return ok && err == nil && f == 0
	}
	if zero("opacity") {
		return true
	}
	fill, ok := get("fill")
	noFill := ok && (fill == "none" || fill == "transparent") || zero("fill-opacity")
	stroke, ok := get("stroke")
	noStroke := !ok || stroke == "none" || stroke == "transparent" || zero("stroke-width") || zero("stroke-opacity")
	return noFill && noStroke
}

// safeValue returns value fit to be name's attribute value: references only
// to ids in this SVG, never to anything outside it.
func safeValue(name, value string, ids map[string]string) (string, bool) {
	value = strings.TrimSpace(value)
	if strings.ContainsRune(value, ':') {
		// No allowed attribute has a colon in its value; a URL scheme
		// needs one. Inert in fill, but nothing that looks like a link
		// (javascript:, data:) reaches the page.
		return "", false
	}
	if !strings.Contains(strings.ToLower(value), "url(") {
		return value, true
	}
	if !references[name] || !strings.HasPrefix(value, "url(#") || !strings.HasSuffix(value, ")") {
		return "", false
	}
	id, ok := ids[value[len("url(#"):len(value)-1]]
	if !ok {
		return "", false
	}
	return "url(#" + id + ")", true
}

// declarations splits a style attribute into property: value pairs,
// respecting quotes (font-family: "Microsoft YaHei") and dropping
// !important.
func declarations(style string) []attr {
	var out []attr
	for style != "" {
		end, quote := len(style), byte(0)
		for i := 0; i < len(style); i++ {
			ch := style[i]
			if quote != 0 {
				if ch == quote {
					quote = 0
				}
				continue
			}
			if ch == '"' || ch == '\'' {
				quote = ch
			} else if ch == ';' {
				end = i
				break
			}
		}
		decl := style[:end]
		if end < len(style) {
			style = style[end+1:]
		} else {
			style = ""
		}
		name, value, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		name = strings.ToLower(strings.TrimSpace(name))
		value = strings.TrimSpace(value)
		if v, ok := strings.CutSuffix(strings.ToLower(value), "!important"); ok {
			value = strings.TrimSpace(value[:len(v)])
		}
		if name != "" && value != "" {
			out = append(out, attr{name, value})
		}
	}
	return out
}

// lineOpacity is how strongly LineColor is drawn against the page.
const lineOpacity = 0.3

// paintSentinels replaces TextColor and LineColor in fill and stroke with
// currentColor, carrying any alpha over to fill-opacity or stroke-opacity.
func paintSentinels(attrs []attr) []attr {
	for _, paint := range [...]string{"fill", "stroke"} {
		i := index(attrs, paint)
		if i < 0 {
			continue
		}
		rgb, alpha, ok := parseColor(attrs[i].value)
		if !ok || (rgb != [3]int{1, 1, 1} && rgb != [3]int{2, 2, 2}) {
			continue
		}
		attrs[i].value = "currentColor"
		if rgb == [3]int{2, 2, 2} {
			alpha *= lineOpacity
		}
		op := paint + "-opacity"
		if j := index(attrs, op); j >= 0 {
			if v, err := strconv.ParseFloat(attrs[j].value, 64); err == nil {
				alpha *= v
			}
			attrs[j].value = formatOpacity(alpha)
		} else if alpha != 1 {
			attrs = append(attrs, attr{op, formatOpacity(alpha)})
		}
	}
	return attrs
}

func index(attrs []attr, name string) int {
	for i, a := range attrs {
		if a.name == name {
			return i
		}
	}
	return -1
}

func formatOpacity(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 32)
}

// parseColor reads #rgb, #rgba, #rrggbb, #rrggbbaa, rgb() and rgba().
func parseColor(s string) (rgb [3]int, alpha float64, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	alpha = 1
	if hex, found := strings.CutPrefix(s, "#"); found {
		var v []int
		switch len(hex) {
		case 3, 4:
			for i := range len(hex) {
				d, err := strconv.ParseUint(hex[i:i+1], 16, 8)
				if err != nil {
					return rgb, 0, false
				}
				v = append(v, int(d)*17)
			}
		case 6, 8:
			for i := 0; i < len(hex); i += 2 {
				d, err := strconv.ParseUint(hex[i:i+2], 16, 8)
				if err != nil {
					return rgb, 0, false
				}
				v = append(v, int(d))
			}
		default:
			return rgb, 0, false
		}
		if len(v) == 4 {
			alpha = float64(v[3]) / 255
		}
		return [3]int{v[0], v[1], v[2]}, alpha, true
	}
	var args string
	switch {
	case strings.HasPrefix(s, "rgba(") && strings.HasSuffix(s, ")"):
		args = s[5 : len(s)-1]
	case strings.HasPrefix(s, "rgb(") && strings.HasSuffix(s, ")"):
		args = s[4 : len(s)-1]
	default:
		return rgb, 0, false
	}
	parts := strings.Split(args, ",")
	if len(parts) != 3 && len(parts) != 4 {
		return rgb, 0, false
	}
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return rgb, 0, false
		}
		if i == 3 {
			alpha = f
		} else {
			rgb[i] = int(f)
			if float64(rgb[i]) != f {
				return rgb, 0, false
			}
		}
	}
	return rgb, alpha, true
}

// escape writes s as XML text or attribute content. Quotes are escaped in
// text too, so that the SVG stays inert wherever it is pasted. Characters XML forbids
// (most C0 controls, unpaired surrogates, U+FFFE, U+FFFF) and invalid UTF-8
// become U+FFFD, so the output always parses.
func escape(b *bytes.Buffer, s string, attribute bool) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\n' && attribute:
			b.WriteString("&#10;")
		case r == '\t' && attribute:
			b.WriteString("&#9;")
		case r == '\r':
			b.WriteString("&#13;")
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r < 0x20, r == utf8.RuneError && size == 1, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
}
