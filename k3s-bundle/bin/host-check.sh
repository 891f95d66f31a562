#!/bin/sh
# Can this host run k3s? Read-only checks; one key=value line each; exit 1 if a hard requirement fails.
# HOST_ROOT reads proc/, sys/ and dev/ under another directory (the tests use it).
root="${HOST_ROOT:-}"
failed=0
report() { printf '%s=%s\n' "$1" "$2"; }
fail() { report "$1" "$2"; failed=1; }

kernel=$(uname -s)
if [ "$kernel" = Linux ]; then report kernel ok; else fail kernel "unsupported:$kernel"; fi

machine=$(uname -m)
case "$machine" in
  x86_64 | amd64) report arch amd64 ;;
  aarch64 | arm64) report arch arm64 ;;
  *) fail arch "unsupported:$machine" ;;
esac

if [ -f "$root/sys/fs/cgroup/cgroup.controllers" ]; then
  report cgroup v2
  controllers=$(cat "$root/sys/fs/cgroup/cgroup.controllers")
elif [ -r "$root/proc/cgroups" ]; then
  # cgroup v1: the enabled controllers are the rows of /proc/cgroups whose last column is 1.
  report cgroup v1
  controllers=$(awk '!/^#/ && $4 == 1 { print $1 }' "$root/proc/cgroups" | tr '\n' ' ')
else
  fail cgroup missing
  controllers=""
fi
for controller in cpu memory pids; do
  case " $controllers " in
    *" $controller "*) report "cgroup_$controller" ok ;;
    *) fail "cgroup_$controller" missing ;;
  esac
done

# Soft checks: k3s loads overlay itself when it runs as root; /dev/kmsg is absent in some containers.
if grep -qw overlay "$root/proc/filesystems" 2>/dev/null; then report overlayfs ok; else report overlayfs not-loaded; fi
if [ -e "$root/dev/kmsg" ]; then report kmsg ok; else report kmsg missing; fi

exit "$failed"
