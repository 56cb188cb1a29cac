//go:build unix

package site

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time this process has used, user and system,
// for benchmarks on busy machines, where wall time says little.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
