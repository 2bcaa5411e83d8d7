#!/usr/bin/env bash
# Installs the Debian packages the test suite and benchmarks need (git, openssh-server for the
# ssh deploy target, shellcheck for Rule 7, systemd-analyze for the proxy unit test, git-secrets and
# ripgrep for benchmarks), when missing.
set -euo pipefail

if [[ "${1:-}" == "--help" ]]; then
  echo "usage: bash scripts/ci/system-deps.sh   (installs missing Debian packages; needs root or sudo)"
  exit 0
fi

wanted=(git openssh-server rsync wrk git-secrets ripgrep shellcheck systemd)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "system packages: all present (${wanted[*]})"
  exit 0
fi
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
echo "system packages: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
