// Issue #17 (R-CON-10): what a new contract version changes against the one in force, as a list a
// contract manager can read: one line per changed value, by its path (deadlines.intake.amount: 10 → 8).
// Pure. Arrays of objects with a `code`, `product`, `provider` or `name` are matched by it, not by place,
// so a reordered list is no change and one new reason is one line.
export interface DiffLine {
  path: string;
  kind: 'changed' | 'added' | 'removed';
  before?: string;
  after?: string;
}

const KEYS = ['code', 'product', 'provider', 'name', 'kind', 'id'] as const;

function keyOf(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  for (const k of KEYS) {
    const v = (item as Record<string, unknown>)[k];
    if (typeof v === 'string' || typeof v === 'number') return `${k}=${v}`;
  }
  return undefined;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function walk(path: string, a: unknown, b: unknown, out: DiffLine[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) {
    out.push({ path, kind: 'added', after: show(b) });
    return;
  }
  if (b === undefined) {
    out.push({ path, kind: 'removed', before: show(a) });
    return;
  }
  if (isPlain(a) && isPlain(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) walk(path === '' ? k : `${path}.${k}`, a[k], b[k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const [la, lb]: [unknown[], unknown[]] = [a, b];
    const keyed = [...la, ...lb].every((x) => keyOf(x) !== undefined);
    if (keyed) {
      const byKey = (xs: unknown[]) => new Map(xs.map((x) => [keyOf(x) ?? '', x]));
      const [ma, mb] = [byKey(la), byKey(lb)];
      for (const k of [...new Set([...ma.keys(), ...mb.keys()])].sort()) walk(`${path}[${k}]`, ma.get(k), mb.get(k), out);
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, kind: 'changed', before: show(a), after: show(b) });
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, kind: 'changed', before: show(a), after: show(b) });
}

/** The changes from `before` to `after`, leaving out the fields every new version changes (its number and dates). */
export function diffVersions(before: Record<string, unknown>, after: Record<string, unknown>): DiffLine[] {
  const strip = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([k]) => !['version', 'validFrom', 'validTo'].includes(k)));
  const out: DiffLine[] = [];
  walk('', strip(before), strip(after), out);
  return out;
}
