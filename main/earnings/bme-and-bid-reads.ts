import { LedgerRecordStatus, QueryLedgerRecordsRequest, QueryLedgerRecordsResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { Bid_State, QueryBidsRequest, QueryBidsResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { abciQuery } from "../chain/abci-query";
import type { RpcPool } from "../chain/rpc-pool";
import { parseDec } from "./dec";

// Chain reads for the ledger's other two kinds: bid deposits (locked while a bid is open or its lease
// runs, refunded when it closes) and ACT→AKT conversions the BME executed for this address.

export interface BidDeposit {
  bidId: string;
  state: "open" | "active" | "lost" | "closed" | "invalid";
  createdHeight: number;
  /** Deposited into the bid's escrow account (integer base units; the deposits' sum, or funds). */
  amount: bigint;
  denom: string;
}

export interface Conversion {
  key: string;
  height: number;
  burned: { denom: string; amount: bigint };
  minted: { denom: string; amount: bigint };
  /** The oracle price the BME used for the minted coin (scaled decimal USD). */
  mintPrice: bigint;
}

const BID_STATES: Record<number, BidDeposit["state"]> = { [Bid_State.open]: "open", [Bid_State.active]: "active", [Bid_State.lost]: "lost", [Bid_State.closed]: "closed" };

const page = (key: Uint8Array) => ({ key, limit: 200n, offset: 0n, countTotal: false, reverse: false });

export async function queryProviderBids(pool: RpcPool, provider: string): Promise<BidDeposit[]> {
  const out: BidDeposit[] = [];
  let key: Uint8Array = new Uint8Array();
  for (let n = 0; n < 100; n++) {
    const response = await abciQuery(pool, "/akash.market.v1beta5.Query/Bids", QueryBidsRequest, { filters: { provider, owner: "", state: "", dseq: 0n, gseq: 0, oseq: 0, bseq: 0 }, pagination: page(key) } as never, QueryBidsResponse);
    for (const item of response.bids) {
      const id = item.bid?.id;
      if (!id || id.provider !== provider) continue;
      const state = item.escrowAccount?.state;
      const deposits = state?.deposits ?? [];
      const fromDeposits = deposits.reduce((s, d) => s + parseDec(d.balance?.amount ?? "0"), 0n);
      const fromFunds = (state?.funds ?? []).reduce((s, f) => s + parseDec(f.amount), 0n);
      const amount = (fromDeposits > 0n ? fromDeposits : fromFunds) / 10n ** 18n;
      out.push({
        bidId: `${id.owner}/${id.dseq.toString()}/${id.gseq}/${id.oseq}/${id.provider}/${id.bseq}`,
        state: BID_STATES[item.bid!.state] ?? "invalid",
        createdHeight: Number(item.bid!.createdAt?.toString() ?? "0"),
        amount,
        denom: deposits[0]?.balance?.denom ?? state?.funds[0]?.denom ?? "uakt",
      });
    }
    key = response.pagination?.nextKey ?? new Uint8Array();
    if (key.length === 0) break;
  }
  return out;
}

/** Executed ACT→AKT (and any other) conversions this address started. */
export async function queryConversions(pool: RpcPool, owner: string): Promise<Conversion[]> {
  const out: Conversion[] = [];
  let key: Uint8Array = new Uint8Array();
  for (let n = 0; n < 100; n++) {
    const response = await abciQuery(
      pool,
      "/akash.bme.v1.Query/LedgerRecords",
      QueryLedgerRecordsRequest,
      { filters: { source: owner, denom: "", toDenom: "", status: "ledger_record_status_executed" }, pagination: page(key) } as never,
      QueryLedgerRecordsResponse,
    );
    for (const r of response.records) {
      const done = r.executedRecord;
      if (r.status !== LedgerRecordStatus.ledger_record_status_executed || !done || !r.id || r.id.source !== owner) continue;
      const int = (text: string | undefined) => (/^\d{1,40}$/u.test(text ?? "") ? BigInt(text!) : 0n);
      out.push({
        key: `${r.id.height.toString()}/${r.id.sequence.toString()}`,
        height: Number(r.id.height.toString()),
        burned: { denom: done.burned?.coin?.denom ?? "", amount: int(done.burned?.coin?.amount) },
        minted: { denom: done.minted?.coin?.denom ?? "", amount: int(done.minted?.coin?.amount) },
        mintPrice: done.minted?.price ? parseDec(done.minted.price) : 0n,
      });
    }
    key = response.pagination?.nextKey ?? new Uint8Array();
    if (key.length === 0) break;
  }
  return out;
}
