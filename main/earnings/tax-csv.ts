import type { LedgerRow } from "./ledger-repo";
import { microToUsd } from "./dec";

// The tax export: one line per ledger row, RFC 4180 quoting, ISO dates in UTC. Amounts stay in base
// units with their denom (exact); the USD value is the one booked at the row's time.

const HEADER = ["date", "lease_id", "kind", "amount", "denom", "usd_value", "price_source", "tx_hash", "height", "detail"];

function cell(value: string): string {
  // Quote anything with a separator, quote or line break; a leading =,+,-,@ would run as a formula
  // in a spreadsheet, so it is prefixed with an apostrophe.
  const safe = /^[=+\-@\t\r]/u.test(value) && !/^-?\d/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

export function toCsv(rows: readonly LedgerRow[]): string {
  const lines = [HEADER.join(",")];
  for (const r of rows) {
    const kind = r.kind === "refund" ? "deposit" : r.kind;
    const amount = r.kind === "fee" ? `-${r.amount}` : r.amount.toString();
    lines.push(
      [new Date(r.atMs).toISOString(), r.leaseId, kind, amount, r.denom, microToUsd(r.kind === "fee" ? -r.usdMicro : r.usdMicro), r.priceSource, r.txHash, String(r.height), r.detail]
        .map(cell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
