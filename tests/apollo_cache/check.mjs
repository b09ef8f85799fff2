// The screens of a frontend, run through Apollo Client's normalised cache against a running
// Overdracht: each screen's query is asked twice with another selection, and again after a
// change, as a single-page app does while a user moves between screens. It fails on anything
// Apollo prints (among them "Cache data may be lost ..." and "Missing field ..."), on any field
// a write dropped from the cache, and on a screen the cache can no longer give in full.
//
//   node --conditions=development check.mjs            (development: Apollo's warnings are on)
//
// Reads OVERDRACHT_URL (the service), OVERDRACHT_SOURCE_TOKEN (a superuser of the office that
// made the offer) and OVERDRACHT_TARGET_TOKEN (a superuser of the office it is for). The
// service must hold one offer from the source to the target of two Exact Online
// administrations: one moved, one still offered. With --without-merge-policies the cache gets
// no type policies, to show what the schema's "Part of its ..." descriptions are for.

import { format } from "node:util";

import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { loadDevMessages, loadErrorMessages } from "@apollo/client/dev";
import { __DEV__ } from "@apollo/client/utilities/environment";
import { getIntrospectionQuery } from "graphql";

const printed = [];
for (const level of ["warn", "error"]) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    printed.push(`console.${level}: ${format(...args)}`);
    original(...args);
  };
}

const url = required("OVERDRACHT_URL");
const sourceToken = required("OVERDRACHT_SOURCE_TOKEN");
const targetToken = required("OVERDRACHT_TARGET_TOKEN");
const withMergePolicies = !process.argv.includes("--without-merge-policies");

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.log(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

// What a frontend developer is told: every type the schema calls "Part of its <Holder>: ..."
// gets merge: true; everything else is normalised by its id.
const PART_OF = /^Part of its [^:]+: /;

async function typePoliciesFromSchema() {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${sourceToken}` },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const { data } = await response.json();
  const parts = data.__schema.types.filter(
    (t) => t.kind === "OBJECT" && PART_OF.test(t.description ?? ""),
  );
  return Object.fromEntries(parts.map((t) => [t.name, { merge: true }]));
}

/** One user's browser tab: a client with its own cache, and the screens it has shown. */
class Frontend {
  constructor(name, token, typePolicies) {
    this.name = name;
    this.shown = [];
    this.client = new ApolloClient({
      link: new HttpLink({ uri: `${url}/graphql`, headers: { Authorization: `Bearer ${token}` } }),
      cache: new InMemoryCache({ typePolicies }),
    });
  }

  /** Show a screen: ask the service (as a refresh would), then check what the cache kept. */
  async show(label, query, variables = {}) {
    const before = this.client.cache.extract();
    const { data } = await this.client.query({ query, variables, fetchPolicy: "network-only" });
    this.shown.push({ label, query, variables, epoch });
    this.check(label, before);
    return data;
  }

  /** Take a step through a mutation; its answer lands in the cache like the app's would. */
  async change(label, mutation, variables) {
    const before = this.client.cache.extract();
    const { data } = await this.client.mutate({ mutation, variables });
    const payload = Object.values(data)[0];
    if (payload.userErrors.length) {
      throw new Error(`${this.name}: ${label} refused: ${JSON.stringify(payload.userErrors)}`);
    }
    this.check(label, before);
    epoch += 1;
    return payload;
  }

  /**
   * Nothing the cache held may be gone after a write, and every screen shown since the last
   * change (by either side) must still be whole. Screens from before a change may miss fields
   * of objects that change brought (a new audit event): an app refetches those, it lost nothing.
   */
  check(after, before) {
    for (const field of lostFields(before, this.client.cache.extract())) {
      problems.push(`${this.name}: "${after}" dropped ${field} from the cache`);
    }
    for (const { label, query, variables } of this.shown.filter((s) => s.epoch === epoch)) {
      const diff = this.client.cache.diff({ query, variables, returnPartialData: true });
      if (!diff.complete) {
        problems.push(
          `${this.name}: the cache lost data of "${label}" after "${after}": ${diff.missing?.message}`,
        );
      }
    }
    steps += 1;
  }
}

/** The fields in a cache snapshot that are no longer in a later one, as paths. */
function lostFields(before, after, path = []) {
  const lost = [];
  for (const [key, value] of Object.entries(before)) {
    const where = [...path, key];
    if (!(key in after)) {
      lost.push(where.join("."));
    } else if (isInlineObject(value) && isInlineObject(after[key])) {
      lost.push(...lostFields(value, after[key], where));
    }
  }
  return lost;
}

function isInlineObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !("__ref" in value);
}

const problems = [];
let steps = 0;
// Counts the changes made so far by either side: the world each screen was shown in.
let epoch = 0;

const VIEWER_HEADER = gql`
  query Header {
    viewer { id user { id displayName } environment { id officeCode name } }
  }
`;
const VIEWER_ACCOUNT = gql`
  query Account {
    viewer {
      id tokenScope user { id email role } environment { id plan }
      abilities { id action allowed reason }
    }
  }
`;
const TERMS = gql`
  query Terms {
    terms { version text(language: NL) }
  }
`;
const TERMS_ENGLISH = gql`
  query TermsEnglish {
    terms { version english: text(language: EN) }
  }
`;
const OVERVIEW = gql`
  query Overview {
    offeredAdministrations(first: 20) {
      totalCount
      statusCounts { offered queued completed total }
      pageInfo { hasNextPage endCursor }
      nodes {
        id administrationName status transferCode expiresAt allowedActions
        targetOffice { id officeCode name }
        progress { documentsDone documentsTotal }
        migration { id }
      }
    }
  }
`;
const OVERVIEW_TABS = gql`
  query OverviewTabs {
    offeredAdministrations(first: 20) {
      statusCounts { withdrawn expired rejected running failed }
      pageInfo { hasPreviousPage }
    }
  }
`;
const OVERVIEW_AFTER = gql`
  query OverviewAgain {
    offeredAdministrations(first: 20) {
      totalCount
      statusCounts { offered rejected completed }
      nodes { id status statusChangedAt reason receipt { id documentsMoved } }
    }
  }
`;
const OFFER = gql`
  query Offer($id: ID!) {
    migration(id: $id) {
      id transferCode expiresAt allowedActions termsVersion
      targetOffice { id name }
      statusCounts { offered total }
      administrations {
        nodes {
          id status
          progress { documentsDone }
          receipt { id documentsMoved checksumsVerified }
        }
      }
      auditTrail { totalCount nodes { id action at actorName } }
      recipientDeliveries { nodes { id address state } }
    }
  }
`;
const OFFER_DETAILS = gql`
  query OfferDetails($id: ID!) {
    migration(id: $id) {
      id requesterName
      statusCounts { queued completed }
      administrations {
        totalCount
        nodes {
          id administrationName
          progress { documentsTotal }
          receipt { id bytesMoved completedAt }
        }
      }
      auditTrail { nodes { id administrationName actorOffice { id officeCode } } }
      recipientDeliveries { totalCount nodes { id serverAnswer updatedAt } }
    }
  }
`;
const OFFER_BY_NODE = gql`
  query OfferByNode($id: ID!) {
    node(id: $id) {
      id
      ... on Migration { statusCounts { rejected withdrawn } recipients }
    }
  }
`;
const CONNECTIONS = gql`
  query Connections {
    accountingConnections { nodes { id name package isMigratable } }
  }
`;
const CHECKLIST = gql`
  query Checklist($connection: ID!) {
    offerChecklist(connectionId: $connection) {
      nodes { id canBeOffered alreadyOffered administration { id code name } }
    }
  }
`;
const CHECKLIST_FIGURES = gql`
  query ChecklistFigures($connection: ID!) {
    offerChecklist(connectionId: $connection) {
      totalCount
      nodes { id pendingDocuments authorizersInFlow administration { id documentCount } }
    }
  }
`;
const RESEND = gql`
  mutation Resend($input: ResendMigrationOfferInput!) {
    resendMigrationOffer(input: $input) {
      migration {
        id
        recipientDeliveries { nodes { id state } }
        auditTrail { totalCount }
      }
      userErrors { code field message }
    }
  }
`;
const PREVIEW = gql`
  query Preview($code: String!) {
    transferCodePreview(transferCode: $code) {
      preview {
        id package expiresAt
        sourceOffice { id name }
        pricePerAdministration { amount }
        administrations {
          nodes {
            id canReceive duplicateInTarget
            administration { id administrationName status allowedActions }
          }
        }
      }
      userErrors { code field message retryAt }
    }
  }
`;
const PREVIEW_DETAILS = gql`
  query PreviewDetails($code: String!) {
    transferCodePreview(transferCode: $code) {
      preview {
        id offeredAt targetIsPremium
        pricePerAdministration { currency }
        administrations {
          totalCount
          nodes { id documentCount codeInUse stillOffered administration { id administrationCode } }
        }
        connections { nodes { id name } }
      }
      userErrors { code }
    }
  }
`;
const RECEIVED = gql`
  query Received {
    receivableAdministrations(first: 20) {
      totalCount
      statusCounts { queued completed }
      nodes { id status administrationName receipt { id documentsMoved } }
    }
  }
`;
const RECEIVED_PROGRESS = gql`
  query ReceivedProgress {
    receivableAdministrations(first: 20) {
      statusCounts { offered rejected }
      nodes { id statusChangedAt progress { documentsDone documentsTotal } }
    }
  }
`;
const ATTEMPTS = gql`
  query Attempts {
    failedCodeAttempts { totalCount nodes { id at enteredCode } }
  }
`;
const ATTEMPTS_WHO = gql`
  query AttemptsWho {
    failedCodeAttempts { nodes { id actorName tokenScope tokenLabel } }
  }
`;
const BILLING = gql`
  query Billing {
    billableLines { totalCount nodes { id amount currency administration { id administrationName } } }
  }
`;
const BILLING_DETAILS = gql`
  query BillingDetails {
    billableLines { nodes { id description createdAt migration { id } } }
  }
`;
const RECEIVED_OFFER = gql`
  query ReceivedOffer($id: ID!) {
    migration(id: $id) {
      id
      statusCounts { completed offered }
      auditTrail { nodes { id action actorName } }
    }
  }
`;
const REJECT = gql`
  mutation Reject($input: RejectMigrationInput!) {
    rejectMigration(input: $input) {
      migration { id statusCounts { offered rejected total } }
      userErrors { code field message }
    }
  }
`;

async function main() {
  if (!__DEV__) {
    console.log("Apollo runs without its development checks: start node with --conditions=development");
    process.exit(2);
  }
  loadDevMessages();
  loadErrorMessages();
  const typePolicies = withMergePolicies ? await typePoliciesFromSchema() : {};
  const source = new Frontend("source", sourceToken, typePolicies);
  const target = new Frontend("target", targetToken, typePolicies);

  // The source office: who am I, the overview with its tabs, one offer, the checklist.
  await source.show("header", VIEWER_HEADER);
  await source.show("account", VIEWER_ACCOUNT);
  await source.show("terms", TERMS);
  await source.show("terms in English", TERMS_ENGLISH);
  const overview = await source.show("overview", OVERVIEW);
  await source.show("overview tabs", OVERVIEW_TABS);
  const row = overview.offeredAdministrations.nodes[0];
  const migrationId = row.migration.id;
  const offer = { id: migrationId };
  await source.show("offer", OFFER, offer);
  await source.show("offer details", OFFER_DETAILS, offer);
  const connections = await source.show("connections", CONNECTIONS);
  const exact = connections.accountingConnections.nodes.find((c) => c.package === "EXACT_ONLINE");
  await source.show("checklist", CHECKLIST, { connection: exact.id });
  await source.show("checklist figures", CHECKLIST_FIGURES, { connection: exact.id });
  await source.change("resend the offer mail", RESEND, { input: { migrationId } });
  await source.show("offer after the resend", OFFER, offer);

  // The target office: the preview by code, what it received, its wrong codes, its bill.
  const code = { code: row.transferCode };
  await target.show("header", VIEWER_HEADER);
  await target.show("account", VIEWER_ACCOUNT);
  const preview = await target.show("preview", PREVIEW, code);
  await target.show("preview details", PREVIEW_DETAILS, code);
  await target.show("received", RECEIVED);
  await target.show("received progress", RECEIVED_PROGRESS);
  await target.show("wrong codes", ATTEMPTS);
  await target.show("wrong codes, who", ATTEMPTS_WHO);
  await target.show("billing", BILLING);
  await target.show("billing details", BILLING_DETAILS);
  await target.show("received offer", RECEIVED_OFFER, offer);
  const stillOffered = preview.transferCodePreview.preview.administrations.nodes
    .filter((n) => n.administration.status === "OFFERED")
    .map((n) => n.administration.id);
  await target.change("reject what is still offered", REJECT, {
    input: { transferCode: row.transferCode, migrationAdministrationIds: stillOffered },
  });
  await target.show("received after the rejection", RECEIVED);
  await target.show("received offer after the rejection", RECEIVED_OFFER, offer);

  // Back at the source: the same screens after the other side's change.
  await source.show("overview after the rejection", OVERVIEW_AFTER);
  await source.show("offer details after the rejection", OFFER_DETAILS, offer);
  await source.show("offer by node", OFFER_BY_NODE, offer);
}

try {
  await main();
} catch (error) {
  problems.push(`stopped: ${error?.stack ?? error}`);
}
problems.push(...printed);
console.log(
  JSON.stringify({
    steps,
    mergePolicies: withMergePolicies,
    problems,
  }),
);
process.exit(problems.length ? 1 : 0);
