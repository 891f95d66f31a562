import { crc32, deflateSync } from "node:zlib";

// The tray icon, drawn as a PNG in code: Tray needs a raster image (no SVG), and drawing it here keeps
// the packaged app free of loose asset files that the bundle would have to find at run time.
// The mark: a disc with a white upward triangle. The disc's colour is the status at a glance:
// Akash red while bidding, amber while paused or gaming, grey while offline.

export type TrayIconTone = "active" | "idle" | "offline";

const DISC: Record<TrayIconTone, readonly [number, number, number]> = {
  active: [0xff, 0x41, 0x4c],
  idle: [0xe0, 0x9b, 0x1a],
  offline: [0x80, 0x86, 0x8f],
};
const WHITE = [0xff, 0xff, 0xff] as const;

/** RGBA pixels of the icon at `size`×`size`. */
export function trayIconPixels(size: number, tone: TrayIconTone = "active"): Uint8Array {
  const disc = DISC[tone];
  if (!Number.isInteger(size) || size < 8 || size > 256) throw new RangeError(`Tray icon size must be an integer 8–256, got ${size}`);
  const pixels = new Uint8Array(size * size * 4);
  const c = (size - 1) / 2;
  const radius = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const offset = (y * size + x) * 4;
      const dx = x - c;
      const dy = y - c;
      if (dx * dx + dy * dy > radius * radius) continue; // transparent outside the disc
      // Triangle: apex at 22% height, base at 72%, half-width growing with depth.
      const top = size * 0.22;
      const bottom = size * 0.72;
      const inTriangle = y >= top && y <= bottom && Math.abs(dx) <= ((y - top) / (bottom - top)) * size * 0.3;
      const [r, g, b] = inTriangle ? WHITE : disc;
      pixels.set([r, g, b, 0xff], offset);
    }
  }
  return pixels;
}

/** A valid PNG (8-bit RGBA, no interlace) of the icon. */
export function trayIconPng(size = 32, tone: TrayIconTone = "active"): Buffer {
  const pixels = trayIconPixels(size, tone);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, adaptive filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}
