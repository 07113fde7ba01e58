import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { Page, PageContent, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { useLocation } from 'react-router-dom';

/** Page frame shared by every route: skip link, header, one <main>, footer. */
export function Shell({ header, children }: { header?: ReactNode; children: ReactNode }) {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After client-side navigation, put keyboard and screen-reader focus at the start of the new content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
    mainRef.current?.scrollIntoView();
  };

  return (
    <div className="utrecht-theme utrecht-document koers-app">
      <SkipLink href="#inhoud" onClick={skipToContent}>
        Naar de inhoud
      </SkipLink>
      <Page className="koers-page">
        <PageHeader className="koers-header">
          <Paragraph className="koers-brand">Koers</Paragraph>
          {header}
        </PageHeader>
        <PageContent>
          <main id="inhoud" ref={mainRef} tabIndex={-1} className="utrecht-page-content__main koers-main">
            {children}
          </main>
        </PageContent>
        <PageFooter>
          <Paragraph appearance="small">Koers: samen werken aan inburgering (Wet inburgering 2021)</Paragraph>
        </PageFooter>
      </Page>
    </div>
  );
}
