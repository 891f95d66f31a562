// The chain's state: named tables (string key → value) and set-valued indexes, with an undo journal
// so a failed message, a simulation or a check leaves nothing behind. Values are treated as
// immutable: a handler that changes a record puts a new object (shallow-frozen to catch mistakes).
// Every write also marks its key dirty so persistence can write only what a block changed.

export interface Codec<T> {
  toJSON(value: T): unknown;
  fromJSON(json: unknown): T;
}

export const plainCodec = <T>(): Codec<T> => ({ toJSON: (v) => v, fromJSON: (j) => j as T });

type Undo = () => void;

export class Table<T> {
  readonly rows = new Map<string, T>();
  constructor(
    readonly name: string,
    readonly codec: Codec<T>,
    private readonly store: Store,
  ) {}

  get(key: string): T | undefined {
    return this.rows.get(key);
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  get size(): number {
    return this.rows.size;
  }

  put(key: string, value: T): void {
    const had = this.rows.has(key);
    const previous = this.rows.get(key);
    if (value !== null && typeof value === "object") Object.freeze(value);
    this.rows.set(key, value);
    this.store.record(this.name, key, () => {
      if (had) this.rows.set(key, previous as T);
      else this.rows.delete(key);
    });
  }

  delete(key: string): void {
    if (!this.rows.has(key)) return;
    const previous = this.rows.get(key) as T;
    this.rows.delete(key);
    this.store.record(this.name, key, () => this.rows.set(key, previous));
  }

  values(): IterableIterator<T> {
    return this.rows.values();
  }

  entries(): IterableIterator<[string, T]> {
    return this.rows.entries();
  }
}

/** A derived index (e.g. bids by order): rebuilt from tables on load, journaled like tables. */
export class Index {
  private readonly sets = new Map<string, Set<string>>();
  constructor(private readonly store: Store) {}

  add(key: string, member: string): void {
    let set = this.sets.get(key);
    if (!set) {
      set = new Set();
      this.sets.set(key, set);
    }
    if (set.has(member)) return;
    set.add(member);
    const target = set;
    this.store.record(null, key, () => target.delete(member));
  }

  remove(key: string, member: string): void {
    const set = this.sets.get(key);
    if (!set?.has(member)) return;
    set.delete(member);
    this.store.record(null, key, () => set.add(member));
  }

  members(key: string): string[] {
    return [...(this.sets.get(key) ?? [])];
  }

  count(key: string): number {
    return this.sets.get(key)?.size ?? 0;
  }

  clear(): void {
    this.sets.clear();
  }
}

export class Store {
  private readonly tables = new Map<string, Table<unknown>>();
  private journal: Undo[] = [];
  private readonly dirty = new Map<string, Set<string>>();

  table<T>(name: string, codec: Codec<T> = plainCodec<T>()): Table<T> {
    const existing = this.tables.get(name);
    if (existing) return existing as Table<T>;
    const table = new Table<T>(name, codec, this);
    this.tables.set(name, table as Table<unknown>);
    return table;
  }

  index(): Index {
    return new Index(this);
  }

  /** @internal called by tables and indexes. */
  record(table: string | null, key: string, undo: Undo): void {
    this.journal.push(undo);
    if (table !== null) {
      let keys = this.dirty.get(table);
      if (!keys) this.dirty.set(table, (keys = new Set()));
      keys.add(key);
    }
  }

  /** A savepoint: revertTo(savepoint) undoes every write made after it. */
  savepoint(): number {
    return this.journal.length;
  }

  revertTo(savepoint: number): void {
    while (this.journal.length > savepoint) this.journal.pop()?.();
  }

  /** Runs fn; if it throws, every write it made is undone and the error rethrown. */
  atomically<R>(fn: () => R): R {
    const mark = this.savepoint();
    try {
      return fn();
    } catch (error) {
      this.revertTo(mark);
      throw error;
    }
  }

  /** Ends a block: the journal is dropped (nothing before this point can be undone). */
  commit(): Map<string, Set<string>> {
    this.journal = [];
    const changed = new Map(this.dirty);
    this.dirty.clear();
    return changed;
  }

  tableNames(): string[] {
    return [...this.tables.keys()];
  }

  getTable(name: string): Table<unknown> | undefined {
    return this.tables.get(name);
  }

  /** Loads a row without journaling (restore from disk). */
  load(name: string, key: string, json: unknown): void {
    const table = this.tables.get(name);
    if (!table) return;
    const value = table.codec.fromJSON(json);
    if (value !== null && typeof value === "object") Object.freeze(value);
    table.rows.set(key, value);
  }
}
