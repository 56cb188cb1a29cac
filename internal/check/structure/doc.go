// Package structure holds the rules every build needs before it can render,
// which package check runs first: the site's files and folders have names
// a static host serves (Files), and each section shows charts and tables
// that exist, each once, with every translation of the section keeping the
// heading tree, charts and tables of the first (Section, Once), and every link
// the Markdown writes leads to a page, file or anchor the build makes
// (Linker). Positions are
// relative to the content folder, like every diagnostic of package check.
package structure
