package lang

// Conversion between Chinese scripts uses the dictionaries of OpenCC
// (github.com/longbridgeapp/opencc) but not its Convert, which allocates for
// every character: for each group of dictionaries it converts the whole text
// to []rune and, at each character, builds a string of the next ten
// characters, a map of the keys matching it in each dictionary and a token
// string. That was most of the time spent deriving zh-Hans.
//
// A table holds the dictionaries that opencc.New loads (the library's
// embedded files, parsed by the library), copied from its byte tries into
// tries of runes, and converts into a reused buffer by opencc.Convert's rules:
//
//   - the text is read as runes: each byte of invalid UTF-8 is U+FFFD;
//   - at each character, the dictionaries of a group are tried in order; the
//     first one with a key that is a prefix of the next maxWindow characters
//     wins with its longest such key, which is replaced by the key's first
//     value, and conversion goes on as many characters further as the key
//     has;
//   - a character that no dictionary matches is copied;
//   - each group of the chain converts the output of the one before.
//
// FuzzConvertMatchesOpenCC checks that Converter.Convert gives the same
// bytes as opencc.Convert on arbitrary strings, invalid UTF-8 included. A
// dictionary that a rune trie cannot copy faithfully (see newRuneTrie)
// leaves its configuration to the library.

import (
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// maxWindow is how many characters opencc.Convert looks ahead for a key
// (its preOffset).
const maxWindow = 10

// table is one OpenCC configuration. It is read-only, so safe for
// concurrent use.
type table struct {
	cc     *opencc.OpenCC // the library, which converts if groups is nil
	groups [][]*runeTrie  // cc.DictChains, copied
	err    error          // why groups is nil
}

func newTable(cfg string) (*table, error) {
	cc, err := opencc.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("load opencc %s: %w", cfg, err)
	}
	t := &table{cc: cc}
	for _, g := range cc.DictChains {
		var group []*runeTrie
		for i, d := range g.Dicts {
			rt, err := newRuneTrie(d.Trie, d.Values)
			if err != nil { // TestTablesCopied reports it
				t.err = fmt.Errorf("opencc %s, %s: %w", cfg, g.Files[i], err)
				t.groups = nil
				return t, nil
			}
			group = append(group, rt)
		}
		t.groups = append(t.groups, group)
	}
	return t, nil
}

// Convert converts s as opencc.Convert does.
func (t *table) Convert(s string) (string, error) {
	if t.groups != nil {
		return t.convert(s), nil
	}
	out, err := t.cc.Convert(s)
	if err != nil {
		return "", fmt.Errorf("opencc %s: %w", t.cc.Conversion, err)
	}
	return out, nil
}

// buffers holds the two buffers of a conversion: each group reads one and
// writes the other.
var buffers = sync.Pool{New: func() any { return new([2][]byte) }}

func (t *table) convert(s string) string {
	bufs := buffers.Get().(*[2][]byte)
	src := appendRunes(bufs[0][:0], s)
	dst := bufs[1]
	for i, g := range t.groups {
		if i > 0 && !utf8.Valid(src) { // a value of the previous group was not UTF-8
			src = appendRunes(nil, string(src))
		}
		dst = convertGroup(dst[:0], src, g)
		src, dst = dst, src
	}
	out := s
	if string(src) != s {
		out = string(src)
	}
	bufs[0], bufs[1] = src, dst
	buffers.Put(bufs)
	return out
}

// appendRunes appends s to dst as string([]rune(s)) would: each byte of
// invalid UTF-8 becomes U+FFFD.
func appendRunes(dst []byte, s string) []byte {
	if utf8.ValidString(s) {
		return append(dst, s...)
	}
	for _, r := range s {
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// convertGroup appends to dst the conversion of src, valid UTF-8, by the
// dictionaries of one group.
func convertGroup(dst, src []byte, group []*runeTrie) []byte {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		n, value := 0, ""
		for _, d := range group {
			if d.mayStart(r) {
				if n, value = d.longest(src[i:]); n > 0 {
					break
				}
			}
		}
		if n == 0 {
			dst = append(dst, src[i:i+size]...)
			i += size
			continue
		}
		dst = append(dst, value...)
		for ; n > 0 && i < len(src); n-- {
			_, size := utf8.DecodeRune(src[i:])
			i += size
		}
	}
	return dst
}

// runeTrie is one dictionary: its keys, as a trie of runes, and the first
// value of each key.
type runeTrie struct {
	root  []int32        // child of the root by rune, for runes below 1<<16: most lookups
	next  map[edge]int32 // child of a node by rune, for the others
	nodes []trieNode
	skip  [256]bool // the bytes the byte trie ignores at the start of a key; ASCII
}

type edge struct {
	node int32
	r    rune
}

type trieNode struct {
	key   bool // the runes from the root to the node are a key
	leaf  bool // no key extends the runes to the node
	value string
}

// byteTrie is the part of the library's trie (*cedar.Cedar, the Trie of a
// da.Dict) that newRuneTrie reads.
type byteTrie interface {
	PrefixPredict(key []byte, num int) (ids []int)
	Key(id int) (key []byte, err error)
	Value(id int) (value int, err error)
	Jump(path []byte, from int) (to int, err error)
	Status() (keys, nodes, size, capacity int)
}

// newRuneTrie copies a dictionary as opencc.New loaded it: its byte trie of
// keys and the values of each key. It fails where a trie of runes could not
// match as the byte trie does: keys it cannot list or find again by their
// bytes, keys that are not UTF-8 or have no value, and a byte that leads
// from the root back to the root (PrefixMatch walks it, Key leaves it out of
// the key) that is not ASCII.
func newRuneTrie(bt byteTrie, values [][]string) (*runeTrie, error) {
	t := &runeTrie{root: make([]int32, 1<<16), next: map[edge]int32{}, nodes: []trieNode{{leaf: true}}} // node 0 is the root
	ids := bt.PrefixPredict(nil, 0)
	if keys, _, _, _ := bt.Status(); keys != len(ids) {
		return nil, fmt.Errorf("listed %d of %d keys", len(ids), keys)
	}
	for _, id := range ids {
		key, err := bt.Key(id)
		if err != nil {
			return nil, err
		}
		v, err := bt.Value(id)
		if err != nil {
			return nil, err
		}
		if to, err := bt.Jump(key, 0); err != nil || !isValueOf(bt, to, v) {
			return nil, fmt.Errorf("key %q is not found again", key)
		}
		if !utf8.Valid(key) {
			return nil, fmt.Errorf("key %q is not UTF-8", key)
		}
		if len(values[v]) == 0 {
			return nil, fmt.Errorf("key %q has no value", key)
		}
		n := int32(0)
		for _, r := range string(key) {
			child := t.child(n, r)
			if child == 0 {
				t.nodes[n].leaf = false
				child = int32(len(t.nodes))
				t.nodes = append(t.nodes, trieNode{leaf: true})
				if n == 0 && int(r) < len(t.root) {
					t.root[r] = child
				} else {
					t.next[edge{n, r}] = child
				}
			}
			n = child
		}
		t.nodes[n].key, t.nodes[n].value = true, values[v][0]
	}
	for b := range 256 {
		if to, err := bt.Jump([]byte{byte(b)}, 0); err == nil && to == 0 {
			if b >= utf8.RuneSelf {
				return nil, fmt.Errorf("root loops on byte %#x", b)
			}
			t.skip[b] = true
		}
	}
	return t, nil
}

// isValueOf reports whether node id of bt holds value v.
func isValueOf(bt byteTrie, id, v int) bool {
	got, err := bt.Value(id)
	return err == nil && got == v
}

// child returns the child of node by r, or 0 if it has none.
func (t *runeTrie) child(node int32, r rune) int32 {
	if node == 0 && r >= 0 && int(r) < len(t.root) {
		return t.root[r]
	}
	return t.next[edge{node, r}]
}

// mayStart reports whether a key may match at a rune r: false for most.
func (t *runeTrie) mayStart(r rune) bool {
	return t.child(0, r) != 0 || r < utf8.RuneSelf && t.skip[r]
}

// longest returns the longest key of t that prefixes the first maxWindow
// characters of w (valid UTF-8), as opencc.Convert finds it: its length n
// in characters (0 if there is none) and its first value.
//
// The byte trie's root is its own parent: the bytes in skip lead from the
// root back to the root (0x01 in the library's tries), so PrefixMatch walks
// them but Key leaves them out of the key, by whose length opencc.Convert
// moves on. So "\x01經" matches 經, and converts to "经经".
func (t *runeTrie) longest(w []byte) (n int, value string) {
	i, chars := 0, 0
	for i < len(w) && chars < maxWindow && t.skip[w[i]] {
		i, chars = i+1, chars+1
	}
	node, keyChars := int32(0), 0
	for i < len(w) && chars < maxWindow {
		r, size := utf8.DecodeRune(w[i:])
		child := t.child(node, r)
		if child == 0 {
			break
		}
		node, i, chars, keyChars = child, i+size, chars+1, keyChars+1
		nd := &t.nodes[node]
		if nd.key {
			n, value = keyChars, nd.value
		}
		if nd.leaf {
			break
		}
	}
	return n, value
}
