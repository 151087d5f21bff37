/**
 * The slice of Python's `ssl` module that `HTTPSConnection` users touch:
 * `SSLContext` (`check_hostname`, `verify_mode`, `load_verify_locations`),
 * `create_default_context()`, the `CERT_*` constants and the error
 * classes, mapped onto `Deno.connectTls` / `Deno.startTls` options.
 *
 * @module
 */

import { OSError, TypeError, ValueError } from "../_util/exceptions.ts";
import { pyrepr, showAsRepr } from "../_util/repr.ts";
import { Signature } from "../_util/signature.ts";

/** `ssl.CERT_NONE`: do not verify the peer (see docs/divergences.md: Deno still checks the chain). */
export const CERT_NONE = 0;
/** `ssl.CERT_OPTIONAL`: treated as `CERT_REQUIRED` for client connections, as in Python. */
export const CERT_OPTIONAL = 1;
/** `ssl.CERT_REQUIRED`: verify the certificate chain (the default). */
export const CERT_REQUIRED = 2;

/**
 * Python's `ssl.SSLError` (an `OSError`). A TLS failure sets `library` (`'SSL'`) and `reason`
 * (OpenSSL's reason mnemonic, e.g. `'CERTIFICATE_VERIFY_FAILED'`) as CPython's `_ssl` does; both are
 * `null` on an error built by hand.
 */
export class SSLError extends OSError {
  /** The OpenSSL library that failed (`'SSL'`), or `null`. */
  library: string | null = null;
  /** OpenSSL's reason mnemonic (`'CERTIFICATE_VERIFY_FAILED'`, `'WRONG_VERSION_NUMBER'`…), or `null`. */
  reason: string | null = null;
}
/**
 * Python's `ssl.SSLCertVerificationError`: the peer's certificate did not verify. Besides
 * `library`/`reason` it has OpenSSL's `verify_code` and `verify_message`
 * (`18`, `'self-signed certificate'`; `62`, `"Hostname mismatch, certificate is not valid for 'x'."`).
 */
export class SSLCertVerificationError extends SSLError {
  /** OpenSSL's `X509_V_ERR_*` number, or `null`. */
  verify_code: number | null = null;
  /** OpenSSL's text for `verify_code`, or `null`. */
  verify_message: string | null = null;
}

/** `ssl.Purpose`: what a default context is for. */
export const Purpose: Readonly<{ SERVER_AUTH: "SERVER_AUTH"; CLIENT_AUTH: "CLIENT_AUTH" }> = Object.freeze({
  /** Authenticate servers (a client's context). */
  SERVER_AUTH: "SERVER_AUTH",
  /** Authenticate clients (a server's context). */
  CLIENT_AUTH: "CLIENT_AUTH",
});

const SSL_CONTEXT_NEW = new Signature<{ protocol: number | null; args: unknown[]; kwargs: object }>(
  "SSLContext.__new__",
  ["self", "protocol", "*args", "**kwargs"],
  { protocol: null },
);
// C methods: CPython names them without the class in its messages.
const LOAD_VERIFY_LOCATIONS = new Signature<
  { cafile: string | null; capath: string | null; cadata: string | null }
>("load_verify_locations", ["self", "cafile", "capath", "cadata"], {
  cafile: null,
  capath: null,
  cadata: null,
});
const SET_ALPN_PROTOCOLS = new Signature<{ alpn_protocols: string[] }>(
  "SSLContext.set_alpn_protocols",
  ["self", "alpn_protocols"],
);
const LOAD_DEFAULT_CERTS = new Signature<{ purpose: unknown }>(
  "SSLContext.load_default_certs",
  ["self", "purpose"],
  { purpose: Purpose.SERVER_AUTH },
);
const CREATE_DEFAULT_CONTEXT = new Signature<
  { purpose: unknown; cafile: string | null; capath: string | null; cadata: string | null }
>("create_default_context", ["purpose", "*", "cafile", "capath", "cadata"], {
  purpose: Purpose.SERVER_AUTH,
  cafile: null,
  capath: null,
  cadata: null,
});

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

  /** Python's `SSLContext(protocol=None)`; the protocol is accepted and ignored (a TLS client). */
  constructor(protocol?: number | null);
  /** `new SSLContext({ protocol })`. */
  constructor(kwargs: { protocol?: number | null });
  constructor(...args: unknown[]) {
    SSL_CONTEXT_NEW.bind(args);
  }

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
  load_verify_locations(cafile?: string | null, capath?: string | null, cadata?: string | null): void;
  /** `load_verify_locations({ cafile, capath, cadata })`, keywords after any positional ones. */
  load_verify_locations(
    ...args: [
      ...(string | null)[],
      { cafile?: string | null; capath?: string | null; cadata?: string | null },
    ]
  ): void;
  load_verify_locations(...args: unknown[]): void {
    const { cafile, capath, cadata } = LOAD_VERIFY_LOCATIONS.bind(args);
    this._load_verify_locations(cafile, capath, cadata);
  }

  /** `load_verify_locations` after binding. */
  _load_verify_locations(cafile: string | null, capath: string | null, cadata: string | null): void {
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

  /** Python's `load_default_certs(purpose=Purpose.SERVER_AUTH)`: Deno always trusts its built-in roots. */
  load_default_certs(purpose?: unknown): void;
  /** `load_default_certs({ purpose })`. */
  load_default_certs(kwargs: { purpose?: unknown }): void;
  load_default_certs(...args: unknown[]): void {
    LOAD_DEFAULT_CERTS.bind(args);
  }

  /** Python's `set_alpn_protocols(alpn_protocols)`. */
  set_alpn_protocols(alpn_protocols: string[]): void;
  /** `set_alpn_protocols({ alpn_protocols })`. */
  set_alpn_protocols(kwargs: { alpn_protocols: string[] }): void;
  set_alpn_protocols(...args: unknown[]): void {
    const { alpn_protocols } = SET_ALPN_PROTOCOLS.bind(args);
    this.#alpn = [...alpn_protocols];
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
  options?: { purpose?: unknown; cafile?: string | null; capath?: string | null; cadata?: string | null },
): SSLContext;
/** `create_default_context(purpose, { cafile, capath, cadata })`. */
export function create_default_context(
  purpose: unknown,
  options?: { cafile?: string | null; capath?: string | null; cadata?: string | null },
): SSLContext;
export function create_default_context(...args: unknown[]): SSLContext {
  const { cafile, capath, cadata } = CREATE_DEFAULT_CONTEXT.bind(args);
  return defaultContext(cafile, capath, cadata);
}

function defaultContext(cafile: string | null, capath: string | null, cadata: string | null): SSLContext {
  const ctx = new SSLContext();
  if (cafile != null || capath != null || cadata != null) ctx._load_verify_locations(cafile, capath, cadata);
  return ctx;
}

/** Turn a context or a plain options object into an {@link SSLContext}. */
export function toContext(ctx: SSLContext | SSLContextOptions | null | undefined): SSLContext {
  if (ctx instanceof SSLContext) return ctx;
  const out = defaultContext(ctx?.cafile ?? null, ctx?.capath ?? null, ctx?.cadata ?? null);
  if (ctx?.check_hostname !== undefined) out.check_hostname = ctx.check_hostname;
  if (ctx?.verify_mode !== undefined) out.verify_mode = ctx.verify_mode;
  return out;
}

/** A certificate-verification error as OpenSSL reports it through CPython's `_ssl`. */
function verifyError(code: number, message: string): SSLCertVerificationError {
  const e = new SSLCertVerificationError(
    1,
    `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${message}`,
  );
  e.library = "SSL";
  e.reason = "CERTIFICATE_VERIFY_FAILED";
  e.verify_code = code;
  e.verify_message = message;
  return e;
}

const IP_ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)$/;

/**
 * Map a Deno TLS failure to Python's ssl errors, with OpenSSL's `verify_code` and `verify_message`
 * for the certificate failures rustls names (`X509_V_ERR_*` numbers).
 */
export function tlsError(e: unknown, hostname: string): Error {
  const msg = e instanceof Error ? e.message : String(e);
  if (/NotValidForName|not valid for/i.test(msg)) {
    return IP_ADDRESS.test(hostname)
      ? verifyError(64, `IP address mismatch, certificate is not valid for '${hostname}'.`)
      : verifyError(62, `Hostname mismatch, certificate is not valid for '${hostname}'.`);
  }
  if (/UnknownIssuer/i.test(msg)) return verifyError(20, "unable to get local issuer certificate");
  if (/CaUsedAsEndEntity|SelfSigned/i.test(msg)) return verifyError(18, "self-signed certificate");
  if (/Expired/i.test(msg)) return verifyError(10, "certificate has expired");
  if (/NotValidYet/i.test(msg)) return verifyError(9, "certificate is not yet valid");
  if (/Revoked/i.test(msg)) return verifyError(23, "certificate revoked");
  if (/certificate|cert/i.test(msg)) return verifyError(1, msg);
  return new SSLError(1, `[SSL] ${msg}`);
}
