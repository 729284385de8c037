#!/usr/bin/env bash
# Installs Debian packages the checks need when their command is missing, e.g.
#   scripts/install-debian-tools.sh promtool:prometheus chromium:chromium
# (command:package pairs). Uses sudo when not root; does nothing when all are present.
set -euo pipefail
missing=()
for pair in "$@"; do
  cmd=${pair%%:*} pkg=${pair#*:}
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-debian-tools: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
