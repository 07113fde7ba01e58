import { describe, expect, it } from 'vitest';
import { mailtoHref, telHref } from './contact';

describe('the links of whom to call (R-PRT-1)', () => {
  it('dials the digits of a number written with spaces, keeping a leading +', () => {
    expect(telHref('0229 000 003')).toBe('tel:0229000003');
    expect(telHref('+31 229 000 003')).toBe('tel:+31229000003');
  });

  it('mails the address', () => {
    expect(mailtoHref('inburgering@hoorn.example')).toBe('mailto:inburgering@hoorn.example');
  });
});
