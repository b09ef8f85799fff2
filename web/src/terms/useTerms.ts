// The terms for migrating administrations as the API serves them: their text in the screen's
// language and the version to send as termsVersion, so what is accepted is what was shown.
import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";
import { useLanguage } from "../i18n/language";

const TermsQuery = graphql(`
  query Terms($language: MailLanguage!) {
    terms {
      version
      text(language: $language)
    }
  }
`);

export interface ShownTerms {
  version: string;
  text: string;
}

/** The terms in the screen's language, or null while they load (or when they could not). */
export function useTerms(): ShownTerms | null {
  const { language } = useLanguage();
  const { data } = useQuery(TermsQuery, {
    variables: { language: language === "en" ? "EN" : "NL" },
  });
  return data?.terms ?? null;
}
