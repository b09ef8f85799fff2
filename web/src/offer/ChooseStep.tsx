import type { AccountingPackage } from "../gql/enums";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";
import { UserErrorText, type ShownUserError, type Wording } from "../ui/UserErrorText";
import { BlockerText } from "./BlockerText";
import { blockersOf, type ChecklistRow } from "./checklist";
import { WizardStep } from "./WizardStep";

export interface ConnectionChoice {
  id: string;
  name: string;
  package: AccountingPackage;
  isMigratable: boolean;
}

/** The id of an administration's checkbox, for the focus. */
export function administrationInputId(idPrefix: string, administrationId: string): string {
  return `${idPrefix}-administration-${administrationId}`;
}

/** The id of the first control of the step, where a refusal of the whole choice is read. */
export function connectionInputId(idPrefix: string, connectionId: string): string {
  return `${idPrefix}-connection-${connectionId}`;
}

const CHOICE_WORDING: Wording = { REQUIRED: offerWords.chooseAtLeastOne };

/**
 * Step 2: first the accounting connection the administrations are under, then which of its
 * administrations move (one connection, so one package); those that cannot be offered now are
 * shown with the reason, and cannot be chosen.
 */
export function ChooseStep({
  headingId,
  idPrefix,
  connections,
  rows,
  connectionId,
  onConnection,
  chosen,
  mostPerOffer,
  onToggle,
  errorsFor,
  listErrors,
  onBack,
  onNext,
}: {
  headingId: string;
  idPrefix: string;
  connections: readonly ConnectionChoice[];
  /** The checklist rows of the chosen connection. */
  rows: readonly ChecklistRow[];
  connectionId: string | null;
  onConnection: (connectionId: string) => void;
  chosen: readonly string[];
  /** The most administrations one offer may hold (viewer.maxAdministrationsPerOffer). */
  mostPerOffer: number;
  onToggle: (administrationId: string, chosen: boolean) => void;
  errorsFor: (administrationId: string) => ShownUserError[];
  listErrors: readonly ShownUserError[];
  onBack: () => void;
  onNext: () => void;
}) {
  const t = useWords();
  const listErrorIds = listErrors.map((_, index) => `${idPrefix}-administrations-error-${index}`);
  return (
    <WizardStep headingId={headingId} number={2} title={t(offerWords.stepChoose)} onSubmit={onNext}>
      <fieldset className="choice-group">
        <legend>{t(offerWords.connectionLegend)}</legend>
        <p className="hint">{t(offerWords.connectionHint)}</p>
        {connections.length === 0 && <p>{t(offerWords.noConnections)}</p>}
        {connections.map((connection) => {
          const inputId = connectionInputId(idPrefix, connection.id);
          return (
            <div className="choice" key={connection.id}>
              <input
                id={inputId}
                type="radio"
                name={`${idPrefix}-connection`}
                value={connection.id}
                checked={connection.id === connectionId}
                disabled={!connection.isMigratable}
                onChange={() => onConnection(connection.id)}
                aria-describedby={`${inputId}-package`}
              />
              <label htmlFor={inputId}>{connection.name}</label>
              <p id={`${inputId}-package`} className="choice-details">
                {t(labels.AccountingPackage[connection.package])}
                {!connection.isMigratable && ` · ${t(offerWords.blockedByPackage)}`}
              </p>
            </div>
          );
        })}
      </fieldset>
      {connectionId !== null && (
        <fieldset className="choice-group" aria-describedby={listErrorIds.join(" ") || undefined}>
          <legend>{t(offerWords.administrationsLegend)}</legend>
          <p className="hint">{t(offerWords.administrationsHint)(mostPerOffer)}</p>
          {rows.length === 0 && <p>{t(offerWords.noAdministrations)}</p>}
          {rows.map((row) => {
            const administration = row.administration;
            const inputId = administrationInputId(idPrefix, administration.id);
            const errors = errorsFor(administration.id);
            const blockers = blockersOf(row);
            const described = [
              `${inputId}-details`,
              ...errors.map((_, index) => `${inputId}-error-${index}`),
              ...listErrorIds,
            ];
            return (
              <div className="choice" key={row.id} data-blocked={!row.canBeOffered}>
                <input
                  id={inputId}
                  type="checkbox"
                  checked={chosen.includes(administration.id)}
                  disabled={!row.canBeOffered}
                  onChange={(event) => onToggle(administration.id, event.target.checked)}
                  aria-invalid={errors.length > 0 || listErrorIds.length > 0}
                  aria-describedby={described.join(" ")}
                />
                <label htmlFor={inputId}>
                  {administration.name} <span className="code-inline">{administration.code}</span>
                </label>
                <p id={`${inputId}-details`} className="choice-details">
                  {t(offerWords.documentCount)(administration.documentCount)} ·{" "}
                  <span className="address">{administration.inboundMailAddress}</span>
                  {blockers.map((blocker) => (
                    <span key={blocker.kind} className="reason">
                      {" · "}
                      <BlockerText blocker={blocker} />
                    </span>
                  ))}
                </p>
                {errors.map((error, index) => (
                  <UserErrorText
                    key={`${error.code}-${index}`}
                    id={`${inputId}-error-${index}`}
                    error={error}
                  />
                ))}
              </div>
            );
          })}
          {listErrors.map((error, index) => (
            <UserErrorText
              key={`${error.code}-${index}`}
              id={listErrorIds[index]}
              error={error}
              wording={CHOICE_WORDING}
            />
          ))}
        </fieldset>
      )}
      <div className="wizard-buttons">
        <button type="button" className="secondary" onClick={onBack}>
          {t(offerWords.back)}
        </button>
        <button type="submit" className="primary">
          {t(offerWords.next)}
        </button>
      </div>
    </WizardStep>
  );
}
