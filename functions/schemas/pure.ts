/**
 * Builds a schema at module load, inside a call the bundler may drop. Written
 * `export const X = /* @__PURE__ *\/ schema(() => z....)`, a declaration nothing in a bundle uses
 * is left out of it, so a handler builds only the request schemas its own code validates, not
 * every one its area's module declares (a bare zod call is never dropped: zod's methods are not
 * marked free of side effects). Used ones are built at load, as before; nothing is deferred.
 */
export const schema = <T>(build: () => T): T => build();
