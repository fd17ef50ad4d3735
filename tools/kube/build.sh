#!/usr/bin/env bash
# Builds the test control plane (etcd, kube-apiserver, kube-controller-manager, kube-scheduler) from the Go module
# proxy, pinned by the go.mod/go.sum files beside this script, into a per-version cache folder. Binaries already
# there are reused, so only the first `make test` on a machine pays (about 7 minutes on 2 cores).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version=v1.34.4
out="${KUBE_TEST_BIN:-$HOME/.cache/locust-load-test/kube-$version}"
mkdir -p "$out"
ldflags="-s -w -X k8s.io/component-base/version.gitVersion=$version -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=34"
build() { # module-dir package binary
  if [ -x "$out/$3" ]; then return; fi
  if ! command -v go >/dev/null; then
    echo "Go 1.24 or later is needed once, to build the test control plane's $3 into $out (https://go.dev/dl/)" >&2
    exit 1
  fi
  echo "building $3 (cached in $out)"
  (cd "$here/$1" && CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$out/$3.tmp" "$2")
  mv "$out/$3.tmp" "$out/$3"
}
build etcd . etcd
build kubernetes k8s.io/kubernetes/cmd/kube-apiserver kube-apiserver
build kubernetes k8s.io/kubernetes/cmd/kube-controller-manager kube-controller-manager
build kubernetes k8s.io/kubernetes/cmd/kube-scheduler kube-scheduler
echo "$out"
