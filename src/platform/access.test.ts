// R-SEC-1, STYLE 2: deny by default; the scope follows from role and organisation only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor, groupInScope, participantInScope, referralInScope, roleHasPermission, Roles, signalInScope, SqlParams, type VerifiedUser } from './access.js';

const trace = { traceId: 't', operationId: 'o', origin: 'test', startedAt: new Date(0) };
const user = (over: Partial<VerifiedUser>): VerifiedUser => ({
  id: 'u', name: 'n', email: 'e', role: 'consultant', municipalityId: null, providerId: null, regionId: null, participantId: null, organisationName: 'x', ...over,
});

describe('access decision', () => {
  it('an unknown role gets no context and no permission', () => {
    fc.assert(
      fc.property(fc.string().filter((r) => !(Roles as readonly string[]).includes(r)), (role) => {
        expect(contextFor(user({ role, municipalityId: 'm' }), trace)).toBeUndefined();
        expect(roleHasPermission(role, 'participant.read')).toBe(false);
      }),
    );
  });

  it('only consultants, provider coordinators and the participant themself reach personal data', () => {
    const withPersonal = Roles.filter((r) => roleHasPermission(r, 'participant.read'));
    expect(withPersonal.sort()).toEqual(['consultant', 'participant', 'providerCoordinator']);
    expect(roleHasPermission('contractManager', 'participant.list')).toBe(false);
    expect(roleHasPermission('policyOfficer', 'participant.list')).toBe(false);
  });

  it('a consultant is scoped to its municipality, a coordinator to its provider, others to nothing', () => {
    expect(contextFor(user({ municipalityId: 'm1' }), trace)?.scope).toEqual({ kind: 'municipality', municipalityId: 'm1' });
    expect(contextFor(user({ role: 'providerCoordinator', providerId: 'p1' }), trace)?.scope).toEqual({ kind: 'provider', providerId: 'p1' });
    expect(contextFor(user({ role: 'contractManager', regionId: 'r1' }), trace)?.scope).toEqual({ kind: 'none' });
    expect(contextFor(user({ role: 'teacher', providerId: 'p1' }), trace)?.scope).toEqual({ kind: 'teacher', providerId: 'p1', userId: 'u' });
    // A consultant without a municipality has no room at all.
    expect(contextFor(user({ municipalityId: null }), trace)).toBeUndefined();
  });

  it('a teacher reaches attendance through its own groups only: no participant file, referrals or signals (issue #4)', () => {
    expect(roleHasPermission('teacher', 'participant.read')).toBe(false);
    expect(roleHasPermission('teacher', 'attendance.record')).toBe(true);
    expect(roleHasPermission('teacher', 'group.manage')).toBe(false);
    expect(Roles.filter((r) => roleHasPermission(r, 'attendance.classify'))).toEqual(['consultant']);
    const scope = { kind: 'teacher', providerId: 'p1', userId: 'u1' } as const;
    const p = new SqlParams();
    expect(participantInScope(scope, p)).toContain('teacher_user_id');
    expect(p.values).toEqual(['p1', 'u1']);
    expect(groupInScope(scope, new SqlParams())).toBe('g.provider_id = $1 AND g.teacher_user_id = $2');
    expect(referralInScope(scope, new SqlParams())).toBe('false');
    expect(signalInScope(scope, new SqlParams())).toBe('false');
    expect(groupInScope({ kind: 'self', participantId: 'x' }, new SqlParams())).toBe('false');
  });

  it('the scope becomes a parameterised SQL condition, never an interpolated id', () => {
    const p = new SqlParams();
    const sql = participantInScope({ kind: 'municipality', municipalityId: "x' OR true --" }, p);
    expect(sql).toBe('p.municipality_id = $1');
    expect(p.values).toEqual(["x' OR true --"]);
    expect(participantInScope({ kind: 'none' }, new SqlParams())).toBe('false');
  });
});
