import { graphql, getFragmentData, type FragmentType } from "../gql";
import type { MigrationStatus } from "../gql/enums";
import { labels, valuesOf } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import type { OverviewControls } from "./controls";

const StatusFilterCounts = graphql(`
  fragment StatusFilter_counts on MigrationStatusCounts {
    offered
    withdrawn
    expired
    rejected
    queued
    running
    completed
    failed
    total
  }
`);

function countOf(
  counts: Readonly<Record<Lowercase<MigrationStatus>, number>>,
  status: MigrationStatus,
): number {
  return counts[status.toLowerCase() as Lowercase<MigrationStatus>];
}

/** The status tabs of an overview, each with how many rows the search finds in it. */
export function StatusFilter({
  counts,
  controls,
}: {
  counts: FragmentType<typeof StatusFilterCounts> | undefined;
  controls: OverviewControls;
}) {
  const t = useWords();
  const shown = getFragmentData(StatusFilterCounts, counts);
  const tabs: { status: MigrationStatus | null; label: string; count: number | undefined }[] = [
    { status: null, label: t(words.allStatuses), count: shown?.total },
    ...valuesOf("MigrationStatus").map((status) => ({
      status,
      label: t(labels.MigrationStatus[status]),
      count: shown ? countOf(shown, status) : undefined,
    })),
  ];
  return (
    <div role="group" aria-label={t(words.statusFilter)} className="status-filter">
      {tabs.map((tab) => (
        <button
          key={tab.status ?? "ALL"}
          type="button"
          aria-pressed={controls.status === tab.status}
          data-status={tab.status ?? "ALL"}
          onClick={() => controls.filter(tab.status)}
        >
          <span className="status-label">{tab.label}</span>{" "}
          {tab.count !== undefined && <span className="count">{tab.count}</span>}
        </button>
      ))}
    </div>
  );
}
