// A registration form that opens on demand (issue #10 item 5: long pages become sections whose forms
// open on demand). A button with aria-expanded opens the form and moves focus to its first field; Escape
// or "Annuleren" closes it and returns focus to the button; after a successful save the form closes and
// the page announces it (the form calls the page's announce, which this wraps).
import { createContext, useCallback, useContext, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from '@utrecht/component-library-react';

/** Closes the surrounding disclosure; undefined outside one (the form then has no "Annuleren"). */
export const DisclosureCloseContext = createContext<(() => void) | undefined>(undefined);

export function useDisclosureClose() {
  return useContext(DisclosureCloseContext);
}

interface FormDisclosureProps {
  /** The button's text: what the form registers ("Voortgangstoets vastleggen"). */
  label: string;
  /** The page's announcer; the disclosure closes before it announces a saved form. */
  announce: (message: string) => void;
  /** Gives the wrapped form an announcer that closes the disclosure first. */
  provideAnnounce: (announce: (message: string) => void, children: ReactNode) => ReactNode;
  children: ReactNode;
}

export function FormDisclosure({ label, announce, provideAnnounce, children }: FormDisclosureProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const close = useCallback(() => {
    setOpen(false);
    requestAnimationFrame(() => buttonRef.current?.focus());
  }, []);
  // Saved: close, and let the page's status region take focus with the announcement.
  const closeAndAnnounce = useCallback(
    (message: string) => {
      setOpen(false);
      announce(message);
    },
    [announce],
  );

  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };

  return (
    <div className="koers-form-disclosure">
      <Button
        ref={buttonRef}
        appearance="secondary-action-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {label}
      </Button>
      {open && (
        <div id={panelId} ref={panelRef} onKeyDown={onKeyDown} className="koers-form-disclosure__panel">
          <DisclosureCloseContext.Provider value={close}>{provideAnnounce(closeAndAnnounce, children)}</DisclosureCloseContext.Provider>
        </div>
      )}
    </div>
  );
}
