import { graphql, getFragmentData, type FragmentType } from "../gql";
import { DateText } from "../i18n/dates";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { receivedPath } from "../receive/paths";
import { Link } from "../router/router";
import { RowStatus } from "./RowStatus";

const ReceivableRowItem = graphql(`
  fragment ReceivableRow_item on MigrationAdministration {
    id
    status
    notBefore
    offeredAt
    administrationName
    administrationCode
    chosenCode
    package
    sourceOffice {
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
  }
`);

/**
 * One administration offered to this office, or received or rejected by it; its name leads to
 * the offer as the receiver follows it.
 */
export function ReceivableRow({ item }: { item: FragmentType<typeof ReceivableRowItem> }) {
  const t = useWords();
  const row = getFragmentData(ReceivableRowItem, item);
  return (
    <tr>
      <td>
        <DateText value={row.offeredAt} />
      </td>
      <th scope="row">
        <Link to={receivedPath(row.migration.id)} className="name">
          {row.administrationName}
        </Link>
        <span className="code">{row.administrationCode}</span>
        {row.chosenCode && row.chosenCode !== row.administrationCode && (
          // The code it gets here, which the search finds too.
          <span className="code">{t(words.chosenCodeHere)(row.chosenCode)}</span>
        )}
      </th>
      <td>{t(labels.AccountingPackage[row.package])}</td>
      <td>{t(words.officeOf)(row.sourceOffice.name, row.sourceOffice.officeCode)}</td>
      <td className="status-cell">
        <RowStatus row={row} />
      </td>
    </tr>
  );
}
