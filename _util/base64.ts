/**
 * Python's `base64.decodebytes` and `binascii.Error`, shared by
 * urllib.request (`data:` URLs) and http.server (CGI `REMOTE_USER`).
 *
 * @module
 */

import { Bytes } from "./bytes.ts";
import { ValueError } from "./exceptions.ts";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Python's `base64.decodebytes` (non-strict `binascii.a2b_base64`). */
export function decodeBase64(data: Uint8Array): Bytes {
  const out: number[] = [];
  let acc = 0, bits = 0, quad = 0, pads = 0;
  for (const c of data) {
    if (c === 61) {
      // '=': padding; it ends the data once the quad is complete enough
      if (quad >= 2 && quad + ++pads >= 4) {
        quad = 0;
        break;
      }
      continue;
    }
    const v = B64.indexOf(String.fromCharCode(c));
    if (v < 0) continue;
    pads = 0;
    acc = (acc << 6) | v;
    bits += 6;
    quad = (quad + 1) % 4;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  if (quad === 1) {
    throw new BinasciiError(
      `Invalid base64-encoded string: number of data characters (${
        Math.floor(out.length / 3) * 4 + 1
      }) cannot be 1 more than a multiple of 4`,
    );
  }
  if (quad !== 0) throw new BinasciiError("Incorrect padding");
  return new Bytes(out);
}

/** Python's `binascii.Error` (a `ValueError`). */
export class BinasciiError extends ValueError {
  /** Python's `name`. */
  override name = "Error";
}
