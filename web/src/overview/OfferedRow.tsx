import { graphql, getFragmentData, type FragmentType } from "../gql";
import { DateText } from "../i18n/dates";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { offerPagePath } from "../offers/paths";
import { Link } from "../router/router";
import { RowStatus } from "./RowStatus";
import { WithdrawButton } from "../migration/WithdrawButton";

const OfferedRowItem = graphql(`
  fragment OfferedRow_item on MigrationAdministration {
    id
    status
    notBefore
    offeredAt
    expiresAt
    administrationName
    administrationCode
    inboundMailAddress
    transferCode
    recipients
    targetOffice {
      id
      name
      officeCode
    }
    progress {
      documentsDone
      documentsTotal
      documentsPerSecond
      expectedCompletionAt
    }
    migration {
      id
    }
    ...WithdrawButton_item
  }
`);

function Hidden() {
  const t = useWords();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t(words.hidden)}</span>
    </>
  );
}

/** One administration the office offered, as the article lists it, with its Intrekken button. */
export function OfferedRow({
  item,
  onWithdrawn,
}: {
  item: FragmentType<typeof OfferedRowItem>;
  onWithdrawn: (name: string) => void;
}) {
  const row = getFragmentData(OfferedRowItem, item);
  return (
    <tr>
      <td>
        <DateText value={row.offeredAt} />
      </td>
      <th scope="row">
        <Link to={offerPagePath(row.migration.id)} className="name">
          {row.administrationName}
        </Link>
        <span className="code">{row.administrationCode}</span>
      </th>
      <td className="address">{row.inboundMailAddress}</td>
      <td>
        <DateText value={row.expiresAt} />
      </td>
      <td className="transfer-code">{row.transferCode ?? <Hidden />}</td>
      <td className="address">
        {row.recipients ? (
          <ul className="plain">
            {row.recipients.map((address) => (
              <li key={address}>{address}</li>
            ))}
          </ul>
        ) : (
          <Hidden />
        )}
      </td>
      <td>
        {row.targetOffice ? (
          <>
            <span className="office">{row.targetOffice.name}</span>
            <span className="code">{row.targetOffice.officeCode}</span>
          </>
        ) : (
          "—"
        )}
      </td>
      <td className="status-cell">
        <RowStatus row={row} />
        <WithdrawButton item={row} onWithdrawn={onWithdrawn} />
      </td>
    </tr>
  );
}
