/**
 * `test/certdata` for the ported TLS tests, made fresh by openssl for this run (CPython's own files are not
 * copied into this repository): self-signed `localhost` and `fakehostname` certificates and keys, a
 * password-protected key (`somepass`, as CPython's `KEY_PASSWORD`), an empty file and a bad certificate, under
 * CPython's file names in a temporary folder.
 *
 * @module
 */

const dir = await Deno.makeTempDir({ prefix: "pyweb-certdata-" });
globalThis.addEventListener("unload", () => {
  try {
    Deno.removeSync(dir, { recursive: true });
  } catch { /* already gone */ }
});

async function openssl(args: string[]): Promise<void> {
  const out = await new Deno.Command("openssl", { args, cwd: dir, stdout: "null", stderr: "piped" }).output();
  if (!out.success) throw new Error(`openssl ${args.join(" ")}: ${new TextDecoder().decode(out.stderr)}`);
}

async function selfSigned(name: string, key: string, cert: string): Promise<void> {
  await openssl([
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    key,
    "-out",
    cert,
    "-days",
    "7",
    "-subj",
    `/C=XY/L=Castle Anthrax/O=Python Software Foundation/CN=${name}`,
    "-addext",
    `subjectAltName=DNS:${name}`,
    // A leaf, not a CA (rustls refuses a CA certificate as a server's own, as CPython's certdata has it).
    "-addext",
    "basicConstraints=critical,CA:FALSE",
    "-addext",
    "extendedKeyUsage=serverAuth",
  ]);
}

const read = (f: string) => Deno.readTextFile(`${dir}/${f}`);

await selfSigned("localhost", "ssl_key.pem", "ssl_cert.pem");
await selfSigned("fakehostname", "key2.pem", "cert2.pem");
await openssl([
  "pkey",
  "-in",
  "ssl_key.pem",
  "-aes256",
  "-passout",
  "pass:somepass",
  "-out",
  "ssl_key.passwd.pem",
]);
await Deno.writeTextFile(`${dir}/keycert.pem`, (await read("ssl_key.pem")) + (await read("ssl_cert.pem")));
await Deno.writeTextFile(`${dir}/keycert2.pem`, (await read("key2.pem")) + (await read("cert2.pem")));
await Deno.writeTextFile(
  `${dir}/keycert.passwd.pem`,
  (await read("ssl_key.passwd.pem")) + (await read("ssl_cert.pem")),
);
await Deno.writeTextFile(`${dir}/nullcert.pem`, "");
// A key with certificates that are not certificates, as CPython's badcert.pem.
const bad = "-----BEGIN CERTIFICATE-----\nJust bad cert data\n-----END CERTIFICATE-----\n";
await Deno.writeTextFile(
  `${dir}/badcert.pem`,
  (await read("ssl_key.pem")) + bad + (await read("key2.pem")) + bad,
);

/** `test.support.certdata` file names, in this run's folder. */
export function certdata_file(...path: string[]): string {
  return [dir, ...path].join("/");
}
