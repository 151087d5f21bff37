/**
 * Host-name lookups for urllib.request's `thishost()` and `localhost()`:
 * `socket.gethostbyname_ex()` as glibc answers it with `hosts: files dns`
 * (the hosts file first, then DNS).
 *
 * @module
 */

import { gaierror } from "../_util/exceptions.ts";

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

function hostsFile(): string {
  try {
    return Deno.readTextFileSync("/etc/hosts");
  } catch {
    return "";
  }
}

/**
 * The IPv4 addresses of `name` (the third item of Python's `gethostbyname_ex`).
 * @param name a host name
 * @returns the addresses, hosts-file entries first
 * @throws {gaierror} when the name does not resolve
 */
export async function addressesOf(name: string): Promise<string[]> {
  const want = name.toLowerCase();
  const out: string[] = [];
  for (const raw of hostsFile().split("\n")) {
    const fields = raw.replace(/#.*/, "").trim().split(/\s+/);
    if (fields.length < 2 || !IPV4.test(fields[0])) continue;
    if (fields.slice(1).some((n) => n.toLowerCase() === want) && !out.includes(fields[0])) {
      out.push(fields[0]);
    }
  }
  if (out.length) return out;
  if (IPV4.test(name)) return [name];
  try {
    const found = await Deno.resolveDns(name, "A");
    if (found.length) return found;
  } catch {
    // reported below as Python does
  }
  throw new gaierror(-2, "Name or service not known");
}

/**
 * This machine's host name (`socket.gethostname()`), or `null` when Deno may not read it.
 * @returns the host name
 */
export function hostname(): string | null {
  try {
    return Deno.hostname();
  } catch {
    return null;
  }
}
