import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { COSTS_PATH } from "../costs/paths";
import { graphql } from "../gql";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { Link } from "../router/router";
import { ErrorMessage } from "../ui/ErrorMessage";
import { Pager } from "../ui/Pager";
import { PAGE_SIZE, useOverviewControls } from "./controls";
import { ListFrame } from "./ListFrame";
import { ReceivableRow } from "./ReceivableRow";
import { SearchField } from "./SearchField";
import { SortHeader } from "./SortHeader";
import { StatusFilter } from "./StatusFilter";

const ReceivableAdministrations = graphql(`
  query ReceivableAdministrations(
    $search: String
    $status: MigrationStatus
    $orderBy: OverviewOrder
    $first: Int!
    $after: String
  ) {
    receivableAdministrations(
      search: $search
      status: $status
      orderBy: $orderBy
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      statusCounts {
        ...StatusFilter_counts
      }
      nodes {
        id
        ...ReceivableRow_item
      }
    }
  }
`);

/** The administrations offered to this office, and those it received or rejected. */
export function ReceivableSection() {
  const t = useWords();
  const headingId = useId();
  const controls = useOverviewControls();
  const { data, previousData, loading, error } = useQuery(ReceivableAdministrations, {
    variables: controls.variables,
    fetchPolicy: "cache-and-network",
  });
  const list = (data ?? previousData)?.receivableAdministrations;
  const title = t(words.receivableTitle);
  return (
    <section aria-labelledby={headingId} className="overview-list">
      <h2 id={headingId}>{title}</h2>
      <p>
        <Link to={COSTS_PATH}>{t(words.viewCosts)}</Link>
      </p>
      <SearchField
        label={t(words.searchReceivable)}
        hint={t(words.searchReceivableHint)}
        controls={controls}
      />
      <StatusFilter counts={list?.statusCounts} controls={controls} />
      {error && <ErrorMessage error={error} />}
      <ListFrame
        caption={title}
        busy={loading}
        empty={!list || list.nodes.length === 0}
        columns={
          <>
            <SortHeader field="OFFERED_AT" label={t(words.columnOfferedAt)} controls={controls} />
            <SortHeader
              field="ADMINISTRATION_NAME"
              label={t(words.columnAdministration)}
              controls={controls}
            />
            <th scope="col">{t(words.columnPackage)}</th>
            <th scope="col">{t(words.columnSource)}</th>
            <th scope="col">{t(words.columnStatus)}</th>
          </>
        }
        rows={list?.nodes.map((node) => <ReceivableRow key={node.id} item={node} />)}
      />
      {list && (
        <Pager
          page={controls.page}
          pageSize={PAGE_SIZE}
          totalCount={list.totalCount}
          hasNext={list.pageInfo.hasNextPage}
          onPrevious={controls.previous}
          onNext={() => controls.next(list.pageInfo.endCursor)}
        />
      )}
    </section>
  );
}
