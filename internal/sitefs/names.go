package sitefs

import "strings"

// reserved are the device names Windows reserves in every folder, with any
// extension and in any case: a file called con.html or Aux.toml cannot be
// created there, so a site or archive holding one breaks on Windows.
var reserved = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true}

func init() {
	for _, d := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"} {
		reserved["com"+d] = true
		reserved["lpt"+d] = true
	}
}

// Reserved reports whether name (one path element) is reserved on Windows:
// a device name, alone or before an extension (nul.txt, CON.tar.gz), with
// any trailing spaces.
func Reserved(name string) bool {
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = name[:i]
	}
	return reserved[strings.ToLower(strings.TrimRight(name, " "))]
}

// ReservedHint says what to do about a reserved name.
const ReservedHint = "rename it: con, prn, aux, nul, com1-com9 and lpt1-lpt9 (with any extension, in any case) cannot be file names on Windows"

// Fold returns the form of a name under which case-insensitive file
// systems (Windows, macOS) take two names to be the same.
func Fold(name string) string { return strings.ToLower(name) }
