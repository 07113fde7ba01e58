// Issue #10 item 2: the work list shows a Dutch label for every kind of signal the server raises. The
// kinds come from the one list (src/domain/signal-cause.ts), so a new kind without a label fails here.
import { describe, expect, it } from 'vitest';
import { SignalCauses } from '../../domain/signal-cause';
import { signalCauseLabel } from './labels';

describe('a Dutch label for every SignalCause', () => {
  it.each(SignalCauses)('%s', (cause) => {
    const label = signalCauseLabel(cause);
    expect(label).not.toMatch(/^Signaal \(/);
    expect(label).not.toContain(cause);
  });
});
