// Dates as the office reads them: in its time zone (Environment.timeZone), in the chosen
// language, written the way the overviews' search reads a typed date ("25 nov 2026").
import { createContext, use, useMemo, type ReactNode } from "react";
import { useLanguage, type Language } from "./language";

export const LOCALES: Record<Language, string> = { nl: "nl-NL", en: "en-GB" };

const OfficeTimeZone = createContext<string | undefined>(undefined);

export function OfficeTimeZoneProvider({
  timeZone,
  children,
}: {
  timeZone: string | undefined;
  children: ReactNode;
}) {
  return <OfficeTimeZone value={timeZone}>{children}</OfficeTimeZone>;
}

export interface DateFormats {
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
}

export function useDates(): DateFormats {
  const { language } = useLanguage();
  const timeZone = use(OfficeTimeZone);
  return useMemo(() => {
    const locale = LOCALES[language];
    const date = new Intl.DateTimeFormat(locale, {
      timeZone,
      day: "numeric",
      month: "short",
      year: "numeric",
    });
    const dateTime = new Intl.DateTimeFormat(locale, {
      timeZone,
      dateStyle: "long",
      timeStyle: "short",
    });
    return {
      date: (iso) => date.format(new Date(iso)),
      dateTime: (iso) => dateTime.format(new Date(iso)),
    };
  }, [language, timeZone]);
}

/** A moment shown as the office's date, with the full time for those who hover. */
export function DateText({ value }: { value: string }) {
  const { date, dateTime } = useDates();
  return (
    <time dateTime={value} title={dateTime(value)}>
      {date(value)}
    </time>
  );
}
