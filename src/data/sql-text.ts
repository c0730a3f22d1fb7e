/** Quoting for the SQL that Cairn writes for DuckDB: every name and value the user gives goes through here. */

/** A double-quoted identifier: column names may hold spaces, quotes, anything. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A single-quoted string literal. */
export function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A DuckDB list literal of strings: `['a', 'b']`. */
export function stringList(values: readonly string[]): string {
  return `[${values.map(quoteString).join(', ')}]`;
}

/** A DuckDB struct literal mapping names to type names: `{'a': 'DOUBLE'}`. */
export function typeStruct(types: ReadonlyMap<string, string>): string {
  return `{${[...types].map(([k, v]) => `${quoteString(k)}: ${quoteString(v)}`).join(', ')}}`;
}
