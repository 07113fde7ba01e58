// Test help for the second factor (issue #9): TOTP codes computed the way an authenticator app does
// (otplib), and enrolment through the API.
import { generate } from 'otplib';
import type { Client } from './koers.js';

const PERIOD = 30;

/** The code of the current time step, or of a neighbouring one (the server accepts one step either way). */
export function totpAt(secret: string, stepOffset = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepOffset * PERIOD });
}

/**
 * Waits, when needed, until at least 5 s of the current 30-second step remain, so that a code made now
 * and checked a moment later belongs to the same step. No assertion depends on the wait.
 */
export async function awayFromStepEdge(): Promise<void> {
  const left = PERIOD - (Math.floor(Date.now() / 1000) % PERIOD);
  if (left < 5) await new Promise((r) => setTimeout(r, (left + 1) * 1000));
}

/** Enrols the client's user, confirming with the code of the previous step (so the current and next stay usable). */
export async function enrol(c: Client): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await c.post('/api/v1/sessions/second-factor/enrolment');
  if (started.status !== 201) throw new Error(`enrolment: ${started.status} ${JSON.stringify(started.body)}`);
  const secret: string = started.body.secret;
  const confirmed = await c.post('/api/v1/sessions/second-factor/enrolment/confirm', { code: await totpAt(secret, -1) });
  if (confirmed.status !== 201) throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes };
}
