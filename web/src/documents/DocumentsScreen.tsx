import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { graphql } from "../gql";
import type { DocumentStatus } from "../gql/enums";
import { labels, valuesOf } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { Page } from "../layout/Page";
import { ListFrame } from "../overview/ListFrame";
import { ErrorMessage } from "../ui/ErrorMessage";
import { Pager } from "../ui/Pager";
import { DocumentRow } from "./DocumentRow";

const PAGE_SIZE = 25;

const AdministrationDocuments = graphql(`
  query AdministrationDocuments($id: ID!, $status: DocumentStatus, $first: Int!, $after: String) {
    node(id: $id) {
      __typename
      id
      ... on Administration {
        name
        code
        inboundMailAddress
      }
    }
    documents(administrationId: $id, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...DocumentRow_document
      }
    }
  }
`);

/** The archive of one of the office's administrations, by status, a page at a time. */
export function DocumentsScreen({ params }: { params: Record<string, string> }) {
  const t = useWords();
  const id = useId();
  const administrationId = params.id ?? "";
  const [status, setStatus] = useState<DocumentStatus | null>(null);
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  const after = cursors.at(-1) ?? null;
  const { data, previousData, loading, error } = useQuery(AdministrationDocuments, {
    variables: { id: administrationId, status, first: PAGE_SIZE, after },
    fetchPolicy: "cache-and-network",
  });
  const shown = data ?? previousData;
  const node = shown?.node;
  const administration = node?.__typename === "Administration" ? node : null;
  const list = shown?.documents;
  const title = administration
    ? t(words.documentsTitle)(`${administration.code} ${administration.name}`)
    : t(words.documentsTitle)("…");
  return (
    <>
      <nav aria-label={t(words.breadcrumb)} className="breadcrumb">
        <ol>
          <li>{t(words.settings)}</li>
          <li>{t(words.administrations)}</li>
          <li aria-current="page">{administration?.name ?? "…"}</li>
        </ol>
      </nav>
      <Page title={title}>
        {error && <ErrorMessage error={error} />}
        {shown && !list && (
          <p role="alert" className="error">
            {t(words.notYours)}
          </p>
        )}
        {administration && <p>{t(words.documentsIntro)(administration.inboundMailAddress)}</p>}
        {list && (
          <section className="overview-list" aria-labelledby={`${id}-caption`}>
            <h2 id={`${id}-caption`} className="visually-hidden">
              {title}
            </h2>
            <div className="filter-field">
              <label htmlFor={`${id}-status`}>{t(words.documentStatusFilter)}</label>
              <select
                id={`${id}-status`}
                value={status ?? ""}
                onChange={(event) => {
                  const chosen = valuesOf("DocumentStatus").find(
                    (value) => value === event.target.value,
                  );
                  setStatus(chosen ?? null);
                  setCursors([]);
                }}
              >
                <option value="">{t(words.allDocumentStatuses)}</option>
                {valuesOf("DocumentStatus").map((value) => (
                  <option key={value} value={value}>
                    {t(labels.DocumentStatus[value])}
                  </option>
                ))}
              </select>
            </div>
            <ListFrame
              caption={title}
              busy={loading}
              empty={list.nodes.length === 0}
              emptyText={t(words.noDocuments)}
              columns={
                <>
                  <th scope="col">{t(words.columnTitle)}</th>
                  <th scope="col">{t(words.columnFile)}</th>
                  <th scope="col">{t(words.columnKind)}</th>
                  <th scope="col">{t(words.columnStatus)}</th>
                  <th scope="col" className="number">
                    {t(words.columnSize)}
                  </th>
                  <th scope="col">{t(words.columnCreatedAt)}</th>
                </>
              }
              rows={list.nodes.map((document) => (
                <DocumentRow key={document.id} document={document} />
              ))}
            />
            <Pager
              page={cursors.length + 1}
              pageSize={PAGE_SIZE}
              totalCount={list.totalCount}
              hasNext={list.pageInfo.hasNextPage}
              counted={t(words.documentsFound)}
              onPrevious={() => setCursors((before) => before.slice(0, -1))}
              onNext={() => {
                const next = list.pageInfo.endCursor;
                if (next) setCursors((before) => [...before, next]);
              }}
            />
          </section>
        )}
      </Page>
    </>
  );
}
