import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Manifest } from "../../../common/gateway-schemas";
import { SqliteManifestStore } from "../../../main/gateway";
import { openDatabase } from "../../../main/store/database";
import { sharedPath } from "../../support/shared";

const [group] = Manifest.parse(JSON.parse(readFileSync(sharedPath("fixtures/sdl/v2.0/storage-classes/manifest.json"), "utf8")));
const lease = { owner: "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63", dseq: "12", gseq: 1, oseq: 1, provider: "akash1q7spv2cw06yszgfp4f9ed59lkka6ytn8g4tkjf" };

describe("SqliteManifestStore (migration 6)", () => {
  it("keeps accepted groups per lease across reopening, replaces and forgets them", () => {
    const db = openDatabase(":memory:");
    const store = new SqliteManifestStore(db, { now: () => 1_000 });
    expect(store.group(lease)).toBeNull();
    store.save([{ lease, group: group! }]);
    expect(store.group(lease)).toEqual(group);
    expect(store.group({ ...lease, gseq: 2 })).toBeNull();
    const renamed = { ...group!, services: group!.services.map((s) => ({ ...s, image: "myapp:2" })) };
    store.save([{ lease, group: renamed }]);
    expect(store.all()).toEqual([{ lease, group: renamed }]);
    store.forget(lease);
    expect(store.all()).toEqual([]);
  });

  it("reads a corrupt row as no manifest instead of failing", () => {
    const db = openDatabase(":memory:");
    const store = new SqliteManifestStore(db, { now: () => 1_000 });
    store.save([{ lease, group: group! }]);
    db.prepare("UPDATE lease_manifests SET group_json = ?").run("{torn");
    expect(store.group(lease)).toBeNull();
    expect(store.all()).toEqual([]);
  });
});
