import { useId } from "react";
import { documentsPath } from "../documents/paths";
import { graphql, getFragmentData, type FragmentType } from "../gql";
import { useDates } from "../i18n/dates";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { useNumbers } from "../i18n/numbers";
import { words } from "../i18n/words";
import { StatusText } from "../overview/StatusText";
import { ProgressBar } from "../progress/ProgressBar";
import { Link } from "../router/router";
import { RECEIVE_PATH } from "./ReceiveScreen";
import { ReceiverActions } from "./ReceiverActions";

const ReceivedItemItem = graphql(`
  fragment ReceivedItem_item on MigrationAdministration {
    id
    status
    statusChangedAt
    notBefore
    administrationName
    administrationCode
    reason
    failure
    progress {
      documentsDone
      documentsTotal
      documentsPerSecond
      expectedCompletionAt
    }
    receipt {
      id
      documentsMoved
      bytesMoved
      checksumsVerified
      verification
      completedAt
    }
    administration {
      id
      code
      name
      inboundMailAddress
    }
    ...ReceiverActions_item
  }
`);

/**
 * One administration of the offer as the receiver follows it: its status (live), the progress
 * of its move, why it failed and what may be done, and the receipt once it has arrived.
 */
export function ReceivedItem({
  item,
  onNews,
}: {
  item: FragmentType<typeof ReceivedItemItem>;
  onNews: (news: string) => void;
}) {
  const t = useWords();
  const id = useId();
  const { dateTime, moment } = useDates();
  const numbers = useNumbers();
  const row = getFragmentData(ReceivedItemItem, item);
  const { documentsDone, documentsTotal } = row.progress;
  const followed = ["QUEUED", "RUNNING", "COMPLETED"].includes(row.status);
  const receipt = row.receipt;
  const arrived = row.administration;
  return (
    <article className="received-item" aria-labelledby={`${id}-name`}>
      <div className="received-head">
        <h3 id={`${id}-name`}>
          <span className="name">{row.administrationName}</span>
          <span className="code">{row.administrationCode}</span>
        </h3>
        <div aria-live="polite">
          <StatusText status={row.status} />
        </div>
      </div>
      {followed && (
        <ProgressBar
          name={row.administrationName}
          status={row.status}
          done={documentsDone}
          total={documentsTotal}
          pace={row.progress}
        />
      )}
      {row.status === "QUEUED" && (
        <p className="hint">
          {row.notBefore
            ? t(words.queuedUntilText)(moment(row.notBefore))
            : t(words.queuedText)}
        </p>
      )}
      {row.status === "OFFERED" && (
        <p>
          {t(words.stillOfferedText)} <Link to={RECEIVE_PATH}>{t(words.enterCode)}</Link>
        </p>
      )}
      {row.status === "FAILED" && (
        <div className="failure">
          {row.failure && (
            <p className="error">{t(words.failedBecause)(t(labels.MoveFailure[row.failure]))}</p>
          )}
          {row.reason && (
            <p className="hint">
              {t(words.serverSays)} <span lang="en">{row.reason}</span>
            </p>
          )}
          <p>{t(words.failedUntouched)}</p>
        </div>
      )}
      {row.status === "REJECTED" && row.reason && (
        <p>
          {t(words.rejectedWithReason)} <q>{row.reason}</q>
        </p>
      )}
      {row.status === "COMPLETED" && receipt && (
        <section aria-labelledby={`${id}-receipt`} className="receipt">
          <h4 id={`${id}-receipt`}>{t(words.receiptTitle)}</h4>
          <dl className="facts-list">
            <div>
              <dt>{t(words.receiptDocuments)}</dt>
              <dd>{receipt.documentsMoved}</dd>
            </div>
            <div>
              <dt>{t(words.receiptSize)}</dt>
              <dd>{numbers.bytes(receipt.bytesMoved)}</dd>
            </div>
            <div>
              <dt>{t(words.receiptVerified)}</dt>
              <dd>{t(labels.MoveVerification[receipt.verification])}</dd>
            </div>
            <div>
              <dt>{t(words.receiptCompletedAt)}</dt>
              <dd>
                <time dateTime={receipt.completedAt}>{dateTime(receipt.completedAt)}</time>
              </dd>
            </div>
            {arrived && (
              <>
                <div>
                  <dt>{t(words.receiptCode)}</dt>
                  <dd>{arrived.code}</dd>
                </div>
                <div className="whole">
                  <dt>{t(words.receiptInbound)}</dt>
                  <dd className="address">{arrived.inboundMailAddress}</dd>
                </div>
              </>
            )}
          </dl>
          {arrived && (
            <p>
              <Link to={documentsPath(arrived.id)}>{t(words.viewDocumentsOf)(arrived.name)}</Link>
            </p>
          )}
        </section>
      )}
      <ReceiverActions item={row} onDone={onNews} />
    </article>
  );
}
