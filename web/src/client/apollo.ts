// One Apollo Client per signed-in token: queries and mutations over HTTP, subscriptions over
// one WebSocket (graphql-transport-ws), both carrying the token. Whatever the API answers
// UNAUTHENTICATED (or a socket closed for a lapsed token) signs the user out.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { ErrorLink } from "@apollo/client/link/error";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { OperationTypeNode } from "graphql";
import { createClient } from "graphql-ws";
import { typePolicies } from "../gql/cache-policies";
import { errorCodes } from "./errors";

const GRAPHQL_PATH = "/graphql";
// The close code the service gives a socket whose token is unknown, revoked or expired.
const TOKEN_REFUSED = 4403;

function socketUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.host}${GRAPHQL_PATH}`;
}

export interface ScreensClient {
  apollo: ApolloClient;
  close: () => void;
}

export function createScreensClient(token: string, onRefused: () => void): ScreensClient {
  const authorization = `Bearer ${token}`;
  const sockets = createClient({
    url: socketUrl(),
    lazy: true,
    connectionParams: { Authorization: authorization },
    on: {
      closed: (event) => {
        if (event instanceof CloseEvent && event.code === TOKEN_REFUSED) onRefused();
      },
    },
  });
  const refused = new ErrorLink(({ error }) => {
    if (errorCodes(error).includes("UNAUTHENTICATED")) onRefused();
  });
  const transport = ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(sockets),
    new HttpLink({ uri: GRAPHQL_PATH, headers: { Authorization: authorization } }),
  );
  const apollo = new ApolloClient({
    link: ApolloLink.from([refused, transport]),
    cache: new InMemoryCache({ typePolicies }),
    // A list read again after a change (a withdrawal, a status that came in live) must be read
    // anew: shared with a request already under way, it would answer what was true before.
    queryDeduplication: false,
  });
  return {
    apollo,
    close: () => {
      apollo.stop();
      void apollo.clearStore();
      void sockets.dispose();
    },
  };
}
