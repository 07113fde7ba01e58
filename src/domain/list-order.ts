// The order of a server-side list (the shared list features): by one key, numbers as numbers and text in
// Dutch collation, descending for a sort named '-key', and ties by a unique key so a page never repeats a row.
export function orderBy<T>(sort: string, value: (row: T, key: string) => string | number, tie: (row: T) => string): (a: T, b: T) => number {
  const key = sort.replace(/^-/, '');
  const sign = sort.startsWith('-') ? -1 : 1;
  return (a, b) => {
    const x = value(a, key);
    const y = value(b, key);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'nl');
    return sign * order || tie(a).localeCompare(tie(b));
  };
}
