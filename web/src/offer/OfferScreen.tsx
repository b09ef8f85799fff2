import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useMemo, useState } from "react";
import { useIdempotencyKey, withIdempotencyKey } from "../client/idempotency";
import { graphql } from "../gql";
import type { MailLanguage } from "../gql/enums";
import { useLanguage, useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";
import { words } from "../i18n/words";
import { MigrationPage } from "../layout/MigrationPage";
import { tellOnArrival } from "../offers/news";
import { offerPagePath } from "../offers/paths";
import { navigate } from "../router/router";
import { ErrorMessage } from "../ui/ErrorMessage";
import {
  errorsAt,
  inputPath,
  shownErrors,
  UserErrorText,
  type ShownUserError,
} from "../ui/UserErrorText";
import { useChecklists } from "./checklist";
import { ChecklistStep } from "./ChecklistStep";
import { administrationInputId, ChooseStep, connectionInputId } from "./ChooseStep";
import { recipientsToSend, useRecipientChecks } from "./recipientChecks";
import { recipientInputId } from "./RecipientsField";
import { languageInputId, SendStep, termsInputId } from "./SendStep";
import { StepList } from "./WizardStep";
import "./offer.css";
import { useTerms } from "../terms/useTerms";

export const OFFER_PATH = "/migrations/offer";

const OfferWizard = graphql(`
  query OfferWizard {
    viewer {
      id
      user {
        id
        email
      }
    }
    accountingConnections(first: 100) {
      nodes {
        id
        name
        package
        isMigratable
      }
    }
  }
`);

const OfferMigration = graphql(`
  mutation OfferMigration($input: OfferMigrationInput!) {
    offerMigration(input: $input) {
      migration {
        id
      }
      userErrors {
        ...UserErrorText_error
      }
    }
  }
`);

type Step = 1 | 2 | 3;

/** The row of the form an address was typed in, from its position in the list as sent. */
function rowOfSent(rows: readonly string[], sentIndex: number): number {
  let seen = -1;
  for (const [row, address] of rows.entries()) {
    if (address.trim() !== "") seen += 1;
    if (seen === sentIndex) return row;
  }
  return 0;
}

/** A refusal the screen makes itself before moving on, in the API's own shape and words. */
function refusal(code: ShownUserError["code"], ...path: string[]): ShownUserError {
  return { code, field: ["input", ...path], retryAt: null };
}

/**
 * Verplaats administraties: the help article's wizard. The checklist, the connection and its
 * administrations, the recipients, the mail's language and the terms; then one offerMigration,
 * whose every refusal is shown at its field, on its step, with the focus on the first.
 */
export function OfferScreen() {
  const t = useWords();
  const { language: screenLanguage } = useLanguage();
  const idPrefix = useId();
  const headingId = `${idPrefix}-step`;
  const acknowledgeId = `${idPrefix}-acknowledge`;
  const { data, error } = useQuery(OfferWizard, { fetchPolicy: "cache-and-network" });
  const connections = useMemo(() => data?.accountingConnections?.nodes ?? null, [data]);
  const migratable = useMemo(
    () => connections?.filter((connection) => connection.isMigratable).map((c) => c.id) ?? null,
    [connections],
  );
  const checklists = useChecklists(migratable);
  const allRows = useMemo(
    () => (checklists.rows ? [...checklists.rows.values()].flat() : null),
    [checklists.rows],
  );

  const [step, setStep] = useState<Step>(1);
  const [acknowledged, setAcknowledged] = useState(false);
  const [pickedConnection, setConnectionId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [recipientRows, setRecipientRows] = useState<string[]>([""]);
  const [mailLanguage, setMailLanguage] = useState<MailLanguage>(
    screenLanguage === "en" ? "EN" : "NL",
  );
  const [acceptTerms, setAcceptTerms] = useState(false);
  const terms = useTerms();
  // The refusals of the last attempt (the API's, or the screen's own before moving on), and
  // the administrations as they were sent, whose positions the refusals point at.
  const [refusals, setRefusals] = useState<ShownUserError[]>([]);
  const [sentIds, setSentIds] = useState<string[]>([]);
  const [failedAttempt, setFailedAttempt] = useState(0);
  const [focusOn, setFocusOn] = useState<{ id: string } | null>(null);
  const checks = useRecipientChecks(recipientRows);
  const idempotencyKey = useIdempotencyKey();
  const [offer, sending] = useMutation(OfferMigration);

  // The checklists may still load when step 2 is reached: its heading takes the focus once shown.
  const loaded = connections !== null && (checklists.rows !== null || checklists.error !== null);
  useEffect(() => {
    if (focusOn) document.getElementById(focusOn.id)?.focus();
  }, [focusOn, loaded]);

  // The connection chosen, or the only one there is to choose.
  const connectionId =
    pickedConnection ?? (migratable?.length === 1 ? (migratable[0] ?? null) : null);

  const rowsOfConnection =
    (connectionId === null ? undefined : checklists.rows?.get(connectionId)) ?? [];
  const chosenRows = (allRows ?? []).filter((row) => chosen.includes(row.administration.id));

  const goTo = (next: Step) => {
    setStep(next);
    setFocusOn({ id: headingId });
  };

  const forget = (...path: string[]) =>
    setRefusals((now) =>
      now.filter((error) => !path.every((part, i) => inputPath(error)[i] === part)),
    );

  const errorsForAdministration = (administrationId: string) => {
    const index = sentIds.indexOf(administrationId);
    return index < 0 ? [] : errorsAt(refusals, "administrationIds", String(index));
  };

  /**
   * Where a refusal is shown: its step, its place in the step's reading order, and the control
   * that takes the focus (by id); null for a refusal of the whole request, shown above the step.
   */
  const placeOf = (
    error: ShownUserError,
    rows: readonly string[],
  ): { step: Step; order: number; focus: string } | null => {
    const [field, position] = inputPath(error);
    switch (field) {
      case "acknowledgeUsersDoNotMove":
        return { step: 1, order: 0, focus: acknowledgeId };
      case "administrationIds": {
        const named = position === undefined ? undefined : sentIds[Number(position)];
        const shown = rowsOfConnection.findIndex((row) => row.administration.id === named);
        const first = rowsOfConnection.find((row) => row.canBeOffered)?.administration.id;
        const target = named ?? first;
        return {
          step: 2,
          order: shown < 0 ? rowsOfConnection.length : shown,
          focus: target
            ? administrationInputId(idPrefix, target)
            : connectionInputId(idPrefix, connectionId ?? ""),
        };
      }
      case "recipients": {
        // The row the refused address was typed in; the first row when the whole list was.
        const row = position === undefined ? 0 : rowOfSent(rows, Number(position));
        return { step: 3, order: row, focus: recipientInputId(idPrefix, row) };
      }
      case "language":
        return { step: 3, order: 1000, focus: languageInputId(idPrefix, mailLanguage) };
      case "acceptTerms":
      case "termsVersion":
        return { step: 3, order: 2000, focus: termsInputId(idPrefix) };
      default:
        return null;
    }
  };

  const showRefusals = (found: ShownUserError[], rows: readonly string[]) => {
    setRefusals(found);
    setFailedAttempt((n) => n + 1);
    // The first refusal as the user reads the form: by step, then down the step; a refusal of
    // the whole request first of all, above the step it was sent from.
    const places = found.map(
      (error) => placeOf(error, rows) ?? { step, order: -1, focus: `${idPrefix}-refused` },
    );
    const [first] = places.sort((a, b) => a.step - b.step || a.order - b.order);
    if (!first) return;
    setStep(first.step);
    setFocusOn({ id: first.focus });
  };

  const fromChecklist = () => {
    if (!acknowledged) {
      showRefusals([refusal("ACKNOWLEDGEMENT_REQUIRED", "acknowledgeUsersDoNotMove")], []);
      return;
    }
    forget("acknowledgeUsersDoNotMove");
    goTo(2);
  };

  const fromChoice = () => {
    if (chosen.length === 0) {
      setSentIds([]);
      showRefusals([refusal("REQUIRED", "administrationIds")], []);
      return;
    }
    forget("administrationIds");
    goTo(3);
  };

  const send = async () => {
    if (sending.loading) return;
    const recipients = recipientsToSend(recipientRows);
    const input = {
      administrationIds: chosen,
      recipients,
      acknowledgeUsersDoNotMove: acknowledged,
      acceptTerms,
      termsVersion: terms?.version ?? "",
      language: mailLanguage,
    };
    const answer = await offer({
      variables: { input },
      context: withIdempotencyKey(idempotencyKey(input)),
    }).catch(() => null);
    const payload = answer?.data?.offerMigration;
    if (!payload) {
      setFocusOn({ id: `${idPrefix}-failed` });
      return;
    }
    const found = shownErrors(payload.userErrors);
    checks.takeAnswer(recipients, found);
    if (payload.migration && found.length === 0) {
      const path = offerPagePath(payload.migration.id);
      tellOnArrival(path, offerWords.offerSent);
      navigate(path);
      return;
    }
    setSentIds(chosen);
    showRefusals(found, recipientRows);
  };

  // Refusals that point at nothing the form shows (the whole request: not allowed, ...).
  const unplaced = refusals.filter((error) => placeOf(error, recipientRows) === null);
  const titles = [t(offerWords.stepChecklist), t(offerWords.stepChoose), t(offerWords.stepSend)];

  return (
    <MigrationPage title={t(words.offerTitle)}>
      <p className="lead">{t(words.offerChoice)}</p>
      <StepList current={step} titles={titles} />
      {error && <ErrorMessage error={error} />}
      {checklists.error !== null && <ErrorMessage error={checklists.error} />}
      {failedAttempt > 0 && refusals.length > 0 && (
        <p role="alert" className="error" key={failedAttempt}>
          {t(offerWords.correctFirst)(refusals.length)}
        </p>
      )}
      {unplaced.length > 0 && (
        <div id={`${idPrefix}-refused`} tabIndex={-1}>
          {unplaced.map((found, index) => (
            <UserErrorText key={`${found.code}-${index}`} error={found} />
          ))}
        </div>
      )}
      {sending.error && (
        <div id={`${idPrefix}-failed`} tabIndex={-1}>
          <ErrorMessage error={sending.error} />
        </div>
      )}
      {step === 1 && (
        <ChecklistStep
          headingId={headingId}
          acknowledgeId={acknowledgeId}
          rows={allRows}
          acknowledged={acknowledged}
          onAcknowledge={(value) => {
            setAcknowledged(value);
            forget("acknowledgeUsersDoNotMove");
          }}
          errors={errorsAt(refusals, "acknowledgeUsersDoNotMove")}
          onNext={fromChecklist}
        />
      )}
      {step === 2 && !loaded && <p className="news">{t(words.loading)}</p>}
      {step === 2 && loaded && (
        <ChooseStep
          headingId={headingId}
          idPrefix={idPrefix}
          connections={connections}
          rows={rowsOfConnection}
          connectionId={connectionId}
          onConnection={(next) => {
            setConnectionId(next);
            setChosen([]);
            forget("administrationIds");
          }}
          chosen={chosen}
          onToggle={(administrationId, on) => {
            setChosen((now) =>
              on ? [...now, administrationId] : now.filter((id) => id !== administrationId),
            );
            forget("administrationIds");
          }}
          errorsFor={errorsForAdministration}
          listErrors={errorsAt(refusals, "administrationIds")}
          onBack={() => goTo(1)}
          onNext={fromChoice}
        />
      )}
      {step === 3 && (
        <SendStep
          headingId={headingId}
          idPrefix={idPrefix}
          chosenRows={chosenRows}
          ownAddress={data?.viewer?.user.email ?? null}
          recipientRows={recipientRows}
          onRecipients={setRecipientRows}
          checks={checks}
          language={mailLanguage}
          onLanguage={setMailLanguage}
          languageErrors={errorsAt(refusals, "language")}
          terms={terms}
          acceptTerms={acceptTerms}
          onAcceptTerms={(value) => {
            setAcceptTerms(value);
            forget("acceptTerms");
          }}
          termsErrors={[...errorsAt(refusals, "acceptTerms"), ...errorsAt(refusals, "termsVersion")]}
          sending={sending.loading}
          onBack={() => goTo(2)}
          onSend={() => void send()}
        />
      )}
    </MigrationPage>
  );
}
