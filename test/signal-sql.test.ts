// Issue #10 item 2: the signal table has one owner. Every write (INSERT, UPDATE, DELETE) on `signal`
// is in src/features/signals/store.ts; reads (FROM, JOIN) are there or in src/features/signals/ (the
// work list and its counts). Anything else calls the store, so the identity and reconcile rules live in
// one place. Scans the source text; comment lines are skipped so prose about signals does not count.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.env.KOERS_SCAN_ROOT ?? path.resolve(import.meta.dirname, '..');
const STORE = 'src/features/signals/store.ts';
const READERS = 'src/features/signals/';

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

// `signal` as a table name after a SQL keyword; not signal_identity, signal.cause or a column s.signal.
const WRITE = /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+signal\b(?![_.])/gi;
const READ = /\b(FROM|JOIN)\s+signal\b(?![_.])/gi;

interface Hit {
  file: string;
  line: number;
  kind: 'write' | 'read';
  text: string;
}

function signalSql(files: readonly string[]): Hit[] {
  return files.flatMap((file) => {
    // Comment lines blanked (kept as empty lines so line numbers hold); a keyword and the table name
    // may stand on different lines of a template string.
    const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
    const code = lines.map((l) => (/^\s*(\/\/|\*|\/\*)/.test(l) ? '' : l)).join('\n');
    const lineAt = (offset: number) => code.slice(0, offset).split('\n').length;
    const found = (re: RegExp, kind: Hit['kind']) =>
      [...code.matchAll(re)].map((m): Hit => ({ file, line: lineAt(m.index), kind, text: (lines[lineAt(m.index) - 1] ?? '').trim() }));
    return [...found(WRITE, 'write'), ...found(READ, 'read')];
  });
}

describe('SQL on the signal table (one store)', () => {
  const hits = signalSql(sourceFiles('src'));
  const show = (h: Hit) => `${h.file}:${h.line}: ${h.text}`;

  it('writes only in the signal store', () => {
    expect(hits.filter((h) => h.kind === 'write' && h.file !== STORE).map(show)).toEqual([]);
  });

  it('reads only in the signals feature', () => {
    expect(hits.filter((h) => h.kind === 'read' && !h.file.startsWith(READERS)).map(show)).toEqual([]);
  });

  it('INSERT INTO signal stands in one file, the store', () => {
    expect([...new Set(hits.filter((h) => /INSERT\s+INTO\s+signal\b/i.test(h.text)).map((h) => h.file))]).toEqual([STORE]);
  });

  it('the scan sees SQL: the store itself raises, resolves, acknowledges and reads', () => {
    const inStore = hits.filter((h) => h.file === STORE).map((h) => h.text);
    for (const sql of [/INSERT INTO signal/, /UPDATE signal SET status = 'resolved'/, /UPDATE signal SET status = 'acknowledged'/, /FROM signal/]) {
      expect(inStore.some((t) => sql.test(t))).toBe(true);
    }
  });
});
