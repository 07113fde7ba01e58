// A control whose value lives in the address: the router updates the address in a transition, so a
// controlled checkbox bound to it straight would be put back by React for a moment after a click (a
// flicker, and a screen reader hearing the old state; e2e/lists.e2e.ts's check() failed on it once).
// The control shows its own state at once and follows the address whenever that changes.
import { useEffect, useState } from 'react';

export function useFollowing<T>(value: T): [T, (next: T) => void] {
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  return [shown, setShown];
}
