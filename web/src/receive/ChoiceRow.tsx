import { useId } from "react";
import { graphql, getFragmentData, type FragmentType } from "../gql";
import type { AccountingPackage, MigrationStatus } from "../gql/enums";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { MomentField } from "./MomentField";
import { FieldRefusals, keyOf, type Refusals } from "./refusals";

const ChoiceRowRow = graphql(`
  fragment ChoiceRow_row on OfferPreviewAdministration {
    id
    documentCount
    canReceive
    stillOffered
    duplicateInTarget
    codeInUse
    hasConnectionOfPackage
    administration {
      id
      status
      allowedActions
      administrationName
      administrationCode
      package
    }
  }
`);

export type Action = "RECEIVE" | "REJECT" | "LATER";

/** Why an administration cannot be received (or needs another code), as the preview says. */
type Obstacle = "NOT_OFFERED" | "DUPLICATE_IN_TARGET" | "NO_CONNECTION_OF_PACKAGE" | "CODE_IN_USE";

/** The preview's own answers about one administration, as sentences to show beside it. */
function obstaclesOf(row: {
  stillOffered: boolean;
  duplicateInTarget: boolean;
  hasConnectionOfPackage: boolean;
  codeInUse: boolean;
}): Obstacle[] {
  const found: Obstacle[] = [];
  if (!row.stillOffered) found.push("NOT_OFFERED");
  if (row.duplicateInTarget) found.push("DUPLICATE_IN_TARGET");
  if (!row.hasConnectionOfPackage) found.push("NO_CONNECTION_OF_PACKAGE");
  if (row.codeInUse && row.stillOffered && !row.duplicateInTarget) found.push("CODE_IN_USE");
  return found;
}

/** What the user chose for one administration. */
export interface Choice {
  action: Action;
  connectionId: string;
  code: string;
  reason: string;
  /** The datetime-local value, in the office's time; empty for as soon as possible. */
  notBefore: string;
}

export interface Connection {
  id: string;
  name: string;
}

function ObstacleText({
  obstacle,
  row,
}: {
  obstacle: Obstacle;
  row: {
    administrationCode: string;
    administrationName: string;
    package: AccountingPackage;
    status: MigrationStatus;
  };
}) {
  const t = useWords();
  switch (obstacle) {
    case "NOT_OFFERED":
      return t(words.whyNotOffered)(t(labels.MigrationStatus[row.status]));
    case "DUPLICATE_IN_TARGET":
      return t(words.whyDuplicate)(row.administrationCode, row.administrationName);
    case "NO_CONNECTION_OF_PACKAGE":
      return t(words.whyNoConnection)(t(labels.AccountingPackage[row.package]));
    case "CODE_IN_USE":
      return t(words.whyCodeInUse)(row.administrationCode);
  }
}

/**
 * One offered administration: what it is, whether it can be received and why not, and the
 * choice to receive it (into which connection, under which code), reject it (why), or leave it.
 */
export function ChoiceRow({
  row: rowRef,
  choice,
  onChange,
  connections,
  refusals,
  sent,
}: {
  row: FragmentType<typeof ChoiceRowRow>;
  choice: Choice;
  onChange: (choice: Choice) => void;
  connections: readonly Connection[];
  refusals: Refusals;
  sent: "RECEIVED" | "REJECTED" | undefined;
}) {
  const t = useWords();
  const id = useId();
  const row = getFragmentData(ChoiceRowRow, rowRef);
  const item = row.administration;
  // What may be done is the API's to say: the administration's allowedActions, and the
  // preview's canReceive for what receiving it here also needs (a connection, no duplicate).
  const allowed = {
    receive: item.allowedActions.includes("RECEIVE") && row.canReceive,
    reject: item.allowedActions.includes("REJECT"),
    needsOtherCode: row.codeInUse,
    obstacles: obstaclesOf(row),
  };
  const rowKey = row.id;
  const at = (place: "row" | "connection" | "code" | "reason" | "moment") => refusals[keyOf(place, rowKey)];
  const described = (...ids: (string | false)[]) => ids.filter(Boolean).join(" ") || undefined;
  const change = (part: Partial<Choice>) => onChange({ ...choice, ...part });
  const name = `${item.administrationCode} ${item.administrationName}`;
  const locked = sent !== undefined;
  return (
    <fieldset className="choice" aria-describedby={`${id}-about`} disabled={locked}>
      <legend>
        <span className="name">{item.administrationName}</span>
        <span className="code">{item.administrationCode}</span>
      </legend>
      <div id={`${id}-about`}>
        <p className="facts">
          {t(words.documentCount)(row.documentCount)} · {t(labels.AccountingPackage[item.package])}
        </p>
        {sent ? (
          <p className="news" role="status">
            {sent === "RECEIVED" ? t(words.sentReceived) : t(words.sentRejected)}
          </p>
        ) : (
          <ul className="obstacles">
            {allowed.obstacles.length === 0 && <li className="ok">{t(words.canReceive)}</li>}
            {allowed.obstacles.map((obstacle) => (
              <li key={obstacle} className={obstacle === "CODE_IN_USE" ? "warn" : "blocked"}>
                <ObstacleText obstacle={obstacle} row={item} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <FieldRefusals id={`${id}-row-errors`} refusals={at("row")} focusable />
      {!locked && (
        <div className="choice-actions" role="radiogroup" aria-label={name}>
          {(
            [
              ["RECEIVE", words.choiceReceive, allowed.receive],
              ["REJECT", words.choiceReject, allowed.reject],
              ["LATER", words.choiceLater, true],
            ] as const
          ).map(([action, label, possible]) => (
            <label key={action} className="radio">
              <input
                type="radio"
                name={`${id}-action`}
                value={action}
                checked={choice.action === action}
                disabled={!possible}
                onChange={() => change({ action })}
              />
              {t(label)}
            </label>
          ))}
        </div>
      )}
      {!locked && choice.action === "RECEIVE" && (
        <div className="choice-fields">
          <div className="field">
            <label htmlFor={`${id}-connection`}>{t(words.connectionLabel)}</label>
            <select
              id={`${id}-connection`}
              value={choice.connectionId}
              onChange={(event) => change({ connectionId: event.target.value })}
              aria-invalid={at("connection") ? true : undefined}
              aria-describedby={described(!!at("connection") && `${id}-connection-errors`)}
            >
              {connections.map((connection) => (
                <option key={connection.id} value={connection.id}>
                  {connection.name}
                </option>
              ))}
            </select>
            <FieldRefusals id={`${id}-connection-errors`} refusals={at("connection")} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-code`}>{t(words.newCodeLabel)}</label>
            <input
              id={`${id}-code`}
              type="text"
              value={choice.code}
              onChange={(event) => change({ code: event.target.value })}
              autoComplete="off"
              spellCheck={false}
              required={allowed.needsOtherCode}
              aria-invalid={at("code") ? true : undefined}
              aria-describedby={described(`${id}-code-hint`, !!at("code") && `${id}-code-errors`)}
            />
            <p id={`${id}-code-hint`} className="hint">
              {t(words.newCodeHint)(item.administrationCode)}
            </p>
            <FieldRefusals id={`${id}-code-errors`} refusals={at("code")} />
          </div>
          <MomentField
            id={`${id}-moment`}
            value={choice.notBefore}
            onChange={(notBefore) => change({ notBefore })}
            refusals={at("moment")}
          />
        </div>
      )}
      {!locked && choice.action === "REJECT" && (
        <div className="choice-fields">
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t(words.reasonLabel)}</label>
            <textarea
              id={`${id}-reason`}
              value={choice.reason}
              rows={2}
              onChange={(event) => change({ reason: event.target.value })}
              aria-invalid={at("reason") ? true : undefined}
              aria-describedby={described(
                `${id}-reason-hint`,
                !!at("reason") && `${id}-reason-errors`,
              )}
            />
            <p id={`${id}-reason-hint`} className="hint">
              {t(words.reasonHint)}
            </p>
            <FieldRefusals id={`${id}-reason-errors`} refusals={at("reason")} />
          </div>
        </div>
      )}
    </fieldset>
  );
}
