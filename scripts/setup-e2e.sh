#!/usr/bin/env bash
# Installs what the e2e tier (a real VS Code: code-server + headless Chromium) needs on a
# Debian machine that reaches only the npm registry and Debian's mirrors. Idempotent: a
# second run checks and returns in seconds. See ../shared/docs/real-vscode.md for why
# each step and environment variable is there.
#
# code-server goes into a per-user cache outside the clone, keyed by its version, so a
# fresh CI clone reuses it:  ${XDG_CACHE_HOME:-$HOME/.cache}/cohort-lint/code-server-<v>
# The e2e launcher (test/e2e/launch.ts) looks for it there too.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
started=$SECONDS
log() { printf '[setup-e2e] %s\n' "$*"; }

command -v node >/dev/null && command -v npm >/dev/null \
  || { log "node and npm are required (Node 20)"; exit 1; }

# One source for the version, shared with the launcher.
read -r cs_version rg_pkg rg_bin < <(node -e '
  const c = require(process.argv[1]);
  console.log(c.version, c.ripgrep.package, c.ripgrep.binary);' "$repo_root/test/e2e/code-server.json")

# --- Debian packages -------------------------------------------------------------------
apt_packages=(chromium ripgrep libkrb5-dev pkg-config build-essential python3)
missing=()
for pkg in "${apt_packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $EUID -ne 0 ]]; then
    log "missing Debian packages: ${missing[*]}; run this script as root"
    exit 1
  fi
  log "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}"
else
  log "Debian packages present"
fi

# --- code-server in the per-user cache --------------------------------------------------
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/cohort-lint"
prefix="$cache_root/code-server-$cs_version"
marker="$prefix/.cohort-lint-complete"
mkdir -p "$cache_root"

# Serialise concurrent runs (two CI jobs on one machine) on the same cache.
exec 9>"$cache_root/.setup.lock"
flock 9

if [[ -f "$marker" && -x "$prefix/node_modules/.bin/code-server" ]]; then
  log "code-server $cs_version present in $prefix"
else
  # An interrupted install leaves no marker: start that folder over.
  rm -rf "$prefix"
  mkdir -p "$prefix/tmp"
  log "installing code-server $cs_version into $prefix (about a minute)"

  # @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache (under
  # TMPDIR) already holds the tarball: give it Debian's rg.
  case "$(uname -m)" in
    x86_64) rg_target=x86_64-unknown-linux-musl ;;
    aarch64) rg_target=aarch64-unknown-linux-musl ;;
    *) log "unsupported architecture $(uname -m)"; exit 1 ;;
  esac
  rg_cache="$prefix/tmp/vscode-ripgrep-cache-$rg_pkg"
  rg_stage="$prefix/tmp/rg-stage"
  mkdir -p "$rg_cache" "$rg_stage"
  cp "$(command -v rg)" "$rg_stage/rg"
  tar -czf "$rg_cache/ripgrep-$rg_bin-$rg_target.tar.gz" -C "$rg_stage" rg

  # Node headers ship with the running node (Debian: /usr/include/node); node-gyp would
  # otherwise fetch them from the internet.
  node_dir="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  [[ -f "$node_dir/include/node/node.h" ]] || node_dir=/usr

  (
    cd "$prefix"
    printf '{ "private": true }\n' > package.json
    TMPDIR="$prefix/tmp" \
    npm_config_nodedir="$node_dir" \
    npm_config_unsafe_perm=true \
    npm_config_yes=true \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false \
      npm install --prefix "$prefix" --save-exact --no-package-lock "code-server@$cs_version" </dev/null
  )
  rm -rf "$prefix/tmp"

  "$prefix/node_modules/.bin/code-server" --version >/dev/null \
    || { log "code-server installed but does not start"; exit 1; }
  touch "$marker"
fi

[[ -x /usr/bin/chromium ]] || { log "/usr/bin/chromium missing after install"; exit 1; }
log "ready in $((SECONDS - started)) s: code-server $("$prefix/node_modules/.bin/code-server" --version | head -1), $(/usr/bin/chromium --version 2>/dev/null)"
