// A modal dialog on the native <dialog> (issue #11: the evidence of a line, a dispute, the confirmation to
// send). showModal() keeps keyboard focus inside and makes the rest of the page inert; Escape and
// "Sluiten" close it, and focus returns to the element that opened it (WCAG 2.4.3).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, ButtonGroup, Heading } from '@utrecht/component-library-react';

export function Dialog({ title, onClose, children, closeLabel = 'Sluiten' }: {
  title: string;
  /** Called on Escape or the close button; the caller then stops rendering the dialog. */
  onClose: () => void;
  children: ReactNode;
  closeLabel?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // The first field if there is one, else the dialog's heading: the reader starts at the top.
    const field = dialog.querySelector<HTMLElement>('input, textarea, select');
    (field ?? dialog.querySelector<HTMLElement>('h2'))?.focus();
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.close();
      // The opener may have been replaced by a refetch; then focus stays where the page puts it.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} aria-labelledby={titleId} className="koers-dialog">
      <Heading level={2} id={titleId} tabIndex={-1} className="koers-wrap-anywhere">
        {title}
      </Heading>
      {children}
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" onClick={onClose}>
          {closeLabel}
        </Button>
      </ButtonGroup>
    </dialog>
  );
}
