import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useState } from "react";
import { graphql } from "../gql";
import { DateText, useDates } from "../i18n/dates";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";
import { words } from "../i18n/words";
import { recipientsToSend, useRecipientChecks } from "../offer/recipientChecks";
import { recipientInputId, RecipientsField } from "../offer/RecipientsField";
import { ErrorMessage } from "../ui/ErrorMessage";
import { inputPath, shownErrors, UserErrorText } from "../ui/UserErrorText";

const OfferDeliveries = graphql(`
  query OfferDeliveries($id: ID!) {
    migration(id: $id) {
      id
      recipients
      requesterName
      requesterEmail
      recipientDeliveries(first: 50) {
        nodes {
          id
          address
          state
          serverAnswer
          nextAttemptAt
          updatedAt
        }
      }
    }
  }
`);

const ChangeRecipients = graphql(`
  mutation ChangeMigrationRecipients($input: ChangeMigrationRecipientsInput!) {
    changeMigrationRecipients(input: $input) {
      migration {
        id
        recipients
      }
      userErrors {
        ...UserErrorText_error
      }
    }
  }
`);

const ResendOffer = graphql(`
  mutation ResendMigrationOffer($input: ResendMigrationOfferInput!) {
    resendMigrationOffer(input: $input) {
      sentTo
      skippedRecipients
      userErrors {
        ...UserErrorText_error
      }
    }
  }
`);

// While a mail is still being sent, its state is asked again this often.
const PENDING_POLL_MS = 3000;
const AFTER_A_CHANGE = ["OfferDeliveries", "OfferAudit"];

/** Ontvangers wijzigen: a form with the recipients as they are, sent as a whole. */
function ChangeRecipientsForm({
  migrationId,
  current,
  requester,
  onDone,
  onCancel,
}: {
  migrationId: string;
  current: readonly string[];
  requester: string | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useWords();
  const idPrefix = useId();
  const [rows, setRows] = useState<string[]>(current.length > 0 ? [...current] : [""]);
  const checks = useRecipientChecks(rows);
  const [change, { loading, error, data }] = useMutation(ChangeRecipients, {
    refetchQueries: AFTER_A_CHANGE,
  });
  const refusals = shownErrors(data?.changeMigrationRecipients.userErrors ?? []);
  // Refusals of the recipients are shown at them; any other (the offer no longer stands) here.
  const elsewhere = refusals.filter((refusal) => inputPath(refusal)[0] !== "recipients");
  useEffect(() => {
    document.getElementById(recipientInputId(idPrefix, 0))?.focus();
  }, [idPrefix]);
  const submit = async () => {
    if (loading) return;
    const recipients = recipientsToSend(rows);
    const answer = await change({ variables: { input: { migrationId, recipients } } }).catch(
      () => null,
    );
    const payload = answer?.data?.changeMigrationRecipients;
    if (!payload) return;
    const found = shownErrors(payload.userErrors);
    checks.takeAnswer(recipients, found);
    if (found.length === 0) {
      onDone();
      return;
    }
    // The focus goes to the first refused address, or the first when the list was refused.
    const position = found.map((refusal) => inputPath(refusal)[1]).find((at) => at !== undefined);
    const sent = position === undefined ? 0 : Number(position);
    const row = rows.findIndex((address) => address.trim() === recipients[sent]);
    document.getElementById(recipientInputId(idPrefix, Math.max(row, 0)))?.focus();
  };
  return (
    <form
      className="inline-form"
      noValidate
      aria-label={t(offerWords.changeRecipients)}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <RecipientsField
        idPrefix={idPrefix}
        copyTo={
          requester === null ? null : { address: requester, note: t(offerWords.requesterNote) }
        }
        rows={rows}
        onChange={setRows}
        checks={checks}
      />
      <p className="hint">{t(offerWords.changeRecipientsHint)}</p>
      {error && <ErrorMessage error={error} />}
      {elsewhere.map((refusal, index) => (
        <UserErrorText key={`${refusal.code}-${index}`} error={refusal} />
      ))}
      <div className="wizard-buttons">
        <button type="button" className="secondary" onClick={onCancel}>
          {t(words.cancel)}
        </button>
        <button type="submit" className="primary" aria-disabled={loading}>
          {t(offerWords.saveRecipients)}
        </button>
      </div>
    </form>
  );
}

/** Opnieuw versturen: the offer mail with the code once more, to who may still receive it. */
function ResendButton({
  migrationId,
  onNews,
}: {
  migrationId: string;
  onNews: (text: string) => void;
}) {
  const t = useWords();
  const [resend, { loading, error, data }] = useMutation(ResendOffer, {
    refetchQueries: AFTER_A_CHANGE,
  });
  const refusals = shownErrors(data?.resendMigrationOffer.userErrors ?? []);
  const send = async () => {
    if (loading) return;
    const answer = await resend({ variables: { input: { migrationId } } }).catch(() => null);
    const payload = answer?.data?.resendMigrationOffer;
    if (!payload || payload.userErrors.length > 0) return;
    const said = [t(offerWords.resentTo)(payload.sentTo.join(", "))];
    if (payload.skippedRecipients.length > 0) {
      said.push(t(offerWords.resendSkipped)(payload.skippedRecipients.join(", ")));
    }
    onNews(said.join(" "));
  };
  return (
    <div className="action">
      <button
        type="button"
        className="secondary"
        aria-disabled={loading}
        onClick={() => void send()}
      >
        {t(offerWords.resend)}
      </button>
      {error && <ErrorMessage error={error} />}
      <div role="alert">
        {refusals.map((refusal, index) => (
          <UserErrorText key={`${refusal.code}-${index}`} error={refusal} />
        ))}
      </div>
    </div>
  );
}

/**
 * Ontvangers: per recipient whether the mail with the code arrived, the requester in copy, and
 * (while the offer stands) change them or send the mail again.
 */
export function RecipientsSection({
  migrationId,
  mayChange,
  onNews,
}: {
  migrationId: string;
  mayChange: boolean;
  onNews: (text: string) => void;
}) {
  const t = useWords();
  const { dateTime } = useDates();
  const headingId = useId();
  const formId = useId();
  const [changing, setChanging] = useState(false);
  const { data, error, startPolling, stopPolling } = useQuery(OfferDeliveries, {
    variables: { id: migrationId },
    fetchPolicy: "cache-and-network",
  });
  const migration = data?.migration;
  const deliveries = migration?.recipientDeliveries?.nodes;
  const pending = deliveries?.some((delivery) => delivery.state === "PENDING") ?? false;
  useEffect(() => {
    if (pending) startPolling(PENDING_POLL_MS);
    else stopPolling();
    return () => stopPolling();
  }, [pending, startPolling, stopPolling]);
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t(offerWords.recipientsTitle)}</h2>
      {error && <ErrorMessage error={error} />}
      {migration && (
        <>
          <p>
            {migration.requesterEmail
              ? t(offerWords.requesterInCopy)(migration.requesterName, migration.requesterEmail)
              : t(offerWords.requesterInCopyHidden)(migration.requesterName)}
          </p>
          {deliveries ? (
            <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
              <table className="stack-narrow" role="table">
                <caption className="visually-hidden">{t(offerWords.deliveriesCaption)}</caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th scope="col" role="columnheader">
                      {t(offerWords.columnRecipient)}
                    </th>
                    <th scope="col" role="columnheader">
                      {t(offerWords.columnDelivery)}
                    </th>
                    <th scope="col" role="columnheader">
                      {t(offerWords.columnServerAnswer)}
                    </th>
                    <th scope="col" role="columnheader">
                      {t(offerWords.columnTried)}
                    </th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  {deliveries.map((delivery) => (
                    <tr role="row" key={delivery.id}>
                      <th scope="row" role="rowheader" className="address">
                        {delivery.address}
                      </th>
                      <td role="cell" data-label={t(offerWords.columnDelivery)}>
                        <span className="delivery" data-state={delivery.state}>
                          {t(labels.DeliveryState[delivery.state])}
                        </span>
                        {delivery.nextAttemptAt && (
                          <span className="since">
                            {t(offerWords.nextAttempt)(dateTime(delivery.nextAttemptAt))}
                          </span>
                        )}
                      </td>
                      <td role="cell" data-label={t(offerWords.columnServerAnswer)}>
                        {delivery.serverAnswer ?? <span className="empty">—</span>}
                      </td>
                      <td role="cell" data-label={t(offerWords.columnTried)}>
                        {delivery.updatedAt ? (
                          <DateText value={delivery.updatedAt} />
                        ) : (
                          <span className="empty">—</span>
                        )}
                      </td>
                    </tr>
                  ))}
                  {deliveries.length === 0 && (
                    <tr role="row">
                      <td role="cell" colSpan={4} className="empty">
                        {t(offerWords.noDeliveries)}
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="empty">{t(words.hidden)}</p>
          )}
          {mayChange && (
            <div className="section-actions">
              <button
                type="button"
                className="secondary"
                aria-expanded={changing}
                aria-controls={formId}
                onClick={() => setChanging((open) => !open)}
              >
                {t(offerWords.changeRecipients)}
              </button>
              <ResendButton migrationId={migrationId} onNews={onNews} />
            </div>
          )}
          <div id={formId}>
            {mayChange && changing && (
              <ChangeRecipientsForm
                migrationId={migrationId}
                current={migration.recipients ?? []}
                requester={migration.requesterEmail}
                onCancel={() => setChanging(false)}
                onDone={() => {
                  setChanging(false);
                  onNews(t(offerWords.recipientsChanged));
                }}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}
