import tseslint from "typescript-eslint";

// Layer boundaries from docs/architecture.md, enforced per folder.
const nodeBuiltins = { group: ["node:*"], message: "This layer must not use Node built-ins." };
const electronOnly = { name: "electron", message: "Only main/index.ts and main/electron/** may import electron." };

export default tseslint.config(
  { ignores: ["dist/**", "out/**", "node_modules/**", "test-results/**", "k3s-bundle/downloads/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { paths: [electronOnly] }],
    },
  },
  {
    files: ["common/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [electronOnly, ...["fs", "path", "os", "http", "crypto", "child_process", "react"].map((name) => ({ name, message: "common/ is pure: no node, DOM or UI." }))],
          patterns: [nodeBuiltins, { group: ["**/main/**", "**/renderer/**", "**/preload/**"], message: "common/ imports nothing from other layers." }],
        },
      ],
    },
  },
  {
    files: ["common/**"],
    languageOptions: { globals: {} },
    rules: { "no-restricted-globals": ["error", "window", "document", "navigator", "localStorage", "process", "Buffer"] },
  },
  {
    files: ["renderer/**"],
    ignores: ["renderer/vite.config.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [electronOnly],
          patterns: [nodeBuiltins, { group: ["**/main/**", "**/preload/**"], message: "renderer/ talks to main only through the contract API." }],
        },
      ],
    },
  },
  {
    files: ["preload/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [nodeBuiltins, { group: ["**/main/**", "**/renderer/**", "zod"], message: "The preload requires only electron and common/names." }] },
      ],
    },
  },
  {
    files: ["main/index.ts", "main/electron/**", "preload/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["**/renderer/**"], message: "main never imports the renderer." }] }] },
  },
  {
    files: ["main/**"],
    ignores: ["main/index.ts", "main/electron/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [electronOnly], patterns: [{ group: ["**/renderer/**"], message: "main never imports the renderer." }] },
      ],
    },
  },
);
