package offline

import "testing"

func TestByteSize(t *testing.T) {
	for n, want := range map[int]string{0: "0 KB", 1: "1 KB", 999: "1 KB", 1000: "1 KB", 1001: "2 KB", 453421: "454 KB", 999999: "1000 KB", 1000000: "1.0 MB", 2723179: "2.7 MB"} {
		if got := ByteSize(n); got != want {
			t.Errorf("ByteSize(%d) = %q, want %q", n, got, want)
		}
	}
}
