import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../gql";
import { useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ErrorMessage } from "../ui/ErrorMessage";
import { shownErrors, UserErrorText } from "../ui/UserErrorText";

const WithdrawOffer = graphql(`
  mutation WithdrawOffer($input: WithdrawMigrationInput!) {
    withdrawMigration(input: $input) {
      migration {
        id
        administrations(first: 100) {
          nodes {
            id
            status
            statusChangedAt
          }
        }
      }
      userErrors {
        ...UserErrorText_error
      }
    }
  }
`);

/** Hele aanbod intrekken: every administration still offered (or failed), after a confirmation. */
export function WithdrawOfferButton({
  migrationId,
  onWithdrawn,
}: {
  migrationId: string;
  onWithdrawn: () => void;
}) {
  const t = useWords();
  const [asking, setAsking] = useState(false);
  const [withdraw, { loading, error, data, reset }] = useMutation(WithdrawOffer, {
    refetchQueries: ["OfferPage", "OfferAudit"],
    awaitRefetchQueries: true,
  });
  const refusals = shownErrors(data?.withdrawMigration.userErrors ?? []);
  const confirm = async () => {
    if (loading) return;
    const answer = await withdraw({ variables: { input: { migrationId } } }).catch(() => null);
    if (answer?.data?.withdrawMigration.userErrors.length === 0) {
      setAsking(false);
      onWithdrawn();
    }
  };
  return (
    <>
      <button
        type="button"
        className="danger"
        onClick={() => {
          reset();
          setAsking(true);
        }}
      >
        {t(offerWords.withdrawOffer)}
      </button>
      {asking && (
        <ConfirmDialog
          title={t(offerWords.withdrawOfferTitle)}
          confirmLabel={t(offerWords.withdrawOfferConfirm)}
          busy={loading}
          onConfirm={() => void confirm()}
          onCancel={() => setAsking(false)}
        >
          <p>{t(offerWords.withdrawOfferQuestion)}</p>
          {error && <ErrorMessage error={error} />}
          <div role="alert">
            {refusals.map((refusal, index) => (
              <UserErrorText key={`${refusal.code}-${index}`} error={refusal} />
            ))}
          </div>
        </ConfirmDialog>
      )}
    </>
  );
}
