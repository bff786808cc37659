/** How a JSON value reads in a message: "null", "a list", or its typeof ("string", "number"…). */
export const jsonKind = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value
