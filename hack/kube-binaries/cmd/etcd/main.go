// Command etcd is a thin entry point around etcd's server main, so that the
// etcd binary can be compiled from the Go module proxy (no release tarball
// download needed). The etcd version is pinned in ../../go.mod.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
