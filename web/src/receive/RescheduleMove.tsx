import { useMutation } from "@apollo/client/react";
import { useEffect, useId, useRef, useState } from "react";
import { graphql } from "../gql";
import { useDates, useOfficeTimeZone } from "../i18n/dates";
import { useWords } from "../i18n/language";
import { localInputValue, momentOfInput } from "../i18n/wallClock";
import { words } from "../i18n/words";
import { MomentField } from "./MomentField";
import { FieldRefusals, type Refusal } from "./refusals";

const RescheduleReceived = graphql(`
  mutation RescheduleReceived($input: RescheduleMoveInput!) {
    rescheduleMove(input: $input) {
      administration {
        id
        status
        statusChangedAt
        notBefore
        allowedActions
      }
      userErrors {
        code
        field
        message
        retryAt
      }
    }
  }
`);

/**
 * The receiver's "change the moving moment" while the move is queued: a small form under the
 * button with the moment in the office's time, to save another one or clear it (start as soon
 * as there is room). Escape or "Leave it" closes it and gives the focus back to the button.
 */
export function RescheduleMove({
  id,
  name,
  notBefore,
  onDone,
}: {
  id: string;
  name: string;
  notBefore: string | null;
  onDone: (news: string) => void;
}) {
  const t = useWords();
  const formId = useId();
  const timeZone = useOfficeTimeZone();
  const { moment } = useDates();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState("");
  const [refusals, setRefusals] = useState<readonly Refusal[]>([]);
  const [general, setGeneral] = useState<readonly Refusal[]>([]);
  const [busy, setBusy] = useState(false);
  const [answered, setAnswered] = useState(0);
  const opener = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [reschedule] = useMutation(RescheduleReceived);

  useEffect(() => {
    if (open) field.current?.focus();
  }, [open, answered]);

  const close = () => {
    setOpen(false);
    setRefusals([]);
    setGeneral([]);
    opener.current?.focus();
  };

  const save = async (wanted: string | null) => {
    if (busy) return;
    setRefusals([]);
    setGeneral([]);
    if (wanted === "") {
      // A field the browser holds half-typed reads as empty; clearing is its own button.
      if (field.current?.validity.badInput) {
        setRefusals([{ kind: "said", phrase: words.notBeforeIncomplete }]);
        setAnswered((n) => n + 1);
        return;
      }
      wanted = null;
    }
    const chosen = wanted === null ? null : momentOfInput(wanted, timeZone);
    setBusy(true);
    try {
      const answer = await reschedule({ variables: { input: { id, notBefore: chosen } } });
      const errors = answer.data?.rescheduleMove.userErrors ?? [];
      const found = errors.map(
        (error): Refusal => ({
          kind: "api",
          code: error.code,
          field: error.field,
          retryAt: error.retryAt,
          place: "moment",
        }),
      );
      const atField = (error: (typeof errors)[number]) => error.field?.at(-1) === "notBefore";
      setRefusals(found.filter((_, index) => errors[index] && atField(errors[index])));
      setGeneral(found.filter((_, index) => errors[index] && !atField(errors[index])));
      if (errors.length > 0) {
        setAnswered((n) => n + 1);
      } else {
        const saved = answer.data?.rescheduleMove.administration?.notBefore ?? null;
        setOpen(false);
        onDone(
          saved ? t(words.movedRescheduled)(name, moment(saved)) : t(words.movedUnscheduled)(name),
        );
      }
    } catch (error) {
      setGeneral([{ kind: "error", error }]);
      setAnswered((n) => n + 1);
    }
    setBusy(false);
  };

  return (
    <>
      <button
        type="button"
        className="secondary"
        ref={opener}
        aria-label={t(words.rescheduleMoveLabel)(name)}
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => {
          if (open) {
            close();
            return;
          }
          setValue(notBefore ? localInputValue(notBefore, timeZone) : "");
          setOpen(true);
        }}
      >
        {t(words.rescheduleMove)}
      </button>
      {open && (
        <form
          id={formId}
          className="reschedule-form"
          aria-label={t(words.rescheduleMoveLabel)(name)}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save(value);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              close();
            }
          }}
        >
          <FieldRefusals id={`${formId}-general`} refusals={general} />
          <MomentField
            id={`${formId}-moment`}
            value={value}
            onChange={setValue}
            refusals={refusals}
            inputRef={field}
          />
          <div className="wizard-buttons">
            <button type="submit" className="primary" aria-disabled={busy}>
              {t(words.rescheduleSave)}
            </button>
            {notBefore && (
              <button
                type="button"
                className="secondary"
                aria-disabled={busy}
                onClick={() => void save(null)}
              >
                {t(words.rescheduleClear)}
              </button>
            )}
            <button type="button" className="link-button" onClick={close}>
              {t(words.rescheduleKeep)}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
