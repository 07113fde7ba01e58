import { useEffect, useRef, type MouseEvent } from 'react';
import { Alert, Heading, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';

export interface SummaryItem {
  /** Id of the element to focus; omit for a message that belongs to no field. */
  targetId?: string;
  message: string;
}

interface ErrorSummaryProps {
  items: SummaryItem[];
  /** Changes on every submit, so focus moves to the summary again. */
  attempt: number;
  title?: string;
  /** Unique per page when several forms can show a summary at once. */
  id?: string;
  /** One below the heading of the section the form is in. */
  level?: number;
}

/** Shown on submit: lists every problem and links to its field (WCAG 3.3.1, 3.3.3). */
export function ErrorSummary({
  items,
  attempt,
  title = 'Controleer het formulier',
  id = 'foutoverzicht',
  level = 2,
}: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);

  if (items.length === 0) return null;

  const focusField = (event: MouseEvent<HTMLAnchorElement>, targetId: string) => {
    event.preventDefault();
    const target = document.getElementById(targetId);
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  };

  return (
    <Alert ref={ref} type="error" tabIndex={-1} className="koers-error-summary">
      <Heading level={level} id={`${id}-titel`}>
        {title}
      </Heading>
      <UnorderedList>
        {items.map((item) => (
          <UnorderedListItem key={`${item.targetId ?? ''}:${item.message}`}>
            {item.targetId ? (
              <a
                className="utrecht-link utrecht-link--html-a"
                href={`#${item.targetId}`}
                onClick={(event) => focusField(event, item.targetId ?? '')}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}
