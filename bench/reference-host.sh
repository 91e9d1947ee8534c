#!/usr/bin/env bash
# Builds the reference host state that docksec bench and docker-bench-security are compared on:
# about 28 containers named docksec-ref-*, each exercising one CIS section 4/5 setting (plus a hardened
# baseline, stopped/created ones, and two containers docker-bench hides by name or label).
#
#   bench/reference-host.sh            create (removes an earlier reference state first)
#   bench/reference-host.sh --cleanup  remove every docksec-ref-* container, the network and the image
#
# Needs a running dockerd and Debian busybox-static (/bin/busybox); no registry is used.
set -euo pipefail

PREFIX=docksec-ref-
IMAGE=docksec-ref/busybox:latest
NETWORK=docksec-ref-net
SHARED_DIR=/tmp/docksec-ref-shared

log() { printf '%s\n' "$*" >&2; }

cleanup() {
  local ids
  ids=$(docker ps -aq --filter "name=^${PREFIX}" || true)
  if [ -n "$ids" ]; then
    # shellcheck disable=SC2086
    docker rm -f $ids >/dev/null
  fi
  docker network rm "$NETWORK" >/dev/null 2>&1 || true
  if mountpoint -q "$SHARED_DIR" 2>/dev/null; then umount "$SHARED_DIR" || true; fi
  rmdir "$SHARED_DIR" 2>/dev/null || true
}

ensure_image() {
  if docker image inspect "$IMAGE" >/dev/null 2>&1; then return; fi
  [ -x /bin/busybox ] || { log "/bin/busybox is missing: install Debian busybox-static"; exit 2; }
  local work
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  mkdir -p "$work/root/bin" "$work/root/usr/sbin" "$work/root/etc" "$work/root/tmp" "$work/root/proc" "$work/root/sys" "$work/root/dev" "$work/root/root"
  cp /bin/busybox "$work/root/bin/busybox"
  for applet in sh sleep true false echo cat ls id ps top env httpd nc wget touch mkdir rm; do
    ln -s busybox "$work/root/bin/$applet"
  done
  # A stand-in sshd: a long-running script whose process name (comm) is "sshd".
  printf '#!/bin/sh\nwhile :; do sleep 3600; done\n' >"$work/root/usr/sbin/sshd"
  chmod 755 "$work/root/usr/sbin/sshd"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$work/root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$work/root/etc/group"
  tar -C "$work/root" -cf "$work/rootfs.tar" .
  docker import --change 'CMD ["/bin/sh"]' --change 'ENV PATH=/bin:/usr/sbin' "$work/rootfs.tar" "$IMAGE" >/dev/null
}

# run NAME ARGS... : docker run -d; when the daemon refuses to start it (e.g. --privileged in a sandbox),
# the container stays Created, which the reference state accepts.
run() {
  local name="$PREFIX$1"
  shift
  if ! docker run -d --name "$name" "$@" >/dev/null 2>/tmp/docksec-ref-run.err; then
    if docker container inspect "$name" >/dev/null 2>&1; then
      log "note: $name did not start ($(tr '\n' ' ' </tmp/docksec-ref-run.err | cut -c1-160)); it stays Created"
    else
      log "warning: $name could not be created: $(tr '\n' ' ' </tmp/docksec-ref-run.err | cut -c1-200)"
    fi
  fi
}

create_all() {
  local keep=(sleep 86400)
  run net-host --network host "$IMAGE" "${keep[@]}"
  run pid-host --pid host "$IMAGE" "${keep[@]}"
  run ipc-host --ipc host "$IMAGE" "${keep[@]}"
  run uts-host --uts host "$IMAGE" "${keep[@]}"
  run userns-host --userns host "$IMAGE" "${keep[@]}"
  run cap-sys-admin --cap-add SYS_ADMIN "$IMAGE" "${keep[@]}"
  run cap-default-listed --cap-add CHOWN --cap-add NET_RAW "$IMAGE" "${keep[@]}"
  run docker-sock -v /var/run/docker.sock:/var/run/docker.sock "$IMAGE" "${keep[@]}"
  run etc-ro -v /etc:/host/etc:ro "$IMAGE" "${keep[@]}"
  run etc-rw -v /etc:/host/etc "$IMAGE" "${keep[@]}"
  run root-ro -v /:/host:ro "$IMAGE" "${keep[@]}"
  # Shared propagation needs a shared source mount: make a private bind of a scratch dir shared.
  mkdir -p "$SHARED_DIR"
  if ! mountpoint -q "$SHARED_DIR"; then mount --bind "$SHARED_DIR" "$SHARED_DIR"; fi
  mount --make-shared "$SHARED_DIR"
  run shared-propagation --mount "type=bind,source=$SHARED_DIR,target=/mnt/shared,bind-propagation=shared" "$IMAGE" "${keep[@]}"
  run no-limits "$IMAGE" "${keep[@]}"
  run privileged --privileged "$IMAGE" "${keep[@]}"
  run port22-all -p 22:22 "$IMAGE" "${keep[@]}"
  run port-high-all -p 18080:80 "$IMAGE" "${keep[@]}"
  run port-ipv6-any -p '[::]:18081:80' "$IMAGE" "${keep[@]}"
  run restart-always --restart always "$IMAGE" "${keep[@]}"
  run restart-on-failure-10 --restart on-failure:10 "$IMAGE" "${keep[@]}"
  run seccomp-unconfined --security-opt seccomp=unconfined "$IMAGE" "${keep[@]}"
  run cgroup-parent --cgroup-parent /docksec-ref-parent "$IMAGE" "${keep[@]}"
  run device --device /dev/null:/dev/xnull "$IMAGE" "${keep[@]}"
  run ulimit --ulimit nofile=1024:2048 "$IMAGE" "${keep[@]}"
  run sshd "$IMAGE" /usr/sbin/sshd
  run user-root-uid --user 0:0 "$IMAGE" "${keep[@]}"
  # docker-bench drops every container whose name contains "nil" (its "no bench container" marker)
  # and every container labelled docker.bench.security: both are real, insecure workloads.
  run vanilla "$IMAGE" "${keep[@]}"
  run labelled-bench --label docker_bench_security=1 "$IMAGE" "${keep[@]}"
  docker network create "$NETWORK" >/dev/null
  run hardened --network "$NETWORK" --read-only --user 65534:65534 --cap-drop ALL \
    --security-opt no-new-privileges --memory 64m --cpu-shares 512 --pids-limit 64 \
    --restart on-failure:5 --health-cmd 'true' --health-interval 5s -p 127.0.0.1:18082:80 \
    "$IMAGE" "${keep[@]}"
  run stopped --privileged=false --cap-add NET_ADMIN "$IMAGE" true
  docker wait "${PREFIX}stopped" >/dev/null 2>&1 || true
  docker create --name "${PREFIX}created" --privileged -v /var/run/docker.sock:/var/run/docker.sock "$IMAGE" "${keep[@]}" >/dev/null
}

case "${1:-}" in
  --cleanup)
    cleanup
    docker image rm "$IMAGE" >/dev/null 2>&1 || true
    log "reference state removed"
    ;;
  ""|--create)
    cleanup
    ensure_image
    create_all
    log "reference state: $(docker ps -aq --filter "name=^${PREFIX}" | wc -l) containers ($(docker ps -q --filter "name=^${PREFIX}" | wc -l) running)"
    ;;
  *)
    log "usage: $0 [--create|--cleanup]"
    exit 2
    ;;
esac
