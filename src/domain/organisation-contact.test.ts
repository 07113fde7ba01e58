// R-PRT-1: the contract's contact for the participant — every field optional, the phone and e-mail
// shaped so a tel: and mailto: link works (migration 0021 has the same checks).
import { describe, expect, it } from 'vitest';
import { OrganisationContact } from './organisation-contact.js';

describe('an organisation contact in a contract file', () => {
  it('accepts a full contact, an empty one, and an international number', () => {
    expect(OrganisationContact.parse({ name: 'Team Inburgering', phone: '0229 252 200', email: 'inburgering@hoorn.example', hours: 'maandag tot en met vrijdag, 9.00 tot 12.30 uur' })).toMatchObject({ phone: '0229 252 200' });
    expect(OrganisationContact.parse({})).toEqual({});
    expect(OrganisationContact.safeParse({ phone: '+31 229 252 200' }).success).toBe(true);
  });

  it.each([['0229-252200'], ['bel 0229 252 200'], ['12345'], ['+31 229 252 200 123 45'], [' 0229252200'], ['0229252200 ']])('refuses the phone number %j', (phone) => {
    expect(OrganisationContact.safeParse({ phone }).success).toBe(false);
  });

  it('refuses an e-mail address without a domain and an empty name', () => {
    expect(OrganisationContact.safeParse({ email: 'inburgering@' }).success).toBe(false);
    expect(OrganisationContact.safeParse({ name: ' ' }).success).toBe(false);
  });
});
