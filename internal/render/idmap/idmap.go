// Package idmap renames the IDs a section's rendered Markdown defines, and
// the links to them, when the section shares a page with others.
package idmap

import (
	"bytes"
	"strings"

	"reportsite/internal/markdown"
)

// Map renames the IDs a section's Markdown defines, and the links to
// them, when the section shares a page with others.
type Map struct {
	IDs  map[string]string // ID → new ID; "" drops the id attribute
	Refs map[string]string // ID → the ID a link to it leads to now
}

// Prefix puts prefix before every ID in ids.
func Prefix(ids []string, prefix string) Map {
	m := Map{IDs: make(map[string]string, len(ids)), Refs: make(map[string]string, len(ids))}
	for _, id := range ids {
		m.IDs[id], m.Refs[id] = prefix+id, prefix+id
	}
	return m
}

// IDs returns the IDs defined in the Markdown chunks (not figures),
// in order.
func IDs(chunks []markdown.Chunk) []string {
	var out []string
	for _, c := range chunks {
		if c.Kind == "figure" {
			continue
		}
		s := c.HTML
		for {
			i := bytes.Index(s, []byte(` id="`))
			if i < 0 {
				break
			}
			s = s[i+len(` id="`):]
			end := bytes.IndexByte(s, '"')
			if end < 0 {
				break
			}
			out = append(out, string(s[:end]))
			s = s[end:]
		}
	}
	return out
}

// Write writes s to b with its id="…" attributes and href="#…" links
// renamed by m. Rendered Markdown escapes quotes in text and attribute
// values, so every =" in it opens an attribute value, and a value ends at
// the next quote. It makes one pass.
func Write(b *strings.Builder, s string, m Map) {
	for {
		i := strings.Index(s, `="`)
		if i < 0 {
			break
		}
		j := i + 2
		name, rest := s[:i], s[j:]
		end := strings.IndexByte(rest, '"')
		switch {
		case end < 0:
		case strings.HasSuffix(name, " id"):
			nv, ok := m.IDs[rest[:end]]
			if !ok {
				break
			}
			if nv == "" {
				b.WriteString(name[:len(name)-len(" id")])
			} else {
				b.WriteString(s[:j])
				b.WriteString(nv)
				b.WriteByte('"')
			}
			s = rest[end+1:]
			continue
		case strings.HasSuffix(name, " href") && strings.HasPrefix(rest, "#"):
			nv, ok := m.Refs[rest[1:end]]
			if !ok {
				break
			}
			b.WriteString(s[:j+1])
			b.WriteString(nv)
			b.WriteByte('"')
			s = rest[end+1:]
			continue
		}
		b.WriteString(s[:j])
		s = rest
	}
	b.WriteString(s)
}
