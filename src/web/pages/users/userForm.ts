// The new-account form's fields and checks (issue #17), apart from the page so they can be tested.
import { ORGANISATION_KIND_OF_ROLE } from '../../../domain/staff-roles';
import type { NewUser, OrganisationChoice, UserRole } from '../../api/users';

export const userFields = ['email', 'name', 'role', 'organisationId', 'idpSubject'] as const;
export type UserField = (typeof userFields)[number];
export const emptyUser: Record<UserField, string> = { email: '', name: '', role: '', organisationId: '', idpSubject: '' };

/** Which organisation a role belongs to: the server's table (src/domain/staff-roles.ts). */
export const roleKind: Readonly<Record<UserRole, OrganisationChoice['kind'] | 'none'>> = ORGANISATION_KIND_OF_ROLE;

export function isRole(value: string): value is UserRole {
  return value in roleKind;
}

export function validateUserField(name: UserField, v: Record<UserField, string>): string | undefined {
  switch (name) {
    case 'email':
      if (v.email.trim() === '') return 'Vul een e-mailadres in.';
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim()) ? undefined : 'Vul een e-mailadres in, bijvoorbeeld naam@gemeente.nl.';
    case 'name':
      return v.name.trim() === '' ? 'Vul een naam in.' : undefined;
    case 'role':
      return isRole(v.role) ? undefined : 'Kies een rol.';
    case 'organisationId':
      if (!isRole(v.role) || roleKind[v.role] === 'none') return undefined;
      return v.organisationId === '' ? 'Kies een organisatie.' : undefined;
    case 'idpSubject':
      return v.idpSubject.length > 255 ? 'Het inlog-id is te lang (hoogstens 255 tekens).' : undefined;
  }
}

export function toNewUser(v: Record<UserField, string>): NewUser {
  const role = v.role as UserRole;
  return {
    email: v.email.trim(),
    name: v.name.trim(),
    role,
    ...(roleKind[role] !== 'none' && v.organisationId !== '' ? { organisationId: v.organisationId } : {}),
    ...(v.idpSubject.trim() !== '' ? { idpSubject: v.idpSubject.trim() } : {}),
  };
}
