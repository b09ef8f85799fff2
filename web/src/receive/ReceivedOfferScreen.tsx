import { useQuery } from "@apollo/client/react";
import { useEffect, useId, useRef, useState } from "react";
import { COSTS_PATH } from "../costs/paths";
import { graphql } from "../gql";
import { DateText } from "../i18n/dates";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { MigrationPage } from "../layout/MigrationPage";
import { useLiveStopped } from "../progress/LiveChanges";
import { Link } from "../router/router";
import { ErrorMessage } from "../ui/ErrorMessage";
import { Pager } from "../ui/Pager";
import { ReceivedItem } from "./ReceivedItem";

const PAGE_SIZE = 20;

const ReceivedOffer = graphql(`
  query ReceivedOffer($id: ID!, $first: Int!, $after: String) {
    migration(id: $id) {
      id
      package
      offeredAt
      expiresAt
      requesterName
      sourceOffice {
        id
        name
        officeCode
      }
      administrations(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          status
          ...ReceivedItem_item
        }
      }
    }
  }
`);

/**
 * One offer as the receiving office follows it: per administration its status and live
 * progress, the actions allowed now, and the receipt of what has arrived.
 */
export function ReceivedOfferScreen({ params }: { params: Record<string, string> }) {
  const t = useWords();
  const headingId = useId();
  const migrationId = params.id ?? "";
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  const after = cursors.at(-1) ?? null;
  const { data, previousData, error } = useQuery(ReceivedOffer, {
    variables: { id: migrationId, first: PAGE_SIZE, after },
    fetchPolicy: "cache-and-network",
  });
  const shown = data ?? previousData;
  const migration = shown?.migration;
  const rows = migration?.administrations.nodes ?? [];
  const stopped = useLiveStopped();
  const [news, setNews] = useState<{ text: string } | null>(null);
  const newsElement = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (news) newsElement.current?.focus();
  }, [news]);

  const office = migration
    ? t(words.officeOf)(migration.sourceOffice.name, migration.sourceOffice.officeCode)
    : "";
  const title = migration ? t(words.offerFrom)(office) : t(words.receiveTitle);
  return (
    <MigrationPage title={title}>
      {error && <ErrorMessage error={error} />}
      {!shown && !error && <p>{t(words.loading)}</p>}
      {shown && !migration && (
        <p role="alert" className="error">
          {t(labels.UserErrorCode.NOT_FOUND)}
        </p>
      )}
      {migration && (
        <>
          <p>{t(words.receivedIntro)}</p>
          <dl className="facts-list">
            <div>
              <dt>{t(words.fromOffice)}</dt>
              <dd>{office}</dd>
            </div>
            <div>
              <dt>{t(words.offeredBy)}</dt>
              <dd>{migration.requesterName}</dd>
            </div>
            <div>
              <dt>{t(words.packageLabel)}</dt>
              <dd>{t(labels.AccountingPackage[migration.package])}</dd>
            </div>
            <div>
              <dt>{t(words.offeredOn)}</dt>
              <dd>
                <DateText value={migration.offeredAt} />
              </dd>
            </div>
            <div>
              <dt>{t(words.expiresOn)}</dt>
              <dd>
                <DateText value={migration.expiresAt} />
              </dd>
            </div>
          </dl>
          {stopped && (
            <p role="alert" className="error">
              {t(words.liveUpdatesStopped)}
            </p>
          )}
          <p role="status" className="news" ref={newsElement} tabIndex={-1}>
            {news?.text}
          </p>
          <section aria-labelledby={headingId} className="received-list">
            <h2 id={headingId}>{t(words.offeredAdministrations)}</h2>
            {rows.map((row) => (
              <ReceivedItem key={row.id} item={row} onNews={(text) => setNews({ text })} />
            ))}
            {migration.administrations.totalCount > PAGE_SIZE && (
              <Pager
                page={cursors.length + 1}
                pageSize={PAGE_SIZE}
                totalCount={migration.administrations.totalCount}
                hasNext={migration.administrations.pageInfo.hasNextPage}
                onPrevious={() => setCursors((before) => before.slice(0, -1))}
                onNext={() => {
                  const next = migration.administrations.pageInfo.endCursor;
                  if (next) setCursors((before) => [...before, next]);
                }}
              />
            )}
          </section>
          <p>
            <Link to={COSTS_PATH}>{t(words.viewCosts)}</Link>
          </p>
        </>
      )}
    </MigrationPage>
  );
}
