// The language switch on every participant page (R-PRT-1, 001 Bijlage 1 guideline 2). One real button
// that names the other language in that language (lang on its text, so a screen reader says it right);
// its accessible name says what it does in the other language too.
import { Button } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from './index';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const other = currentLanguage() === 'nl' ? 'en' : 'nl';
  return (
    <div className="koers-language">
      <Button appearance="secondary-action-button" lang={other} aria-label={t('language.switchLabel')} onClick={() => setLanguage(other)}>
        {t('language.switchTo')}
      </Button>
    </div>
  );
}
