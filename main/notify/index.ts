export { NotificationController, type NotificationControllerDeps } from "./notification-controller";
export { evaluateNotifications, INITIAL_POLICY_STATE, LOW_COLLATERAL_REPEAT_MS, OFFLINE_GRACE_MS, OFFLINE_REPEAT_MS, shortLease, type Notice, type PolicyState } from "./notification-policy";
