// V8 flags for the Node process that runs the app headless (`npm start` passes them; a rig's service
// unit should too). They can only be given at process start: V8 sizes its heap spaces when it boots.
//
// --max-semi-space-size=2: V8's young generation grows to 2 × 16 MiB semi-spaces after any burst of
// allocation (a catch-up of 10,000 open orders, a ledger rebuild) and keeps them committed for good;
// capped at 2 MiB, the rig's 24/7 process stays ~40 MiB smaller for a few more (sub-millisecond)
// scavenges. The Electron main process takes the same flag only on its command line (--js-flags).
export const HEADLESS_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=2"];
