//go:build !linux && !darwin

package publish

import "runtime"

// exchange swaps folders a and b. Without Linux's renameat2 or macOS's
// renamex_np there is no atomic exchange of two folders: it takes three
// renames, and between the first two b does not exist.
func exchange(a, b string) error { return renameExchange(a, b) }

// syncDirSupported: Windows cannot flush a folder.
const syncDirSupported = runtime.GOOS != "windows"

// treeSync: elsewhere every file is flushed as it is written.
const treeSync = false

func syncTree(string) error { return nil }
