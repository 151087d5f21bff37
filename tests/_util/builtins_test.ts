import assert from "node:assert/strict";
import {
  contains,
  delattr,
  eq,
  isPySpace,
  len,
  NotImplemented,
  pyStrip,
  truthy,
} from "../../_util/builtins.ts";
import { classAttrs } from "../../_util/classattrs.ts";
import { repr, str } from "../../_util/repr.ts";
import { AttributeError, TypeError, ValueError } from "../../_util/exceptions.ts";

Deno.test("truthy follows bool(): __bool__, __len__, NaN is true", () => {
  assert.equal(truthy(NaN), true);
  assert.equal(truthy({ __bool__: () => false }), false);
  assert.equal(truthy({ __len__: () => 0 }), false);
  assert.equal(truthy({ __len__: () => 2 }), true);
  assert.equal(truthy(Object.create(null)), false);
  assert.equal(truthy(new Map([[1, 2]])), true);
});

Deno.test("len, contains and eq honour __len__, __contains__ and __eq__", () => {
  assert.equal(len("héllo😀"), 6);
  assert.equal(len({ __len__: () => 3 }), 3);
  assert.throws(
    () => len({ __len__: () => -1 }),
    (e) => e instanceof ValueError && e.message === "__len__() should return >= 0",
  );
  assert.throws(
    () => len(5),
    (e) => e instanceof TypeError && e.message === "object of type 'int' has no len()",
  );
  assert.equal(contains({ __contains__: (x: unknown) => x === "k" }, "k"), true);
  assert.equal(contains(["a", 1], true), true); // 1 == True
  assert.equal(contains({ a: 1 }, "a"), true);
  class Always {
    __eq__(_other: unknown) {
      return true;
    }
  }
  class Declines {
    __eq__(_other: unknown) {
      return NotImplemented;
    }
  }
  assert.equal(eq(new Always(), 5), true);
  assert.equal(eq(5, new Always()), true);
  assert.equal(eq(new Declines(), new Declines()), false);
  assert.equal(eq({ a: [1, 2] }, new Map([["a", [1, 2]]])), true);
  assert.equal(eq(new Uint8Array([1]), new Uint8Array([1])), true);
  assert.equal(eq(1, true), true);
});

Deno.test("str() and repr() call __str__, __repr__ and a class's own toString", () => {
  class Trivial {
    __str__() {
      return "trivial";
    }
  }
  class R {
    __repr__() {
      return "R()";
    }
  }
  class T {
    toString() {
      return "tee";
    }
  }
  assert.equal(str(new Trivial()), "trivial");
  assert.equal(repr(new R()), "R()");
  assert.equal(str(new R()), "R()"); // str falls back to __repr__, as in Python
  assert.equal(str(new T()), "tee");
  assert.equal(repr([new R()]), "[R()]");
});

Deno.test("class attributes: read from the class, overridden, set at run time, beaten by the instance; delattr", () => {
  class Conn {
    static debuglevel = 0;
    declare debuglevel: number;
    get level() {
      return this.debuglevel;
    }
  }
  classAttrs(Conn, ["debuglevel"]);
  class Loud extends Conn {
    static override debuglevel = 1;
  }
  const a = new Conn();
  const l = new Loud();
  assert.equal(a.level, 0);
  assert.equal(l.level, 1);
  Conn.debuglevel = 3;
  assert.equal(a.debuglevel, 3);
  a.debuglevel = 5;
  assert.equal(a.level, 5);
  assert.equal(new Conn().debuglevel, 3);
  delattr(a, "debuglevel");
  assert.equal(a.debuglevel, 3);
  assert.throws(
    () => delattr(a, "debuglevel"),
    (e) => e instanceof AttributeError && e.message === "'Conn' object has no attribute 'debuglevel'",
  );
  assert.throws(
    () => delattr(a, "level"),
    (e) => e instanceof AttributeError && e.message === "property 'level' of 'Conn' object has no deleter",
  );
  const deleted: string[] = [];
  delattr({ __delattr__: (name: string) => deleted.push(name) }, "x");
  assert.deepEqual(deleted, ["x"]);
});

Deno.test("str() and repr() raise Python's TypeError when __str__ or __repr__ returns a non-string", () => {
  // CPython: "__str__ returned non-string (type int)", "__repr__ returned non-string (type NoneType)".
  assert.throws(
    () => str({ __str__: () => 5 }),
    (e) => e instanceof TypeError && e.message === "__str__ returned non-string (type int)",
  );
  assert.throws(
    () => repr({ __repr__: () => null }),
    (e) => e instanceof TypeError && e.message === "__repr__ returned non-string (type NoneType)",
  );
});

Deno.test("eq: a named tuple equals a tuple with its values, never a list (Python's ==)", async () => {
  const { urlsplit } = await import("../../urllib/parse.ts");
  const { tuple } = await import("../../_util/repr.ts");
  const r = urlsplit("http://h/p");
  assert.equal(eq(r, tuple("http", "h", "/p", "", "")), true);
  assert.equal(eq(r, ["http", "h", "/p", "", ""]), false);
});

Deno.test("truthy: __bool__ must return a bool, as CPython requires", () => {
  assert.throws(
    () => truthy({ __bool__: () => 1 }),
    (e) => e instanceof TypeError && e.message === "__bool__ should return bool, returned int",
  );
  assert.throws(
    () => truthy({ __len__: () => "3" }),
    (e) => e instanceof TypeError && e.message === "'str' object cannot be interpreted as an integer",
  );
});

Deno.test("isPySpace is str.isspace() on every code unit; pyStrip is str.strip()", () => {
  // python3.13: [c for c in range(0x110000) if chr(c).isspace()] (all in the BMP)
  const spaces = [
    0x9,
    0xa,
    0xb,
    0xc,
    0xd,
    0x1c,
    0x1d,
    0x1e,
    0x1f,
    0x20,
    0x85,
    0xa0,
    0x1680,
    0x2000,
    0x2001,
    0x2002,
    0x2003,
    0x2004,
    0x2005,
    0x2006,
    0x2007,
    0x2008,
    0x2009,
    0x200a,
    0x2028,
    0x2029,
    0x202f,
    0x205f,
    0x3000,
  ];
  const found: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (isPySpace(c)) found.push(c);
  assert.deepEqual(found, spaces);
  assert.equal(pyStrip("\x1c\u3000 a b\u2029\x85"), "a b");
  assert.equal(pyStrip("\ufeffa\u200b"), "\ufeffa\u200b");
});
