package site

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
