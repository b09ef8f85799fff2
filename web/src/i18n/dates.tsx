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

/** The office's time zone, in which its people read and type times. */
export function useOfficeTimeZone(): string {
  return use(OfficeTimeZone) ?? DEFAULT_TIME_ZONE;
}

const DEFAULT_TIME_ZONE = "Europe/Amsterdam";

export interface DateFormats {
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  /** A moment within weeks, short: "12 jan 09:00". */
  moment: (iso: string) => string;
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
    const moment = new Intl.DateTimeFormat(locale, {
      timeZone,
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    return {
      date: (iso) => date.format(new Date(iso)),
      dateTime: (iso) => dateTime.format(new Date(iso)),
      moment: (iso) => moment.format(new Date(iso)).replace(",", "").replace(" om ", " "),
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
