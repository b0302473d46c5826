#!/usr/bin/env bash
# The work of ./kpi compat (see docs/compat.md), run by it as root in a mount namespace of its own
# (unshare --mount --propagation private): every mount below is private to this process and its children, so
# none can leak into the host's /dev or /proc, and all of them vanish with the namespace even if this script is
# killed; the trap also unmounts them, in reverse order, on every exit.
#
#   tests/compat/debian13.sh COMPAT_DIR OXT SOURCE_DIR SUITE...
#
# Makes COMPAT_DIR/debian-13 once: a Debian 13 (trixie) chroot with the newest LibreOffice Debian ships (trixie's
# or trixie-backports', whichever is newer) and what the integration suites need. Then runs each suite
# (tests/integration/test_SUITE.py) inside it with the chroot's python3, python3-uno and soffice against OXT,
# with SOURCE_DIR mounted read-only, and prints one line per suite and a summary.
# Logs: COMPAT_DIR/logs-newest/ (logs-trixie/).
# KPI_COMPAT_UPDATE=1 updates a kept chroot to the newest packages first; KPI_COMPAT_MIRROR sets the mirror;
# KPI_COMPAT_OFFICE=trixie tests trixie's own office instead, in a chroot of its own (COMPAT_DIR/debian-13-trixie).
set -euo pipefail

compat_dir=$1 oxt=$2 source_dir=$3
shift 3
suites=("$@")
office=${KPI_COMPAT_OFFICE:-newest}
case $office in
newest) root=$(readlink -f "$compat_dir/debian-13") ;;
trixie) root=$(readlink -f "$compat_dir/debian-13-trixie") ;;
*) echo "kpi compat: KPI_COMPAT_OFFICE is newest (the default) or trixie, not $office" >&2 && exit 2 ;;
esac
logs=$compat_dir/logs-$office
mirror=${KPI_COMPAT_MIRROR:-http://deb.debian.org/debian}
# What the suites need besides the office: pandas (raw data, periods, sheet builder), the Python script provider
# (docs/sheet-builder.md's macro), the Indonesian UI (menu and wizard texts), a font with the glyphs the PDFs use.
packages=(libreoffice-calc-nogui python3-uno python3-pandas libreoffice-script-provider-python libreoffice-l10n-id
          fonts-dejavu-core poppler-utils) # poppler-utils: pdfinfo for integration.dashboard's pages
stamp=$root/.kpi-compat-ready # written last: a chroot without it is an interrupted one

say() { printf '\n== %s ==\n' "$*"; }
die() {
    echo "kpi compat: $*" >&2
    exit 1
}

# Mount points under a path, as this namespace sees them (a copy of the host's when it was made).
mounts_under() { awk -v dir="$1" '$5 == dir || index($5, dir "/") == 1 { print $5 }' /proc/self/mountinfo; }

mounted=()
mount_at() { # mount_at TARGET MOUNT-ARGUMENTS...: mounts and remembers it for the trap
    local target=$1
    shift
    mkdir -p "$target"
    mount "$@" "$target"
    mounted+=("$target")
}

cleanup() {
    local status=$? pid i
    # an office a suite left behind (started in a session of its own, out of the suite's process group) would
    # keep its files open: end the processes whose root is this chroot, each by its id
    for pid in /proc/[0-9]*; do
        [[ $(readlink "$pid/root" 2>/dev/null) == "$root" ]] && kill -KILL "${pid#/proc/}" 2>/dev/null
    done
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[i]}" 2>/dev/null || umount --lazy "${mounted[i]}" || status=1
    done
    mounted=()
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# What a program in the chroot needs: /proc, /sys (read-only), /dev with its pts and a fresh /dev/shm, and a /tmp
# of its own (the suites' profiles), emptied with every run.
mount_system() {
    mount_at "$root/proc" -t proc proc
    mount_at "$root/sys" --bind /sys
    mount -o remount,bind,ro "$root/sys"
    mount_at "$root/dev" --bind /dev
    mount_at "$root/dev/pts" --bind /dev/pts
    mount_at "$root/dev/shm" -t tmpfs -o mode=1777,nosuid,nodev shm
    mount_at "$root/tmp" -t tmpfs -o mode=1777,nosuid,nodev tmp
}

in_chroot() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

candidate() { in_chroot apt-cache policy "$@" | sed -n 's/^ *Candidate: //p'; }

# Installs (or, with KPI_COMPAT_UPDATE=1, upgrades) the office and the suites' packages: trixie-backports' office
# when apt-cache policy shows it newer than trixie's, else trixie's.
provision() {
    say "Debian 13 packages in $root"
    cp -L /etc/resolv.conf "$root/etc/resolv.conf"
    in_chroot apt-get update -q
    local trixie backports target=()
    trixie=$(candidate libreoffice-calc-nogui)
    backports=$(candidate -t trixie-backports libreoffice-calc-nogui)
    in_chroot apt-cache policy libreoffice-calc-nogui
    [[ -n $trixie ]] || die "Debian 13 has no libreoffice-calc-nogui (see apt-cache policy above)"
    if [[ $office == trixie ]]; then
        echo "LibreOffice $trixie from trixie (KPI_COMPAT_OFFICE=trixie; trixie-backports has ${backports:-none})"
    elif [[ -n $backports ]] && dpkg --compare-versions "$backports" gt "$trixie"; then
        target=(-t trixie-backports)
        echo "LibreOffice $backports from trixie-backports (trixie has $trixie)"
    else
        echo "LibreOffice $trixie from trixie (trixie-backports has nothing newer)"
    fi
    in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${target[@]}" \
        "${packages[@]}"
    in_chroot env DEBIAN_FRONTEND=noninteractive apt-get full-upgrade -y -q # security fixes, kept backports
    in_chroot apt-get clean
    printf '%s\n' "${packages[@]}" >"$stamp"
}

make_chroot() {
    if [[ -e $root ]]; then
        # left by an interrupted run: removed whole, but never through a mount into the host
        [[ -z $(mounts_under "$root") ]] || die "$root has mounts in it ($(mounts_under "$root" | xargs)):" \
            "unmount them, then run ./kpi compat again"
        say "removing the unfinished chroot $root"
        rm -rf --one-file-system "$root"
    fi
    say "debootstrap: Debian 13 (trixie) into $root (once; later runs reuse it)"
    debootstrap --variant=minbase --components=main trixie "$root" "$mirror"
    # trixie, its updates and security fixes, and backports (pinned low by Debian: used only when asked for)
    rm -f "$root/etc/apt/sources.list"
    cat >"$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: trixie trixie-updates trixie-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: trixie-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    # no services start in the chroot
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod 755 "$root/usr/sbin/policy-rc.d"
}

# A count from unittest's closing line ("OK (skipped=2)", "FAILED (failures=1, errors=1)") in a log; 0 if none.
count() {
    local n
    n=$(sed -n "s/^\(OK\|FAILED\) (.*\b$1=\([0-9]*\).*/\2/p" "$2" | tail -n 1)
    echo "${n:-0}"
}

run_suites() {
    mkdir -p "$logs"
    # the repository read-only, the .oxt built on Debian 12 beside it, on a tmpfs that leaves nothing behind
    mount_at "$root/kpi" -t tmpfs -o mode=755 kpi
    mount_at "$root/kpi/src" --bind "$source_dir"
    mount -o remount,bind,ro "$root/kpi/src"
    install -m 644 "$oxt" "$root/kpi/kpi-functions.oxt"

    local version package_version source
    version=$(in_chroot /usr/lib/libreoffice/program/soffice --version 2>/dev/null | head -n 1)
    package_version=$(in_chroot dpkg-query -W -f='${Version}' libreoffice-calc-nogui)
    source=$(in_chroot apt-cache policy libreoffice-calc-nogui |
        awk '/^ \*\*\* / { getline; print $3; exit }')
    say "integration suites in $version (Debian 13: libreoffice-calc-nogui $package_version, ${source%%/*})"
    echo "against $oxt, built on $(. /etc/os-release && echo "$PRETTY_NAME") (logs: $logs)"

    local suite log start status milliseconds ran failed skipped state total_milliseconds=0
    local suites_passed=0 suites_failed=0 tests_ran=0 tests_passed=0 tests_failed=0 tests_skipped=0
    for suite in "${suites[@]}"; do
        log=$logs/$suite.log
        start=$(date +%s%3N)
        status=0
        # (--foreground: the suite stays in this process group, so Ctrl-C reaches it)
        timeout --foreground --kill-after=30 900 chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root \
            LANG=C.UTF-8 KPI_OXT=/kpi/kpi-functions.oxt PYTHONDONTWRITEBYTECODE=1 \
            /usr/bin/python3 "/kpi/src/tests/integration/test_$suite.py" -v >"$log" 2>&1 || status=$?
        ((status != 130)) || exit 130 # interrupted (Ctrl-C): no more suites; the trap unmounts
        state=passed
        ((status == 0)) || state=FAILED
        milliseconds=$(($(date +%s%3N) - start))
        total_milliseconds=$((total_milliseconds + milliseconds))
        ran=$(sed -n 's/^Ran \([0-9]*\) tests\? in .*/\1/p' "$log" | tail -n 1)
        ran=${ran:-0}
        failed=$(($(count failures "$log") + $(count errors "$log")))
        skipped=$(count skipped "$log")
        if [[ $state == passed && $ran == 0 ]]; then state=FAILED; fi # nothing ran: not a pass
        if [[ $state == passed ]]; then
            suites_passed=$((suites_passed + 1))
        else
            suites_failed=$((suites_failed + 1))
            ((failed > 0)) || failed=1 # it crashed or timed out before unittest's verdict
        fi
        tests_ran=$((tests_ran + ran)) tests_skipped=$((tests_skipped + skipped))
        tests_failed=$((tests_failed + failed))
        # (an error in a class's set-up counts as a failure but not as a test that ran)
        tests_passed=$((tests_passed + (ran > failed + skipped ? ran - failed - skipped : 0)))
        printf '%-28s %-6s %4d tests, %3d failed, %3d skipped  %4d.%d s\n' "$suite" "$state" "$ran" "$failed" \
            "$skipped" $((milliseconds / 1000)) $((milliseconds % 1000 / 100))
        # why tests skipped, each reason once with its count
        sed -n "s/.* \.\.\. skipped '\(.*\)'$/\1/p" "$log" | sort | uniq -c | sed 's/^ *\([0-9]*\) /    skipped \1: /'
        [[ $state == passed ]] || tail -n 25 "$log" | cut -c 1-300 | sed 's/^/    | /'
    done
    say "summary"
    local verdict=PASSED
    ((suites_failed == 0)) || verdict=FAILED
    printf 'kpi compat: %s on %s (Debian 13) - %d of %d suites passed; ' "$verdict" "$version" "$suites_passed" \
        "${#suites[@]}"
    printf '%d tests: %d passed, %d failed, %d skipped; %d s\n' "$tests_ran" "$tests_passed" "$tests_failed" \
        "$tests_skipped" $((total_milliseconds / 1000))
    ((suites_failed == 0))
}

main() {
    if [[ ! -f $stamp ]]; then
        make_chroot
        mount_system
        provision
    else
        mount_system
        [[ ${KPI_COMPAT_UPDATE:-} != 1 ]] || provision
    fi
    run_suites
}
# (on one line: bash has read all of it before it runs, so an edit of this file cannot reach a running one)
main; exit
