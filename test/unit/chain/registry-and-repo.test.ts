import { describe, expect, it } from "vitest";
import { ContractFailure } from "../../../common/envelope";
import { ChainRegistry } from "../../../main/chain/chain-registry";
import { EndpointsRepo } from "../../../main/chain/endpoints-repo";
import { requestDevnetFaucet } from "../../../main/chain/faucet-client";
import { networkProfile } from "../../../main/chain/network-profiles";
import { TxRepo } from "../../../main/chain/tx-repo";
import { openDatabase } from "../../../main/store/database";

describe("network profiles", () => {
  it("describe the three networks as Keplr ChainInfo with AKT/ACT and the gas steps", () => {
    const main = networkProfile("akashnet-2");
    expect(main.chainInfo).toMatchObject({ chainId: "akashnet-2", bip44: { coinType: 118 }, bech32Config: { bech32PrefixAccAddr: "akash", bech32PrefixValAddr: "akashvaloper" } });
    expect(main.chainInfo.currencies.map((c) => c.coinMinimalDenom)).toEqual(["uakt", "uact"]);
    expect(main.chainInfo.feeCurrencies[0]).toMatchObject({ coinMinimalDenom: "uakt", gasPriceStep: { low: 0.00025, average: 0.0025, high: 0.025 } });
    expect(main.rpcEndpoints.length).toBeGreaterThanOrEqual(3);
    expect(networkProfile("sandbox-2").chainInfo.chainId).toBe("sandbox-2");
    expect(networkProfile("local", { rpc: "http://127.0.0.1:5555", chainId: "x-1" })).toMatchObject({ rpcEndpoints: ["http://127.0.0.1:5555"], chainInfo: { chainId: "x-1" } });
  });
});

describe("ChainRegistry endpoints", () => {
  it("puts the user's endpoints first (replacing the devnet default), persists them, and refuses bad URLs", () => {
    const db = openDatabase(":memory:");
    const repo = new EndpointsRepo(db, () => new Date());
    const chains = new ChainRegistry({}, repo);
    chains.setEndpoints("akashnet-2", ["https://my-node.example.com:443/"]);
    expect(chains.profile("akashnet-2").rpcEndpoints[0]).toBe("https://my-node.example.com");
    expect(chains.profile("akashnet-2").rpcEndpoints.length).toBeGreaterThan(1);
    chains.setEndpoints("local", ["http://127.0.0.1:4567"]);
    expect(chains.pool("local").snapshot().endpoints.map((e) => e.url)).toEqual(["http://127.0.0.1:4567"]);
    expect(new ChainRegistry({}, new EndpointsRepo(db, () => new Date())).profile("local").rpcEndpoints).toEqual(["http://127.0.0.1:4567"]);
    expect(() => chains.setEndpoints("local", ["ftp://x"])).toThrow(ContractFailure);
    expect(() => chains.setEndpoints("local", ["not a url"])).toThrow(/is not a URL/);
    db.prepare("UPDATE chain_endpoints SET urls = '{broken' WHERE network = 'local'").run();
    expect(repo.get("local")).toEqual([]);
    db.close();
  });
});

describe("TxRepo", () => {
  it("treats identical signed bytes (same hash) as the same transaction", () => {
    const db = openDatabase(":memory:");
    const repo = new TxRepo(db, () => new Date("2026-11-21T22:00:00Z"));
    const tx = { network: "local", signer: "akash1x", kind: "k", hash: "A".repeat(64), gasWanted: 10n, fee: { amount: 1n, denom: "uakt" }, memo: "" };
    const id = repo.insert(tx);
    repo.update(id, { status: "failed", code: 32, log: "sequence" });
    expect(repo.insert(tx)).toBe(id);
    expect(repo.get(id)).toMatchObject({ status: "pending", code: null, log: null });
    expect(repo.unsettled("local").map((t) => t.id)).toEqual([id]);
    db.close();
  });
});

describe("devnet faucet client", () => {
  it("explains a faucet that is not there", async () => {
    const error = await requestDevnetFaucet("http://127.0.0.1:9", "akash1x").then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ContractFailure);
    expect((error as ContractFailure).message).toMatch(/Is the local devnet running/);
  });
});
