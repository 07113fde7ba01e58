// R-PAR-2: a BSN passes the eleven-test (elfproef): 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11.
// The server judges again; this only gives the user an early, Dutch answer.

export function normaliseBsn(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

export function passesElfproef(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || /^0+$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}

/** A Dutch message when the BSN is not acceptable, undefined when it is. */
export function bsnProblem(input: string): string | undefined {
  const bsn = normaliseBsn(input);
  if (bsn === '') return 'Vul het BSN in.';
  if (!/^\d+$/.test(bsn)) return 'Een BSN bestaat alleen uit cijfers.';
  if (bsn.length !== 9) return 'Een BSN bestaat uit 9 cijfers.';
  if (!passesElfproef(bsn)) return 'Dit BSN bestaat niet. Controleer de cijfers.';
  return undefined;
}
