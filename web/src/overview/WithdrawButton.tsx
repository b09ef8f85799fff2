import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { graphql, getFragmentData, type FragmentType } from "../gql";
import type { MigrationStatus } from "../gql/enums";
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
          }
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

// Until the API says per row which actions it allows, the screen offers to withdraw in the
// statuses rule 10 names. THE ONE PLACE to switch to the API's answer when it lands.
const WITHDRAWABLE: readonly MigrationStatus[] = ["OFFERED", "FAILED"];

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
    refetchQueries: ["OfferedAdministrations"],
    awaitRefetchQueries: true,
  });
  if (!WITHDRAWABLE.includes(row.status)) return null;

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
