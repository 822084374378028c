#!/bin/sh
# Installs the Debian packages named on the command line that are not installed yet.
# Used by `make deps` (and so by `make check` and `make demo`); needs root to install.
missing=""
for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "zhnews: installing Debian packages:$missing"
if [ "$(id -u)" != 0 ]; then
    echo "zhnews: not root; run as root: apt-get install$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || exit 1
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null || exit 1
