// The participant's own Koers in plain Dutch (A2) and English (R-PRT-1, R-PRT-2; 001 Bijlage 1, guideline
// 2: essential information translated). Only the participant's screens use these texts: staff screens
// stay Dutch. The texts live in one file per language (nl.json, en.json) so they can be reviewed together.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';

export const Languages = ['nl', 'en'] as const;
export type Language = (typeof Languages)[number];

/** Where the participant's choice is remembered in this browser. */
export const LANGUAGE_KEY = 'koers.taal';

function isLanguage(value: unknown): value is Language {
  return (Languages as readonly unknown[]).includes(value);
}

/** The remembered choice; Dutch by default (and when storage is unavailable). */
export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_KEY);
    return isLanguage(value) ? value : 'nl';
  } catch {
    return 'nl';
  }
}

export const portalI18n = i18next.createInstance();
void portalI18n.use(initReactI18next).init({
  resources: { nl: { portal: nl }, en: { portal: en } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  defaultNS: 'portal',
  ns: ['portal'],
  // React escapes what it renders; escaping here too would show &amp; in names.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function currentLanguage(): Language {
  return isLanguage(portalI18n.language) ? portalI18n.language : 'nl';
}

/** Switches and remembers the participant's language. */
export function setLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice holds until the page reloads.
  }
  void portalI18n.changeLanguage(language);
}

/** '2027-05-12' → '12 mei 2027' / '12 May 2027': easier to read than 12-05-2027. */
export function plainDate(iso: string, language: Language = currentLanguage()): string {
  const months = (language === 'en' ? en : nl).months;
  return `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
}
