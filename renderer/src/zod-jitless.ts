import { config } from "zod";

// zod 4 probes for eval support (`new Function("")`) when it builds an object schema, to compile fast
// parsers. The window's CSP (script-src 'self') forbids eval, so the probe shows up as a CSP violation
// as soon as a module with schemas loads (common/cluster-join-code). Jitless parsing needs no eval.
// main.tsx imports this first, before any schema is built.
config({ jitless: true });
