import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ProviderApi } from "../../../common/api";
import type { ChainTx } from "../../../common/chain-schemas";
import { PlanDiff } from "../../../renderer/src/features/provider/plan-diff";
import { BalancesView } from "../../../renderer/src/features/treasury/balances-view";
import { TransactionsTable } from "../../../renderer/src/features/treasury/transactions-table";
import { TxResult } from "../../../renderer/src/features/treasury/tx-result";
import { EndpointsTable } from "../../../renderer/src/features/network/endpoints-table";
import { readAcknowledged, writeAcknowledged } from "../../../renderer/src/features/wizard/acknowledged";
import { loadFacts, PLACEHOLDER_HOST_URI } from "../../../renderer/src/features/wizard/load-facts";
import { createConnectionStatus } from "../../../renderer/src/connection";
import { watchUnauthorized } from "../../../renderer/src/watch-unauthorized";
import { deriveSteps, UNKNOWN_FACTS, type StepId, type WizardFacts } from "../../../renderer/src/features/wizard/wizard-steps";

// The wizard's progress (derived from the app's state, so a restart resumes), the facts loader against
// a scripted API, and the presentational pieces rendered to HTML.

const none = new Set<StepId>();
const statuses = (facts: WizardFacts, ack: Set<StepId> = none) => Object.fromEntries(deriveSteps(facts, ack).steps.map((s) => [s.id, s.status]));

describe("deriveSteps", () => {
  it("a fresh install starts at the hardware report", () => {
    const fresh: WizardFacts = { ...UNKNOWN_FACTS, hardwareUsable: true, chainReachable: true, wallet: "none", clusterInstalled: false, bidding: true };
    expect(deriveSteps(fresh, none).current).toBe("hardware");
    expect(deriveSteps(fresh, new Set(["hardware"])).current).toBe("network");
    expect(deriveSteps(fresh, new Set(["hardware", "network"])).current).toBe("wallet");
  });

  it("resumes after a restart at the first step the app says is not done", () => {
    const funded: WizardFacts = { hardwareUsable: true, chainReachable: true, wallet: "locked", funded: true, clusterInstalled: false, providerOnChain: false, certificateValid: false, bidding: true };
    expect(deriveSteps(funded, none).current).toBe("cluster");
    expect(deriveSteps({ ...funded, funded: false }, none).current).toBe("funding");
    const registered = { ...funded, clusterInstalled: true, providerOnChain: true, certificateValid: false };
    expect(deriveSteps(registered, none).current).toBe("provider"); // the certificate is part of registration
    expect(deriveSteps({ ...registered, certificateValid: true }, none).current).toBe("pricing");
    expect(deriveSteps({ ...registered, certificateValid: true }, new Set(["pricing"])).current).toBe("live");
    expect(deriveSteps({ ...registered, certificateValid: true }, new Set(["pricing", "live"])).current).toBeNull();
    expect(deriveSteps({ ...registered, certificateValid: true, bidding: false }, new Set(["pricing", "live"])).current).toBe("live");
  });

  it("marks what cannot go on as blocked, and unknown facts as not done", () => {
    expect(statuses({ ...UNKNOWN_FACTS, hardwareUsable: false, wallet: "damaged" })).toMatchObject({ hardware: "blocked", wallet: "blocked", network: "todo", funding: "todo" });
    expect(statuses({ ...UNKNOWN_FACTS, wallet: "backup-pending" })).toMatchObject({ wallet: "todo" });
    // An unreachable chain never counts as checked, even with a wallet.
    expect(statuses({ ...UNKNOWN_FACTS, hardwareUsable: true, chainReachable: false, wallet: "unlocked" })).toMatchObject({ hardware: "done", network: "todo" });
  });
});

describe("acknowledged steps in window storage", () => {
  it("round-trips, ignores unknown ids and survives garbage or a refusing storage", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    writeAcknowledged(storage, new Set<StepId>(["hardware", "pricing"]));
    expect([...readAcknowledged(storage)].sort()).toEqual(["hardware", "pricing"]);
    store.set("apd.wizard.acknowledged", '["hardware","rm -rf",42]');
    expect([...readAcknowledged(storage)]).toEqual(["hardware"]);
    store.set("apd.wizard.acknowledged", "{not json");
    expect(readAcknowledged(storage).size).toBe(0);
    expect(readAcknowledged(null).size).toBe(0);
    expect(() => writeAcknowledged({ setItem: () => { throw new Error("QuotaExceeded"); } }, new Set<StepId>(["live"]))).not.toThrow();
  });
});

/** A ProviderApi whose methods answer from `answers`; anything else is an UNAVAILABLE envelope. */
function scriptedApi(answers: Record<string, (input: unknown) => unknown>, calls: [string, unknown][] = []): ProviderApi {
  return new Proxy({} as ProviderApi, {
    get(_, method: string) {
      if (method === "subscribe") return () => () => undefined;
      return async (input: unknown) => {
        calls.push([method, input]);
        const answer = answers[method];
        return answer ? { ok: true, value: answer(input) } : { ok: false, error: { code: "UNAVAILABLE", message: `${method} is down` } };
      };
    },
  });
}

const ADDRESS = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqjk425l";

describe("loadFacts", () => {
  const base = {
    "hardware.report": () => ({ overall: "needs_action" }),
    "chain.rpcStatus": () => ({ active: "http://127.0.0.1:26657" }),
    "settings.get": () => ({ network: "local" }),
    "devnet.status": () => ({ running: true, managed: true }),
    "wallet.status": () => ({ state: "unlocked", address: ADDRESS }),
    "cluster.status": () => ({ installed: true }),
    "bidengine.settings": () => ({ paused: false }),
    "treasury.balances": () => ({ reserve: { status: "ok" } }),
    "provider.plan": () => ({ current: { owner: ADDRESS } }),
    "cert.status": () => ({ current: { onChain: "valid" } }),
  };

  it("reads every fact from the app, asking the chain only with a wallet", async () => {
    const calls: [string, unknown][] = [];
    const loaded = await loadFacts(scriptedApi(base, calls));
    expect(loaded.facts).toEqual({ hardwareUsable: true, chainReachable: true, wallet: "unlocked", funded: true, clusterInstalled: true, providerOnChain: true, certificateValid: true, bidding: true });
    expect(loaded.errors).toEqual([]);
    expect(calls).toContainEqual(["provider.plan", { hostUri: PLACEHOLDER_HOST_URI }]);

    const noWallet: [string, unknown][] = [];
    const fresh = await loadFacts(scriptedApi({ ...base, "wallet.status": () => ({ state: "none", address: null }) }, noWallet));
    expect(fresh.facts).toMatchObject({ wallet: "none", funded: null, providerOnChain: null });
    expect(noWallet.map(([m]) => m)).not.toContain("treasury.balances");
  });

  it("a locked wallet's refusals are not reported as failed checks (the unlock prompt covers them)", async () => {
    const api = scriptedApi({ ...base, "wallet.status": () => ({ state: "locked", address: ADDRESS }) });
    const lockedCert = new Proxy(api, {
      get: (target, method: string) =>
        method === "cert.status" ? async () => ({ ok: false, error: { code: "UNAUTHORIZED", message: "The wallet is locked. Unlock it first." } }) : Reflect.get(target, method),
    });
    const loaded = await loadFacts(lockedCert);
    expect(loaded.facts).toMatchObject({ wallet: "locked", certificateValid: null, providerOnChain: true });
    expect(loaded.errors).toEqual([]);
  });

  it("a stopped devnet means the chain is not reachable on the local network", async () => {
    const loaded = await loadFacts(scriptedApi({ ...base, "devnet.status": () => ({ running: false, managed: true }) }));
    expect(loaded.facts.chainReachable).toBe(false);
    expect(loaded.facts.funded).toBeNull();
  });

  it("an external devnet (the app runs none: --no-devnet) is reachable when its RPC answers", async () => {
    const external = { ...base, "devnet.status": () => ({ running: false, managed: false }) };
    const loaded = await loadFacts(scriptedApi(external));
    expect(loaded.facts).toMatchObject({ chainReachable: true, funded: true, providerOnChain: true });
    const silent = await loadFacts(scriptedApi({ ...external, "chain.rpcStatus": () => ({ active: null }) }));
    expect(silent.facts.chainReachable).toBe(false);
  });

  it("a failing service leaves its fact unknown and says why; the rest still load", async () => {
    const { "cluster.status": _cluster, "cert.status": _cert, ...rest } = base;
    const loaded = await loadFacts(scriptedApi(rest));
    expect(loaded.facts).toMatchObject({ clusterInstalled: null, certificateValid: null, wallet: "unlocked", funded: true });
    expect(loaded.errors).toEqual(["cluster.status is down", "cert.status is down"]);
  });
});

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ").trim();

const tx: ChainTx = {
  id: 1,
  network: "local",
  signer: ADDRESS,
  kind: "treasury.stake",
  hash: "A".repeat(64),
  status: "confirmed",
  height: 23,
  gasWanted: "100000",
  gasUsed: "90000",
  fee: { amount: "306", denom: "uakt" },
  code: 0,
  log: null,
  memo: "",
  createdAt: "2026-11-21T22:00:00.000Z",
  updatedAt: "2026-11-21T22:00:01.000Z",
};

describe("presentational pieces", () => {
  it("a transaction result names what happened and its hash", () => {
    expect(text(renderToStaticMarkup(createElement(TxResult, { tx, what: "Stake sent" })))).toContain(`Stake sent: confirmed at height 23. Transaction ${"A".repeat(64)} · fee 306 uakt`);
    const failed = text(renderToStaticMarkup(createElement(TxResult, { tx: { ...tx, status: "failed", log: "insufficient funds" }, what: "Sweep sent" })));
    expect(failed).toContain("Sweep sent: failed (insufficient funds)");
  });

  it("the provider diff lists each change before sending, or says there is nothing to send", () => {
    const record = { owner: ADDRESS, hostUri: "https://a.example:8443", attributes: [{ key: "region", value: "eu" }], info: { email: "", website: "" } };
    const update = renderToStaticMarkup(
      createElement(PlanDiff, {
        plan: { action: "update", owner: ADDRESS, current: record, desired: record, fingerprint: "f", changes: [{ field: "attribute", key: "region", from: "eu", to: "us" }] },
      }),
    );
    expect(text(update)).toContain("already owns a provider");
    expect(text(update)).toContain("Attribute region eu us");
    expect(text(renderToStaticMarkup(createElement(PlanDiff, { plan: { action: "none", owner: ADDRESS, current: record, desired: record, fingerprint: "f", changes: [] } })))).toContain("nothing to send");
  });

  it("balances in AKT with the reserve's verdict; transactions and endpoints as tables", () => {
    const balances = text(
      renderToStaticMarkup(
        createElement(BalancesView, {
          balances: { address: ADDRESS, uakt: "1989999144", uact: "0", staked: "10000000", rewards: "0", pendingActToAkt: "0", sweepable: "1982999144", reserve: { required: "7000000", status: "low", message: "Below the reserve." } },
        }),
      ),
    );
    expect(balances).toContain("AKT 1,989.999144");
    expect(balances).toContain("Staked AKT 10");
    expect(balances).toContain("Reserve for bidding: 7 AKT. Below the reserve.");
    expect(text(renderToStaticMarkup(createElement(TransactionsTable, { txs: [tx] })))).toContain("treasury.stake confirmed 23 306 uakt");
    const endpoints = text(
      renderToStaticMarkup(
        createElement(EndpointsTable, {
          snapshot: {
            network: "akashnet-2",
            chainId: "akashnet-2",
            active: null,
            endpoints: [{ url: "https://rpc.example", status: "down", latencyMs: null, height: null, consecutiveFailures: 3, lastError: "timeout", lastCheckedAt: null, retryAt: null }],
          },
        }),
      ),
    );
    expect(endpoints).toContain("No endpoint answers for chain akashnet-2");
    expect(endpoints).toContain("https://rpc.example Down — — timeout (3 failures in a row)");
  });
});

describe("watchUnauthorized and the wallet's UNAUTHORIZED", () => {
  it("a wrong passphrase or a locked wallet does not close the page; a refused token does", async () => {
    const status = createConnectionStatus("connected");
    const wrongPassphrase = { ok: false, error: { code: "UNAUTHORIZED", message: "Wrong passphrase (or the keystore file was altered). Try again." } };
    const walletRefuses = new Proxy({} as ProviderApi, {
      get: (_, method: string) =>
        method === "subscribe" ? () => () => undefined : async () => (method === "app.info" ? { ok: true, value: { name: "app" } } : wrongPassphrase),
    });
    const watched = watchUnauthorized(walletRefuses, status);
    const result = await watched["wallet.unlock"]({ passphrase: "nope" });
    expect(result).toEqual(wrongPassphrase);
    expect(status.get()).toBe("connected");

    const tokenRefused = new Proxy({} as ProviderApi, {
      get: (_, method: string) => (method === "subscribe" ? () => () => undefined : async () => ({ ok: false, error: { code: "UNAUTHORIZED", message: "Missing or wrong token." } })),
    });
    await watchUnauthorized(tokenRefused, status)["wallet.unlock"]({ passphrase: "x" });
    expect(status.get()).toBe("unauthorized");
  });
});
