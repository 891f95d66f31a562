import { EventEmitter } from "node:events";
import type { HardenableContents } from "../../../main/electron/web-security";

// Tiny stand-ins for the Electron objects the shell's pieces take as parameters.

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url?: string) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type OpenHandler = Parameters<HardenableContents["setWindowOpenHandler"]>[0];

export class FakeWebContents extends EventEmitter {
  openHandler: OpenHandler | undefined;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
  /** What window.open(url) or a target=_blank link asks the handler. */
  open(url: string): { action: string } {
    if (!this.openHandler) throw new Error("no window open handler installed");
    return this.openHandler({ url, frameName: "", features: "", disposition: "foreground-tab", referrer: { url: "", policy: "default" } });
  }
  /** Emits a navigation-like event the way Electron 45 does and says whether it was prevented. */
  attempt(event: "will-navigate" | "will-redirect" | "will-attach-webview", url = ""): boolean {
    const e = new FakeEvent(url);
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
}

export class FakeShell {
  opened: string[] = [];
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
}

export class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  readonly webContents = new FakeWebContents();
  loaded: string[] = [];
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeWindow.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** What Electron does when the user closes the window: 'close' (cancelable), then 'closed'. */
  userClose(): boolean {
    const event = new FakeEvent();
    this.emit("close", event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.visible = false;
    this.emit("closed");
    return true;
  }
}
