package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps folders a and b in one atomic step (renameat2 with
// RENAME_EXCHANGE), falling back to three renames on file systems that
// cannot exchange.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.ENOTSUP) {
		return renameExchange(a, b)
	}
	if err != nil {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
	return nil
}

const syncDirSupported = true

// treeSync: Linux flushes the new tree in one call, syncTree, on commit
// instead of one fsync per file.
const treeSync = true

// syncTree flushes every file and folder of the file system holding dir
// (syncfs), and so the whole tree written under it.
func syncTree(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := unix.Syncfs(int(f.Fd())); err != nil {
		return &os.PathError{Op: "syncfs", Path: dir, Err: err}
	}
	return nil
}
