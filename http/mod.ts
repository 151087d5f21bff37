/**
 * Python's `http` package: the {@link HTTPStatus} and {@link HTTPMethod}
 * enums, with CPython 3.14's phrases and descriptions.
 *
 * ```python
 * from http import HTTPStatus
 * HTTPStatus.NOT_FOUND.phrase          # 'Not Found'
 * HTTPStatus(404) is HTTPStatus.NOT_FOUND
 * ```
 *
 * ```ts
 * import { HTTPStatus } from "@pyweb/std/http";
 * HTTPStatus.NOT_FOUND.phrase;         // "Not Found"
 * HTTPStatus(404) === HTTPStatus.NOT_FOUND;
 * ```
 *
 * Members are objects that behave as numbers (`HTTPStatus.OK == 200`,
 * `HTTPStatus.OK + 1`, `HTTPStatus.OK < 300`); compare them with numbers
 * using `==` (as Python's `==`) or `.value`, since `===` compares identity.
 *
 * @module
 */

import { KeyError, ValueError } from "../_util/exceptions.ts";
import { pyrepr, pystr, repr, showAsRepr } from "../_util/repr.ts";

const STATUS_TABLE: readonly (readonly [string, number, string?, string?])[] = [
  ["CONTINUE", 100, "Continue", "Request received, please continue"],
  ["SWITCHING_PROTOCOLS", 101, "Switching Protocols", "Switching to new protocol; obey Upgrade header"],
  ["PROCESSING", 102, "Processing", "Server is processing the request"],
  ["EARLY_HINTS", 103, "Early Hints", "Headers sent to prepare for the response"],
  ["OK", 200, "OK", "Request fulfilled, document follows"],
  ["CREATED", 201, "Created", "Document created, URL follows"],
  ["ACCEPTED", 202, "Accepted", "Request accepted, processing continues off-line"],
  ["NON_AUTHORITATIVE_INFORMATION", 203, "Non-Authoritative Information", "Request fulfilled from cache"],
  ["NO_CONTENT", 204, "No Content", "Request fulfilled, nothing follows"],
  ["RESET_CONTENT", 205, "Reset Content", "Clear input form for further input"],
  ["PARTIAL_CONTENT", 206, "Partial Content", "Partial content follows"],
  ["MULTI_STATUS", 207, "Multi-Status", "Response contains multiple statuses in the body"],
  ["ALREADY_REPORTED", 208, "Already Reported", "Operation has already been reported"],
  ["IM_USED", 226, "IM Used", "Request completed using instance manipulations"],
  ["MULTIPLE_CHOICES", 300, "Multiple Choices", "Object has several resources -- see URI list"],
  ["MOVED_PERMANENTLY", 301, "Moved Permanently", "Object moved permanently -- see URI list"],
  ["FOUND", 302, "Found", "Object moved temporarily -- see URI list"],
  ["SEE_OTHER", 303, "See Other", "Object moved -- see Method and URL list"],
  ["NOT_MODIFIED", 304, "Not Modified", "Document has not changed since given time"],
  ["USE_PROXY", 305, "Use Proxy", "You must use proxy specified in Location to access this resource"],
  ["TEMPORARY_REDIRECT", 307, "Temporary Redirect", "Object moved temporarily -- see URI list"],
  ["PERMANENT_REDIRECT", 308, "Permanent Redirect", "Object moved permanently -- see URI list"],
  ["BAD_REQUEST", 400, "Bad Request", "Bad request syntax or unsupported method"],
  ["UNAUTHORIZED", 401, "Unauthorized", "No permission -- see authorization schemes"],
  ["PAYMENT_REQUIRED", 402, "Payment Required", "No payment -- see charging schemes"],
  ["FORBIDDEN", 403, "Forbidden", "Request forbidden -- authorization will not help"],
  ["NOT_FOUND", 404, "Not Found", "Nothing matches the given URI"],
  ["METHOD_NOT_ALLOWED", 405, "Method Not Allowed", "Specified method is invalid for this resource"],
  ["NOT_ACCEPTABLE", 406, "Not Acceptable", "URI not available in preferred format"],
  [
    "PROXY_AUTHENTICATION_REQUIRED",
    407,
    "Proxy Authentication Required",
    "You must authenticate with this proxy before proceeding",
  ],
  ["REQUEST_TIMEOUT", 408, "Request Timeout", "Request timed out; try again later"],
  ["CONFLICT", 409, "Conflict", "Request conflict"],
  ["GONE", 410, "Gone", "URI no longer exists and has been permanently removed"],
  ["LENGTH_REQUIRED", 411, "Length Required", "Client must specify Content-Length"],
  ["PRECONDITION_FAILED", 412, "Precondition Failed", "Precondition in headers is false"],
  ["CONTENT_TOO_LARGE", 413, "Content Too Large", "Content is too large"],
  ["REQUEST_ENTITY_TOO_LARGE", 413],
  ["URI_TOO_LONG", 414, "URI Too Long", "URI is too long"],
  ["REQUEST_URI_TOO_LONG", 414],
  ["UNSUPPORTED_MEDIA_TYPE", 415, "Unsupported Media Type", "Entity body in unsupported format"],
  ["RANGE_NOT_SATISFIABLE", 416, "Range Not Satisfiable", "Cannot satisfy request range"],
  ["REQUESTED_RANGE_NOT_SATISFIABLE", 416],
  ["EXPECTATION_FAILED", 417, "Expectation Failed", "Expect condition could not be satisfied"],
  ["IM_A_TEAPOT", 418, "I'm a Teapot", "Server refuses to brew coffee because it is a teapot"],
  ["MISDIRECTED_REQUEST", 421, "Misdirected Request", "Server is not able to produce a response"],
  [
    "UNPROCESSABLE_CONTENT",
    422,
    "Unprocessable Content",
    "Server is not able to process the contained instructions",
  ],
  ["UNPROCESSABLE_ENTITY", 422],
  ["LOCKED", 423, "Locked", "Resource of a method is locked"],
  ["FAILED_DEPENDENCY", 424, "Failed Dependency", "Dependent action of the request failed"],
  ["TOO_EARLY", 425, "Too Early", "Server refuses to process a request that might be replayed"],
  [
    "UPGRADE_REQUIRED",
    426,
    "Upgrade Required",
    "Server refuses to perform the request using the current protocol",
  ],
  [
    "PRECONDITION_REQUIRED",
    428,
    "Precondition Required",
    "The origin server requires the request to be conditional",
  ],
  [
    "TOO_MANY_REQUESTS",
    429,
    "Too Many Requests",
    'The user has sent too many requests in a given amount of time ("rate limiting")',
  ],
  [
    "REQUEST_HEADER_FIELDS_TOO_LARGE",
    431,
    "Request Header Fields Too Large",
    "The server is unwilling to process the request because its header fields are too large",
  ],
  [
    "UNAVAILABLE_FOR_LEGAL_REASONS",
    451,
    "Unavailable For Legal Reasons",
    "The server is denying access to the resource as a consequence of a legal demand",
  ],
  ["INTERNAL_SERVER_ERROR", 500, "Internal Server Error", "Server got itself in trouble"],
  ["NOT_IMPLEMENTED", 501, "Not Implemented", "Server does not support this operation"],
  ["BAD_GATEWAY", 502, "Bad Gateway", "Invalid responses from another server/proxy"],
  [
    "SERVICE_UNAVAILABLE",
    503,
    "Service Unavailable",
    "The server cannot process the request due to a high load",
  ],
  ["GATEWAY_TIMEOUT", 504, "Gateway Timeout", "The gateway server did not receive a timely response"],
  ["HTTP_VERSION_NOT_SUPPORTED", 505, "HTTP Version Not Supported", "Cannot fulfill request"],
  ["VARIANT_ALSO_NEGOTIATES", 506, "Variant Also Negotiates", "Server has an internal configuration error"],
  ["INSUFFICIENT_STORAGE", 507, "Insufficient Storage", "Server is not able to store the representation"],
  ["LOOP_DETECTED", 508, "Loop Detected", "Server encountered an infinite loop while processing a request"],
  ["NOT_EXTENDED", 510, "Not Extended", "Request does not meet the resource access policy"],
  [
    "NETWORK_AUTHENTICATION_REQUIRED",
    511,
    "Network Authentication Required",
    "The client needs to authenticate to gain network access",
  ],
];

/** The members of {@link HTTPStatus}, as properties of the enum object. */
export interface HTTPStatusMembers {
  /** `100 Continue`. */
  readonly CONTINUE: HTTPStatus;
  /** `101 Switching Protocols`. */
  readonly SWITCHING_PROTOCOLS: HTTPStatus;
  /** `102 Processing`. */
  readonly PROCESSING: HTTPStatus;
  /** `103 Early Hints`. */
  readonly EARLY_HINTS: HTTPStatus;
  /** `200 OK`. */
  readonly OK: HTTPStatus;
  /** `201 Created`. */
  readonly CREATED: HTTPStatus;
  /** `202 Accepted`. */
  readonly ACCEPTED: HTTPStatus;
  /** `203 Non-Authoritative Information`. */
  readonly NON_AUTHORITATIVE_INFORMATION: HTTPStatus;
  /** `204 No Content`. */
  readonly NO_CONTENT: HTTPStatus;
  /** `205 Reset Content`. */
  readonly RESET_CONTENT: HTTPStatus;
  /** `206 Partial Content`. */
  readonly PARTIAL_CONTENT: HTTPStatus;
  /** `207 Multi-Status`. */
  readonly MULTI_STATUS: HTTPStatus;
  /** `208 Already Reported`. */
  readonly ALREADY_REPORTED: HTTPStatus;
  /** `226 IM Used`. */
  readonly IM_USED: HTTPStatus;
  /** `300 Multiple Choices`. */
  readonly MULTIPLE_CHOICES: HTTPStatus;
  /** `301 Moved Permanently`. */
  readonly MOVED_PERMANENTLY: HTTPStatus;
  /** `302 Found`. */
  readonly FOUND: HTTPStatus;
  /** `303 See Other`. */
  readonly SEE_OTHER: HTTPStatus;
  /** `304 Not Modified`. */
  readonly NOT_MODIFIED: HTTPStatus;
  /** `305 Use Proxy`. */
  readonly USE_PROXY: HTTPStatus;
  /** `307 Temporary Redirect`. */
  readonly TEMPORARY_REDIRECT: HTTPStatus;
  /** `308 Permanent Redirect`. */
  readonly PERMANENT_REDIRECT: HTTPStatus;
  /** `400 Bad Request`. */
  readonly BAD_REQUEST: HTTPStatus;
  /** `401 Unauthorized`. */
  readonly UNAUTHORIZED: HTTPStatus;
  /** `402 Payment Required`. */
  readonly PAYMENT_REQUIRED: HTTPStatus;
  /** `403 Forbidden`. */
  readonly FORBIDDEN: HTTPStatus;
  /** `404 Not Found`. */
  readonly NOT_FOUND: HTTPStatus;
  /** `405 Method Not Allowed`. */
  readonly METHOD_NOT_ALLOWED: HTTPStatus;
  /** `406 Not Acceptable`. */
  readonly NOT_ACCEPTABLE: HTTPStatus;
  /** `407 Proxy Authentication Required`. */
  readonly PROXY_AUTHENTICATION_REQUIRED: HTTPStatus;
  /** `408 Request Timeout`. */
  readonly REQUEST_TIMEOUT: HTTPStatus;
  /** `409 Conflict`. */
  readonly CONFLICT: HTTPStatus;
  /** `410 Gone`. */
  readonly GONE: HTTPStatus;
  /** `411 Length Required`. */
  readonly LENGTH_REQUIRED: HTTPStatus;
  /** `412 Precondition Failed`. */
  readonly PRECONDITION_FAILED: HTTPStatus;
  /** `413 Content Too Large`. */
  readonly CONTENT_TOO_LARGE: HTTPStatus;
  /** `413 Content Too Large` (alias of `CONTENT_TOO_LARGE`). */
  readonly REQUEST_ENTITY_TOO_LARGE: HTTPStatus;
  /** `414 URI Too Long`. */
  readonly URI_TOO_LONG: HTTPStatus;
  /** `414 URI Too Long` (alias of `URI_TOO_LONG`). */
  readonly REQUEST_URI_TOO_LONG: HTTPStatus;
  /** `415 Unsupported Media Type`. */
  readonly UNSUPPORTED_MEDIA_TYPE: HTTPStatus;
  /** `416 Range Not Satisfiable`. */
  readonly RANGE_NOT_SATISFIABLE: HTTPStatus;
  /** `416 Range Not Satisfiable` (alias of `RANGE_NOT_SATISFIABLE`). */
  readonly REQUESTED_RANGE_NOT_SATISFIABLE: HTTPStatus;
  /** `417 Expectation Failed`. */
  readonly EXPECTATION_FAILED: HTTPStatus;
  /** `418 I'm a Teapot`. */
  readonly IM_A_TEAPOT: HTTPStatus;
  /** `421 Misdirected Request`. */
  readonly MISDIRECTED_REQUEST: HTTPStatus;
  /** `422 Unprocessable Content`. */
  readonly UNPROCESSABLE_CONTENT: HTTPStatus;
  /** `422 Unprocessable Content` (alias of `UNPROCESSABLE_CONTENT`). */
  readonly UNPROCESSABLE_ENTITY: HTTPStatus;
  /** `423 Locked`. */
  readonly LOCKED: HTTPStatus;
  /** `424 Failed Dependency`. */
  readonly FAILED_DEPENDENCY: HTTPStatus;
  /** `425 Too Early`. */
  readonly TOO_EARLY: HTTPStatus;
  /** `426 Upgrade Required`. */
  readonly UPGRADE_REQUIRED: HTTPStatus;
  /** `428 Precondition Required`. */
  readonly PRECONDITION_REQUIRED: HTTPStatus;
  /** `429 Too Many Requests`. */
  readonly TOO_MANY_REQUESTS: HTTPStatus;
  /** `431 Request Header Fields Too Large`. */
  readonly REQUEST_HEADER_FIELDS_TOO_LARGE: HTTPStatus;
  /** `451 Unavailable For Legal Reasons`. */
  readonly UNAVAILABLE_FOR_LEGAL_REASONS: HTTPStatus;
  /** `500 Internal Server Error`. */
  readonly INTERNAL_SERVER_ERROR: HTTPStatus;
  /** `501 Not Implemented`. */
  readonly NOT_IMPLEMENTED: HTTPStatus;
  /** `502 Bad Gateway`. */
  readonly BAD_GATEWAY: HTTPStatus;
  /** `503 Service Unavailable`. */
  readonly SERVICE_UNAVAILABLE: HTTPStatus;
  /** `504 Gateway Timeout`. */
  readonly GATEWAY_TIMEOUT: HTTPStatus;
  /** `505 HTTP Version Not Supported`. */
  readonly HTTP_VERSION_NOT_SUPPORTED: HTTPStatus;
  /** `506 Variant Also Negotiates`. */
  readonly VARIANT_ALSO_NEGOTIATES: HTTPStatus;
  /** `507 Insufficient Storage`. */
  readonly INSUFFICIENT_STORAGE: HTTPStatus;
  /** `508 Loop Detected`. */
  readonly LOOP_DETECTED: HTTPStatus;
  /** `510 Not Extended`. */
  readonly NOT_EXTENDED: HTTPStatus;
  /** `511 Network Authentication Required`. */
  readonly NETWORK_AUTHENTICATION_REQUIRED: HTTPStatus;
}

const METHOD_TABLE: readonly (readonly [string, string])[] = [
  ["CONNECT", "Establish a connection to the server."],
  ["DELETE", "Remove the target."],
  ["GET", "Retrieve the target."],
  ["HEAD", "Same as GET, but only retrieve the status line and header section."],
  ["OPTIONS", "Describe the communication options for the target."],
  ["PATCH", "Apply partial modifications to a target."],
  ["POST", "Perform target-specific processing with the request payload."],
  ["PUT", "Replace the target with the request payload."],
  ["TRACE", "Perform a message loop-back test along the path to the target."],
];

/** The members of {@link HTTPMethod}. */
export interface HTTPMethodMembers {
  /** `CONNECT`: Establish a connection to the server. */
  readonly CONNECT: HTTPMethod;
  /** `DELETE`: Remove the target. */
  readonly DELETE: HTTPMethod;
  /** `GET`: Retrieve the target. */
  readonly GET: HTTPMethod;
  /** `HEAD`: Same as GET, but only retrieve the status line and header section. */
  readonly HEAD: HTTPMethod;
  /** `OPTIONS`: Describe the communication options for the target. */
  readonly OPTIONS: HTTPMethod;
  /** `PATCH`: Apply partial modifications to a target. */
  readonly PATCH: HTTPMethod;
  /** `POST`: Perform target-specific processing with the request payload. */
  readonly POST: HTTPMethod;
  /** `PUT`: Replace the target with the request payload. */
  readonly PUT: HTTPMethod;
  /** `TRACE`: Perform a message loop-back test along the path to the target. */
  readonly TRACE: HTTPMethod;
}

/** What every {@link HTTPStatus} member carries besides its number. */
export interface HTTPStatusInfo {
  /** The status code, e.g. `200` (Python's `.value`). */
  readonly value: number;
  /** The canonical member name, e.g. `"OK"`. */
  readonly name: string;
  /** The reason phrase, e.g. `"OK"`. */
  readonly phrase: string;
  /** The long description, e.g. `"Request fulfilled, document follows"`. */
  readonly description: string;
  /** True for 100–199. */
  readonly is_informational: boolean;
  /** True for 200–299. */
  readonly is_success: boolean;
  /** True for 300–399. */
  readonly is_redirection: boolean;
  /** True for 400–499. */
  readonly is_client_error: boolean;
  /** True for 500–599. */
  readonly is_server_error: boolean;
  /** The number, so members work in arithmetic and `==` comparisons. */
  valueOf(): number;
  /** Python 3.14's `str(member)`: the number as text, e.g. `"200"`. */
  toString(): string;
  /** JSON gives the number, as `json.dumps` does for an `IntEnum`. */
  toJSON(): number;
}

/**
 * A member of Python's `http.HTTPStatus` (an `IntEnum`): typed as a number
 * so arithmetic and comparisons compile, with Python's attributes on top.
 */
export type HTTPStatus = number & HTTPStatusInfo;

class StatusMember implements HTTPStatusInfo {
  readonly value: number;
  readonly name: string;
  readonly phrase: string;
  readonly description: string;
  constructor(name: string, value: number, phrase: string, description: string) {
    this.name = name;
    this.value = value;
    this.phrase = phrase;
    this.description = description;
    Object.freeze(this);
  }
  get is_informational(): boolean {
    return this.value >= 100 && this.value <= 199;
  }
  get is_success(): boolean {
    return this.value >= 200 && this.value <= 299;
  }
  get is_redirection(): boolean {
    return this.value >= 300 && this.value <= 399;
  }
  get is_client_error(): boolean {
    return this.value >= 400 && this.value <= 499;
  }
  get is_server_error(): boolean {
    return this.value >= 500 && this.value <= 599;
  }
  valueOf(): number {
    return this.value;
  }
  /** IntEnum's `==`: a member equals its int value (`HTTPStatus.OK == 200`). */
  __eq__(other: unknown): boolean {
    return typeof other === "number" ? other === this.value : other === this;
  }
  toString(): string {
    return String(this.value);
  }
  toJSON(): number {
    return this.value;
  }
  [Symbol.toPrimitive](hint: string): number | string {
    return hint === "string" ? String(this.value) : this.value;
  }
  [pyrepr](): string {
    return `<HTTPStatus.${this.name}: ${this.value}>`;
  }
  [pystr](): string {
    return String(this.value);
  }
}
showAsRepr(StatusMember);

/**
 * The `HTTPStatus` enum object: call it with a code to look a member up,
 * read members as properties, iterate over the canonical members.
 */
export interface HTTPStatusEnum extends HTTPStatusMembers {
  /** Python's `HTTPStatus(value)`: the member for a code; `ValueError` if none. */
  (value: number | HTTPStatusInfo): HTTPStatus;
  /** The same lookup as calling the enum: `HTTPStatus.from(404)`. */
  from(value: number | HTTPStatusInfo): HTTPStatus;
  /** Python's `HTTPStatus['NOT_FOUND']`: a member (or alias) by name; `KeyError` if none. */
  __getitem__(name: string): HTTPStatus;
  /** Python's `HTTPStatus.__members__`: every name, aliases included, in definition order. */
  readonly __members__: ReadonlyMap<string, HTTPStatus>;
  /** Python's `len(HTTPStatus)`: the number of canonical members (62). */
  readonly length: number;
  /** Python's `list(HTTPStatus)`: the canonical members in definition order. */
  [Symbol.iterator](): Iterator<HTTPStatus>;
}

function buildStatus(): HTTPStatusEnum {
  const byValue = new Map<number, HTTPStatus>();
  const members = new Map<string, HTTPStatus>();
  const canonical: HTTPStatus[] = [];
  for (const [name, value, phrase, description] of STATUS_TABLE) {
    if (phrase === undefined) {
      members.set(name, byValue.get(value)!);
      continue;
    }
    const m = new StatusMember(name, value, phrase, description ?? "") as unknown as HTTPStatus;
    byValue.set(value, m);
    members.set(name, m);
    canonical.push(m);
  }
  const lookup = (value: number | HTTPStatusInfo): HTTPStatus => {
    if (value instanceof StatusMember) return value as unknown as HTTPStatus;
    const m = typeof value === "number" ? byValue.get(value) : undefined;
    if (m === undefined) throw new ValueError(`${repr(value)} is not a valid HTTPStatus`);
    return m;
  };
  const props: PropertyDescriptorMap = {
    from: { value: lookup },
    __getitem__: {
      value: (name: string): HTTPStatus => {
        const m = members.get(name);
        if (m === undefined) throw new KeyError(name);
        return m;
      },
    },
    __members__: { value: members },
    length: { value: canonical.length },
    name: { value: "HTTPStatus" },
    [Symbol.iterator]: { value: () => canonical[Symbol.iterator]() },
    [Symbol.hasInstance]: { value: (v: unknown) => v instanceof StatusMember },
  };
  for (const [name, m] of members) props[name] = { value: m, enumerable: true };
  const fn = function HTTPStatus(value: number | HTTPStatusInfo): HTTPStatus {
    return lookup(value);
  };
  Object.defineProperties(fn, props);
  return fn as unknown as HTTPStatusEnum;
}

/**
 * Python's `http.HTTPStatus`: HTTP status codes with their reason phrases
 * and descriptions (CPython 3.14's table, aliases included).
 *
 * @example
 * ```ts
 * import { HTTPStatus } from "@pyweb/std/http";
 * import { repr } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.equal(HTTPStatus.OK.phrase, "OK");
 * assert.equal(HTTPStatus(404), HTTPStatus.NOT_FOUND);
 * assert.equal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, HTTPStatus.CONTENT_TOO_LARGE);
 * assert.equal(repr(HTTPStatus.OK), "<HTTPStatus.OK: 200>");
 * assert.equal(String(HTTPStatus.OK), "200");
 * assert.ok(HTTPStatus.OK == 200 && HTTPStatus.OK.is_success);
 * assert.equal(HTTPStatus.NOT_FOUND + 1, 405);
 * ```
 */
export const HTTPStatus: HTTPStatusEnum = buildStatus();

/** What every {@link HTTPMethod} member carries besides its string value. */
export interface HTTPMethodInfo {
  /** The method, e.g. `"GET"` (Python's `.value`). */
  readonly value: string;
  /** The member name (the same as the value). */
  readonly name: string;
  /** The description, e.g. `"Retrieve the target."`. */
  readonly description: string;
  /** The method text, so members work where strings do (`==`, template strings). */
  valueOf(): string;
  /** Python's `str(member)`: the method, e.g. `"GET"`. */
  toString(): string;
  /** JSON gives the string. */
  toJSON(): string;
}

/** A member of Python's `http.HTTPMethod` (a `StrEnum`): typed as a string with Python's attributes. */
export type HTTPMethod = string & HTTPMethodInfo;

class MethodMember implements HTTPMethodInfo {
  readonly value: string;
  readonly name: string;
  readonly description: string;
  constructor(name: string, description: string) {
    this.name = this.value = name;
    this.description = description;
    Object.freeze(this);
  }
  valueOf(): string {
    return this.value;
  }
  toString(): string {
    return this.value;
  }
  toJSON(): string {
    return this.value;
  }
  [Symbol.toPrimitive](): string {
    return this.value;
  }
  [pyrepr](): string {
    return `<HTTPMethod.${this.name}>`;
  }
  [pystr](): string {
    return this.value;
  }
}
showAsRepr(MethodMember);

/** The `HTTPMethod` enum object: call it with a method name, read members as properties, iterate. */
export interface HTTPMethodEnum extends HTTPMethodMembers {
  /** Python's `HTTPMethod(value)`: the member for a method; `ValueError` if none. */
  (value: string | HTTPMethodInfo): HTTPMethod;
  /** The same lookup as calling the enum. */
  from(value: string | HTTPMethodInfo): HTTPMethod;
  /** Python's `HTTPMethod['GET']`; `KeyError` if none. */
  __getitem__(name: string): HTTPMethod;
  /** Python's `HTTPMethod.__members__`. */
  readonly __members__: ReadonlyMap<string, HTTPMethod>;
  /** Python's `len(HTTPMethod)` (9). */
  readonly length: number;
  /** Python's `list(HTTPMethod)`. */
  [Symbol.iterator](): Iterator<HTTPMethod>;
}

function buildMethod(): HTTPMethodEnum {
  const members = new Map<string, HTTPMethod>();
  for (const [name, description] of METHOD_TABLE) {
    members.set(name, new MethodMember(name, description) as unknown as HTTPMethod);
  }
  const lookup = (value: string | HTTPMethodInfo): HTTPMethod => {
    if (value instanceof MethodMember) return value as unknown as HTTPMethod;
    const m = typeof value === "string" ? members.get(value) : undefined;
    if (m === undefined) throw new ValueError(`${repr(value)} is not a valid HTTPMethod`);
    return m;
  };
  const props: PropertyDescriptorMap = {
    from: { value: lookup },
    __getitem__: {
      value: (name: string): HTTPMethod => {
        const m = members.get(name);
        if (m === undefined) throw new KeyError(name);
        return m;
      },
    },
    __members__: { value: members },
    length: { value: members.size },
    name: { value: "HTTPMethod" },
    [Symbol.iterator]: { value: () => members.values() },
    [Symbol.hasInstance]: { value: (v: unknown) => v instanceof MethodMember },
  };
  for (const [name, m] of members) props[name] = { value: m, enumerable: true };
  const fn = function HTTPMethod(value: string | HTTPMethodInfo): HTTPMethod {
    return lookup(value);
  };
  Object.defineProperties(fn, props);
  return fn as unknown as HTTPMethodEnum;
}

/**
 * Python's `http.HTTPMethod`: the HTTP methods with their descriptions.
 *
 * @example
 * ```ts
 * import { HTTPMethod } from "@pyweb/std/http";
 * import { repr } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.equal(repr(HTTPMethod.GET), "<HTTPMethod.GET>");
 * assert.equal(HTTPMethod.GET.description, "Retrieve the target.");
 * assert.ok(HTTPMethod.GET == "GET");
 * assert.equal(HTTPMethod("POST"), HTTPMethod.POST);
 * ```
 */
export const HTTPMethod: HTTPMethodEnum = buildMethod();
