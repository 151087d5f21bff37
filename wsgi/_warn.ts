/**
 * The one place the wsgi modules emit a Python warning.
 *
 * Every warning of wsgiref goes through {@link showWarning}: the
 * `DeprecationWarning` of `SimpleHandler._write` (via {@link warnDeprecation})
 * and the validator's `WSGIWarning` (after its own filter). Repoint this file
 * to the root `warnings.ts` (`warn(message, category, stacklevel)`) once it
 * exists; nothing else needs to change.
 *
 * @module
 */

/**
 * Show a warning of `category` (its class name) as Python's default
 * `showwarning` does on stderr: `Category: message`.
 *
 * @param message the warning text
 * @param category the warning class's name (`"DeprecationWarning"`, `"WSGIWarning"`)
 */
export function showWarning(message: string, category: string): void {
  console.warn(`${category}: ${message}`);
}

/**
 * Python's `warnings.warn(message, DeprecationWarning)`.
 *
 * @param message the warning text
 */
export function warnDeprecation(message: string): void {
  showWarning(message, "DeprecationWarning");
}
