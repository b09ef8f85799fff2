import { graphql, getFragmentData, type FragmentType } from "../gql";
import { DateText } from "../i18n/dates";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { useNumbers } from "../i18n/numbers";
import { words } from "../i18n/words";

const DocumentRowDocument = graphql(`
  fragment DocumentRow_document on Document {
    id
    title
    kind
    status
    fileSize
    createdAt
    fileProblem
    fileName
    downloadUrl
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
        {row.downloadUrl ? (
          // A signed link of the API's, for this user and a few minutes: the browser downloads
          // it as any link, without the token. The page reads a new one each time it is shown.
          <a
            href={row.downloadUrl}
            download={row.fileName}
            className="download"
            aria-label={t(words.downloadLabel)(row.fileName)}
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="download-mark">
              <path d="M7 1h2v8l3-3 1.4 1.4L8 12.8 2.6 7.4 4 6l3 3zM2 14h12v2H2z" />
            </svg>
            {row.fileName}
          </a>
        ) : (
          <span className="file-name">{row.fileName}</span>
        )}
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
