import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../gql";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { MigrationPage } from "../layout/MigrationPage";
import { ListFrame } from "../overview/ListFrame";
import { ErrorMessage } from "../ui/ErrorMessage";
import { Pager } from "../ui/Pager";
import { BillableLineRow } from "./BillableLineRow";

const PAGE_SIZE = 25;

const BillableLines = graphql(`
  query BillableLines($first: Int!, $after: String) {
    billableLines(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...BillableLineRow_line
      }
    }
  }
`);

/** Migratiekosten: what the office is charged, one line per administration moved in. */
export function CostsScreen() {
  const t = useWords();
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  const after = cursors.at(-1) ?? null;
  const { data, previousData, loading, error } = useQuery(BillableLines, {
    variables: { first: PAGE_SIZE, after },
    fetchPolicy: "cache-and-network",
  });
  const list = (data ?? previousData)?.billableLines;
  const title = t(words.billingTitle);
  return (
    <MigrationPage title={title}>
      <p>{t(words.billingIntro)}</p>
      {error && <ErrorMessage error={error} />}
      <section className="overview-list" aria-label={title}>
        <ListFrame
          caption={title}
          busy={loading}
          empty={!list || list.nodes.length === 0}
          emptyText={t(words.noLines)}
          columns={
            <>
              <th scope="col">{t(words.columnAdministration)}</th>
              <th scope="col" className="number">
                {t(words.columnAmount)}
              </th>
              <th scope="col">{t(words.columnCompletedAt)}</th>
              <th scope="col">{t(words.columnSource)}</th>
              <th scope="col">{t(words.columnAcceptedBy)}</th>
            </>
          }
          rows={list?.nodes.map((line) => (
            <BillableLineRow key={line.id} line={line} />
          ))}
        />
        {list && (
          <Pager
            page={cursors.length + 1}
            pageSize={PAGE_SIZE}
            totalCount={list.totalCount}
            hasNext={list.pageInfo.hasNextPage}
            counted={t(words.linesFound)}
            onPrevious={() => setCursors((before) => before.slice(0, -1))}
            onNext={() => {
              const next = list.pageInfo.endCursor;
              if (next) setCursors((before) => [...before, next]);
            }}
          />
        )}
      </section>
    </MigrationPage>
  );
}
