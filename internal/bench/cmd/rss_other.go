//go:build !unix

package main

import "os"

// maxRSS is not measured here: 0.
func maxRSS(ps *os.ProcessState) int64 { return 0 }
