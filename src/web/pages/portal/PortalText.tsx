// Small pieces of the participant's pages.
import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';

/** Loading, in the participant's language (e2e `settled()` waits for Dutch "laden…" only; tests wait for content). */
export function PortalLoading({ what }: { what?: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph role="status" aria-live="polite">
      {what ?? t('common.loading')}
    </Paragraph>
  );
}

/**
 * Text the server writes in Dutch only (the status reasons, a report). In English it is marked
 * lang="nl" (WCAG 3.1.2) and says so first; the participant reads it with their Dutch.
 */
export function DutchText({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const english = currentLanguage() === 'en';
  return (
    <div lang="nl">
      {english && (
        <Paragraph lang="en">
          <em>{t('common.dutchOnly')}</em>
        </Paragraph>
      )}
      {children}
    </div>
  );
}
