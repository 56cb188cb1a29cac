package tomlfile

import (
	"strconv"
	"strings"
)

// index maps table paths and key paths to the line that writes them. Table
// paths name an element of an array of tables by its index ("rows[3]",
// "charts[0].target") and, for the first element that has it, without one
// ("rows", "charts.target"). Keys are stored as table + "\x00" + key.
type index struct {
	tables map[string]int
	keys   map[string]int
}

// buildIndex reads src once, line by line, like the locator it replaces: a
// line that starts with [ or [[ opens a table, a line with = outside a
// multi-line string sets a key (its first dotted part, and the dotted path).
func buildIndex(src string) *index {
	n := strings.Count(src, "\n") + 1
	ix := &index{tables: map[string]int{}, keys: make(map[string]int, n)}
	// counts holds the index of the current element of each array of tables,
	// by its indexed path without the last index ("rows", "a[0].b").
	counts := map[string]int{}
	var ctx, plain string // the current table, with and without indexes
	inString := ""        // the delimiter of an open multi-line string
	line := 0
	for rest := src; rest != ""; {
		var l string
		l, rest, _ = strings.Cut(rest, "\n")
		line++
		if inString != "" {
			if strings.Count(l, inString)%2 == 1 {
				inString = ""
			}
			continue
		}
		t := strings.TrimSpace(l)
		if t == "" || t[0] == '#' {
			continue
		}
		if h, arr := headerOf(t); h != "" || t[0] == '[' {
			segs := splitKey(h)
			ctx, plain = indexed(segs, arr, counts), strings.Join(segs, ".")
			setFirst(ix.tables, ctx, line)
			if plain != ctx {
				setFirst(ix.tables, plain, line)
			}
			continue
		}
		k, v, ok := strings.Cut(t, "=")
		if !ok {
			continue
		}
		segs := splitKey(k)
		if segs[0] == "" {
			continue
		}
		for i, tbl := range []string{ctx, plain} {
			if i == 1 && plain == ctx {
				break
			}
			setFirst(ix.keys, tbl+"\x00"+segs[0], line)
			for j := 1; j < len(segs); j++ {
				setFirst(ix.keys, join(tbl, strings.Join(segs[:j], "."))+"\x00"+segs[j], line)
			}
		}
		for _, d := range []string{`"""`, `'''`} {
			if strings.Count(v, d)%2 == 1 {
				inString = d
				break
			}
		}
	}
	return ix
}

// indexed returns the indexed path of a table header and, for an array of
// tables, moves on to its next element.
func indexed(segs []string, arr bool, counts map[string]int) string {
	p := ""
	for i, s := range segs {
		p = join(p, s)
		if i == len(segs)-1 && arr {
			n, ok := counts[p]
			if ok {
				n++
			}
			counts[p] = n
			return p + "[" + strconv.Itoa(n) + "]"
		}
		if n, ok := counts[p]; ok {
			p += "[" + strconv.Itoa(n) + "]"
		}
	}
	return p
}

// find returns the line of path, 0 when unknown. When the key is not written
// under its table, it falls back to the header of the deepest indexed element
// that exists, then to the nearest enclosing key (an inline table, a dotted
// key).
func (ix *index) find(path []string) int {
	n := len(path)
	key, _ := splitIndex(path[n-1])
	if l := ix.keys[strings.Join(path[:n-1], ".")+"\x00"+key]; l > 0 {
		return l
	}
	// The path may name a table by its header: [units.firms].
	if l := ix.tables[strings.Join(path, ".")]; l > 0 {
		return l
	}
	for j := n - 1; j > 0; j-- {
		if strings.HasSuffix(path[j-1], "]") {
			if l := ix.tables[strings.Join(path[:j], ".")]; l > 0 {
				return l
			}
		}
	}
	for j := n - 2; j >= 0; j-- {
		name, _ := splitIndex(path[j])
		if l := ix.keys[strings.Join(path[:j], ".")+"\x00"+name]; l > 0 {
			return l
		}
		if l := ix.keys[plainPath(path[:j])+"\x00"+key]; l > 0 {
			return l
		}
	}
	return 0
}

// plainPath drops the element indexes from a path.
func plainPath(path []string) string {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i], _ = splitIndex(p)
	}
	return strings.Join(parts, ".")
}

// splitKey splits a dotted TOML key into its parts, without quotes and
// spaces; a dot inside quotes stays in its part. It never returns an empty
// slice.
func splitKey(k string) []string {
	var parts []string
	var b strings.Builder
	quote := byte(0)
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
			b.WriteByte(c)
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			parts = append(parts, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(parts, strings.TrimSpace(b.String()))
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func setFirst(m map[string]int, k string, line int) {
	if _, ok := m[k]; !ok {
		m[k] = line
	}
}
