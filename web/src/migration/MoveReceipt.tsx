import { graphql, getFragmentData, type FragmentType } from "../gql";
import { DateText } from "../i18n/dates";
import { labels } from "../i18n/enums";
import { useLanguage, useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";

const MoveReceiptFields = graphql(`
  fragment MoveReceipt_receipt on MoveReceipt {
    id
    documentsMoved
    bytesMoved
    checksumsVerified
    verification
    completedAt
  }
`);

const LOCALES = { nl: "nl-NL", en: "en-GB" } as const;
const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** A size in bytes as people read it: "12,4 MB". */
function useSize(): (bytes: number) => string {
  const { language } = useLanguage();
  return (bytes) => {
    let unit = 0;
    let value = bytes;
    while (value >= 1000 && unit < UNITS.length - 1) {
      value /= 1000;
      unit += 1;
    }
    return new Intl.NumberFormat(LOCALES[language], {
      style: "unit",
      unit: UNITS[unit],
      unitDisplay: "short",
      maximumFractionDigits: unit === 0 ? 0 : 1,
    }).format(value);
  };
}

/** The receipt of a completed move: what moved, how much, how it was checked, and when. */
export function MoveReceipt({ receipt }: { receipt: FragmentType<typeof MoveReceiptFields> }) {
  const t = useWords();
  const size = useSize();
  const shown = getFragmentData(MoveReceiptFields, receipt);
  return (
    <dl className="receipt">
      <div>
        <dt>{t(offerWords.receiptDocuments)}</dt>
        <dd>
          {t(offerWords.documentCount)(shown.documentsMoved)} · {size(shown.bytesMoved)}
        </dd>
      </div>
      <div>
        <dt>{t(offerWords.receiptChecked)}</dt>
        <dd>
          {t(labels.MoveVerification[shown.verification])}
          {shown.checksumsVerified && ` · ${t(offerWords.checksumsVerified)}`}
        </dd>
      </div>
      <div>
        <dt>{t(offerWords.receiptCompleted)}</dt>
        <dd>
          <DateText value={shown.completedAt} />
        </dd>
      </div>
    </dl>
  );
}
