import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate, openDatabase } from "../../../main/store/database";
import { MIGRATIONS } from "../../../main/store/migrations";
import { SettingsRepo } from "../../../main/store/settings-repo";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "apd-store-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("database", () => {
  it("opens in WAL mode at the latest schema version", () => {
    const db = openDatabase(join(dir, "nested", "provider.sqlite"));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    expect(db.prepare("SELECT version FROM schema_version").get()).toEqual({ version: latest });
    db.close();
  });

  it("numbers migrations uniquely, from 1 without gaps", () => {
    const versions = MIGRATIONS.map((m) => m.version).sort((a, b) => a - b);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  it("applies only new migrations, and rolls a failing one back whole", () => {
    const db = openDatabase(join(dir, "a.sqlite"), [{ version: 1, owner: "t", sql: "CREATE TABLE a (x)" }]);
    const bad = [
      { version: 1, owner: "t", sql: "CREATE TABLE a (x)" },
      { version: 2, owner: "t", sql: "CREATE TABLE b (y); INSERT INTO nowhere VALUES (1)" },
    ];
    expect(() => migrate(db, bad)).toThrow(/nowhere/);
    expect(db.prepare("SELECT version FROM schema_version").get()).toEqual({ version: 1 });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    expect(migrate(db, [bad[0]!, { version: 2, owner: "t", sql: "CREATE TABLE b (y)" }])).toBe(2);
    db.close();
  });

  it("refuses a database written by a newer app instead of corrupting it", () => {
    const file = join(dir, "new.sqlite");
    openDatabase(file, [{ version: 1, owner: "t", sql: "" }, { version: 2, owner: "t", sql: "" }]).close();
    expect(() => openDatabase(file, [{ version: 1, owner: "t", sql: "" }])).toThrow(/newer version/);
  });
});

describe("SettingsRepo", () => {
  const now = () => new Date("2026-11-21T12:00:00Z");

  it("returns defaults on a new database and persists updates across reopen", () => {
    const file = join(dir, "s.sqlite");
    const db = openDatabase(file);
    const repo = new SettingsRepo(db, now);
    expect(repo.get()).toEqual({ network: "local", startAtLogin: false, closeToTray: true });
    repo.update({ network: "akashnet-2" });
    db.close();
    const again = new SettingsRepo(openDatabase(file), now);
    expect(again.get().network).toBe("akashnet-2");
  });

  it("survives hand-edited garbage: keeps valid values, defaults the rest", () => {
    const db = openDatabase(join(dir, "g.sqlite"));
    const insert = db.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 'x')");
    insert.run("network", '"moon-1"');
    insert.run("startAtLogin", "true");
    insert.run("closeToTray", "{not json");
    insert.run("unknownKey", "1");
    expect(new SettingsRepo(db, now).get()).toEqual({ network: "local", startAtLogin: true, closeToTray: true });
  });
});
