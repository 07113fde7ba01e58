// Isolation cases of issue #12's "Mijn activiteiten" read (R-PRT-2): the participant reads their own,
// the consultant of its municipality and the provider serving it read it too; every other party 404.
import { onlyOwnConsultant, type Actor, type Case, type Expect } from './matrix.js';

const readers = { ...onlyOwnConsultant(200), ownProvider: 200, self: 200 } as Record<Actor, Expect>;

export function portalParticipationCases(): Case[] {
  return [{ name: 'GET /api/v1/participants/:id/my-participation', mutates: false, call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/my-participation`), expect: readers }];
}
