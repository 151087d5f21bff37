// Port of Python 3.11's Lib/test/test_cgi.py (cgi was removed in 3.13), line by line.
// Building a FieldStorage reads its input, so `cgi.FieldStorage(...)` is `await cgi.FieldStorage.create(...)`, and
// `cgi.parse()`/`cgi.parse_multipart()` return Promises (add `await` where Python would block). Where the parameter
// at a position could be a mapping (FieldStorage's `headers`), `kw()` marks the keywords.
import { encode, eq, kw, len, NotImplemented, repr, truthy, tuple, TypeError, ValueError } from "@pyweb/std";
import * as io from "@pyweb/std/io";
import { BytesIO, StringIO } from "@pyweb/std/io";
import { catch_warnings, DeprecationWarning } from "@pyweb/std/warnings";
import {
  assertCountEqual,
  assertEqual,
  assertFalse,
  assertGreater,
  assertIn,
  assertRaises,
  assertRaisesAsync,
  assertRaisesRegex,
  assertTrue,
} from "./_unittest.ts";

// deno-lint-ignore no-explicit-any
type Any = any;

// cgi = warnings_helper.import_deprecated("cgi"): import it with its DeprecationWarning silenced.
const cgiModule = await (async () => {
  using _ = catch_warnings({ action: "ignore", category: DeprecationWarning });
  return await import("@pyweb/std/cgi");
})();
const cgi = cgiModule.default;
type FieldStorage = InstanceType<typeof cgi.FieldStorage>;

// class HackedSysModule: argv = []; stdin = sys.stdin — cgi.sys = HackedSysModule()
// Our cgi reads the query of a GET without QUERY_STRING from the program's first argument as Python's reads
// sys.argv[1]; `deno test` gives the test modules no arguments, so argv is already empty here.

class ComparableException {
  err: Error & { args: unknown[] };
  constructor(err: unknown) {
    this.err = err as Error & { args: unknown[] };
  }

  __str__(): string {
    return String(this.err);
  }

  __repr__(): string {
    return repr(this.err);
  }

  __eq__(anExc: unknown): unknown {
    if (!(anExc instanceof Error)) {
      return NotImplemented;
    }
    return (this.err.constructor === anExc.constructor &&
      eq(this.err.args, (anExc as Error & { args: unknown[] }).args));
  }
}

async function do_test(buf: string, method: string): Promise<unknown> {
  const env: Record<string, string> = {};
  let fp: BytesIO | null;
  if (method === "GET") {
    fp = null;
    env["REQUEST_METHOD"] = "GET";
    env["QUERY_STRING"] = buf;
  } else if (method === "POST") {
    fp = new BytesIO(encode(buf, "latin-1")); // FieldStorage expects bytes
    env["REQUEST_METHOD"] = "POST";
    env["CONTENT_TYPE"] = "application/x-www-form-urlencoded";
    env["CONTENT_LENGTH"] = String(len(buf));
  } else {
    throw new ValueError(`unknown method: ${method}`);
  }
  try {
    return await cgi.parse(fp as Any, env, { strict_parsing: 1 });
  } catch (err) {
    return new ComparableException(err);
  }
}

const parse_strict_test_cases: [string, Record<string, string[]> | Error][] = [
  ["", {}],
  ["&", new ValueError("bad query field: ''")],
  ["&&", new ValueError("bad query field: ''")],
  // Should the next few really be valid?
  ["=", {}],
  ["=&=", {}],
  // This rest seem to make sense
  ["=a", { "": ["a"] }],
  ["&=a", new ValueError("bad query field: ''")],
  ["=a&", new ValueError("bad query field: ''")],
  ["=&a", new ValueError("bad query field: 'a'")],
  ["b=a", { "b": ["a"] }],
  ["b+=a", { "b ": ["a"] }],
  ["a=b=a", { "a": ["b=a"] }],
  ["a=+b=a", { "a": [" b=a"] }],
  ["&b=a", new ValueError("bad query field: ''")],
  ["b&=a", new ValueError("bad query field: 'b'")],
  ["a=a+b&b=b+c", { "a": ["a b"], "b": ["b c"] }],
  ["a=a+b&a=b+a", { "a": ["a b", "b a"] }],
  ["x=1&y=2.0&z=2-3.%2b0", { "x": ["1"], "y": ["2.0"], "z": ["2-3.+0"] }],
  [
    "Hbc5161168c542333633315dee1182227:key_store_seqid=400006&cuyer=r&view=bustomer&order_id=0bb2e248638833d48cb7fed300000f1b&expire=964546263&lobale=en-US&kid=130003.300038&ss=env",
    {
      "Hbc5161168c542333633315dee1182227:key_store_seqid": ["400006"],
      "cuyer": ["r"],
      "expire": ["964546263"],
      "kid": ["130003.300038"],
      "lobale": ["en-US"],
      "order_id": ["0bb2e248638833d48cb7fed300000f1b"],
      "ss": ["env"],
      "view": ["bustomer"],
    },
  ],

  [
    "group_id=5470&set=custom&_assigned_to=31392&_status=1&_category=100&SUBMIT=Browse",
    {
      "SUBMIT": ["Browse"],
      "_assigned_to": ["31392"],
      "_category": ["100"],
      "_status": ["1"],
      "group_id": ["5470"],
      "set": ["custom"],
    },
  ],
];

async function gen_result(data: string, environ: Record<string, string>): Promise<Record<string, unknown>> {
  const encoding = "latin-1";
  const fake_stdin = new BytesIO(encode(data, encoding));
  fake_stdin.seek(0);
  const form = await cgi.FieldStorage.create({ fp: fake_stdin, environ, encoding });

  const result: Record<string, unknown> = {};
  // dict(form).items()
  for (const k of form.keys() as string[]) {
    const v = form.get(k);
    result[k] = Array.isArray(v) && form.getlist(k) || (v as FieldStorage).value;
  }

  return result;
}

/** `getattr(obj, name)`. */
const getattr = (obj: unknown, name: string) => (obj as Record<string, unknown>)[name];

// ---------------------------------------------------------------- CgiTests

Deno.test("CgiTests.test_parse_multipart", async () => {
  const fp = new BytesIO(encode(POSTDATA, "latin1"));
  const env = {
    "boundary": encode(BOUNDARY, "latin1"),
    "CONTENT-LENGTH": "558",
  };
  const result = await cgi.parse_multipart(fp, env);
  const expected = {
    "submit": [" Add "],
    "id": ["1234"],
    "file": [encode("Testing 123.\n", "latin1")],
    "title": [""],
  };
  assertEqual(result, expected);
});

Deno.test("CgiTests.test_parse_multipart_without_content_length", async () => {
  const POSTDATA = `--JfISa01
Content-Disposition: form-data; name="submit-name"

just a string

--JfISa01--
`;
  const fp = new BytesIO(encode(POSTDATA, "latin1"));
  const env = { "boundary": encode("JfISa01", "latin1") };
  const result = await cgi.parse_multipart(fp, env);
  const expected = { "submit-name": ["just a string\n"] };
  assertEqual(result, expected);
});

Deno.test("CgiTests.test_parse_multipart_invalid_encoding", async () => {
  const BOUNDARY = "JfISa01";
  const POSTDATA = `--JfISa01
Content-Disposition: form-data; name="submit-name"
Content-Length: 3

\u2603
--JfISa01`;
  const fp = new BytesIO(encode(POSTDATA, "utf8"));
  const env = {
    "boundary": encode(BOUNDARY, "latin1"),
    "CONTENT-LENGTH": String(len(encode(POSTDATA, "utf8"))),
  };
  const result = await cgi.parse_multipart(fp, env, { encoding: "ascii", errors: "surrogateescape" });
  const expected = { "submit-name": ["\udce2\udc98\udc83"] };
  assertEqual(result, expected);
  assertEqual(
    encode("\u2603", "utf8"),
    encode(result["submit-name"][0] as string, "utf8", "surrogateescape"),
  );
});

Deno.test("CgiTests.test_fieldstorage_properties", async () => {
  const fs = await cgi.FieldStorage.create();
  assertFalse(fs);
  assertIn("FieldStorage", repr(fs));
  assertEqual([...fs], [...fs.keys()]);
  // namedtuple('MockFieldStorage', 'name')('fieldvalue')
  class MockFieldStorage {
    constructor(public name: string) {}
  }
  fs.list!.push(new MockFieldStorage("fieldvalue") as Any);
  assertTrue(fs);
});

Deno.test("CgiTests.test_fieldstorage_invalid", async () => {
  await assertRaisesAsync(
    TypeError,
    () => cgi.FieldStorage.create("not-a-file-obj", kw({ environ: { "REQUEST_METHOD": "PUT" } })),
  );
  await assertRaisesAsync(TypeError, () => cgi.FieldStorage.create("foo", "bar"));
  const fs = await cgi.FieldStorage.create(kw({ headers: { "content-type": "text/plain" } }));
  assertRaises(TypeError, () => truthy(fs));
});

Deno.test("CgiTests.test_strict", async () => {
  for (const [orig, expect] of parse_strict_test_cases) {
    // Test basic parsing
    let d = await do_test(orig, "GET");
    assertEqual(d, expect, `Error parsing ${repr(orig)} method GET`);
    d = await do_test(orig, "POST");
    assertEqual(d, expect, `Error parsing ${repr(orig)} method POST`);

    const env = { "QUERY_STRING": orig };
    const fs = await cgi.FieldStorage.create({ environ: env });
    if (!(expect instanceof Error)) {
      // test dict interface
      assertEqual(len(expect), len(fs));
      assertCountEqual(Object.keys(expect), fs.keys());
      // ##self.assertEqual(norm(expect.values()), norm(fs.values()))
      // ##self.assertEqual(norm(expect.items()), norm(fs.items()))
      assertEqual(fs.getvalue("nonexistent field", "default"), "default");
      // test individual fields
      for (const key of Object.keys(expect)) {
        const expect_val = expect[key];
        assertIn(key, fs);
        if (len(expect_val) > 1) {
          assertEqual(fs.getvalue(key), expect_val);
        } else {
          assertEqual(fs.getvalue(key), expect_val[0]);
        }
      }
    }
  }
});

Deno.test("CgiTests.test_separator", async () => {
  const parse_semicolon: [string, Record<string, string[]> | Error][] = [
    ["x=1;y=2.0", { "x": ["1"], "y": ["2.0"] }],
    ["x=1;y=2.0;z=2-3.%2b0", { "x": ["1"], "y": ["2.0"], "z": ["2-3.+0"] }],
    [";", new ValueError("bad query field: ''")],
    [";;", new ValueError("bad query field: ''")],
    ["=;a", new ValueError("bad query field: 'a'")],
    [";b=a", new ValueError("bad query field: ''")],
    ["b;=a", new ValueError("bad query field: 'b'")],
    ["a=a+b;b=b+c", { "a": ["a b"], "b": ["b c"] }],
    ["a=a+b;a=b+a", { "a": ["a b", "b a"] }],
  ];
  for (const [orig, expect] of parse_semicolon) {
    const env = { "QUERY_STRING": orig };
    const fs = await cgi.FieldStorage.create({ separator: ";", environ: env });
    if (!(expect instanceof Error)) {
      for (const key of Object.keys(expect)) {
        const expect_val = expect[key];
        assertIn(key, fs);
        if (len(expect_val) > 1) {
          assertEqual(fs.getvalue(key), expect_val);
        } else {
          assertEqual(fs.getvalue(key), expect_val[0]);
        }
      }
    }
  }
});

Deno.test("CgiTests.test_log", () => {
  // @warnings_helper.ignore_warnings(category=DeprecationWarning)
  using _ = catch_warnings({ action: "ignore", category: DeprecationWarning });
  cgi.log("Testing");

  cgi.logfp = new StringIO();
  cgi.initlog("%s", "Testing initlog 1");
  cgi.log("%s", "Testing log 2");
  assertEqual((cgi.logfp as StringIO).getvalue(), "Testing initlog 1\nTesting log 2\n");
  const devnull = "/dev/null"; // os.devnull
  let exists = true;
  try {
    Deno.statSync(devnull);
  } catch {
    exists = false;
  }
  if (exists) {
    cgi.logfp = null;
    cgi.logfile = devnull;
    cgi.initlog("%s", "Testing log 3");
    try {
      cgi.log("Testing log 4");
    } finally {
      cgi.closelog(); // self.addCleanup(cgi.closelog)
    }
  }
});

Deno.test("CgiTests.test_fieldstorage_readline", async () => {
  // FieldStorage uses readline, which has the capacity to read all
  // contents of the input file into memory; we use readline's size argument
  // to prevent that for files that do not contain any newlines in
  // non-GET/HEAD requests
  class TestReadlineFile {
    file: BytesIO;
    numcalls: number;
    constructor(file: BytesIO) {
      this.file = file;
      this.numcalls = 0;
    }

    readline(size: number | null = null) {
      this.numcalls += 1;
      if (size) {
        return this.file.readline(size);
      } else {
        return this.file.readline();
      }
    }

    // def __getattr__(self, name): return getattr(self.file, name) — the file methods FieldStorage and
    // this test use, passed on to the file.
    read(size?: number | null) {
      return this.file.read(size);
    }
    write(data: Uint8Array) {
      return this.file.write(data);
    }
    seek(pos: number) {
      return this.file.seek(pos);
    }
    close() {
      return this.file.close();
    }
  }

  // tempfile.TemporaryFile("wb+"): @pyweb/std has no tempfile module; a BytesIO is the binary read/write file.
  const f = new TestReadlineFile(new BytesIO());
  try {
    f.write(b_x(256 * 1024));
    f.seek(0);
    const env = { "REQUEST_METHOD": "PUT" };
    const fs = await cgi.FieldStorage.create({ fp: f, environ: env });
    try {
      // if we're not chunking properly, readline is only called twice
      // (by read_binary); if we are chunking properly, it will be called 5 times
      // as long as the chunksize is 1 << 16.
      assertGreater(f.numcalls, 2);
      f.close();
    } finally {
      fs.file!.close();
    }
  } finally {
    f.close();
  }
});

/** `b'x' * n`. */
function b_x(n: number): Uint8Array {
  return new Uint8Array(n).fill(0x78);
}

Deno.test("CgiTests.test_fieldstorage_multipart", async () => {
  // Test basic FieldStorage multipart parsing
  const env = {
    "REQUEST_METHOD": "POST",
    "CONTENT_TYPE": `multipart/form-data; boundary=${BOUNDARY}`,
    "CONTENT_LENGTH": "558",
  };
  const fp = new BytesIO(encode(POSTDATA, "latin-1"));
  const fs = await cgi.FieldStorage.create(fp, kw({ environ: env, encoding: "latin-1" }));
  assertEqual(len(fs.list), 4);
  const expect = [
    { "name": "id", "filename": null, "value": "1234" },
    { "name": "title", "filename": null, "value": "" },
    { "name": "file", "filename": "test.txt", "value": encode("Testing 123.\n", "latin1") },
    { "name": "submit", "filename": null, "value": " Add " },
  ];
  for (let x = 0; x < len(fs.list); x++) {
    for (const [k, exp] of Object.entries(expect[x])) {
      const got = getattr(fs.list![x], k);
      assertEqual(got, exp);
    }
  }
});

Deno.test("CgiTests.test_fieldstorage_multipart_leading_whitespace", async () => {
  const env = {
    "REQUEST_METHOD": "POST",
    "CONTENT_TYPE": `multipart/form-data; boundary=${BOUNDARY}`,
    "CONTENT_LENGTH": "560",
  };
  // Add some leading whitespace to our post data that will cause the
  // first line to not be the innerboundary.
  const fp = new BytesIO(encode("\r\n", "latin-1").concat(encode(POSTDATA, "latin-1")));
  const fs = await cgi.FieldStorage.create(fp, kw({ environ: env, encoding: "latin-1" }));
  assertEqual(len(fs.list), 4);
  const expect = [
    { "name": "id", "filename": null, "value": "1234" },
    { "name": "title", "filename": null, "value": "" },
    { "name": "file", "filename": "test.txt", "value": encode("Testing 123.\n", "latin1") },
    { "name": "submit", "filename": null, "value": " Add " },
  ];
  for (let x = 0; x < len(fs.list); x++) {
    for (const [k, exp] of Object.entries(expect[x])) {
      const got = getattr(fs.list![x], k);
      assertEqual(got, exp);
    }
  }
});

Deno.test("CgiTests.test_fieldstorage_multipart_non_ascii", async () => {
  // Test basic FieldStorage multipart parsing
  const env = {
    "REQUEST_METHOD": "POST",
    "CONTENT_TYPE": `multipart/form-data; boundary=${BOUNDARY}`,
    "CONTENT_LENGTH": "558",
  };
  for (const encoding of ["iso-8859-1", "utf-8"]) {
    const fp = new BytesIO(encode(POSTDATA_NON_ASCII, encoding));
    const fs = await cgi.FieldStorage.create(fp, kw({ environ: env, encoding }));
    assertEqual(len(fs.list), 1);
    const expect = [{ "name": "id", "filename": null, "value": "\xe7\xf1\x80" }];
    for (let x = 0; x < len(fs.list); x++) {
      for (const [k, exp] of Object.entries(expect[x])) {
        const got = getattr(fs.list![x], k);
        assertEqual(got, exp);
      }
    }
  }
});

Deno.test("CgiTests.test_fieldstorage_multipart_maxline", async () => {
  // Issue #18167
  const maxline = 1 << 16;
  // self.maxDiff = None
  async function check(content: string) {
    const data = `---123
Content-Disposition: form-data; name="upload"; filename="fake.txt"
Content-Type: text/plain

%s
---123--
`.replaceAll("\n", "\r\n").replace("%s", () => content);
    const environ = {
      "CONTENT_LENGTH": String(len(data)),
      "CONTENT_TYPE": "multipart/form-data; boundary=-123",
      "REQUEST_METHOD": "POST",
    };
    assertEqual(await gen_result(data, environ), { "upload": encode(content, "latin1") });
  }
  await check("x".repeat(maxline - 1));
  await check("x".repeat(maxline - 1) + "\r");
  await check("x".repeat(maxline - 1) + "\r" + "y".repeat(maxline - 1));
});

Deno.test("CgiTests.test_fieldstorage_multipart_w3c", async () => {
  // Test basic FieldStorage multipart parsing (W3C sample)
  const env = {
    "REQUEST_METHOD": "POST",
    "CONTENT_TYPE": `multipart/form-data; boundary=${BOUNDARY_W3}`,
    "CONTENT_LENGTH": String(len(POSTDATA_W3)),
  };
  const fp = new BytesIO(encode(POSTDATA_W3, "latin-1"));
  const fs = await cgi.FieldStorage.create(fp, kw({ environ: env, encoding: "latin-1" }));
  assertEqual(len(fs.list), 2);
  assertEqual(fs.list![0].name, "submit-name");
  assertEqual(fs.list![0].value, "Larry");
  assertEqual(fs.list![1].name, "files");
  const files = fs.list![1].value as FieldStorage[];
  assertEqual(len(files), 2);
  const expect = [
    { "name": null, "filename": "file1.txt", "value": encode("... contents of file1.txt ...", "latin1") },
    { "name": null, "filename": "file2.gif", "value": encode("...contents of file2.gif...", "latin1") },
  ];
  for (let x = 0; x < len(files); x++) {
    for (const [k, exp] of Object.entries(expect[x])) {
      const got = getattr(files[x], k);
      assertEqual(got, exp);
    }
  }
});

Deno.test("CgiTests.test_fieldstorage_part_content_length", async () => {
  const BOUNDARY = "JfISa01";
  const POSTDATA = `--JfISa01
Content-Disposition: form-data; name="submit-name"
Content-Length: 5

Larry
--JfISa01`;
  const env = {
    "REQUEST_METHOD": "POST",
    "CONTENT_TYPE": `multipart/form-data; boundary=${BOUNDARY}`,
    "CONTENT_LENGTH": String(len(POSTDATA)),
  };
  const fp = new BytesIO(encode(POSTDATA, "latin-1"));
  const fs = await cgi.FieldStorage.create(fp, kw({ environ: env, encoding: "latin-1" }));
  assertEqual(len(fs.list), 1);
  assertEqual(fs.list![0].name, "submit-name");
  assertEqual(fs.list![0].value, "Larry");
});

Deno.test("CgiTests.test_field_storage_multipart_no_content_length", async () => {
  const fp = new BytesIO(encode(
    `--MyBoundary
Content-Disposition: form-data; name="my-arg"; filename="foo"

Test

--MyBoundary--
`,
    "ascii",
  ));
  const env = {
    "REQUEST_METHOD": "POST",
    "CONTENT_TYPE": "multipart/form-data; boundary=MyBoundary",
    "wsgi.input": fp,
  };
  const fields = await cgi.FieldStorage.create(fp, kw({ environ: env }));

  assertEqual(len((fields.get("my-arg") as FieldStorage).file!.read()), 5);
});

Deno.test("CgiTests.test_fieldstorage_as_context_manager", async () => {
  const fp = new BytesIO(b_x(10));
  const env = { "REQUEST_METHOD": "PUT" };
  let content: unknown;
  let fs: FieldStorage;
  {
    using fs_ = await cgi.FieldStorage.create({ fp, environ: env });
    fs = fs_;
    content = fs.file!.read();
    assertFalse((fs.file as unknown as { closed: boolean }).closed);
  }
  assertTrue((fs.file as unknown as { closed: boolean }).closed);
  assertEqual(content, "x".repeat(10));
  assertRaisesRegex(ValueError, "I/O operation on closed file", () => fs.file!.read());
});

const _qs_result = {
  "key1": "value1",
  "key2": ["value2x", "value2y"],
  "key3": "value3",
  "key4": "value4",
};

Deno.test("CgiTests.testQSAndUrlEncode", async () => {
  const data = "key2=value2x&key3=value3&key4=value4";
  const environ = {
    "CONTENT_LENGTH": String(len(data)),
    "CONTENT_TYPE": "application/x-www-form-urlencoded",
    "QUERY_STRING": "key1=value1&key2=value2y",
    "REQUEST_METHOD": "POST",
  };
  const v = await gen_result(data, environ);
  assertEqual(_qs_result, v);
});

Deno.test("CgiTests.test_max_num_fields", async () => {
  // For application/x-www-form-urlencoded
  let data = Array(11).fill("a=a").join("&");
  let environ: Record<string, string> = {
    "CONTENT_LENGTH": String(len(data)),
    "CONTENT_TYPE": "application/x-www-form-urlencoded",
    "REQUEST_METHOD": "POST",
  };

  await assertRaisesAsync(ValueError, () =>
    cgi.FieldStorage.create({
      fp: new BytesIO(encode(data)),
      environ: environ,
      max_num_fields: 10,
    }));

  // For multipart/form-data
  data = `---123
Content-Disposition: form-data; name="a"

3
---123
Content-Type: application/x-www-form-urlencoded

a=4
---123
Content-Type: application/x-www-form-urlencoded

a=5
---123--
`;
  environ = {
    "CONTENT_LENGTH": String(len(data)),
    "CONTENT_TYPE": "multipart/form-data; boundary=-123",
    "QUERY_STRING": "a=1&a=2",
    "REQUEST_METHOD": "POST",
  };

  // 2 GET entities
  // 1 top level POST entities
  // 1 entity within the second POST entity
  // 1 entity within the third POST entity
  await assertRaisesAsync(ValueError, () =>
    cgi.FieldStorage.create({
      fp: new BytesIO(encode(data)),
      environ: environ,
      max_num_fields: 4,
    }));
  await cgi.FieldStorage.create({
    fp: new BytesIO(encode(data)),
    environ: environ,
    max_num_fields: 5,
  });
});

Deno.test("CgiTests.testQSAndFormData", async () => {
  const data = `---123
Content-Disposition: form-data; name="key2"

value2y
---123
Content-Disposition: form-data; name="key3"

value3
---123
Content-Disposition: form-data; name="key4"

value4
---123--
`;
  const environ = {
    "CONTENT_LENGTH": String(len(data)),
    "CONTENT_TYPE": "multipart/form-data; boundary=-123",
    "QUERY_STRING": "key1=value1&key2=value2x",
    "REQUEST_METHOD": "POST",
  };
  const v = await gen_result(data, environ);
  assertEqual(_qs_result, v);
});

Deno.test("CgiTests.testQSAndFormDataFile", async () => {
  const data = `---123
Content-Disposition: form-data; name="key2"

value2y
---123
Content-Disposition: form-data; name="key3"

value3
---123
Content-Disposition: form-data; name="key4"

value4
---123
Content-Disposition: form-data; name="upload"; filename="fake.txt"
Content-Type: text/plain

this is the content of the fake file

---123--
`;
  const environ = {
    "CONTENT_LENGTH": String(len(data)),
    "CONTENT_TYPE": "multipart/form-data; boundary=-123",
    "QUERY_STRING": "key1=value1&key2=value2x",
    "REQUEST_METHOD": "POST",
  };
  const result: Record<string, unknown> = { ..._qs_result };
  Object.assign(result, {
    "upload": encode("this is the content of the fake file\n", "latin1"),
  });
  const v = await gen_result(data, environ);
  assertEqual(result, v);
});

Deno.test("CgiTests.test_parse_header", () => {
  assertEqual(cgi.parse_header("text/plain"), tuple("text/plain", {}));
  assertEqual(cgi.parse_header("text/vnd.just.made.this.up ; "), tuple("text/vnd.just.made.this.up", {}));
  assertEqual(
    cgi.parse_header("text/plain;charset=us-ascii"),
    tuple("text/plain", { "charset": "us-ascii" }),
  );
  assertEqual(
    cgi.parse_header('text/plain ; charset="us-ascii"'),
    tuple("text/plain", { "charset": "us-ascii" }),
  );
  assertEqual(
    cgi.parse_header('text/plain ; charset="us-ascii"; another=opt'),
    tuple("text/plain", { "charset": "us-ascii", "another": "opt" }),
  );
  assertEqual(
    cgi.parse_header('attachment; filename="silly.txt"'),
    tuple("attachment", { "filename": "silly.txt" }),
  );
  assertEqual(
    cgi.parse_header('attachment; filename="strange;name"'),
    tuple("attachment", { "filename": "strange;name" }),
  );
  assertEqual(
    cgi.parse_header('attachment; filename="strange;name";size=123;'),
    tuple("attachment", { "filename": "strange;name", "size": "123" }),
  );
  assertEqual(
    cgi.parse_header('form-data; name="files"; filename="fo\\"o;bar"'),
    tuple("form-data", { "name": "files", "filename": 'fo"o;bar' }),
  );
});

Deno.test("CgiTests.test_all", () => {
  const not_exported = new Set([
    "logfile",
    "logfp",
    "initlog",
    "dolog",
    "nolog",
    "closelog",
    "log",
    "maxlen",
    "valid_boundary",
  ]);
  // support.check__all__(self, cgi, not_exported=not_exported): every public name the module defines (not
  // what it imports: io's BytesIO; nor the module object, the default export) is in __all__.
  const imported = new Set<unknown>(Object.values(io));
  const expected: string[] = [];
  for (const [name, obj] of Object.entries(cgiModule)) {
    if (name.startsWith("_") || not_exported.has(name) || name === "default" || imported.has(obj)) continue;
    expected.push(name);
  }
  assertCountEqual(cgiModule.__all__, expected);
});

const BOUNDARY = "---------------------------721837373350705526688164684";

const POSTDATA = `-----------------------------721837373350705526688164684
Content-Disposition: form-data; name="id"

1234
-----------------------------721837373350705526688164684
Content-Disposition: form-data; name="title"


-----------------------------721837373350705526688164684
Content-Disposition: form-data; name="file"; filename="test.txt"
Content-Type: text/plain

Testing 123.

-----------------------------721837373350705526688164684
Content-Disposition: form-data; name="submit"

 Add\x20
-----------------------------721837373350705526688164684--
`;

const POSTDATA_NON_ASCII = `-----------------------------721837373350705526688164684
Content-Disposition: form-data; name="id"

\xe7\xf1\x80
-----------------------------721837373350705526688164684
`;

// http://www.w3.org/TR/html401/interact/forms.html#h-17.13.4
const BOUNDARY_W3 = "AaB03x";
const POSTDATA_W3 = `--AaB03x
Content-Disposition: form-data; name="submit-name"

Larry
--AaB03x
Content-Disposition: form-data; name="files"
Content-Type: multipart/mixed; boundary=BbC04y

--BbC04y
Content-Disposition: file; filename="file1.txt"
Content-Type: text/plain

... contents of file1.txt ...
--BbC04y
Content-Disposition: file; filename="file2.gif"
Content-Type: image/gif
Content-Transfer-Encoding: binary

...contents of file2.gif...
--BbC04y--
--AaB03x--
`;
