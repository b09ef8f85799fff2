// The checklist of every administration the office could offer (rule 5), read once per visit
// of the wizard, all pages of each migratable connection: the first step names every blocked
// administration, the second lists a connection's administrations from the same answer.
import { useApolloClient } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { graphql, getFragmentData } from "../gql";
import type { OfferChecklist_RowFragment } from "../gql/graphql";

const ChecklistRowFields = graphql(`
  fragment OfferChecklist_row on AdministrationChecklist {
    id
    canBeOffered
    packageIsMigratable
    alreadyOffered
    authorizersInFlow
    activeWorkflows
    pendingDocuments
    damagedFiles
    administration {
      id
      code
      name
      documentCount
      inboundMailAddress
    }
  }
`);

const OfferChecklistPage = graphql(`
  query OfferChecklistPage($connectionId: ID!, $after: String) {
    offerChecklist(connectionId: $connectionId, first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...OfferChecklist_row
      }
    }
  }
`);

export type ChecklistRow = OfferChecklist_RowFragment;

/** Why an administration cannot be offered now, each with its count where it has one. */
export type Blocker =
  | { kind: "AUTHORIZERS"; count: number }
  | { kind: "WORKFLOWS"; count: number }
  | { kind: "PENDING_DOCUMENTS"; count: number }
  | { kind: "DAMAGED_FILES"; count: number }
  | { kind: "ALREADY_OFFERED" }
  | { kind: "NOT_MIGRATABLE" };

/** What the API's checklist says blocks this administration (its own fields, read as given). */
export function blockersOf(row: ChecklistRow): Blocker[] {
  const found: Blocker[] = [];
  if (!row.packageIsMigratable) found.push({ kind: "NOT_MIGRATABLE" });
  if (row.authorizersInFlow > 0) found.push({ kind: "AUTHORIZERS", count: row.authorizersInFlow });
  if (row.activeWorkflows > 0) found.push({ kind: "WORKFLOWS", count: row.activeWorkflows });
  if (row.pendingDocuments > 0)
    found.push({ kind: "PENDING_DOCUMENTS", count: row.pendingDocuments });
  if (row.damagedFiles > 0) found.push({ kind: "DAMAGED_FILES", count: row.damagedFiles });
  if (row.alreadyOffered) found.push({ kind: "ALREADY_OFFERED" });
  return found;
}

export interface Checklists {
  /** Every checklist row, by connection ID; null while loading. */
  rows: ReadonlyMap<string, ChecklistRow[]> | null;
  error: unknown;
}

/** Every page of the checklist of each of these connections, fresh from the server. */
export function useChecklists(connectionIds: readonly string[] | null): Checklists {
  const client = useApolloClient();
  const [state, setState] = useState<Checklists>({ rows: null, error: null });
  const wanted = connectionIds?.join(" ") ?? null;
  useEffect(() => {
    if (wanted === null) return;
    let current = true;
    const ids = wanted === "" ? [] : wanted.split(" ");
    const readPage = async (connectionId: string, after: string | null) => {
      const { data } = await client.query({
        query: OfferChecklistPage,
        variables: { connectionId, after },
        fetchPolicy: "network-only",
      });
      const page = data?.offerChecklist;
      return {
        rows: page ? getFragmentData(ChecklistRowFields, page.nodes) : [],
        next: page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
      };
    };
    const load = async (connectionId: string): Promise<[string, ChecklistRow[]]> => {
      const rows: ChecklistRow[] = [];
      let after: string | null = null;
      do {
        const page = await readPage(connectionId, after);
        rows.push(...page.rows);
        after = page.next;
      } while (after);
      return [connectionId, rows];
    };
    Promise.all(ids.map(load)).then(
      (loaded) => {
        if (current) setState({ rows: new Map(loaded), error: null });
      },
      (error: unknown) => {
        if (current) setState({ rows: null, error });
      },
    );
    return () => {
      current = false;
    };
  }, [client, wanted]);
  return state;
}
