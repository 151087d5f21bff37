/**
 * The base of Python's named tuples (`ParseResult`, `SplitResult`, …).
 *
 * A subclass keeps each field as a real property, passes the values to its
 * constructor in field order, and is registered once with
 * {@link namedTuple}, which adds index access (`r[0]`), `length`,
 * iteration (so `const [scheme, netloc] = r` works), `_fields`,
 * `_replace()`, `_asdict()` and Python's repr.
 *
 * @module
 */

import { TypeError, ValueError } from "./exceptions.ts";
import { pyrepr, repr, showAsRepr } from "./repr.ts";

/** Base class of our named tuples. */
export abstract class NamedTuple implements Iterable<unknown> {
  /** The field names, in order (Python's `_fields`). */
  static readonly _fields: readonly string[] = [];

  /** The field names of this tuple's class. */
  get _fields(): readonly string[] {
    return (this.constructor as typeof NamedTuple)._fields;
  }

  /** Number of fields, like Python's `len(t)`. */
  get length(): number {
    return this._fields.length;
  }

  /** The values in field order. */
  *[Symbol.iterator](): Iterator<unknown> {
    const self = this as unknown as Record<string, unknown>;
    for (const f of this._fields) yield self[f];
  }

  /**
   * Python's `_replace(**kwargs)`: a copy with some fields changed.
   *
   * @param changes the new values by field name
   * @returns a new tuple of the same class
   * @throws TypeError for names that are not fields, as Python 3.13+ does
   */
  _replace(changes: Record<string, unknown>): this {
    const fields = this._fields;
    const unknown = Object.keys(changes).filter((k) => !fields.includes(k));
    if (unknown.length) throw new TypeError(`Got unexpected field names: ${repr(unknown)}`);
    const self = this as unknown as Record<string, unknown>;
    const values = fields.map((f) => Object.hasOwn(changes, f) ? changes[f] : self[f]);
    const Ctor = this.constructor as new (...args: unknown[]) => this;
    return new Ctor(...values);
  }

  /** Python's `_asdict()`: field name to value, in order. */
  _asdict(): Record<string, unknown> {
    const out: Record<string, unknown> = Object.create(null);
    const self = this as unknown as Record<string, unknown>;
    for (const f of this._fields) out[f] = self[f];
    return out;
  }

  /** Python's `t.index(value)`. */
  index(value: unknown): number {
    const i = [...this].indexOf(value);
    if (i < 0) throw new ValueError("tuple.index(x): x not in tuple");
    return i;
  }

  /** Python's repr: `Name(field='value', …)`. */
  [pyrepr](): string {
    const self = this as unknown as Record<string, unknown>;
    const body = this._fields.map((f) => `${f}=${repr(self[f])}`).join(", ");
    return `${this.constructor.name}(${body})`;
  }

  /** Python's `str(t)`: the same as its repr. */
  toString(): string {
    return this[pyrepr]();
  }
}

/**
 * Register a {@link NamedTuple} subclass: sets `_fields` and defines the
 * numeric index getters on its prototype.
 */
export function namedTuple(cls: typeof NamedTuple, fields: readonly string[]): void {
  Object.defineProperty(cls, "_fields", { value: Object.freeze([...fields]) });
  fields.forEach((f, i) => {
    Object.defineProperty(cls.prototype, i, {
      get(this: Record<string, unknown>) {
        return this[f];
      },
      enumerable: false,
      configurable: true,
    });
  });
  showAsRepr(cls);
}
