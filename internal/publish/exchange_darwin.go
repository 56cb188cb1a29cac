package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps folders a and b in one atomic step (renamex_np with
// RENAME_SWAP), falling back to three renames on file systems that cannot
// swap.
func exchange(a, b string) error {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	if errors.Is(err, unix.ENOTSUP) || errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		return renameExchange(a, b)
	}
	if err != nil {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
	return nil
}

const syncDirSupported = true

// treeSync: macOS flushes every file as it is written.
const treeSync = false

func syncTree(string) error { return nil }
