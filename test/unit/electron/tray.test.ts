import { inflateSync, crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createAppTray } from "../../../main/electron/tray";
import { trayIconPixels, trayIconPng } from "../../../main/electron/tray-icon";
import { TRAY_TOOLTIP, trayMenuTemplate } from "../../../main/electron/tray-menu";

function actions() {
  const calls: string[] = [];
  return { calls, openDashboard: () => calls.push("open"), quit: () => calls.push("quit") };
}

describe("tray menu model", () => {
  it("has Open dashboard and Quit, and their clicks call the actions", () => {
    const a = actions();
    const template = trayMenuTemplate(a);
    expect(template.map((item) => item.type ?? item.label)).toEqual(["Open dashboard", "separator", "Quit (stops providing)"]);
    for (const item of template) (item.click as (() => void) | undefined)?.();
    expect(a.calls).toEqual(["open", "quit"]);
  });
});

describe("tray adapter", () => {
  it("renders the icon, tooltip and menu, and opens the dashboard on click", () => {
    const a = actions();
    const made: Record<string, unknown> = {};
    let clickListener: (() => void) | undefined;
    const fakeTray = {
      setToolTip: (t: string) => void (made.tooltip = t),
      setContextMenu: (m: unknown) => void (made.menu = m),
      destroy: () => {},
      isDestroyed: () => false,
      on: (event: string, listener: () => void) => void (event === "click" && (clickListener = listener)),
    };
    const tray = createAppTray(
      {
        createImage: (png) => ({ png }) as never,
        createTray: (icon) => ((made.icon = icon), fakeTray as never),
        buildMenu: (template) => ({ template }) as never,
      },
      a,
    );
    expect(tray).toBe(fakeTray);
    expect(made.tooltip).toBe(TRAY_TOOLTIP);
    expect((made.icon as { png: Buffer }).png.subarray(1, 4).toString()).toBe("PNG");
    expect((made.menu as { template: unknown[] }).template).toHaveLength(3);
    clickListener!();
    expect(a.calls).toEqual(["open"]);
  });
});

describe("tray icon PNG", () => {
  /** A minimal PNG reader: checks every chunk's CRC and returns the header and inflated rows. */
  function readPng(png: Buffer) {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      const type = png.subarray(at + 4, at + 8).toString("latin1");
      const data = png.subarray(at + 8, at + 8 + length);
      expect(png.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
      chunks.push({ type, data });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    const ihdr = chunks[0]!.data;
    return { width: ihdr.readUInt32BE(0), height: ihdr.readUInt32BE(4), depthAndType: [ihdr[8], ihdr[9]], rows: inflateSync(chunks[1]!.data) };
  }

  it("is a valid 32×32 RGBA PNG whose pixels are the drawn icon", () => {
    const { width, height, depthAndType, rows } = readPng(trayIconPng(32));
    expect([width, height]).toEqual([32, 32]);
    expect(depthAndType).toEqual([8, 6]);
    expect(rows.length).toBe(32 * (32 * 4 + 1));
    const pixels = trayIconPixels(32);
    for (let y = 0; y < 32; y++) {
      expect(rows[y * 129]).toBe(0);
      expect(Buffer.from(rows.subarray(y * 129 + 1, (y + 1) * 129)).equals(Buffer.from(pixels.subarray(y * 128, (y + 1) * 128)))).toBe(true);
    }
  });

  it("draws a red disc with a white mark on a transparent background", () => {
    const size = 32;
    const pixel = (x: number, y: number) => [...trayIconPixels(size).subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
    expect(pixel(0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(16, 28)).toEqual([0xff, 0x41, 0x4c, 0xff]);
    expect(pixel(16, 18)).toEqual([0xff, 0xff, 0xff, 0xff]);
  });

  it("refuses sizes it cannot draw", () => {
    for (const size of [0, 7, 257, 1.5, Number.NaN]) expect(() => trayIconPixels(size)).toThrow(RangeError);
  });
});
