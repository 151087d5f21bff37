/**
 * The one `BytesIO` of the library lives in `io.ts`; this module re-exports
 * it for the modules that imported it from here (cgi, wsgi).
 *
 * @module
 */

export { BytesIO } from "../io.ts";
