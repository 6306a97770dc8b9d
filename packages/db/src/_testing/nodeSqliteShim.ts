// A stand-in for node:sqlite on a Node.js that has none, built on better-sqlite3 and behaving as
// https://nodejs.org/api/sqlite.html documents: rows without a prototype, blobs as bare Uint8Arrays, an
// ERR_OUT_OF_RANGE error for an integer past 2^53 unless BigInts are read, all() on any statement, close()
// throwing when closed, unbound parameters as NULL. It lets the node:sqlite adapter's conversions and fallbacks run under Node 20.
import Database from "better-sqlite3";

export interface NodeSqliteShimOptions {
  /** Adds what node:sqlite got in 22.16: `isTransaction` and `statement.columns()`. */
  readonly modern?: boolean;
  /** Leaves out `statement.iterate()`, as before 22.13. */
  readonly withoutIterate?: boolean;
}

type Row = Record<string, unknown>;

/** SQLite binds NULL to parameters left unbound; better-sqlite3 refuses to run without them. */
function withNulls<T>(call: (...params: unknown[]) => T, params: unknown[]): T {
  for (let all = params; ; all = [...all, null]) {
    try {
      return call(...all);
    } catch (error) {
      if (!(error instanceof RangeError && /Too few parameter values/.test(error.message)) || all.length > 999) throw error;
    }
  }
}

export function createNodeSqliteShim(options: NodeSqliteShimOptions = {}): { DatabaseSync: unknown } {
  class StatementSync {
    readonly #s: Database.Statement<unknown[], Row>;
    #bigInts = false;
    constructor(s: Database.Statement<unknown[], Row>) {
      this.#s = s;
      if (s.reader) s.safeIntegers(true);
    }
    setReadBigInts(enabled: boolean): void {
      this.#bigInts = enabled;
    }
    run(...params: unknown[]): { changes: number; lastInsertRowid: number } {
      const r = withNulls((...p) => this.#s.run(...p), params);
      return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
    }
    get(...params: unknown[]): Row | undefined {
      if (!this.#s.reader) return void this.run(...params);
      const row = withNulls((...p) => this.#s.get(...p), params);
      return row === undefined ? undefined : this.#row(row);
    }
    all(...params: unknown[]): Row[] {
      if (!this.#s.reader) return (this.run(...params), []);
      return withNulls((...p) => this.#s.all(...p), params).map((row) => this.#row(row));
    }
    *iterateRows(...params: unknown[]): IterableIterator<Row> {
      for (const row of withNulls((...p) => this.#s.iterate(...p), params)) yield this.#row(row);
    }
    columns(): unknown[] {
      return this.#s.reader ? this.#s.columns() : [];
    }
    #row(row: Row): Row {
      const out: Row = Object.create(null);
      for (const [key, value] of Object.entries(row)) {
        if (typeof value === "bigint" && !this.#bigInts) {
          if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
            throw Object.assign(new RangeError(`The value of column is too large to be represented as a JavaScript number: ${value}`), { code: "ERR_OUT_OF_RANGE" });
          }
          out[key] = Number(value);
        } else out[key] = Buffer.isBuffer(value) ? new Uint8Array(value) : value;
      }
      return out;
    }
  }
  if (!options.withoutIterate) Object.defineProperty(StatementSync.prototype, "iterate", { value: StatementSync.prototype.iterateRows });
  if (!options.modern) Object.defineProperty(StatementSync.prototype, "columns", { value: undefined });

  class DatabaseSync {
    readonly db: Database.Database;
    constructor(path: string, open: { readOnly?: boolean } = {}) {
      this.db = new Database(path, { readonly: open.readOnly === true, fileMustExist: open.readOnly === true, timeout: 0 });
    }
    exec(sql: string): void {
      this.db.exec(sql);
    }
    prepare(sql: string): StatementSync {
      return new StatementSync(this.db.prepare<unknown[], Row>(sql));
    }
    close(): void {
      if (!this.db.open) throw Object.assign(new Error("database is not open"), { code: "ERR_INVALID_STATE" });
      this.db.close();
    }
  }
  if (options.modern) {
    Object.defineProperty(DatabaseSync.prototype, "isTransaction", {
      get(this: DatabaseSync) {
        return this.db.inTransaction;
      },
    });
  }
  return { DatabaseSync };
}
