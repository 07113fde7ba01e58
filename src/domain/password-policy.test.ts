// ASVS V6.2 password rules (issue #9 hole 9).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblemText } from './password-policy.js';

const EMAIL = 'j.jansen@hoorn.nl';

describe('password policy', () => {
  it('accepts a long pass phrase without composition rules', () => {
    expect(checkPassword('paard batterij nietje correct', EMAIL)).toEqual([]);
    expect(checkPassword('x'.repeat(PASSWORD_MAX_LENGTH), EMAIL)).toEqual([]);
  });

  it('refuses fewer than 12 characters, counting code points (an emoji counts once)', () => {
    expect(checkPassword('kort-wachtw', EMAIL)).toEqual(['tooShort']);
    expect(checkPassword('😀'.repeat(11), EMAIL)).toEqual(['tooShort']);
    expect(checkPassword('😀'.repeat(12), EMAIL)).toEqual([]);
  });

  it('refuses more than 128 characters', () => {
    expect(checkPassword('y'.repeat(PASSWORD_MAX_LENGTH + 1), EMAIL)).toEqual(['tooLong']);
  });

  it('refuses a common password from the shipped list, in any letter case', () => {
    expect(checkPassword('123qweasdzxc', EMAIL)).toEqual(['common']);
    expect(checkPassword('QWERTY123456', EMAIL)).toEqual(['common']);
    expect(checkPassword('password', EMAIL)).toEqual(['tooShort', 'common']);
  });

  it('refuses the own e-mail address or its local part', () => {
    expect(checkPassword('J.Jansen@Hoorn.nl', EMAIL)).toEqual(['sameAsEmail']);
    expect(checkPassword('marie-louise.de-vries', 'marie-louise.de-vries@hoorn.nl')).toEqual(['sameAsEmail']);
  });

  it('every problem has a Dutch text', () => {
    for (const text of Object.values(passwordProblemText)) expect(text).toMatch(/wachtwoord/i);
  });

  it('property: the length rule alone decides for random strings of letters, digits and spaces outside the list', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9 ]{0,140}$/), (pw) => {
        const problems = checkPassword(`${pw}§`, EMAIL).filter((p: string) => p !== 'common');
        const length = [...`${pw}§`].length;
        expect(problems.includes('tooShort')).toBe(length < PASSWORD_MIN_LENGTH);
        expect(problems.includes('tooLong')).toBe(length > PASSWORD_MAX_LENGTH);
      }),
    );
  });
});
