import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The html element's lang follows the participant's language while a participant page is open (WCAG
 * 3.1.1), and is Dutch again when it closes: staff screens stay Dutch.
 */
export function useHtmlLang(): void {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => () => void (document.documentElement.lang = 'nl'), []);
}
