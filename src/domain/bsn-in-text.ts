// R-PAR-2: a BSN in free text we keep or send (a file name, a Content-Disposition header) is masked to
// its last four digits. Pure. People write a BSN grouped ("4970.64.960", "497 064 960", "4970-64-960")
// and spreadsheets drop its leading zero, so nine contiguous digits alone (the old rule) let most
// through (issue #9 hole 8).
//
// The rule, on every run of digits where each digit is followed by at most three separators
// (space, dot, dash, underscore) before the next:
// - a run of exactly nine digits that passes the eleven-test is masked, however it is grouped.
// - a run of exactly nine digits that fails it is masked too when it is written as a BSN is
//   (123456789, 1234.56.789, 123 456 789): a BSN with one digit mistyped still names a person by eight
//   of them, and masking an order number costs nothing. Other groupings ('v2 2026-01-15') are left.
// - a run of exactly eight digits is masked when, with the dropped leading zero put back, it passes
//   the eleven-test (what Excel does to 012345672).
// - in a longer run (a date or a case number written next to a BSN), every nine-digit window that
//   passes the eleven-test is masked; other windows are left, or a long number would always be masked.
// Masking an already masked text may mask a little more (never less): the rule is safe to repeat.
import { isValidBsn } from './bsn.js';

const SEPARATOR = /[\s._-]/;
const MAX_SEPARATORS = 3;

/** Masks each BSN-like number in `text` as '*****' + its last four digits. */
export function maskBsnsInText(text: string): string {
  const s = text.normalize('NFKC');
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (!isDigit(s[i])) {
      out += s[i];
      i += 1;
      continue;
    }
    const run = readRun(s, i);
    out += maskRun(s.slice(i, run.end), run.digitAt.map((p) => p - i));
    i = run.end;
  }
  return out;
}

/** True when `text` holds a number maskBsnsInText would mask. */
export function containsBsnLike(text: string): boolean {
  return maskBsnsInText(text) !== text.normalize('NFKC');
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** The run starting at `start`: where it ends and where each of its digits is. */
function readRun(s: string, start: number): { end: number; digitAt: number[] } {
  const digitAt = [start];
  let end = start + 1;
  for (;;) {
    let j = end;
    while (j < s.length && j - end < MAX_SEPARATORS && SEPARATOR.test(s[j] ?? '')) j += 1;
    if (!isDigit(s[j])) return { end, digitAt };
    digitAt.push(j);
    end = j + 1;
  }
}

/** How people write nine digits of a BSN: together, 4-2-3 (as on a passport), or 3-3-3. */
const BSN_GROUPINGS = new Set(['9', '4-2-3', '3-3-3']);

/** The sizes of the digit groups of a run, e.g. '4-2-3' for 4970.64.960. */
function groupsOf(digitAt: number[]): string {
  const sizes: number[] = [];
  digitAt.forEach((p, i) => {
    if (i > 0 && p === (digitAt[i - 1] ?? 0) + 1) sizes[sizes.length - 1] = (sizes.at(-1) ?? 0) + 1;
    else sizes.push(1);
  });
  return sizes.join('-');
}

function maskRun(run: string, digitAt: number[]): string {
  const digits = digitAt.map((p) => run[p]).join('');
  const masked = (d: string) => `*****${d.slice(-4)}`;
  if (digits.length === 9) return isValidBsn(digits) || BSN_GROUPINGS.has(groupsOf(digitAt)) ? masked(digits) : run;
  if (digits.length === 8) return isValidBsn(`0${digits}`) ? masked(digits) : run;
  if (digits.length < 9) return run;
  // Overlapping or touching passing windows are masked as one span, so that the four digits a mask
  // keeps can never join the digits after it into a BSN again.
  const spans: [number, number][] = [];
  for (let k = 0; k + 9 <= digits.length; k++) {
    if (!isValidBsn(digits.slice(k, k + 9))) continue;
    const last = spans.at(-1);
    if (last !== undefined && k <= last[1] + 1) last[1] = k + 8;
    else spans.push([k, k + 8]);
  }
  let out = '';
  let from = 0; // position in `run` copied up to
  for (const [a, b] of spans) {
    out += run.slice(from, digitAt[a]) + masked(digits.slice(a, b + 1));
    from = (digitAt[b] ?? 0) + 1;
  }
  return out + run.slice(from);
}
