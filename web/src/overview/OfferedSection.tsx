import { useQuery } from "@apollo/client/react";
import { useEffect, useId, useRef, useState } from "react";
import { graphql } from "../gql";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { ErrorMessage } from "../ui/ErrorMessage";
import { Pager } from "../ui/Pager";
import { PAGE_SIZE, useOverviewControls } from "./controls";
import { ListFrame } from "./ListFrame";
import { OfferedRow } from "./OfferedRow";
import { SearchField } from "./SearchField";
import { SortHeader } from "./SortHeader";
import { StatusFilter } from "./StatusFilter";

const OfferedAdministrations = graphql(`
  query OfferedAdministrations(
    $search: String
    $status: MigrationStatus
    $orderBy: OverviewOrder
    $first: Int!
    $after: String
  ) {
    offeredAdministrations(
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
        ...OfferedRow_item
      }
    }
  }
`);

/** The administrations this office offered: search, status tabs, sort, pages, withdraw. */
export function OfferedSection() {
  const t = useWords();
  const headingId = useId();
  const controls = useOverviewControls();
  const { data, previousData, loading, error } = useQuery(OfferedAdministrations, {
    variables: controls.variables,
    fetchPolicy: "cache-and-network",
  });
  const list = (data ?? previousData)?.offeredAdministrations;
  // The administration just withdrawn (an object, so withdrawing the same name twice tells again).
  const [news, setNews] = useState<{ name: string } | null>(null);
  const newsElement = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The row's button is gone: the focus goes to the sentence that says what happened.
    if (news) newsElement.current?.focus();
  }, [news]);
  const withdrawn = (name: string) => {
    setNews({ name });
  };
  const title = t(words.offeredTitle);
  return (
    <section aria-labelledby={headingId} className="overview-list">
      <h2 id={headingId}>{title}</h2>
      <SearchField
        label={t(words.searchOffered)}
        hint={t(words.searchOfferedHint)}
        controls={controls}
      />
      <StatusFilter counts={list?.statusCounts} controls={controls} />
      <p role="status" className="news" ref={newsElement} tabIndex={-1}>
        {news && t(words.withdrawn)(news.name)}
      </p>
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
            <th scope="col">{t(words.columnInbound)}</th>
            <SortHeader field="EXPIRES_AT" label={t(words.columnExpiresAt)} controls={controls} />
            <th scope="col">{t(words.columnCode)}</th>
            <th scope="col">{t(words.columnRecipients)}</th>
            <th scope="col">{t(words.columnTarget)}</th>
            <th scope="col">{t(words.columnStatus)}</th>
          </>
        }
        rows={list?.nodes.map((node) => (
          <OfferedRow key={node.id} item={node} onWithdrawn={withdrawn} />
        ))}
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
