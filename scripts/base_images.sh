#!/usr/bin/env bash
# Build the platform's base images (no image hub can give us any here) and push them to
# our registry, each skipped when the registry has it already:
#   scripts/base_images.sh [<docker socket path> <registry host:port>] [IMAGE...]
# IMAGE: busybox (the default), debian, python or all. Without the first two arguments
# they come from the stack's env (DOCKYARD_DOCKER_HOST, DOCKYARD_REGISTRY_HOST), which
# `make base-images` loads. DOCKYARD_DATA_DIR locates the registry token key: each call
# gets a platform token for one repository from backend.cli, valid for minutes, so no
# password is written anywhere.
#   library/busybox:1.35      Debian's busybox-static with its applet links, a
#                             /www/index.html for `httpd -f -p PORT -h /www`, root/nobody
#   library/debian:bookworm   debootstrap --variant=minbase (~200 MB, about a minute)
#   library/python:3-bookworm Debian's python3, pip and venv on the Debian image; pip may
#                             install system-wide (PIP_BREAK_SYSTEM_PACKAGES=1)
set -euo pipefail

if [[ ${1:-} == /* ]]; then
    (($# >= 2)) || { echo "usage: $0 [<docker socket> <registry>] [busybox|debian|python|all]..." >&2; exit 2; }
    socket=$1 registry=$2
    shift 2
else
    socket=${DOCKYARD_DOCKER_HOST:-}
    socket=${socket#unix://}
    registry=${DOCKYARD_REGISTRY_HOST:-}
    if [[ -z $socket || -z $registry ]]; then
        echo "$0: give <docker socket> <registry>, or load the stack's env first" >&2
        exit 2
    fi
fi
wanted=("$@")
((${#wanted[@]})) || wanted=(busybox)
[[ " ${wanted[*]} " == *" all "* ]] && wanted=(busybox debian python)

# The engine is Debian's 20.10: use its own CLI rather than whatever newer one is on PATH.
docker_cli=/usr/bin/docker
[[ -x $docker_cli ]] || docker_cli=docker
docker=("$docker_cli" -H "unix://$socket")
required_applets=(sh httpd wget nc sleep cat echo ls env mkdir)
debian_mirror=${DOCKYARD_DEBIAN_MIRROR:-http://deb.debian.org/debian}

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
python=$repo/.venv/bin/python
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

log() { printf 'base_images: %s\n' "$*" >&2; }

cli() {
    (cd "$repo" && DOCKYARD_REGISTRY_HOST=$registry "$python" -m backend.cli "$@")
}

registry_has() {  # registry_has REPOSITORY TAG
    local token
    token=$(cli registry-token --scope "repository:$1:pull")
    # busybox's wget: no curl needed; a missing repository answers 404 and fails here.
    busybox wget -q -O - --header "Authorization: Bearer $token" \
        "http://$registry/v2/$1/tags/list" 2>/dev/null | grep -q "\"$2\""
}

local_has() { "${docker[@]}" image inspect "$1" >/dev/null 2>&1; }

build_busybox_rootfs() {
    local root=$1 path applet
    mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,root,tmp,www}
    chmod 1777 "$root/tmp"
    cp /bin/busybox "$root/bin/busybox"
    # The image has no libc: only the static build runs in it.
    if ! chroot "$root" /bin/busybox true 2>/dev/null; then
        log "/bin/busybox does not run alone: install busybox-static"
        return 1
    fi
    # Applet links at their usual paths (bin/sh, usr/bin/wget, usr/sbin/httpd...).
    while read -r path; do
        [[ -e $root/$path ]] || ln -s /bin/busybox "$root/$path"
    done < <(/bin/busybox --list-full)
    for applet in "${required_applets[@]}"; do
        if ! compgen -G "$root/*bin/$applet" >/dev/null \
            && ! compgen -G "$root/usr/*bin/$applet" >/dev/null; then
            log "busybox lacks the $applet applet"
            return 1
        fi
    done
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' \
        >"$root/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
    printf 'hello from dockyard busybox\n' >"$root/www/index.html"
}

import_rootfs() {  # import_rootfs DIR IMAGE CMD
    tar -C "$1" --sort=name --numeric-owner --owner=0 --group=0 -c . \
        | "${docker[@]}" import \
            --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            --change "CMD [\"$3\"]" \
            - "$2" >/dev/null
}

image_busybox() {
    local image=$registry/library/busybox:1.35  # Debian 12 ships 1.35.0; tests name it
    registry_has library/busybox 1.35 && { log "$image already in the registry"; return 0; }
    build_busybox_rootfs "$work/busybox"
    import_rootfs "$work/busybox" "$image" sh
    cli push-image --docker-host "unix://$socket" "$image"
    log "built and pushed $image"
}

image_debian() {
    local image=$registry/library/debian:bookworm t0=$SECONDS
    registry_has library/debian bookworm && { log "$image already in the registry"; return 0; }
    command -v debootstrap >/dev/null || { log "debootstrap is missing: run scripts/bootstrap"; return 1; }
    log "debootstrap bookworm from $debian_mirror (about a minute; progress below)"
    # Progress: the first line of each phase, then a count every 25 packages.
    debootstrap --variant=minbase bookworm "$work/debian" "$debian_mirror" 2>&1 \
        | grep --line-buffered -E '^I: (Retrieving|Extracting|Installing|Configuring|Base)' \
        | awk '{ if ($2 != last) { n = 0; print "base_images: debian: " $0 }
                 else if (++n % 25 == 0) print "base_images: debian: " $2 " " n " more";
                 last = $2; fflush() }' >&2
    rm -rf "$work/debian"/var/cache/apt/archives/*.deb "$work/debian"/var/lib/apt/lists/*
    import_rootfs "$work/debian" "$image" bash
    rm -rf "$work/debian"
    cli push-image --docker-host "unix://$socket" "$image"
    log "built and pushed $image in $((SECONDS - t0)) s"
}

image_python() {
    local image=$registry/library/python:3-bookworm base=$registry/library/debian:bookworm
    local t0=$SECONDS
    registry_has library/python 3-bookworm && { log "$image already in the registry"; return 0; }
    local_has "$base" || registry_has library/debian bookworm || image_debian
    local_has "$base" || cli pull-image --docker-host "unix://$socket" "$base"
    mkdir -p "$work/python"
    cat >"$work/python/Dockerfile" <<EOF
FROM $base
ENV DEBIAN_FRONTEND=noninteractive PIP_BREAK_SYSTEM_PACKAGES=1 PIP_NO_CACHE_DIR=1 \\
    PYTHONUNBUFFERED=1
RUN apt-get update && apt-get install -y --no-install-recommends \\
        python3 python3-pip python3-venv ca-certificates \\
    && ln -sf /usr/bin/python3 /usr/local/bin/python \\
    && rm -rf /var/lib/apt/lists/*
CMD ["python3"]
EOF
    log "building $image (apt-get install python3 python3-pip python3-venv)"
    DOCKER_BUILDKIT=0 "${docker[@]}" build -q -t "$image" "$work/python" >/dev/null
    cli push-image --docker-host "unix://$socket" "$image"
    log "built and pushed $image in $((SECONDS - t0)) s"
}

for name in "${wanted[@]}"; do
    case $name in
        busybox | debian | python) "image_$name" ;;
        *) log "unknown image $name (busybox, debian, python or all)"; exit 2 ;;
    esac
done
