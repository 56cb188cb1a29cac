package render

import (
	"maps"
	"slices"
	"strings"

	"reportsite/internal/addr"
)

// copyImages adds every image the sections show to the output.
func (b *builder) copyImages() error {
	for _, out := range slices.Sorted(maps.Keys(b.m.Images)) {
		if strings.HasPrefix(out, addr.StaticDir) {
			continue // copied with the static files
		}
		src := b.m.Images[out]
		data, err := src.Read()
		if err != nil {
			return err
		}
		b.add(out, data)
	}
	return nil
}
