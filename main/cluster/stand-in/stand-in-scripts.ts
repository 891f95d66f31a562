// Stand-in executables for a temporary root (the installer tests, and the stand-in mode the e2e tests
// run the wizard in): they record their arguments and write what the real ones would (kubeconfig, node
// token, service state), all under $HOST_ROOT. Never used against a real machine.

export const STAND_IN_K3S = `#!/bin/sh
# stand-in k3s: records its arguments, writes what a starting k3s writes (its kubeconfig points at the
# stand-in's plain-HTTP API, which @kubernetes/client-node only talks to with insecure-skip-tls-verify)
root="\${HOST_ROOT:?HOST_ROOT must be set}"
echo "$*" >> "$root/calls/k3s.log"
case "$1" in
  server)
    mkdir -p "$root/etc/rancher/k3s" "$root/var/lib/rancher/k3s/server"
    url=$(cat "$root/fake-kube-url")
    printf 'apiVersion: v1\\nkind: Config\\nclusters:\\n- cluster:\\n    server: %s\\n    insecure-skip-tls-verify: true\\n  name: default\\ncontexts:\\n- context:\\n    cluster: default\\n    user: default\\n  name: default\\ncurrent-context: default\\nusers:\\n- name: default\\n  user:\\n    token: stand-in-admin-token\\n' "$url" > "$root/etc/rancher/k3s/k3s.yaml"
    chmod 600 "$root/etc/rancher/k3s/k3s.yaml"
    echo "K10stand1n0000000000000000000000000000000000000000000000000000000::server:0123456789abcdef" > "$root/var/lib/rancher/k3s/server/node-token"
    ;;
  agent)
    mkdir -p "$root/var/lib/rancher/k3s/agent"
    cp "$root/etc/rancher/k3s/config.yaml" "$root/var/lib/rancher/k3s/agent/joined-with.json"
    ;;
  ctr)
    # k3s ctr --namespace k8s.io images list --quiet | images import FILE
    shift 3
    if [ "$1 $2" = "images list" ]; then cat "$root/var/lib/rancher/k3s/agent/containerd-images" 2>/dev/null; exit 0; fi
    if [ "$1 $2" = "images import" ]; then cat "$3" >> "$root/var/lib/rancher/k3s/agent/containerd-images"; exit 0; fi
    exit 1
    ;;
  *) echo "stand-in k3s: unknown command $1" >&2; exit 1 ;;
esac
`;

export const STAND_IN_SYSTEMCTL = `#!/bin/sh
# stand-in systemctl: keeps unit state as files, starts the unit's k3s like systemd would
root="\${HOST_ROOT:?HOST_ROOT must be set}"
echo "$*" >> "$root/calls/systemctl.log"
state="$root/run/stand-in-systemd"
mkdir -p "$state"
case "$1" in
  daemon-reload) exit 0 ;;
  enable)
    unit="$3"
    if [ -f "$root/fail-start" ]; then echo "Job for $unit.service failed because the control process exited with error code." >&2; exit 1; fi
    [ -f "$root/etc/systemd/system/$unit.service" ] || { echo "Unit $unit.service not found." >&2; exit 5; }
    role=server; [ "$unit" = k3s-agent ] && role=agent
    "$root/usr/local/bin/k3s" "$role" || exit 1
    touch "$state/$unit.active"
    ;;
  restart)
    unit="$2"
    role=server; [ "$unit" = k3s-agent ] && role=agent
    "$root/usr/local/bin/k3s" "$role" || exit 1
    touch "$state/$unit.active"
    ;;
  disable) rm -f "$state/$3.active" ;;
  is-active) [ -f "$state/$3.active" ] ;;
  *) exit 1 ;;
esac
`;

/** Records its arguments (and stdin, for iptables-restore) and succeeds. */
export function recorder(name: string, printStdout = ""): string {
  return `#!/bin/sh
root="\${HOST_ROOT:?HOST_ROOT must be set}"
echo "$*" >> "$root/calls/${name}.log"
${name.endsWith("-restore") ? `cat >> "$root/calls/${name}.stdin"` : ""}
${printStdout ? `printf '%s\\n' '${printStdout}'` : ""}
exit 0
`;
}
