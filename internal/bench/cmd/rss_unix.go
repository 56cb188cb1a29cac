//go:build unix

package main

import (
	"os"
	"syscall"
)

// maxRSS returns the finished child's peak resident memory in kilobytes
// (as Linux reports it; macOS reports bytes).
func maxRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return int64(ru.Maxrss)
	}
	return 0
}
