// Password rules (ASVS 5.0 V6.2 / 4.0 V2.1): at least 12 characters, up to 128 allowed (so pass
// phrases fit), no composition rules (6.2.5), not a common password from a list shipped with the
// project (6.2.4, zxcvbn-ts' 49,233 most used passwords), and not the user's own e-mail address (6.2.11).
// Pure: the caller supplies the e-mail; nothing here is sent anywhere.
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'sameAsEmail';

export const passwordProblemText: Record<PasswordProblem, string> = {
  tooShort: `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`,
  tooLong: `Een wachtwoord is hoogstens ${PASSWORD_MAX_LENGTH} tekens.`,
  common: 'Dit wachtwoord komt voor in een lijst van veelgebruikte wachtwoorden. Kies een ander.',
  sameAsEmail: 'Uw wachtwoord mag niet gelijk zijn aan uw e-mailadres.',
};

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  // Built once, on first use: the list decompresses to about 50,000 strings.
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** Characters as people count them (code points), so an emoji or an accented letter counts once. */
function lengthOf(password: string): number {
  return [...password].length;
}

/** The problems of a new password; an empty list means it is acceptable. */
export function checkPassword(password: string, email: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = lengthOf(password);
  if (length < PASSWORD_MIN_LENGTH) problems.push('tooShort');
  if (length > PASSWORD_MAX_LENGTH) problems.push('tooLong');
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) problems.push('common');
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  if (address !== '' && (lower === address || lower === localPart)) problems.push('sameAsEmail');
  return problems;
}
