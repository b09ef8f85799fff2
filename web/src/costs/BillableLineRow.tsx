import { graphql, getFragmentData, type FragmentType } from "../gql";
import { DateText } from "../i18n/dates";
import { useWords } from "../i18n/language";
import { useNumbers } from "../i18n/numbers";
import { words } from "../i18n/words";
import { receivedPath } from "../receive/paths";
import { Link } from "../router/router";

const BillableLineRowLine = graphql(`
  fragment BillableLineRow_line on BillableLine {
    id
    createdAt
    amount
    currency
    acceptedByName
    administration {
      id
      administrationName
      administrationCode
      sourceOffice {
        id
        name
        officeCode
      }
    }
    migration {
      id
    }
  }
`);

/** One charge: the administration moved in, from which office, when, how much, accepted by whom. */
export function BillableLineRow({ line: ref }: { line: FragmentType<typeof BillableLineRowLine> }) {
  const t = useWords();
  const numbers = useNumbers();
  const line = getFragmentData(BillableLineRowLine, ref);
  const moved = line.administration;
  return (
    <tr>
      <th scope="row">
        <Link to={receivedPath(line.migration.id)} className="name">
          {moved.administrationName}
        </Link>
        <span className="code">{moved.administrationCode}</span>
      </th>
      <td className="number">{numbers.money(line.amount, line.currency)}</td>
      <td>
        <DateText value={line.createdAt} />
      </td>
      <td>{t(words.officeOf)(moved.sourceOffice.name, moved.sourceOffice.officeCode)}</td>
      <td>{line.acceptedByName}</td>
    </tr>
  );
}
