// The bid engine's public surface.
export { BidLifecycle, CLOSE_REASON_UNSPECIFIED, DEFAULT_BID_TIMEOUT_MS } from "./bid-lifecycle";
export type { BidIntent, BidTxPort, ChainBidsView, IntentStore, LifecycleEvent, ReservationPort } from "./bid-lifecycle";
export { BidSettingsRepo } from "./bid-settings-repo";
export { bidEngineHandlers } from "./bidengine-handlers";
export type { Placement } from "./capacity";
export type { OrderFacts } from "./chain-rules";
export { createBidEngine } from "./create-bidengine";
export { decide, type Decision } from "./decide";
export { DecisionRepo } from "./decision-repo";
export { toDecisionView } from "./decision-view";
export { DEFAULT_BIDENGINE_SETTINGS } from "./default-settings";
export { compileContext, type CompiledContext, type EngineInputs } from "./engine-context";
export { IntentRepo } from "./intent-repo";
export { normalizeOrder, normalizeOrders, OrderParseError } from "./normalize-order";
export type { NormalizedOrder } from "./order-model";
export { OrderTracker } from "./order-tracker";
export { screen, ScreenInputError } from "./screen";
export { inventoryFromHardware } from "./hardware-inventory";
