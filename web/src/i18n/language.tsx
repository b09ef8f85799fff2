// The language of the screens: Dutch first, English on a switch, remembered for the session.
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";

export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** One thing said in every language, side by side; T is a string or a function that makes one. */
export type Phrase<T = string> = Readonly<Record<Language, T>>;

const STORAGE_KEY = "overdracht.language";

function remembered(): Language {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    return stored === "en" ? "en" : "nl";
  } catch {
    return "nl";
  }
}

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, choose] = useState<Language>(remembered);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    try {
      sessionStorage.setItem(STORAGE_KEY, next);
    } catch {
      // A browser that keeps nothing still switches for this page.
    }
    choose(next);
  }, []);
  const state = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext value={state}>{children}</LanguageContext>;
}

export function useLanguage(): LanguageState {
  const state = use(LanguageContext);
  if (state === null) throw new Error("useLanguage outside LanguageProvider");
  return state;
}

/** Picks the current language's side of a phrase: `t(words.signIn)`, `t(words.pageOf)(2, 5)`. */
export function useWords(): <T>(phrase: Phrase<T>) => T {
  const { language } = useLanguage();
  return useCallback(<T,>(phrase: Phrase<T>): T => phrase[language], [language]);
}
