import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { graphql } from "../gql";
import type { MoveFailure } from "../gql/enums";
import { useDates } from "../i18n/dates";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";
import { words } from "../i18n/words";
import { ErrorMessage } from "../ui/ErrorMessage";
import { Pager } from "../ui/Pager";
import { useCursorPages } from "../ui/useCursorPages";

const OfferAudit = graphql(`
  query OfferAudit($id: ID!, $after: String) {
    migration(id: $id) {
      id
      auditTrail(first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          action
          at
          actorName
          administrationName
          detail
          actorOffice {
            id
            name
            officeCode
          }
        }
      }
    }
  }
`);

const PAGE_SIZE = 20;

function isFailure(value: unknown): value is MoveFailure {
  return typeof value === "string" && Object.hasOwn(labels.MoveFailure, value);
}

/** What a step's detail adds in words: a receiver's reason, or why a move failed. */
function DetailText({ detail }: { detail: unknown }) {
  const t = useWords();
  if (typeof detail !== "object" || detail === null) return null;
  const { failure, reason } = detail as { failure?: unknown; reason?: unknown };
  return (
    <>
      {isFailure(failure) && <span className="detail">{t(labels.MoveFailure[failure])}</span>}
      {typeof reason === "string" && reason.trim() !== "" && (
        <span className="detail">
          <q>{reason}</q>
        </span>
      )}
    </>
  );
}

/**
 * Het verloop: every recorded step of the offer, oldest first, with who took it from which
 * office. Read again after each step: the live changes (progress/LiveChanges.tsx) read it when
 * a status changes, and this page's own corrections name it in their refetchQueries.
 */
export function AuditTrail({ migrationId }: { migrationId: string }) {
  const t = useWords();
  const { dateTime } = useDates();
  const headingId = useId();
  const pages = useCursorPages();
  const { data, previousData, error } = useQuery(OfferAudit, {
    variables: { id: migrationId, after: pages.after },
    fetchPolicy: "cache-and-network",
  });
  const trail = (data ?? previousData)?.migration?.auditTrail;
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t(offerWords.auditTitle)}</h2>
      {error && <ErrorMessage error={error} />}
      <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
        <table className="stack-narrow" role="table">
          <caption className="visually-hidden">{t(offerWords.auditTitle)}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                {t(offerWords.columnWhen)}
              </th>
              <th scope="col" role="columnheader">
                {t(offerWords.columnWhat)}
              </th>
              <th scope="col" role="columnheader">
                {t(offerWords.columnWho)}
              </th>
              <th scope="col" role="columnheader">
                {t(words.columnAdministration)}
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {trail?.nodes.map((event) => (
              <tr role="row" key={event.id}>
                <td role="cell" data-label={t(offerWords.columnWhen)}>
                  <time dateTime={event.at}>{dateTime(event.at)}</time>
                </td>
                <th scope="row" role="rowheader">
                  <span className="name">{t(labels.AuditAction[event.action])}</span>
                  <DetailText detail={event.detail} />
                </th>
                <td role="cell" data-label={t(offerWords.columnWho)}>
                  {event.actorName}
                  {event.actorOffice && (
                    <span className="code">
                      {t(words.officeOf)(event.actorOffice.name, event.actorOffice.officeCode)}
                    </span>
                  )}
                </td>
                <td role="cell" data-label={t(words.columnAdministration)}>
                  {event.administrationName ?? <span className="empty">—</span>}
                </td>
              </tr>
            ))}
            {!trail && (
              <tr role="row">
                <td role="cell" colSpan={4} className="empty">
                  {t(words.loading)}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {trail && trail.totalCount > PAGE_SIZE && (
        <Pager
          page={pages.page}
          pageSize={PAGE_SIZE}
          totalCount={trail.totalCount}
          hasNext={trail.pageInfo.hasNextPage}
          onPrevious={pages.previous}
          onNext={() => pages.next(trail.pageInfo.endCursor)}
          counted={t(offerWords.stepsCounted)}
        />
      )}
    </section>
  );
}
