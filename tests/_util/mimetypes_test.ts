import assert from "node:assert/strict";
import { guess_file_type } from "../../_util/mimetypes.ts";
import { capture, oracle, oracleTest } from "../_oracle.ts";

// Case matters for encodings (CPython keeps encodings_map case-sensitive) but not for types or
// suffixes; dot files, double suffixes and directories are the other edge cases.
const NAMES: string[] = [];
for (const base of ["a", "dir/a.b", ".hidden", "..x", "/x/y/", "a.", "a.tar"]) {
  for (
    const ext of [
      "",
      ".html",
      ".HTML",
      ".gz",
      ".GZ",
      ".tgz",
      ".TGZ",
      ".svgz",
      ".tar.gz",
      ".tar.Z",
      ".bz2",
      ".js",
      ".mjs",
      ".json",
      ".png",
      ".unknownext",
      ".txt.br",
    ]
  ) {
    NAMES.push(base + ext);
  }
}

oracleTest("guess_file_type agrees with CPython's mimetypes on its built-in table", async () => {
  const want = await oracle(
    "import mimetypes\nbuiltin = mimetypes.MimeTypes()  # the built-in tables only, no /etc/mime.types\ndef run(c):\n    return builtin.guess_file_type(c)[0]",
    NAMES,
  );
  assert.deepEqual(NAMES.map((n) => capture(() => guess_file_type(n))), want);
});
