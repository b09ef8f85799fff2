import type { MigrationStatus } from "../gql/enums";
import { NotBeforeText } from "../migration/NotBeforeText";
import { ProgressBar, type MovePace } from "../progress/ProgressBar";
import { StatusText } from "./StatusText";

/** What both overviews show under a row's status: a queued move's moment, a running move's bar. */
export function RowStatus({
  row,
}: {
  row: {
    status: MigrationStatus;
    notBefore?: string | null;
    administrationName: string;
    progress: MovePace & { documentsDone: number; documentsTotal: number };
  };
}) {
  return (
    <>
      <StatusText status={row.status} />
      {row.status === "QUEUED" && row.notBefore && (
        <>
          {" · "}
          <NotBeforeText value={row.notBefore} />
        </>
      )}
      {row.status === "RUNNING" && (
        <ProgressBar
          name={row.administrationName}
          status={row.status}
          done={row.progress.documentsDone}
          total={row.progress.documentsTotal}
          pace={row.progress}
        />
      )}
    </>
  );
}
