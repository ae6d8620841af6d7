#!/usr/bin/env bash
# Builds kube-apiserver, etcd and kubectl from the Go module proxy and installs
# them where fabric8 kube-api-test looks for them, so that tests never try to
# download binaries (this machine has no internet besides package registries).
#
# kube-api-test (io.fabric8:kube-api-test, BinaryManager) looks in
#   ${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}/k8s/<major.minor.patch>-<os>-<arch>/
# for the files kube-apiserver, etcd and kubectl. When no version is
# configured it uses the highest version directory present; it downloads only
# when no directory matches.
#
# Versions are pinned in go.mod next to this script (k8s.io/kubernetes and
# go.etcd.io/etcd/server/v3); this script reads them from there.
#
# Environment:
#   KUBE_API_TEST_DIR  output root (default: $HOME/.kubeapitest); the same
#                      variable kube-api-test itself reads.
#   KUBECTL            optional path of an existing kubectl to symlink instead
#                      of building kubectl from the pinned Kubernetes module.
#   FORCE=1            rebuild even if the target directory is complete.
#
# Go's build and module caches stay in their default locations, so a rebuild
# after a version bump reuses whatever did not change.
set -euo pipefail

start_s=${EPOCHREALTIME:-$(date +%s)}
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
gomod="${script_dir}/go.mod"

log() { printf 'kube-binaries: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
elapsed() {
  local now=${EPOCHREALTIME:-$(date +%s)}
  awk -v a="${start_s}" -v b="${now}" 'BEGIN { printf "%.1f", b - a }'
}

# --- versions, defined once in go.mod ---------------------------------------
module_version() { # module path -> version required in go.mod
  awk -v m="$1" '($1 == m && $2 ~ /^v/) || ($1 == "require" && $2 == m) {
      print ($1 == "require" ? $3 : $2); exit }' "${gomod}"
}
kube_version=$(module_version k8s.io/kubernetes)
etcd_version=$(module_version go.etcd.io/etcd/server/v3)
[[ ${kube_version} =~ ^v1\.([0-9]+)\.([0-9]+)$ ]] ||
  die "cannot read a k8s.io/kubernetes release version from ${gomod} (got '${kube_version}')"
kube_minor=${BASH_REMATCH[1]}
kube_patch=${BASH_REMATCH[2]}
[[ ${etcd_version} =~ ^v3\.[0-9]+\.[0-9]+$ ]] ||
  die "cannot read the go.etcd.io/etcd/server/v3 version from ${gomod} (got '${etcd_version}')"
version=${kube_version#v} # kube-api-test directory names have no leading v

# --- target directory, named as kube-api-test expects -----------------------
os=$(uname -s | tr '[:upper:]' '[:lower:]')
case "$(uname -m)" in
  x86_64 | amd64) arch=amd64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) die "unsupported architecture $(uname -m)" ;;
esac
out_root=${KUBE_API_TEST_DIR:-${HOME}/.kubeapitest}
k8s_dir="${out_root}/k8s"
target="${k8s_dir}/${version}-${os}-${arch}"

# Succeeds when dir holds the three executables and they report the pinned
# versions. kubectl is only checked for its version when we built it.
complete() {
  local dir=$1 f out
  for f in kube-apiserver etcd kubectl; do
    [[ -f ${dir}/${f} && -x ${dir}/${f} ]] || return 1
  done
  out=$("${dir}/kube-apiserver" --version 2>/dev/null) || return 1
  [[ ${out} == "Kubernetes ${kube_version}" ]] || return 1
  out=$("${dir}/etcd" --version 2>/dev/null) || return 1
  [[ ${out} == *"etcd Version: ${etcd_version#v}"* ]] || return 1
  if [[ -L ${dir}/kubectl ]]; then
    "${dir}/kubectl" version --client >/dev/null 2>&1 || return 1
  else
    out=$("${dir}/kubectl" version --client 2>/dev/null) || return 1
    [[ ${out} == *"Client Version: ${kube_version}"* ]] || return 1
  fi
}

if [[ ${FORCE:-0} != 1 ]] && complete "${target}"; then
  log "up to date: ${target} (kube-apiserver ${kube_version}, etcd ${etcd_version}) in $(elapsed)s"
  exit 0
fi

# --- slow path: build --------------------------------------------------------
command -v go >/dev/null || die "go is not on PATH"
mkdir -p "${k8s_dir}"

# Serialise concurrent runs; whoever waited re-checks before building.
if command -v flock >/dev/null; then
  exec 9>"${k8s_dir}/.kube-binaries.lock"
  flock 9
  if [[ ${FORCE:-0} != 1 ]] && complete "${target}"; then
    log "up to date (built by a concurrent run): ${target} in $(elapsed)s"
    exit 0
  fi
fi

# Every k8s.io staging replace must point at v0.<minor>.<patch> of the release.
staging_want="v0.${kube_minor}.${kube_patch}"
bad_replaces=$(awk -v want="${staging_want}" '$2 == "=>" && $1 ~ /^k8s\.io\// && $4 != want { print $1 " => " $3 " " $4 }' "${gomod}")
[[ -z ${bad_replaces} ]] ||
  die "go.mod replaces not at ${staging_want} (Kubernetes ${kube_version}):"$'\n'"${bad_replaces}"

# The temp dir lives beside the target (same filesystem, so mv is a rename)
# and its name does not end in -<os>-<arch>: kube-api-test parses every such
# directory name as a version and would choke on anything else.
tmp=$(mktemp -d "${k8s_dir}/.build.XXXXXX")
chmod 0755 "${tmp}" # mktemp creates it 0700
old=""
cleanup() {
  rm -rf "${tmp}"
  if [[ -n ${old} ]]; then rm -rf "${old}"; fi
}
trap cleanup EXIT

build_date=$(awk -F'"' '{ for (i = 1; i < NF; i++) if ($i == "Time") { print $(i + 2); exit } }' \
  "$(go env GOMODCACHE)/cache/download/k8s.io/kubernetes/@v/${kube_version}.info" 2>/dev/null || true)
[[ -n ${build_date} ]] || build_date=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# Same version variables as Kubernetes' hack/lib/version.sh sets; the git
# commit is unknown for a module download, so it is left out.
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X ${pkg}.gitVersion=${kube_version}"
  ldflags+=" -X ${pkg}.gitMajor=1"
  ldflags+=" -X ${pkg}.gitMinor=${kube_minor}"
  ldflags+=" -X ${pkg}.gitTreeState=clean"
  ldflags+=" -X ${pkg}.buildDate=${build_date}"
done
ldflags+=" -X go.etcd.io/etcd/api/v3/version.GitSHA=module-${etcd_version}"

pkgs=(k8s.io/kubernetes/cmd/kube-apiserver ./cmd/etcd)
if [[ -n ${KUBECTL:-} ]]; then
  kubectl_src=$(command -v "${KUBECTL}") || die "KUBECTL=${KUBECTL} is not an executable"
  "${kubectl_src}" version --client >/dev/null 2>&1 ||
    die "KUBECTL=${kubectl_src} fails 'kubectl version --client'"
  ln -s "${kubectl_src}" "${tmp}/kubectl"
else
  pkgs+=(k8s.io/kubernetes/cmd/kubectl)
fi

log "building Kubernetes ${kube_version} (${pkgs[*]}) with etcd ${etcd_version} for ${os}/${arch} ..."
build_start=${EPOCHREALTIME:-$(date +%s)}
(
  cd "${script_dir}"
  # Only the committed go.mod/go.sum are used (no -mod=mod surprises from the
  # caller's GOFLAGS). Tags as in Kubernetes' hack/lib/golang.sh release builds.
  export GOFLAGS="-mod=readonly -buildvcs=false"
  export CGO_ENABLED=0 GOOS="${os}" GOARCH="${arch}"
  go build -trimpath -tags=selinux,notest,grpcnotrace -ldflags="${ldflags}" -o "${tmp}/" "${pkgs[@]}"
)
build_s=$(awk -v a="${build_start}" -v b="${EPOCHREALTIME:-$(date +%s)}" 'BEGIN { printf "%.1f", b - a }')

complete "${tmp}" || {
  "${tmp}/kube-apiserver" --version >&2 || true
  "${tmp}/etcd" --version >&2 || true
  "${tmp}/kubectl" version --client >&2 || true
  die "built binaries do not report the expected versions"
}

# Swap into place: park any previous (incomplete) directory, rename.
if [[ -e ${target} ]]; then
  old="${k8s_dir}/.old.${version}.$$"
  mv "${target}" "${old}"
fi
mv "${tmp}" "${target}"

log "built into ${target}:"
for f in kube-apiserver etcd kubectl; do
  if [[ -L ${target}/${f} ]]; then
    log "  ${f} -> $(readlink "${target}/${f}")"
  else
    log "  ${f} ($(du -h "${target}/${f}" | cut -f1))"
  fi
done
log "go build took ${build_s}s, total $(elapsed)s"
