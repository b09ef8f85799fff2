import { useId } from "react";
import { useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";
import { UserErrorText, type ShownUserError } from "../ui/UserErrorText";
import { BlockerText } from "./BlockerText";
import { blockersOf, type Blocker, type ChecklistRow } from "./checklist";
import { WizardStep } from "./WizardStep";

type ArticleCheck = "AUTHORIZERS" | "WORKFLOWS" | "PENDING_DOCUMENTS";

/** The administrations one check of the article blocks, each with its count; or that none is. */
function BlockedBy({ rows, check }: { rows: readonly ChecklistRow[] | null; check: ArticleCheck }) {
  const t = useWords();
  if (rows === null) return <p className="check-state">{t(offerWords.checking)}</p>;
  const blocked = rows.flatMap((row) => {
    const blocker = blockersOf(row).find((found) => found.kind === check);
    return blocker ? [{ row, blocker }] : [];
  });
  if (blocked.length === 0) {
    return (
      <p className="check-state" data-state="ok">
        {t(offerWords.checkPassed)}
      </p>
    );
  }
  return (
    <>
      <p className="check-state" data-state="blocked">
        {t(offerWords.blockedCount)(blocked.length)}
      </p>
      <BlockedRows blocked={blocked} />
    </>
  );
}

function BlockedRows({ blocked }: { blocked: { row: ChecklistRow; blocker: Blocker }[] }) {
  return (
    <ul className="blocked">
      {blocked.map(({ row, blocker }) => (
        <li key={`${row.id}-${blocker.kind}`}>
          <span className="name">
            {row.administration.name} <span className="code-inline">{row.administration.code}</span>
          </span>
          {" — "}
          <span className="reason">
            <BlockerText blocker={blocker} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** What else keeps an administration from being offered: files, an open offer. */
function OtherBlocks({ rows }: { rows: readonly ChecklistRow[] }) {
  const t = useWords();
  const headingId = useId();
  const blocked = rows.flatMap((row) =>
    blockersOf(row)
      .filter((blocker) => blocker.kind === "DAMAGED_FILES" || blocker.kind === "ALREADY_OFFERED")
      .map((blocker) => ({ row, blocker })),
  );
  if (blocked.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="other-blocks">
      <h3 id={headingId}>{t(offerWords.otherBlocksTitle)}</h3>
      <BlockedRows blocked={blocked} />
    </section>
  );
}

/**
 * Step 1, the checklist of the help article: its four points, the acknowledgement that users
 * and authorizers stay behind, and under each check the administrations it blocks now.
 */
export function ChecklistStep({
  headingId,
  acknowledgeId,
  rows,
  acknowledged,
  onAcknowledge,
  errors,
  onNext,
}: {
  headingId: string;
  acknowledgeId: string;
  /** Every checklist row of the migratable connections; null while they load. */
  rows: readonly ChecklistRow[] | null;
  acknowledged: boolean;
  onAcknowledge: (acknowledged: boolean) => void;
  errors: readonly ShownUserError[];
  onNext: () => void;
}) {
  const t = useWords();
  const errorIds = errors.map((_, index) => `${acknowledgeId}-error-${index}`);
  return (
    <WizardStep
      headingId={headingId}
      number={1}
      title={t(offerWords.stepChecklist)}
      onSubmit={onNext}
    >
      <p>{t(offerWords.checklistIntro)}</p>
      <ol className="checklist">
        <li>
          <h3>{t(offerWords.checkUsersStay)}</h3>
          <div className="check-box">
            <input
              id={acknowledgeId}
              type="checkbox"
              checked={acknowledged}
              onChange={(event) => onAcknowledge(event.target.checked)}
              aria-invalid={errors.length > 0}
              aria-describedby={errorIds.join(" ") || undefined}
            />
            <label htmlFor={acknowledgeId}>{t(offerWords.acknowledgeLabel)}</label>
          </div>
          {errors.map((error, index) => (
            <UserErrorText key={error.code} id={errorIds[index]} error={error} />
          ))}
        </li>
        <li>
          <h3>{t(offerWords.checkAuthorizers)}</h3>
          <BlockedBy rows={rows} check="AUTHORIZERS" />
        </li>
        <li>
          <h3>{t(offerWords.checkWorkflows)}</h3>
          <BlockedBy rows={rows} check="WORKFLOWS" />
        </li>
        <li>
          <h3>{t(offerWords.checkDocuments)}</h3>
          <BlockedBy rows={rows} check="PENDING_DOCUMENTS" />
        </li>
      </ol>
      {rows && <OtherBlocks rows={rows} />}
      <div className="wizard-buttons">
        <button type="submit" className="primary">
          {t(offerWords.next)}
        </button>
      </div>
    </WizardStep>
  );
}
