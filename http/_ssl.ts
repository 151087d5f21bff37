/**
 * The slice of Python's `ssl` module that `HTTPSConnection` users touch:
 * `SSLContext` (`check_hostname`, `verify_mode`, `load_verify_locations`),
 * `create_default_context()`, the `CERT_*` constants and the error
 * classes, mapped onto `Deno.connectTls` / `Deno.startTls` options.
 *
 * @module
 */

import { OSError, ValueError } from "../_util/exceptions.ts";
import { pyrepr, showAsRepr } from "../_util/repr.ts";

/** `ssl.CERT_NONE`: do not verify the peer (see docs/divergences.md: Deno still checks the chain). */
export const CERT_NONE = 0;
/** `ssl.CERT_OPTIONAL`: treated as `CERT_REQUIRED` for client connections, as in Python. */
export const CERT_OPTIONAL = 1;
/** `ssl.CERT_REQUIRED`: verify the certificate chain (the default). */
export const CERT_REQUIRED = 2;

/** Python's `ssl.SSLError` (an `OSError`). */
export class SSLError extends OSError {}
/** Python's `ssl.SSLCertVerificationError`: the peer's certificate did not verify. */
export class SSLCertVerificationError extends SSLError {}

/** A plain description of TLS settings, accepted wherever an {@link SSLContext} is. */
export interface SSLContextOptions {
  /** A PEM file of CA certificates to trust (besides the built-in roots). */
  cafile?: string | null;
  /** A directory of PEM files of CA certificates. */
  capath?: string | null;
  /** PEM text of CA certificates. */
  cadata?: string | null;
  /** Check that the certificate matches the host name (default `true`). */
  check_hostname?: boolean;
  /** `CERT_REQUIRED` (default), `CERT_OPTIONAL` or `CERT_NONE`. */
  verify_mode?: number;
}

/**
 * Python's `ssl.SSLContext`, client side: which CAs to trust and whether to
 * check the host name. `HTTPSConnection` turns it into Deno's TLS options.
 *
 * @example
 * ```ts
 * import { CERT_REQUIRED, create_default_context } from "@pyweb/std/http/client";
 * import assert from "node:assert/strict";
 * const ctx = create_default_context();
 * assert.equal(ctx.verify_mode, CERT_REQUIRED);
 * ctx.check_hostname = false;
 * assert.equal(ctx.check_hostname, false);
 * ```
 */
export class SSLContext {
  #checkHostname = true;
  #verifyMode = CERT_REQUIRED;
  #caCerts: string[] = [];
  #alpn: string[] | null = null;

  /** Python's `SSLContext(protocol)`; the protocol argument is accepted and ignored (TLS client). */
  constructor(_protocol?: number) {}

  /** Whether the certificate must match the server name. */
  get check_hostname(): boolean {
    return this.#checkHostname;
  }
  set check_hostname(v: boolean) {
    this.#checkHostname = !!v;
    if (v && this.#verifyMode === CERT_NONE) this.#verifyMode = CERT_REQUIRED;
  }

  /** `CERT_NONE`, `CERT_OPTIONAL` or `CERT_REQUIRED`. */
  get verify_mode(): number {
    return this.#verifyMode;
  }
  set verify_mode(v: number) {
    if (v === CERT_NONE && this.#checkHostname) {
      throw new ValueError("Cannot set verify_mode to CERT_NONE when check_hostname is enabled.");
    }
    if (v !== CERT_NONE && v !== CERT_OPTIONAL && v !== CERT_REQUIRED) {
      throw new ValueError("invalid value for verify_mode");
    }
    this.#verifyMode = v;
  }

  /** The PEM CA certificates loaded so far. */
  get ca_certs(): readonly string[] {
    return this.#caCerts;
  }

  /** The ALPN protocols to offer, or `null`. */
  get alpn_protocols(): readonly string[] | null {
    return this.#alpn;
  }

  /**
   * Python's `load_verify_locations(cafile=None, capath=None, cadata=None)`.
   *
   * @param cafile a PEM file, or keywords `{cafile, capath, cadata}`
   * @param capath a directory of PEM files
   * @param cadata PEM text
   */
  load_verify_locations(
    cafile?: string | null | { cafile?: string | null; capath?: string | null; cadata?: string | null },
    capath: string | null = null,
    cadata: string | null = null,
  ): void {
    if (cafile !== null && typeof cafile === "object") {
      ({ cafile = null, capath = null, cadata = null } = cafile);
    }
    if (cafile == null && capath == null && cadata == null) {
      throw new TypeError("cafile, capath and cadata cannot be all omitted");
    }
    if (cafile != null) this.#caCerts.push(...splitPem(readText(cafile as string)));
    if (capath != null) {
      for (const e of Deno.readDirSync(capath)) {
        if (!e.isFile) continue;
        try {
          this.#caCerts.push(...splitPem(Deno.readTextFileSync(`${capath}/${e.name}`)));
        } catch { /* not a certificate file */ }
      }
    }
    if (cadata != null) this.#caCerts.push(...splitPem(cadata));
  }

  /** Python's `load_default_certs()`: Deno always trusts its built-in roots, so nothing to do. */
  load_default_certs(): void {}

  /** Python's `set_alpn_protocols(protocols)`. */
  set_alpn_protocols(protocols: string[]): void {
    this.#alpn = [...protocols];
  }

  /** Deno's options for `connectTls`/`startTls` to `server_hostname`. */
  denoOptions(server_hostname: string): Deno.StartTlsOptions {
    const opts: Deno.StartTlsOptions = { hostname: server_hostname };
    if (this.#caCerts.length) opts.caCerts = [...this.#caCerts];
    if (this.#alpn) opts.alpnProtocols = [...this.#alpn];
    if (!this.#checkHostname || this.#verifyMode === CERT_NONE) {
      opts.unsafelyDisableHostnameVerification = true;
    }
    return opts;
  }

  /** `<ssl.SSLContext object>`. */
  [pyrepr](): string {
    return "<ssl.SSLContext object>";
  }
}
showAsRepr(SSLContext);

function readText(path: string): string {
  try {
    return Deno.readTextFileSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new OSError(2, "No such file or directory", path);
    throw e;
  }
}

function splitPem(text: string): string[] {
  const out: string[] = [];
  const re = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
  for (const m of text.matchAll(re)) out.push(m[0] + "\n");
  if (!out.length) throw new SSLError("[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found");
  return out;
}

/**
 * Python's `ssl.create_default_context(purpose, *, cafile=None, capath=None, cadata=None)`:
 * verify certificates and host names, trusting the built-in roots plus any CAs given.
 *
 * @param options `{cafile, capath, cadata}`
 * @returns a new {@link SSLContext}
 * @example
 * ```ts
 * import { create_default_context } from "@pyweb/std/http/client";
 * import assert from "node:assert/strict";
 * assert.equal(create_default_context().check_hostname, true);
 * ```
 */
export function create_default_context(
  options: { cafile?: string | null; capath?: string | null; cadata?: string | null } = {},
): SSLContext {
  const ctx = new SSLContext();
  if (options.cafile != null || options.capath != null || options.cadata != null) {
    ctx.load_verify_locations(options.cafile ?? null, options.capath ?? null, options.cadata ?? null);
  }
  return ctx;
}

/** Turn a context or a plain options object into an {@link SSLContext}. */
export function toContext(ctx: SSLContext | SSLContextOptions | null | undefined): SSLContext {
  if (ctx instanceof SSLContext) return ctx;
  const out = create_default_context({ cafile: ctx?.cafile, capath: ctx?.capath, cadata: ctx?.cadata });
  if (ctx?.check_hostname !== undefined) out.check_hostname = ctx.check_hostname;
  if (ctx?.verify_mode !== undefined) out.verify_mode = ctx.verify_mode;
  return out;
}

/** Map a Deno TLS failure to Python's ssl errors. */
export function tlsError(e: unknown, hostname: string): Error {
  const msg = e instanceof Error ? e.message : String(e);
  if (/NotValidForName|not valid for/i.test(msg)) {
    return new SSLCertVerificationError(
      1,
      `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for '${hostname}'.`,
    );
  }
  if (/UnknownIssuer/i.test(msg)) {
    return new SSLCertVerificationError(
      1,
      "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate",
    );
  }
  if (/certificate|cert/i.test(msg)) {
    return new SSLCertVerificationError(
      1,
      `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${msg}`,
    );
  }
  return new SSLError(1, `[SSL] ${msg}`);
}
