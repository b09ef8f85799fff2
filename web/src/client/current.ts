// The one Apollo Client of the signed-in token: made on first use, closed (its cache emptied,
// its socket shut) as soon as the token is dropped or another one signs in.
import type { ApolloClient } from "@apollo/client";
import { createScreensClient, type ScreensClient } from "./apollo";
import { signOut, subscribeToSession } from "./session";

let current: { token: string; client: ScreensClient } | null = null;

function closeCurrent(): void {
  current?.client.close();
  current = null;
}

export function clientFor(token: string): ApolloClient {
  if (current?.token !== token) {
    closeCurrent();
    current = { token, client: createScreensClient(token, () => signOut("refused")) };
  }
  return current.client.apollo;
}

subscribeToSession((session) => {
  if (session.token !== current?.token) closeCurrent();
});
