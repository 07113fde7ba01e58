// R-PRT-1, 001 Bijlage 1 guideline 1 ("Ik begrijp het": A2, no policy jargon, hard words explained):
// every Dutch text of the participant's pages is checked here — short sentences, no jargon unless the
// text explains it — and English has exactly the same texts, so the two files can be reviewed together.
import { describe, expect, it } from 'vitest';
import { plainDutch } from '../../features/progress/plain-dutch';
import en from './en.json';
import nl from './nl.json';

const MAX_WORDS = 15;

/**
 * Words a participant cannot know (001 Bijlage 1 names inburgering, uitkering, zelfredzaamheid and
 * ontzorgen; the rest are the chain's own words). Matched as whole words, case-insensitive.
 */
const JARGON = ['inburgering', 'inburgeringsplicht', 'inburgeringsplichtig', 'inburgeringsplichtige', 'leerroute', 'PIP', 'B1-route', 'Z-route', 'KNM', 'MAP', 'PVT', 'zelfredzaamheid', 'ontzorgen', 'uitkering', 'beschikking', 'participatie', 'leerbaarheidstoets', 'aanbieder', 'consulent', 'traject', 'norm'];

/** The texts that use a jargon word and explain it in the same text (key → the words allowed there). */
const EXPLAINED: Record<string, readonly string[]> = {
  // "U moet bij 80 van de 100 lessen zijn. Dat heet de norm van 80%."
  'attendance.norm2': ['norm'],
};

function texts(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (Array.isArray(node)) return node.flatMap((v, i) => texts(v, `${path}.${i}`));
  if (node !== null && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => texts(v, path === '' ? k : `${path}.${k}`));
  return [];
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Words of a sentence; an interpolation such as {{provider}} is one word (a name, a date, a number). */
function words(sentence: string): string[] {
  return sentence.replace(/\{\{\s*\w+\s*\}\}/g, 'X').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

function jargonIn(text: string): string[] {
  const shown = text.replace(/\{\{\s*\w+\s*\}\}/g, 'X'); // a placeholder's name is not shown
  return JARGON.filter((word) => new RegExp(`(^|[^\\p{L}-])${word}([^\\p{L}-]|$)`, 'iu').test(shown));
}

function problems(entries: [string, string][]): string[] {
  const out: string[] = [];
  for (const [key, text] of entries) {
    for (const s of sentences(text)) if (words(s).length > MAX_WORDS) out.push(`${key}: ${words(s).length} words in "${s}"`);
    for (const word of jargonIn(text)) if (!(EXPLAINED[key] ?? []).includes(word)) out.push(`${key}: "${word}" without explanation`);
  }
  return out;
}

describe('plain Dutch of the participant\'s pages (001 Bijlage 1)', () => {
  it(`every sentence of nl.json has at most ${MAX_WORDS} words and no unexplained jargon`, () => {
    expect(problems(texts(nl))).toEqual([]);
  });

  it('the check finds a long sentence and jargon (so it can fail)', () => {
    const bad: [string, string][] = [
      ['a', 'Uw leerroute staat in het PIP.'],
      ['b', 'Dit is een zin met heel veel woorden die allemaal na elkaar komen en maar niet ophouden.'],
      ['attendance.norm2', 'Dat heet de norm.'],
    ];
    expect(problems(bad)).toEqual(['a: "leerroute" without explanation', 'a: "PIP" without explanation', 'b: 17 words in "Dit is een zin met heel veel woorden die allemaal na elkaar komen en maar niet ophouden."']);
  });

  it('the report\'s own plain Dutch (plain-dutch.ts) passes the same check', () => {
    const content = { hoursMade: 120, attendancePercentage: 72, status: 'atRisk', testResults: { reading: 'A2', writing: 'A1', listening: null, speaking: null }, expectedEndLevel: 'B1', expectedExamDate: '2027-09-01', scaling: '', interventions: '', goalsReached: false, advice: '' };
    const report = plainDutch('final', '2026-12-23', content as unknown as Parameters<typeof plainDutch>[2], 600, 80);
    expect(problems(report.map((s, i) => [`report.${i}`, s]))).toEqual([]);
  });

  it('English has the same texts as Dutch, and the same placeholders in each', () => {
    const nlTexts = new Map(texts(nl));
    const enTexts = new Map(texts(en));
    expect([...enTexts.keys()].sort()).toEqual([...nlTexts.keys()].sort());
    const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of nlTexts) expect(placeholders(enTexts.get(key) ?? ''), key).toEqual(placeholders(text));
  });
});
