package lang

// Prepare loads the dictionaries of the conversion from from to to now,
// not on its first use: a caller that has other work to do calls it in a
// goroutine of its own, so that the milliseconds they take pass beside that
// work. Call it after Choose; without a conversion it does nothing.
func (c *Converter) Prepare(from, to string) {
	if load, ok := c.tables[c.Config(from, to)]; ok {
		load()
	}
}
