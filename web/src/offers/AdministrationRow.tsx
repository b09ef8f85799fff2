import { graphql, getFragmentData, type FragmentType } from "../gql";
import { DateText } from "../i18n/dates";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";
import { words } from "../i18n/words";
import { MoveReceipt } from "../migration/MoveReceipt";
import { NotBeforeText } from "../migration/NotBeforeText";
import { RetryButton } from "../migration/RetryButton";
import { WithdrawButton } from "../migration/WithdrawButton";
import { StatusText } from "../overview/StatusText";
import { ProgressBar } from "../progress/ProgressBar";

const AdministrationRowItem = graphql(`
  fragment OfferAdministrationRow_item on MigrationAdministration {
    id
    status
    statusChangedAt
    notBefore
    administrationName
    administrationCode
    inboundMailAddress
    failure
    reason
    allowedActions
    progress {
      documentsDone
      documentsTotal
      documentsPerSecond
      expectedCompletionAt
    }
    receipt {
      id
      ...MoveReceipt_receipt
    }
    ...WithdrawButton_item
  }
`);

/** One administration of the offer: its status, its live progress, why, and what may be done. */
export function AdministrationRow({
  item,
  onWithdrawn,
}: {
  item: FragmentType<typeof AdministrationRowItem>;
  onWithdrawn: (name: string) => void;
}) {
  const t = useWords();
  const row = getFragmentData(AdministrationRowItem, item);
  const actions = row.allowedActions;
  const moving = row.status === "QUEUED" || row.status === "RUNNING";
  const showsProgress = moving || row.status === "COMPLETED" || row.status === "FAILED";
  return (
    <tr role="row" data-status={row.status}>
      <th scope="row" role="rowheader">
        <span className="name">{row.administrationName}</span>
        <span className="code">{row.administrationCode}</span>
        {row.inboundMailAddress && <span className="code address">{row.inboundMailAddress}</span>}
      </th>
      <td role="cell" data-label={t(words.columnStatus)}>
        <StatusText status={row.status} />
        <span className="since">
          {t(offerWords.since)} <DateText value={row.statusChangedAt} />
        </span>
        {row.status === "QUEUED" && row.notBefore && (
          <span className="since">
            <NotBeforeText value={row.notBefore} />
          </span>
        )}
      </td>
      <td role="cell" className="progress-cell" data-label={t(offerWords.columnProgress)}>
        {showsProgress ? (
          <ProgressBar
            name={row.administrationName}
            status={row.status}
            done={row.progress.documentsDone}
            total={row.progress.documentsTotal}
            pace={row.progress}
          />
        ) : (
          <span className="empty">{t(offerWords.notStarted)}</span>
        )}
      </td>
      <td role="cell" className="about" data-label={t(offerWords.columnAbout)}>
        {row.status === "FAILED" && row.failure && (
          <p className="failure">{t(labels.MoveFailure[row.failure])}</p>
        )}
        {row.reason && (
          <p className="reason-text">
            {row.status === "REJECTED" ? t(offerWords.rejectedBecause) : t(offerWords.serverSays)}{" "}
            <q>{row.reason}</q>
          </p>
        )}
        {row.receipt && <MoveReceipt receipt={row.receipt} />}
      </td>
      <td role="cell" className="actions">
        {actions.includes("RETRY") && <RetryButton id={row.id} name={row.administrationName} />}
        {actions.includes("WITHDRAW") && <WithdrawButton item={row} onWithdrawn={onWithdrawn} />}
      </td>
    </tr>
  );
}
