import { useMutation } from "@apollo/client/react";
import { graphql } from "../gql";
import { useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";
import { ErrorMessage } from "../ui/ErrorMessage";
import { shownErrors, UserErrorText } from "../ui/UserErrorText";

const RetryMigration = graphql(`
  mutation RetryMigration($input: RetryMigrationInput!) {
    retryMigration(input: $input) {
      administration {
        id
        status
        statusChangedAt
        allowedActions
        failure
        reason
        progress {
          documentsDone
          documentsTotal
        }
      }
      userErrors {
        ...UserErrorText_error
      }
    }
  }
`);

/** Opnieuw proberen: start a failed move again; the row follows live from there. */
export function RetryButton({ id, name }: { id: string; name: string }) {
  const t = useWords();
  const [retry, { loading, error, data }] = useMutation(RetryMigration, {
    refetchQueries: ["OfferAudit", "OfferPage"],
  });
  const refusals = shownErrors(data?.retryMigration.userErrors ?? []);
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={t(offerWords.retryLabel)(name)}
        aria-disabled={loading}
        onClick={() => {
          if (!loading) {
            void retry({ variables: { input: { migrationAdministrationId: id } } }).catch(
              () => null,
            );
          }
        }}
      >
        {t(offerWords.retry)}
      </button>
      {error && <ErrorMessage error={error} />}
      <div role="alert">
        {refusals.map((refusal, index) => (
          <UserErrorText key={`${refusal.code}-${index}`} error={refusal} />
        ))}
      </div>
    </>
  );
}
