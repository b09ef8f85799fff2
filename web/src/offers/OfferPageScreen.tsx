import { useQuery } from "@apollo/client/react";
import { useEffect, useId, useRef, useState } from "react";
import { graphql } from "../gql";
import { DateText, useDates } from "../i18n/dates";
import { labels } from "../i18n/enums";
import { useWords, type Phrase } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";
import { words } from "../i18n/words";
import { MigrationPage, OVERVIEW_PATH } from "../layout/MigrationPage";
import { useLiveStopped } from "../progress/LiveChanges";
import { receivedPath } from "../receive/paths";
import { Link, navigate } from "../router/router";
import { ErrorMessage } from "../ui/ErrorMessage";
import { Pager } from "../ui/Pager";
import { useCursorPages } from "../ui/useCursorPages";
import { AdministrationRow } from "./AdministrationRow";
import { AuditTrail } from "./AuditTrail";
import { ExtendExpiry } from "./ExtendExpiry";
import { arrivalNews, forgetArrivalNews } from "./news";
import { offerPagePath } from "./paths";
import { RecipientsSection } from "./RecipientsSection";
import { WithdrawOfferButton } from "./WithdrawOfferButton";
import "./offers.css";

const PAGE_SIZE = 100;

type News = { phrase: Phrase } | { text: string };

const OfferPage = graphql(`
  query OfferPage($id: ID!, $after: String) {
    viewer {
      id
      environment {
        id
        timeZone
      }
    }
    migration(id: $id) {
      id
      package
      transferCode
      offeredAt
      expiresAt
      isExpired
      requesterName
      allowedActions
      language
      sourceOffice {
        id
        name
        officeCode
      }
      statusCounts {
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
      administrations(first: 100, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          status
          ...OfferAdministrationRow_item
        }
      }
    }
  }
`);

/**
 * The page of one offer, for the office that made it: its code and expiry, each
 * administration with its status and live progress, the recipients and their mail, the
 * corrections an offer that stands allows, and its audit trail.
 */
export function OfferPageScreen({ params }: { params: Record<string, string> }) {
  const migrationId = params.id ?? "";
  const t = useWords();
  const { dateTime } = useDates();
  const headingId = useId();
  const pages = useCursorPages();
  const { data, error } = useQuery(OfferPage, {
    variables: { id: migrationId, after: pages.after },
    fetchPolicy: "cache-and-network",
  });
  const viewer = data?.viewer;
  const migration = data?.migration;
  const nodes = migration?.administrations.nodes ?? [];
  const liveStopped = useLiveStopped();

  // What happened last, in the status region, which takes the focus when it has news: on
  // arriving from the wizard ("the offer is sent"), and after each action on this page.
  const [news, setNews] = useState<News | null>(() => {
    const arrived = arrivalNews(offerPagePath(migrationId));
    return arrived ? { phrase: arrived } : null;
  });
  const [newsCount, setNewsCount] = useState(news ? 1 : 0);
  const newsElement = useRef<HTMLParagraphElement>(null);
  const loaded = Boolean(migration);
  useEffect(() => forgetArrivalNews(), []);
  useEffect(() => {
    if (newsCount > 0) newsElement.current?.focus();
  }, [newsCount, loaded]);
  const tell = (text: string) => {
    setNews({ text });
    setNewsCount((count) => count + 1);
  };

  // One page per offer and side: someone of the receiving office who follows a link to the
  // offer's page (a mail to both sides links here) lands on their own page of it.
  const foreign = viewer && migration && migration.sourceOffice.id !== viewer.environment.id;
  useEffect(() => {
    if (foreign) navigate(receivedPath(migrationId), { replace: true });
  }, [foreign, migrationId]);

  const title = t(offerWords.offerPageTitle);
  if (!migration || foreign) {
    return (
      <MigrationPage title={title}>
        {error && <ErrorMessage error={error} />}
        {!error && !data && <p className="news">{t(words.loading)}</p>}
        {data && !migration && (
          <p>
            {t(labels.UserErrorCode.NOT_FOUND)}{" "}
            <Link to={OVERVIEW_PATH}>{t(words.backToOverview)}</Link>
          </p>
        )}
      </MigrationPage>
    );
  }

  const actions = migration.allowedActions;
  const timeZone = viewer?.environment.timeZone ?? "Europe/Amsterdam";
  return (
    <MigrationPage title={title}>
      <p role="status" className="news" ref={newsElement} tabIndex={-1}>
        {news && ("phrase" in news ? t(news.phrase) : news.text)}
      </p>
      {liveStopped && (
        <p className="hint">{t(offerWords.notLive)}</p>
      )}
      <section aria-label={t(offerWords.offerFacts)} className="panel offer-facts">
        <dl className="facts">
          <div>
            <dt>{t(words.columnCode)}</dt>
            <dd className="transfer-code big-code">{migration.transferCode ?? t(words.hidden)}</dd>
          </div>
          <div>
            <dt>{t(words.columnOfferedAt)}</dt>
            <dd>
              <DateText value={migration.offeredAt} />
            </dd>
          </div>
          <div>
            <dt>{t(words.columnExpiresAt)}</dt>
            <dd>
              <time dateTime={migration.expiresAt}>{dateTime(migration.expiresAt)}</time>
              {migration.isExpired && (
                <span className="status" data-status="EXPIRED">
                  {t(labels.MigrationStatus.EXPIRED)}
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t(offerWords.offeredBy)}</dt>
            <dd>
              {migration.requesterName}
              <span className="code">
                {t(words.officeOf)(migration.sourceOffice.name, migration.sourceOffice.officeCode)}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t(words.columnPackage)}</dt>
            <dd>{t(labels.AccountingPackage[migration.package])}</dd>
          </div>
          <div>
            <dt>{t(offerWords.languageLegend)}</dt>
            <dd>{t(labels.MailLanguage[migration.language])}</dd>
          </div>
        </dl>
        {(actions.includes("EXTEND") || actions.includes("WITHDRAW")) && (
          <div className="section-actions">
            {actions.includes("EXTEND") && (
              <ExtendExpiry
                migrationId={migration.id}
                expiresAt={migration.expiresAt}
                timeZone={timeZone}
                onNews={tell}
              />
            )}
            {actions.includes("WITHDRAW") && (
              <WithdrawOfferButton
                migrationId={migration.id}
                onWithdrawn={() => tell(t(offerWords.offerWithdrawn))}
              />
            )}
          </div>
        )}
      </section>

      <section aria-labelledby={headingId} className="panel">
        <h2 id={headingId}>{t(offerWords.administrationsTitle)(migration.statusCounts.total)}</h2>
        <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="stack-narrow" role="table">
            <caption className="visually-hidden">{t(offerWords.administrationsCaption)}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {t(words.columnAdministration)}
                </th>
                <th scope="col" role="columnheader">
                  {t(words.columnStatus)}
                </th>
                <th scope="col" role="columnheader">
                  {t(offerWords.columnProgress)}
                </th>
                <th scope="col" role="columnheader">
                  {t(offerWords.columnAbout)}
                </th>
                <th scope="col" role="columnheader">
                  <span className="visually-hidden">{t(words.columnActions)}</span>
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {nodes.map((node) => (
                <AdministrationRow
                  key={node.id}
                  item={node}
                  onWithdrawn={(name) => tell(t(words.withdrawn)(name))}
                />
              ))}
            </tbody>
          </table>
        </div>
        {migration.administrations.totalCount > PAGE_SIZE && (
          <Pager
            page={pages.page}
            pageSize={PAGE_SIZE}
            totalCount={migration.administrations.totalCount}
            hasNext={migration.administrations.pageInfo.hasNextPage}
            onPrevious={pages.previous}
            onNext={() => pages.next(migration.administrations.pageInfo.endCursor)}
          />
        )}
      </section>

      <RecipientsSection
        migrationId={migration.id}
        mayChange={actions.includes("CHANGE_RECIPIENTS")}
        onNews={tell}
      />
      <AuditTrail migrationId={migration.id} />
    </MigrationPage>
  );
}
