import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { graphql, getFragmentData, type FragmentType } from "../gql";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ErrorMessage } from "../ui/ErrorMessage";

const WithdrawButtonItem = graphql(`
  fragment WithdrawButton_item on MigrationAdministration {
    id
    status
    administrationName
    allowedActions
    migration {
      id
    }
  }
`);

const WithdrawAdministration = graphql(`
  mutation WithdrawAdministration($input: WithdrawMigrationInput!) {
    withdrawMigration(input: $input) {
      migration {
        id
        administrations {
          nodes {
            id
            status
            statusChangedAt
            allowedActions
          }
        }
        allowedActions
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
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** Intrekken: withdraw one administration of an offer, after the user confirms it. */
export function WithdrawButton({
  item,
  onWithdrawn,
}: {
  item: FragmentType<typeof WithdrawButtonItem>;
  onWithdrawn: (name: string) => void;
}) {
  const t = useWords();
  const row = getFragmentData(WithdrawButtonItem, item);
  const [asking, setAsking] = useState(false);
  const [withdraw, { loading, error, data, reset }] = useMutation(WithdrawAdministration, {
    refetchQueries: ["OfferedAdministrations", "OfferAudit"],
    awaitRefetchQueries: true,
  });
  // Whether this row may be withdrawn now is the API's to say (its allowedActions).
  if (!row.allowedActions.includes("WITHDRAW")) return null;

  const refusals = data?.withdrawMigration.userErrors ?? [];
  const confirm = async () => {
    if (loading) return;
    const answer = await withdraw({
      variables: {
        input: { migrationId: row.migration.id, migrationAdministrationId: row.id },
      },
    }).catch(() => null);
    if (answer?.data?.withdrawMigration.userErrors.length === 0) {
      setAsking(false);
      onWithdrawn(row.administrationName);
    }
  };
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={t(words.withdrawLabel)(row.administrationName)}
        onClick={() => {
          reset();
          setAsking(true);
        }}
      >
        {t(words.withdraw)}
      </button>
      {asking && (
        <ConfirmDialog
          title={t(words.withdrawTitle)}
          confirmLabel={t(words.withdrawConfirm)}
          busy={loading}
          onConfirm={() => void confirm()}
          onCancel={() => setAsking(false)}
        >
          <p>{t(words.withdrawQuestion)(row.administrationName)}</p>
          {error && <ErrorMessage error={error} />}
          {refusals.map((refusal) => (
            <p role="alert" className="error" key={refusal.code}>
              {t(labels.UserErrorCode[refusal.code])}
            </p>
          ))}
        </ConfirmDialog>
      )}
    </>
  );
}
