import { ApolloProvider, useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { clientFor } from "../client/current";
import { graphql } from "../gql";
import { OfficeTimeZoneProvider } from "../i18n/dates";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { Header } from "../layout/Header";
import { OVERVIEW_PATH } from "../layout/MigrationPage";
import { Page } from "../layout/Page";
import { LiveChanges } from "../progress/LiveChanges";
import { Shell } from "../layout/Shell";
import { Link, navigate, usePath } from "../router/router";
import { ErrorMessage } from "../ui/ErrorMessage";
import { HOME_PATH, screenFor } from "./routes";

const ShellQuery = graphql(`
  query Shell {
    viewer {
      id
      environment {
        id
        timeZone
      }
      ...Header_viewer
    }
  }
`);

function NotFound() {
  const t = useWords();
  return (
    <Page title={t(words.notFoundTitle)}>
      <p>
        <Link to={OVERVIEW_PATH}>{t(words.notFoundText)}</Link>
      </p>
    </Page>
  );
}

function Screens() {
  const t = useWords();
  const path = usePath();
  const { data, error } = useQuery(ShellQuery);
  useEffect(() => {
    if (path === "/") navigate(HOME_PATH, { replace: true });
  }, [path]);
  const found = screenFor(path);
  const viewer = data?.viewer ?? undefined;
  return (
    <OfficeTimeZoneProvider timeZone={viewer?.environment.timeZone}>
      <LiveChanges enabled={viewer !== undefined}>
        <Shell header={<Header viewer={viewer} />}>
          {error && <ErrorMessage error={error} />}
          {!viewer && !error && <p className="news">{t(words.loading)}</p>}
          {viewer && (found ? <found.route.screen params={found.params} /> : <NotFound />)}
        </Shell>
      </LiveChanges>
    </OfficeTimeZoneProvider>
  );
}

/** The screens of a signed-in user, all through the one client of their token. */
export function SignedIn({ token }: { token: string }) {
  return (
    <ApolloProvider client={clientFor(token)}>
      <Screens />
    </ApolloProvider>
  );
}
