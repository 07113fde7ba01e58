// The MAP end conversation (issue #12: R-MAP-1, R-MAP-3): read by everyone who sees the participant;
// the preparation and the proposed date by the participation or MAP provider, the date held and the
// outcome by the municipality (who writes what: service.ts).
import type { RouteRegistrar } from '../../platform/http/server.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import { IdParam } from '../participants/schemas.js';
import { EndConversation, OutcomeInput, PlanningInput, PreparationInput } from './schemas.js';
import { getEndConversation, saveOutcome, savePlanning, savePreparation } from './service.js';

export const registerMapEndConversationRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['participation'];
  const path = '/api/v1/participants/:id/map-end-conversation';
  app.get(
    path,
    { config: { permission: 'participation.read' }, schema: { tags, summary: 'The MAP end conversation: the latest preparation (001 Bijlage 2), proposed date, date held and outcome, the readiness now, every save', params: IdParam, response: { 200: EndConversation } } },
    (req) => getEndConversation(deps, ctxOf(req), req.params.id),
  );
  app.put(
    `${path}/preparation`,
    {
      config: { permission: 'participation.write' },
      schema: { tags, summary: "The provider's preparation per 001 Bijlage 2: a new version; 409 when the version read is not the latest; 403 for a provider without a participation or MAP referral", params: IdParam, body: PreparationInput, response: { 200: EndConversation } },
    },
    (req) => savePreparation(deps, ctxOf(req), req.params.id, req.body),
  );
  app.put(
    `${path}/planning`,
    { config: { permission: 'participation.write' }, schema: { tags, summary: 'The date the provider proposes for the end conversation: a new version; answers the signal "Eindgesprek MAP plannen"', params: IdParam, body: PlanningInput, response: { 200: EndConversation } } },
    (req) => savePlanning(deps, ctxOf(req), req.params.id, req.body),
  );
  app.put(
    `${path}/outcome`,
    {
      config: { permission: 'progress.decide' },
      schema: { tags, summary: "The municipality's consultant records the date held and the outcome; 'sufficient' is refused (422) while a MAP theme is not done or the practical part is below 40 hours (001 §3)", params: IdParam, body: OutcomeInput, response: { 200: EndConversation } },
    },
    (req) => saveOutcome(deps, ctxOf(req), req.params.id, req.body),
  );
};
