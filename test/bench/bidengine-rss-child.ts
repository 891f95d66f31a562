import { BidSettingsRepo } from "../../main/bidengine/bid-settings-repo";
import { DeclaredReservations } from "../../main/bidengine/declared-reservations";
import { DecisionRepo } from "../../main/bidengine/decision-repo";
import { IntentRepo } from "../../main/bidengine/intent-repo";
import { LiveBidEngine } from "../../main/bidengine/live-engine";
import { BlockStream } from "../../main/chain/block-stream";
import { RpcPool } from "../../main/chain/rpc-pool";
import { openDatabase } from "../../main/store/database";

// Child process of bidengine.rss_mb_10k_orders: a bid engine (the same modules the headless app
// loads for it) catches up on every open order of the devnet the parent runs, then reports its RSS.
const [rpcUrl, chainId, provider] = process.argv.slice(2) as [string, string, string];
const db = openDatabase(":memory:");
const now = () => new Date();
const pool = new RpcPool({ network: "local", chainId, endpoints: [rpcUrl] });
const stream = new BlockStream({ pool, wsUrl: () => null, pollMs: 3_600_000 });
const settings = new BidSettingsRepo(db, now);
const reservations = new DeclaredReservations(() => settings.get().declaredInventory);
const engine = new LiveBidEngine({
  pool: () => pool,
  stream,
  queue: () => ({ submit: async () => Promise.reject(new Error("no bids in this measurement")) }),
  provider,
  network: "local",
  intents: new IntentRepo(db, Date.now),
  decisions: new DecisionRepo(db, now),
  settings,
  cursor: { get: () => null, set: () => {} },
  reservations,
  now,
});
await engine.start();
const status = engine.status();
global.gc?.();
process.stdout.write(JSON.stringify({ tracked: status.trackedOrders, state: status.state, reason: status.reason, rss: process.memoryUsage().rss }) + "\n");
stream.stop();
db.close();
process.exit(0);
