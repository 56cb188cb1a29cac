package markdown

import (
	"bytes"
	"errors"
	"reportsite/internal/markdown/anchors"
	"reportsite/internal/markdown/figmark"
	"slices"
	"strconv"
)

// Prepared is a document rendered once with its ```chart and ```table blocks
// left as holes, so that the pages which show it (and may need the blocks
// rendered differently, with links relative to their own folder) only fill
// the holes. The parsed tree, many times the size of the text, is dropped.
type Prepared struct {
	chunks []Chunk
	holes  []bool        // whether chunk i has a hole
	refs   []Ref         // the blocks, by hole number
	texts  figmark.Elems // where the paragraphs' text is, for Mark
	// edits are the chunks Mark changed, in chunk order, over chunks
	// shared with the document it marked.
	edits []edit
}

// edit is chunk i's HTML as Mark changed it.
type edit struct {
	i    int
	html []byte
}

// html returns chunk i's HTML, as Mark may have changed it.
func (p *Prepared) html(i int) []byte {
	for _, e := range p.edits {
		if e.i == i {
			return e.html
		}
	}
	return p.chunks[i].HTML
}

// own returns p's chunks with Mark's edits, in a slice of the caller's.
func (p *Prepared) own() []Chunk {
	out := slices.Clone(p.chunks)
	for _, e := range p.edits {
		out[e.i].HTML = e.html
	}
	return out
}

var errCorrupt = errors.New("markdown: corrupt prepared document")

// ErrReleased is returned by Render after Prepare has dropped the tree.
var ErrReleased = errors.New("markdown: document already prepared; its tree is released")

// hole marks block i in prepared HTML. Rendered Markdown never holds a NUL
// byte (the parser turns it into U+FFFD), so the mark cannot be forged; the
// newline keeps renderBlock from adding one.
func hole(i int) []byte { return []byte("\x00" + strconv.Itoa(i) + "\x00\n") }

// Prepare renders the document with holes for its blocks and marks where
// its IDs go (see [Write]), and releases the parsed tree: Render fails
// afterwards, while Headings, Blocks and Paras stay. A document that failed
// to parse prepares to nothing.
func (d *Doc) Prepare() (*Prepared, error) {
	p := &Prepared{}
	if d != nil && d.root != nil && !d.released {
		markFootnotes(d.root)
	}
	texts := &figmark.Recorder{}
	chunks, err := d.render(func(kind, id string) ([]byte, error) {
		p.refs = append(p.refs, Ref{Kind: kind, ID: id})
		return hole(len(p.refs) - 1), nil
	}, texts)
	if d != nil {
		d.root, d.src, d.lines, d.released = nil, nil, nil, true // its IDs are marked now
	}
	if err != nil {
		return nil, err
	}
	// Render met the blocks in the order of Blocks, which carry their lines.
	for i := range p.refs {
		if i < len(d.Blocks) && d.Blocks[i].Kind == p.refs[i].Kind && d.Blocks[i].ID == p.refs[i].ID {
			p.refs[i] = d.Blocks[i]
		}
	}
	p.chunks, p.texts = chunks, texts.Elems()
	p.holes = make([]bool, len(chunks))
	for i, c := range chunks {
		p.holes[i] = bytes.Contains(c.HTML, []byte("\x00\n"))
	}
	return p, nil
}

// Size is the length of the prepared HTML, without the blocks.
func (p *Prepared) Size() int {
	n := 0
	for _, c := range p.chunks {
		n += len(c.HTML) + 1
	}
	for _, e := range p.edits {
		n += len(e.html) - len(p.chunks[e.i].HTML)
	}
	return n
}

// Chunks returns the prepared chunks, their holes unfilled. Their HTML is
// shared with p: callers must not modify it.
func (p *Prepared) Chunks() []Chunk { return p.own() }

// Len is the number of chunks.
func (p *Prepared) Len() int { return len(p.chunks) }

// Fill returns the chunks with every hole filled by block, as Render would
// have written them (a nil block leaves the blocks out), but with their IDs
// marked: write them with [Write], which decides the IDs. Chunks without a
// block share their HTML with p and with every other Fill: callers must not
// modify it.
func (p *Prepared) Fill(block BlockFunc) ([]Chunk, error) {
	out := p.own()
	for i, c := range out {
		if !p.holes[i] {
			continue
		}
		var b bytes.Buffer
		rest := c.HTML
		for {
			start := bytes.IndexByte(rest, 0)
			if start < 0 {
				break
			}
			if bytes.HasPrefix(rest[start:], []byte(anchors.IDMark)) { // an ID, for Write
				b.Write(rest[:start+len(anchors.IDMark)])
				rest = rest[start+len(anchors.IDMark):]
				continue
			}
			end := start + 1 + bytes.IndexByte(rest[start+1:], 0) // the mark's second NUL
			if end <= start || end+1 >= len(rest) || rest[end+1] != '\n' {
				return nil, errCorrupt
			}
			n, err := strconv.Atoi(string(rest[start+1 : end]))
			if err != nil || n < 0 || n >= len(p.refs) {
				return nil, errCorrupt
			}
			b.Write(rest[:start])
			rest = rest[end+2:]
			var html []byte
			if block != nil {
				if html, err = block(p.refs[n].Kind, p.refs[n].ID); err != nil {
					return nil, &BlockError{Ref: p.refs[n], Err: err}
				}
			}
			b.Write(html)
			if len(html) > 0 && html[len(html)-1] != '\n' {
				b.WriteByte('\n')
			}
		}
		b.Write(rest)
		out[i].HTML = b.Bytes()
	}
	return out, nil
}
