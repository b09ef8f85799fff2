import { useMutation } from "@apollo/client/react";
import { useId, useRef, useState } from "react";
import { graphql, getFragmentData, type FragmentType } from "../gql";
import type { UserErrorCode } from "../gql/enums";
import { DateText, useOfficeTimeZone } from "../i18n/dates";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { timesAmount, useNumbers } from "../i18n/numbers";
import { momentOfInput } from "../i18n/wallClock";
import { words } from "../i18n/words";
import { ChoiceRow, type Choice } from "./ChoiceRow";
import { TermsText } from "../terms/TermsText";
import { useTerms } from "../terms/useTerms";
import {
  add,
  FieldRefusals,
  keyOf,
  useFocusFirstRefusal,
  type Place,
  type Refusals,
} from "./refusals";
import { StepHeading } from "./StepHeading";

const ChooseStepPreview = graphql(`
  fragment ChooseStep_preview on OfferPreview {
    sourceOffice {
      id
      name
      officeCode
    }
    package
    offeredAt
    expiresAt
    requesterName
    pricePerAdministration {
      amount
      currency
    }
    connections {
      nodes {
        id
        name
      }
    }
  }
`);

const ChooseStepRow = graphql(`
  fragment ChooseStep_row on OfferPreviewAdministration {
    id
    administration {
      id
      administrationName
      migration {
        id
      }
    }
    ...ChoiceRow_row
  }
`);

const ClaimOffered = graphql(`
  mutation ClaimOffered($input: ClaimMigrationInput!) {
    claimMigration(input: $input) {
      migration {
        id
      }
      userErrors {
        code
        field
        message
        retryAt
      }
    }
  }
`);

const RejectOffered = graphql(`
  mutation RejectOffered($input: RejectMigrationInput!) {
    rejectMigration(input: $input) {
      migration {
        id
      }
      userErrors {
        code
        field
        message
        retryAt
      }
    }
  }
`);

interface UserErrorAnswer {
  code: UserErrorCode;
  field: readonly string[] | null;
  retryAt: string | null;
}

export interface Sent {
  migrationId: string;
  received: string[];
  rejected: string[];
}

interface Row {
  key: string;
  itemId: string;
}

const SUB_FIELDS: Readonly<Record<string, Place>> = {
  administrationCode: "code",
  connectionId: "connection",
  notBefore: "moment",
};

/** Where a claim's userError belongs: `["input", "administrations", 2, "administrationCode"]`. */
function claimPlace(field: readonly string[] | null, receiving: readonly Row[]): string {
  const [, top, index, sub] = field ?? [];
  if (top === "acceptTerms" || top === "termsVersion") return keyOf("terms");
  if (top === "acceptCosts") return keyOf("costs");
  const row =
    top === "administrations" && index !== undefined ? receiving[Number(index)] : undefined;
  if (!row) return keyOf("general");
  return keyOf((sub === undefined ? undefined : SUB_FIELDS[sub]) ?? "row", row.key);
}

/** Where a rejection's userErrors belong, for the rows sent together with one reason. */
function rejectPlaces(field: readonly string[] | null, group: readonly Row[]): string[] {
  const [, top, index] = field ?? [];
  if (top === "reason") return group.map((row) => keyOf("reason", row.key));
  const row =
    top === "migrationAdministrationIds" && index !== undefined ? group[Number(index)] : undefined;
  return [row ? keyOf("row", row.key) : keyOf("general")];
}

function refusal(answer: UserErrorAnswer, key: string) {
  const place = key.split(":")[0] as Place;
  return {
    kind: "api" as const,
    code: answer.code,
    field: answer.field,
    retryAt: answer.retryAt,
    place,
  };
}

/**
 * Step 2: the offer as the code shows it, a choice per administration, the terms and the costs,
 * and sending: one claim for everything received (all or nothing), then the rejections.
 */
export function ChooseStep({
  transferCode,
  preview: previewRef,
  rows: rowRefs,
  onSent,
  onOtherCode,
}: {
  transferCode: string;
  preview: FragmentType<typeof ChooseStepPreview>;
  rows: readonly FragmentType<typeof ChooseStepRow>[];
  onSent: (sent: Sent) => void;
  onOtherCode: () => void;
}) {
  const t = useWords();
  const id = useId();
  const numbers = useNumbers();
  const timeZone = useOfficeTimeZone();
  const preview = getFragmentData(ChooseStepPreview, previewRef);
  const rows = rowRefs.map((ref) => getFragmentData(ChooseStepRow, ref));
  const connections = preview.connections.nodes;
  const [choices, setChoices] = useState<Readonly<Record<string, Choice>>>({});
  const [termsAccepted, setTermsAccepted] = useState(false);
  const terms = useTerms();
  const [costsAccepted, setCostsAccepted] = useState(false);
  const [refusals, setRefusals] = useState<Refusals>({});
  const [answered, setAnswered] = useState(0);
  const [sent, setSent] = useState<Readonly<Record<string, "RECEIVED" | "REJECTED">>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstRefusal(form, answered);
  const [claim] = useMutation(ClaimOffered);
  const [reject] = useMutation(RejectOffered);

  const blank: Choice = {
    action: "LATER",
    connectionId: connections[0]?.id ?? "",
    code: "",
    reason: "",
    notBefore: "",
  };
  const choiceOf = (key: string) => choices[key] ?? blank;
  const open = rows.filter((row) => sent[row.id] === undefined);
  const chosen = (action: Choice["action"]): Row[] =>
    open
      .filter((row) => choiceOf(row.id).action === action)
      .map((row) => ({ key: row.id, itemId: row.administration.id }));
  const receiving = chosen("RECEIVE");
  const price = preview.pricePerAdministration;
  const total = numbers.money(timesAmount(price.amount, receiving.length), price.currency);
  const office = t(words.officeOf)(preview.sourceOffice.name, preview.sourceOffice.officeCode);

  const send = async () => {
    if (busy) return;
    const toReceive = chosen("RECEIVE");
    const toReject = chosen("REJECT");
    let found: Refusals = {};
    const done = { ...sent };
    const finish = () => {
      setSent(done);
      setRefusals(found);
      setAnswered((n) => n + 1);
      setBusy(false);
    };
    if (toReceive.length === 0 && toReject.length === 0) {
      found = add(found, keyOf("general"), { kind: "said", phrase: words.nothingChosen });
      finish();
      return;
    }
    setBusy(true);
    try {
      if (toReceive.length > 0) {
        const answer = await claim({
          variables: {
            input: {
              transferCode,
              acceptTerms: termsAccepted,
              termsVersion: terms?.version ?? "",
              acceptCosts: costsAccepted,
              administrations: toReceive.map((row) => {
                const choice = choiceOf(row.key);
                return {
                  migrationAdministrationId: row.itemId,
                  connectionId: choice.connectionId,
                  administrationCode: choice.code.trim() || null,
                  notBefore: momentOfInput(choice.notBefore, timeZone),
                };
              }),
            },
          },
        });
        const errors = answer.data?.claimMigration.userErrors ?? [];
        for (const error of errors) {
          const key = claimPlace(error.field, toReceive);
          found = add(found, key, refusal(error, key));
        }
        if (errors.length > 0) {
          finish();
          return;
        }
        for (const row of toReceive) done[row.key] = "RECEIVED";
      }
      // One rejection per reason given, so each reason reaches the sender with its administrations.
      const byReason = new Map<string, Row[]>();
      for (const row of toReject) {
        const reason = choiceOf(row.key).reason.trim();
        byReason.set(reason, [...(byReason.get(reason) ?? []), row]);
      }
      for (const [reason, group] of byReason) {
        const answer = await reject({
          variables: {
            input: {
              transferCode,
              migrationAdministrationIds: group.map((row) => row.itemId),
              reason: reason || null,
            },
          },
        });
        const errors = answer.data?.rejectMigration.userErrors ?? [];
        for (const error of errors) {
          for (const key of rejectPlaces(error.field, group))
            found = add(found, key, refusal(error, key));
        }
        if (errors.length === 0) for (const row of group) done[row.key] = "REJECTED";
      }
    } catch (error) {
      found = add(found, keyOf("general"), { kind: "error", error });
    }
    finish();
    const first = rows[0];
    if (Object.keys(found).length === 0 && first) {
      const names = (outcome: "RECEIVED" | "REJECTED") =>
        rows
          .filter((row) => done[row.id] === outcome)
          .map((row) => row.administration.administrationName);
      onSent({
        migrationId: first.administration.migration.id,
        received: names("RECEIVED"),
        rejected: names("REJECTED"),
      });
    }
  };

  const invalid = (place: "terms" | "costs") => (refusals[keyOf(place)] ? true : undefined);
  return (
    <section aria-labelledby={`${id}-title`} className="wizard-step">
      <StepHeading id={`${id}-title`}>{t(words.offerFrom)(office)}</StepHeading>
      <dl className="facts-list">
        <div>
          <dt>{t(words.fromOffice)}</dt>
          <dd>{office}</dd>
        </div>
        <div>
          <dt>{t(words.offeredBy)}</dt>
          <dd>{preview.requesterName}</dd>
        </div>
        <div>
          <dt>{t(words.packageLabel)}</dt>
          <dd>{t(labels.AccountingPackage[preview.package])}</dd>
        </div>
        <div>
          <dt>{t(words.offeredOn)}</dt>
          <dd>
            <DateText value={preview.offeredAt} />
          </dd>
        </div>
        <div>
          <dt>{t(words.expiresOn)}</dt>
          <dd>
            <DateText value={preview.expiresAt} />
          </dd>
        </div>
        <div>
          <dt>{t(words.pricePerAdministrationLabel)}</dt>
          <dd>{numbers.money(price.amount, price.currency)}</dd>
        </div>
      </dl>
      <form
        ref={form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <FieldRefusals id={`${id}-general`} refusals={refusals[keyOf("general")]} focusable />
        <h3>{t(words.offeredAdministrations)}</h3>
        <p>{t(words.chooseIntro)}</p>
        {rows.map((row) => (
          <ChoiceRow
            key={row.id}
            row={row}
            choice={choiceOf(row.id)}
            onChange={(choice) => setChoices((now) => ({ ...now, [row.id]: choice }))}
            connections={connections}
            refusals={refusals}
            sent={sent[row.id]}
          />
        ))}
        {receiving.length > 0 && (
          <div className="accept">
            <h3>{t(words.costsTitle)}</h3>
            <p>{t(words.pricePerAdministration)(numbers.money(price.amount, price.currency))}</p>
            <p aria-live="polite">{t(words.costsTotal)(receiving.length, total)}</p>
            <h3>{t(words.termsTitle)}</h3>
            <TermsText terms={terms} />
            <div className="check">
              <input
                id={`${id}-terms`}
                type="checkbox"
                checked={termsAccepted}
                // Terms are accepted as shown: not before their text (and version) is there.
                disabled={terms === null}
                onChange={(event) => setTermsAccepted(event.target.checked)}
                aria-invalid={invalid("terms")}
                aria-describedby={invalid("terms") && `${id}-terms-errors`}
              />
              <label htmlFor={`${id}-terms`}>{t(words.acceptTerms)}</label>
            </div>
            <FieldRefusals id={`${id}-terms-errors`} refusals={refusals[keyOf("terms")]} />
            <div className="check">
              <input
                id={`${id}-costs`}
                type="checkbox"
                checked={costsAccepted}
                onChange={(event) => setCostsAccepted(event.target.checked)}
                aria-invalid={invalid("costs")}
                aria-describedby={invalid("costs") && `${id}-costs-errors`}
              />
              <label htmlFor={`${id}-costs`}>{t(words.acceptCosts)(total)}</label>
            </div>
            <FieldRefusals id={`${id}-costs-errors`} refusals={refusals[keyOf("costs")]} />
          </div>
        )}
        <div className="wizard-buttons">
          <button type="submit" className="primary" aria-disabled={busy}>
            {busy ? t(words.sending) : t(words.sendChoices)}
          </button>
          <button type="button" className="link-button" onClick={onOtherCode}>
            {t(words.otherCode)}
          </button>
        </div>
      </form>
    </section>
  );
}
