//go:build unix

package publish

import (
	"os"
	"syscall"
)

// create makes the new file name for writing. os.OpenFile would also try
// to register the file with the poller, which refuses regular files: four
// fcntl calls and a failed epoll_ctl per file, thousands in a build.
func create(name string) (*os.File, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o644)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	return os.NewFile(uintptr(fd), name), nil
}
