import { graphql, getFragmentData, type FragmentType } from "../gql";
import { DateText } from "../i18n/dates";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { useNumbers } from "../i18n/numbers";
import { DocumentDownload } from "./download";

const DocumentRowDocument = graphql(`
  fragment DocumentRow_document on Document {
    id
    title
    kind
    status
    fileSize
    createdAt
    fileProblem
    ...DocumentDownload_document
  }
`);

/** One document of the archive: what it is, and its file to download (kept near the title, so a
 * narrow window shows it without scrolling sideways). */
export function DocumentRow({
  document: ref,
}: {
  document: FragmentType<typeof DocumentRowDocument>;
}) {
  const t = useWords();
  const numbers = useNumbers();
  const row = getFragmentData(DocumentRowDocument, ref);
  return (
    <tr>
      <th scope="row">
        <span className="name">{row.title}</span>
        {row.fileProblem && <span className="error">{t(labels.FileProblem[row.fileProblem])}</span>}
      </th>
      <td>
        <DocumentDownload document={row} />
      </td>
      <td>{t(labels.DocumentKind[row.kind])}</td>
      <td>{t(labels.DocumentStatus[row.status])}</td>
      <td className="number">{numbers.bytes(row.fileSize)}</td>
      <td>
        <DateText value={row.createdAt} />
      </td>
    </tr>
  );
}
