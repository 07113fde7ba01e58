// Gebeurtenissen.md and Attentiesignalen.md (duo-m2m): DUO's events by code in DUO's own words, for the DUO
// section of a participant's file and the work list; one table with the server (src/domain/duo/events.ts).
export { DUO_EVENTS, duoEventText } from '../../../domain/duo/events';
