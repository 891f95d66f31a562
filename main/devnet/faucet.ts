import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { ChainNode } from "./chain-node";
import { isAddress } from "./util/address";

const FAUCET_DENOMS = ["uakt"] as const;

export const faucetRequest = z.object({
  address: z.string().refine(isAddress, "not an akash1… address"),
  amount: z.string().regex(/^\d{1,30}$/, "amount must be a positive integer in base units").optional(),
  denom: z.enum(FAUCET_DENOMS).optional(),
});

export const DEFAULT_FAUCET_GRANT = 1_000_000_000n; // 1,000 AKT

/**
 * The devnet faucet: mints uakt to an address (the app's "faucet button", tenants, tests).
 * ACT is not handed out: like on mainnet it comes only from BME (MsgMintACT).
 */
export function grant(node: ChainNode, address: string, amount: bigint, limit: bigint, denom: string = "uakt"): void {
  if (!isAddress(address)) throw new Error(`faucet: "${address}" is not an akash1… address`);
  if (!FAUCET_DENOMS.includes(denom as (typeof FAUCET_DENOMS)[number])) throw new Error(`faucet: only ${FAUCET_DENOMS.join(", ")} can be granted`);
  if (amount <= 0n || amount > limit) throw new Error(`faucet: amount must be between 1 and ${limit}`);
  node.bank.mint(address, denom, amount);
}

/** POST /faucet {"address","amount"?,"denom"?} on the RPC port. Returns true when it handled the request. */
export function faucetRoute(node: ChainNode, limit: bigint) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (new URL(req.url ?? "/", "http://x").pathname !== "/faucet") return false;
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "POST") {
      reply(405, { ok: false, error: { code: "method_not_allowed", message: "POST a JSON body {address, amount?}" } });
      return true;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 10_000) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > 10_000) return reply(413, { ok: false, error: { code: "too_large", message: "request body too large" } });
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return reply(400, { ok: false, error: { code: "bad_json", message: "body is not JSON" } });
      }
      const parsed = faucetRequest.safeParse(body);
      if (!parsed.success) return reply(400, { ok: false, error: { code: "invalid_request", message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") } });
      const amount = BigInt(parsed.data.amount ?? DEFAULT_FAUCET_GRANT);
      try {
        grant(node, parsed.data.address, amount, limit, parsed.data.denom);
      } catch (error) {
        return reply(400, { ok: false, error: { code: "faucet_refused", message: error instanceof Error ? error.message : String(error) } });
      }
      reply(200, { ok: true, value: { address: parsed.data.address, amount: amount.toString(), denom: parsed.data.denom ?? "uakt" } });
    });
    return true;
  };
}
