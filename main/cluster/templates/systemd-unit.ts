import { K3S_BIN, OWNER_MARKER } from "../host/host-paths";

// The systemd unit, modelled on what k3s's install script writes, plus our owner marker. Settings
// come from /etc/rancher/k3s/config.yaml, so the unit itself never holds a token.

export function systemdUnit(role: "server" | "agent"): string {
  return [
    OWNER_MARKER,
    "[Unit]",
    `Description=Lightweight Kubernetes (${role}) for Akash Provider Desktop`,
    "Documentation=https://k3s.io",
    "Wants=network-online.target",
    "After=network-online.target",
    "",
    "[Service]",
    role === "server" ? "Type=notify" : "Type=exec",
    "KillMode=process",
    "Delegate=yes",
    "LimitNOFILE=1048576",
    "LimitNPROC=infinity",
    "LimitCORE=infinity",
    "TasksMax=infinity",
    "TimeoutStartSec=0",
    "Restart=always",
    "RestartSec=5s",
    "ExecStartPre=-/sbin/modprobe br_netfilter",
    "ExecStartPre=-/sbin/modprobe overlay",
    `ExecStart=${K3S_BIN} ${role}`,
    "",
    "[Install]",
    "WantedBy=multi-user.target",
    "",
  ].join("\n");
}
