// The frame of every participant page (R-PRT-1): the language switch, the page's heading and title in
// the chosen language, and the html lang that goes with it.
import { Heading } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { useHtmlLang } from '../../i18n/useHtmlLang';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import '../progress/progress.css';
import './portal.css';

export function PortalPage({ title, children }: { title: string; children: ReactNode }) {
  useHtmlLang();
  useDocumentTitle(title);
  return (
    <div className="koers-plain">
      <LanguageSwitch />
      <Heading level={1}>{title}</Heading>
      {children}
    </div>
  );
}
