// Downloading a document's file. Today the file answers only to the Authorization header
// (Document.downloadPath), so the button fetches it into a Blob and saves that under the
// document's file name. The API's plan adds Document.downloadUrl, a signed link for a few
// minutes that works as a plain <a href download>: THE ONE PLACE to switch, by asking for
// downloadUrl in this fragment and rendering that link instead of the button.
import { useState } from "react";
import { signOut, useSession } from "../client/session";
import { graphql, getFragmentData, type FragmentType } from "../gql";
import { labels } from "../i18n/enums";
import { useWords, type Phrase } from "../i18n/language";
import { words } from "../i18n/words";

const DocumentDownloadDocument = graphql(`
  fragment DocumentDownload_document on Document {
    id
    fileName
    downloadPath
  }
`);

// What the download endpoint answers ({"error": {"code": ...}}), in words.
const PROBLEMS: Readonly<Record<string, Phrase>> = {
  FILE_MISSING: words.downloadMissing,
  FILE_UNREADABLE: words.downloadUnavailable,
  STORAGE_UNAVAILABLE: words.downloadUnavailable,
  SERVICE_UNAVAILABLE: words.downloadUnavailable,
  FORBIDDEN: labels.UserErrorCode.FORBIDDEN,
  NOT_FOUND: labels.UserErrorCode.NOT_FOUND,
};

async function problemOf(response: Response): Promise<Phrase> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: unknown } } | null;
  const code = body?.error?.code;
  return (typeof code === "string" ? PROBLEMS[code] : undefined) ?? words.downloadFailed;
}

function saveAs(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the URL only holds memory.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The document's file name as a button that downloads it, saying in words when that fails. */
export function DocumentDownload({
  document: ref,
}: {
  document: FragmentType<typeof DocumentDownloadDocument>;
}) {
  const t = useWords();
  const { token } = useSession();
  const file = getFragmentData(DocumentDownloadDocument, ref);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Phrase | null>(null);
  const download = async () => {
    if (busy || token === null) return;
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch(file.downloadPath, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (response.status === 401) {
        signOut("refused");
        return;
      }
      if (response.ok) saveAs(await response.blob(), file.fileName);
      else setProblem(await problemOf(response));
    } catch {
      setProblem(words.downloadFailed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="download"
        aria-label={t(words.downloadLabel)(file.fileName)}
        aria-disabled={busy}
        aria-busy={busy}
        onClick={() => void download()}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          width="14"
          height="14"
          className="download-mark"
        >
          <path d="M7 1h2v8l3-3 1.4 1.4L8 12.8 2.6 7.4 4 6l3 3zM2 14h12v2H2z" />
        </svg>
        {file.fileName}
      </button>
      {problem && (
        <p role="alert" className="error">
          {t(problem)}
        </p>
      )}
    </>
  );
}
