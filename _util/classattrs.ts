/**
 * Python class attributes: read from the class, overridden by a subclass,
 * set on the class at run time, and beaten by an instance's own value.
 *
 * ```python
 * class HTTPConnection:
 *     debuglevel = 0
 * ```
 * ```ts
 * export class HTTPConnection {
 *   static debuglevel = 0;
 *   declare debuglevel: number;
 * }
 * classAttrs(HTTPConnection, ["debuglevel"]);
 * ```
 *
 * @module
 */

/** The getters {@link classAttrs} installed: `del obj.x` of such an attribute is "no attribute", not "no deleter". */
export const CLASS_ATTR_GETTERS: WeakSet<object> = new WeakSet();

/**
 * Make each `name` of `cls` a Python class attribute on its instances:
 * reading `obj.name` finds the instance's own value, else the class's static
 * (through the subclass chain, as Python's MRO does); assigning `obj.name`
 * gives the instance its own value.
 *
 * @param cls the class whose statics are the attributes
 * @param names the attribute names, each both `static` and `declare`d
 */
export function classAttrs<C extends abstract new (...a: never[]) => object>(
  cls: C,
  names: readonly (keyof C & keyof InstanceType<C> & string)[],
): void {
  for (const name of names) {
    const get = function (this: { constructor: Record<string, unknown> }) {
      return this.constructor[name];
    };
    CLASS_ATTR_GETTERS.add(get);
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get,
      set(this: object, value: unknown) {
        Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
}
