import { describe, expect, it } from "vitest";
import { createDesktopNotifier, type NotificationLike } from "../../../main/electron/notifications";

class FakeNotification implements NotificationLike {
  static made: FakeNotification[] = [];
  shown = 0;
  click?: () => void;
  constructor(readonly options: unknown) {
    FakeNotification.made.push(this);
  }
  show() {
    this.shown++;
  }
  on(event: "click", listener: () => void) {
    if (event === "click") this.click = listener;
  }
}

describe("desktop notifier (Electron Notification adapter)", () => {
  it("shows each notice once, with its title and body; a click opens the dashboard", () => {
    FakeNotification.made = [];
    let opened = 0;
    const show = createDesktopNotifier({ isSupported: () => true, create: (o) => new FakeNotification(o) }, () => opened++);
    show({ kind: "leaseWon", title: "Lease won", body: "Lease 1 is now running." });
    show({ kind: "leaseClosed", title: "Lease closed", body: "Lease 1 has ended." });
    expect(FakeNotification.made.map((n) => [n.options, n.shown])).toEqual([
      [{ title: "Lease won", body: "Lease 1 is now running.", silent: false }, 1],
      [{ title: "Lease closed", body: "Lease 1 has ended.", silent: true }, 1],
    ]);
    FakeNotification.made[0]!.click!();
    expect(opened).toBe(1);
  });

  it("where the OS has no notifications, logs instead of throwing", () => {
    FakeNotification.made = [];
    const logs: string[] = [];
    const show = createDesktopNotifier({ isSupported: () => false, create: (o) => new FakeNotification(o) }, () => {}, (l) => logs.push(l));
    show({ kind: "offline", title: "Provider offline", body: "x" });
    expect(FakeNotification.made).toEqual([]);
    expect(logs).toEqual(["[notify] notifications unsupported here: Provider offline"]);
  });
});
