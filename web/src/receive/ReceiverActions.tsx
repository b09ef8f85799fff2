import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { graphql, getFragmentData, type FragmentType } from "../gql";
import type { MigrationAction, UserErrorCode } from "../gql/enums";
import { labels } from "../i18n/enums";
import { useWords, type Phrase } from "../i18n/language";
import { words } from "../i18n/words";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ErrorMessage } from "../ui/ErrorMessage";
import { RescheduleMove } from "./RescheduleMove";

const ReceiverActionsItem = graphql(`
  fragment ReceiverActions_item on MigrationAdministration {
    id
    status
    administrationName
    allowedActions
    notBefore
  }
`);

const CancelReceived = graphql(`
  mutation CancelReceived($input: CancelMigrationInput!) {
    cancelMigration(input: $input) {
      administration {
        id
        status
        statusChangedAt
        allowedActions
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const RetryReceived = graphql(`
  mutation RetryReceived($input: RetryMigrationInput!) {
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
        code
        field
        message
      }
    }
  }
`);

const GiveUpReceived = graphql(`
  mutation GiveUpReceived($input: GiveUpMigrationInput!) {
    giveUpMigration(input: $input) {
      administration {
        id
        status
        statusChangedAt
        allowedActions
        failure
        reason
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

// The receiver's own buttons among the actions the API allows on a row it claimed.
type ReceiverAction = Extract<MigrationAction, "CANCEL" | "RETRY" | "GIVE_UP">;
type Asked = Exclude<ReceiverAction, "RETRY">;
const RECEIVER_ACTIONS: readonly MigrationAction[] = ["CANCEL", "RESCHEDULE", "RETRY", "GIVE_UP"];

const DONE: Readonly<Record<ReceiverAction, Phrase<(name: string) => string>>> = {
  CANCEL: words.movedCancelled,
  RETRY: words.movedRetried,
  GIVE_UP: words.movedGivenUp,
};

/**
 * The receiver's buttons for one move: change its moment or cancel it while queued, retry or
 * give up after a failure.
 * Cancelling and giving up are asked first; the sentence that says what happened is the
 * parent's, since the buttons are gone once the status changes.
 */
export function ReceiverActions({
  item,
  onDone,
}: {
  item: FragmentType<typeof ReceiverActionsItem>;
  onDone: (news: string) => void;
}) {
  const t = useWords();
  const row = getFragmentData(ReceiverActionsItem, item);
  const [asking, setAsking] = useState<Asked | null>(null);
  const [refused, setRefused] = useState<UserErrorCode[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [cancel] = useMutation(CancelReceived);
  const [retry] = useMutation(RetryReceived);
  const [giveUp] = useMutation(GiveUpReceived);
  const actions = row.allowedActions.filter((action) => RECEIVER_ACTIONS.includes(action));
  if (actions.length === 0) return null;

  const name = row.administrationName;
  const run = async (action: ReceiverAction) => {
    if (busy) return;
    setBusy(true);
    setRefused([]);
    setFailure(null);
    const input = { migrationAdministrationId: row.id };
    try {
      const errors =
        action === "CANCEL"
          ? (await cancel({ variables: { input } })).data?.cancelMigration.userErrors
          : action === "RETRY"
            ? (await retry({ variables: { input } })).data?.retryMigration.userErrors
            : (await giveUp({ variables: { input } })).data?.giveUpMigration.userErrors;
      if (errors && errors.length > 0) {
        setRefused(errors.map((error) => error.code));
      } else {
        setAsking(null);
        onDone(t(DONE[action])(name));
      }
    } catch (error) {
      setFailure(error);
    }
    setBusy(false);
  };
  const problems = (
    <>
      {failure !== null && <ErrorMessage error={failure} />}
      {refused.map((code) => (
        <p role="alert" className="error" key={code}>
          {t(labels.UserErrorCode[code])}
        </p>
      ))}
    </>
  );
  return (
    <div className="row-actions">
      {actions.includes("RETRY") && (
        <button
          type="button"
          className="primary"
          aria-label={t(words.retryMoveLabel)(name)}
          aria-disabled={busy}
          onClick={() => void run("RETRY")}
        >
          {t(words.retryMove)}
        </button>
      )}
      {actions.includes("GIVE_UP") && (
        <button
          type="button"
          className="secondary"
          aria-label={t(words.giveUpMoveLabel)(name)}
          onClick={() => setAsking("GIVE_UP")}
        >
          {t(words.giveUpMove)}
        </button>
      )}
      {actions.includes("RESCHEDULE") && (
        <RescheduleMove id={row.id} name={name} notBefore={row.notBefore ?? null} onDone={onDone} />
      )}
      {actions.includes("CANCEL") && (
        <button
          type="button"
          className="secondary"
          aria-label={t(words.cancelMoveLabel)(name)}
          onClick={() => setAsking("CANCEL")}
        >
          {t(words.cancelMove)}
        </button>
      )}
      {asking === null && problems}
      {asking !== null && (
        <ConfirmDialog
          title={
            asking === "CANCEL" ? t(words.cancelMoveLabel)(name) : t(words.giveUpMoveLabel)(name)
          }
          confirmLabel={asking === "CANCEL" ? t(words.cancelMoveConfirm) : t(words.giveUpConfirm)}
          cancelLabel={t(words.keepIt)}
          busy={busy}
          onConfirm={() => void run(asking)}
          onCancel={() => {
            setAsking(null);
            setRefused([]);
          }}
        >
          <p>
            {asking === "CANCEL"
              ? t(words.cancelMoveQuestion)(name)
              : t(words.giveUpQuestion)(name)}
          </p>
          {problems}
        </ConfirmDialog>
      )}
    </div>
  );
}
