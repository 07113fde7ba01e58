// Issue #12's isolation cases in one spread, so test/isolation.int.test.ts stays within its line limit:
// the activities, ladder and MAP themes, the portfolio, the MAP end conversation, and the participant's
// own activities page. Each file holds its own routes' cases.
import { mapEndConversationCases } from './map-end-conversation-cases.js';
import type { Case } from './matrix.js';
import { participationCases } from './participation-cases.js';
import { portalParticipationCases } from './portal-participation-cases.js';
import { portfolioCases } from './portfolio-cases.js';

export function participationFamilyCases(): Case[] {
  return [...participationCases(), ...portfolioCases(), ...mapEndConversationCases(), ...portalParticipationCases()];
}
