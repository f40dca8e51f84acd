#!/usr/bin/env bash
# Build the base images no image hub can give us here, and push them to our registry.
#   scripts/base_images.sh <docker socket path> <registry host:port>
# with the stack's env (DOCKYARD_DATA_DIR: the registry token key). The registry wants a
# token: each call gets a platform token for one repository from backend.cli, valid for
# minutes, so no password is written anywhere.
# busybox:1.35 is Debian's busybox-static with its applet links, a /www/index.html for
# `httpd -f -p PORT -h /www`, and root/nobody users. Skipped when the registry has it.
set -euo pipefail

if (($# != 2)); then
    echo "usage: $0 <docker socket path> <registry host:port>" >&2
    exit 2
fi
socket=$1
registry=$2
# Fixed tag (Debian 12 ships 1.35.0): tests and app fixtures refer to it by name.
tag=1.35
image="$registry/library/busybox:$tag"
# The engine is Debian's 20.10: use its own CLI rather than whatever newer one is on PATH.
docker_cli=/usr/bin/docker
[[ -x $docker_cli ]] || docker_cli=docker
docker=("$docker_cli" -H "unix://$socket")
required_applets=(sh httpd wget nc sleep cat echo ls env mkdir)

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
python=$repo/.venv/bin/python

log() { printf 'base_images: %s\n' "$*" >&2; }

cli() {
    (cd "$repo" && DOCKYARD_REGISTRY_HOST=$registry "$python" -m backend.cli "$@")
}

registry_has_tag() {
    local token
    token=$(cli registry-token --scope "repository:library/busybox:pull")
    # busybox's wget: no curl needed; a missing repository answers 404 and fails here.
    busybox wget -q -O - --header "Authorization: Bearer $token" \
        "http://$registry/v2/library/busybox/tags/list" 2>/dev/null | grep -q "\"$tag\""
}

build_rootfs() {
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

main() {
    if registry_has_tag; then
        log "$image already in the registry"
        return 0
    fi
    rootfs=$(mktemp -d)
    trap 'rm -rf "$rootfs"' EXIT
    build_rootfs "$rootfs"
    tar -C "$rootfs" --sort=name --numeric-owner --owner=0 --group=0 -c . \
        | "${docker[@]}" import \
            --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' \
            --change 'CMD ["sh"]' \
            - "$image" >/dev/null
    cli push-image --docker-host "unix://$socket" "$image"
    log "built and pushed $image"
}

main
