// Issue #17: staff accounts as the administrator (every one) and a provider's coordinator (its own
// provider's teachers) manage them.
import { z } from 'zod';
import { ExportFormat } from '../../platform/http/export.js';
import { queryInt, str } from '../../platform/http/input.js';
import { StaffRoles, type StaffRole as StaffRoleName } from '../../domain/staff-roles.js';

export { ORGANISATION_KIND_OF_ROLE as ORGANISATION_KIND, StaffRoles } from '../../domain/staff-roles.js';
export const StaffRole = z.enum(StaffRoles, 'Kies een rol.');
export type StaffRole = StaffRoleName;

export const UserSorts = ['name', '-name', 'email', '-email', 'role', '-role', 'lastLoginAt', '-lastLoginAt', 'createdAt', '-createdAt'] as const;
export type UserSort = (typeof UserSorts)[number];

export const UserFilterQuery = z.object({
  q: str().trim().max(100).optional().describe('Part of the name or e-mail address'),
  role: StaffRole.optional(),
  status: z.enum(['active', 'ended']).optional(),
  sort: z.enum(UserSorts).default('name'),
});
export const UserListQuery = UserFilterQuery.extend({ page: queryInt().min(1).default(1), pageSize: queryInt().min(1).max(100).default(25) });
export const UserExportQuery = UserFilterQuery.extend({ format: ExportFormat });

const Email = str()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Vul een e-mailadres in, bijvoorbeeld naam@gemeente.nl.');
const Name = str().trim().min(1, 'Vul een naam in.').max(120);
const IdpSubject = str().trim().min(1, 'Vul het inlog-id in of laat het veld leeg.').max(255);

export const NewUser = z.object({
  email: Email,
  name: Name,
  role: StaffRole,
  /** The municipality, provider or region; none for an administrator. */
  organisationId: z.uuid('Kies een organisatie.').optional(),
  /** The OpenID Connect subject at the organisation's identity provider; the staff login then matches it only. */
  idpSubject: IdpSubject.optional(),
});
export type NewUser = z.infer<typeof NewUser>;

export const UserChange = z.object({ name: Name.optional(), email: Email.optional(), idpSubject: IdpSubject.nullable().optional() });

export const UserItem = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: StaffRole,
  organisation: z.object({ kind: z.enum(['municipality', 'provider', 'region']), id: z.uuid(), name: z.string() }).nullable(),
  secondFactor: z.boolean(),
  idpSubject: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
});
export type UserItem = z.infer<typeof UserItem>;

export const UserPage = z.object({ items: z.array(UserItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const OrganisationChoice = z.object({ kind: z.enum(['municipality', 'provider', 'region']), id: z.uuid(), name: z.string(), code: z.string() });
export const OrganisationChoices = z.object({ items: z.array(OrganisationChoice), roles: z.array(StaffRole) });
