// Package shareddata finds the reference data in ../shared/data, which CI
// clones next to the repository, for tests and evaluations.
package shareddata

import (
	"fmt"
	"os"
	"path/filepath"
)

// Find returns the path of shared/data/sub, looking upwards from the working
// directory (a package directory in tests).
func Find(sub string) (string, error) {
	dir, _ := os.Getwd()
	for i := 0; i < 8; i++ {
		for _, p := range []string{filepath.Join(dir, "shared", "data", sub), filepath.Join(dir, "..", "shared", "data", sub)} {
			if _, err := os.Stat(p); err == nil {
				return p, nil
			}
		}
		dir = filepath.Dir(dir)
	}
	return "", fmt.Errorf("shared/data/%s not found above the working directory (the repository is cloned next to shared/)", sub)
}
