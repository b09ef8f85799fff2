import { useDates } from "../i18n/dates";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";

/** The moment a queued move must not start before, in the office's time: "niet vóór 12 jan 09:00". */
export function NotBeforeText({ value }: { value: string }) {
  const t = useWords();
  const { moment, dateTime } = useDates();
  return (
    <span className="not-before">
      {t(words.notBefore)}{" "}
      <time dateTime={value} title={dateTime(value)}>
        {moment(value)}
      </time>
    </span>
  );
}
