// The text a reader of a PDF made by pdfmake sees, for tests (test/documents.int.test.ts and the
// invoice PDF tests).
import { inflateSync } from 'node:zlib';

/**
 * The text a reader of the PDF sees. pdfkit writes text as glyph ids of an embedded font subset, so a
 * byte search finds no name and no BSN either way: decode every text operator through its font's
 * ToUnicode map (or as single bytes for a standard font without one).
 */
export function pdfText(bytes: Buffer): string {
  return `${bytes.toString('latin1')}\n${pdfGlyphText(bytes)}`;
}

/** Only the decoded text operators: what is printed on the pages (no object numbers or offsets). */
export function pdfGlyphText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const objects = new Map<string, { dict: string; data: string | undefined }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\b/g)) {
    const from = m.index;
    const to = raw.indexOf('endobj', from);
    const body = raw.slice(from, to);
    const s = /stream\r?\n/.exec(body);
    let data: string | undefined;
    if (s !== null) {
      const streamBytes = bytes.subarray(from + s.index + s[0].length, raw.lastIndexOf('endstream', to));
      try {
        data = inflateSync(streamBytes).toString('latin1');
      } catch {
        data = streamBytes.toString('latin1');
      }
    }
    objects.set(m[1] ?? '', { dict: s === null ? body : body.slice(0, s.index), data });
  }
  const maps = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const f of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(objects.get(f[2] ?? '')?.dict ?? '')?.[1];
      const cmap = objects.get(cmapRef ?? '')?.data ?? '';
      const map = new Map<number, string>();
      for (const r of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
        const first = parseInt(r[1] ?? '0', 16);
        [...(r[3] ?? '').matchAll(/<([0-9a-f ]*)>/gi)].forEach((e, i) =>
          map.set(first + i, String.fromCharCode(...(e[1] ?? '').split(' ').filter(Boolean).map((h) => parseInt(h, 16)))),
        );
      }
      maps.set(f[1] ?? '', map);
    }
  }
  const lines: string[] = [];
  for (const { data } of objects.values()) {
    let font: Map<number, string> | undefined;
    for (const op of (data ?? '').matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi)) {
      if (op[1] !== undefined) {
        font = maps.get(op[1]);
        continue;
      }
      const hex = [...(op[2] ?? `<${op[3] ?? ''}>`).matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1] ?? '').join('');
      const width = font !== undefined && font.size > 0 ? 4 : 2;
      const codes = hex.match(new RegExp(`.{${width}}`, 'g')) ?? [];
      lines.push(codes.map((c) => (width === 4 ? (font?.get(parseInt(c, 16)) ?? '') : String.fromCharCode(parseInt(c, 16)))).join(''));
    }
  }
  // pdfmake writes one operator per word (each with its trailing space): join them as they read.
  return lines.join('');
}
