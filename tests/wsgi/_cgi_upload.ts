// Parse a multipart upload of N MiB (argv[0]) streamed from memory through cgi.FieldStorage and
// print the process's peak RSS in KiB (VmHWM), for tests/cgi_test.ts.
import { FieldStorage } from "../../cgi.ts";
import { BufferedReader } from "../../_util/stream.ts";

const total = Number(Deno.args[0]) * 1024 * 1024;
const head = new TextEncoder().encode(
  '--BOUND\r\nContent-Disposition: form-data; name="up"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n',
);
const tail = new TextEncoder().encode(
  '\r\n--BOUND\r\nContent-Disposition: form-data; name="t"\r\n\r\nok\r\n--BOUND--\r\n',
);
// 4 KiB lines of bytes that avoid '-', so no boundary can appear inside.
const line = new Uint8Array(4096);
let seed = 7;
for (let i = 0; i < line.length - 1; i++) line[i] = 46 + ((seed = (seed * 1103515245 + 12345) >>> 0) % 200);
line[line.length - 1] = 10;
let sent = 0, phase = 0;
const source = {
  read(p: Uint8Array): Promise<number | null> {
    if (phase === 0) {
      p.set(head);
      phase = 1;
      return Promise.resolve(head.length);
    }
    if (phase === 1) {
      const n = Math.min(p.length - (p.length % line.length), total - sent);
      if (n > 0) {
        for (let off = 0; off < n; off += line.length) {
          p.set(line.subarray(0, Math.min(line.length, n - off)), off);
        }
        sent += n;
        return Promise.resolve(n);
      }
      phase = 2;
    }
    if (phase === 2) {
      p.set(tail);
      phase = 3;
      return Promise.resolve(tail.length);
    }
    return Promise.resolve(null);
  },
};
const form = await FieldStorage.create({
  fp: new BufferedReader(source),
  environ: { REQUEST_METHOD: "POST", CONTENT_TYPE: "multipart/form-data; boundary=BOUND" },
});
const up = form.get("up") as FieldStorage;
const size = up.file!.seek(0, 2);
const ok = up.filename === "big.bin" && size === total && form.getvalue("t") === "ok";
form.close();
const hwm = /VmHWM:\s+(\d+) kB/.exec(Deno.readTextFileSync("/proc/self/status"))![1];
console.log(JSON.stringify({ ok, size, hwm: Number(hwm) }));
