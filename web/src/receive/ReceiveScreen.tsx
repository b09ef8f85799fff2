import { useId, useState } from "react";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { MigrationPage } from "../layout/MigrationPage";
import { Link } from "../router/router";
import { ChooseStep, type Sent } from "./ChooseStep";
import type { CodeOutcome } from "./codePreview";
import { CodeStep } from "./CodeStep";
import { receivedPath } from "./paths";
import { StepHeading } from "./StepHeading";

// The page the offer mail links to (the service's frontend_code_path); never with the code in it.
export const RECEIVE_PATH = "/receive";

type Step =
  | { kind: "code"; again: boolean }
  | { kind: "choose"; transferCode: string; previewed: Extract<CodeOutcome, { kind: "preview" }> }
  | { kind: "done"; sent: Sent };

const STEPS = [words.stepCode, words.stepChoose, words.stepDone] as const;

function Steps({ current }: { current: number }) {
  const t = useWords();
  return (
    <ol className="steps" aria-label={t(words.receiveSteps)}>
      {STEPS.map((step, index) => (
        <li key={index} aria-current={index === current ? "step" : undefined}>
          <span className="step-number">{t(words.stepOf)(index + 1, STEPS.length)}</span>
          <span>{t(step)}</span>
        </li>
      ))}
    </ol>
  );
}

function DoneStep({ sent }: { sent: Sent }) {
  const t = useWords();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="wizard-step">
      <StepHeading id={`${id}-title`}>{t(words.doneTitle)}</StepHeading>
      {sent.received.length > 0 && <p>{t(words.doneReceived)(sent.received.join(", "))}</p>}
      {sent.rejected.length > 0 && <p>{t(words.doneRejected)(sent.rejected.join(", "))}</p>}
      <p>
        <Link to={receivedPath(sent.migrationId)} className="button primary">
          {t(words.followMove)}
        </Link>
      </p>
    </section>
  );
}

/**
 * Haal administraties op: enter the code, see what it offers and choose per administration,
 * accept terms and costs, send.
 */
export function ReceiveScreen() {
  const t = useWords();
  const [step, setStep] = useState<Step>({ kind: "code", again: false });
  const current = step.kind === "code" ? 0 : step.kind === "choose" ? 1 : 2;
  return (
    <MigrationPage title={t(words.receiveTitle)}>
      <Steps current={current} />
      {step.kind === "code" && (
        <CodeStep
          focusField={step.again}
          onPreview={(transferCode, previewed) =>
            setStep({ kind: "choose", transferCode, previewed })
          }
        />
      )}
      {step.kind === "choose" && (
        <ChooseStep
          transferCode={step.transferCode}
          preview={step.previewed.preview}
          rows={step.previewed.rows}
          onSent={(sent) => setStep({ kind: "done", sent })}
          onOtherCode={() => setStep({ kind: "code", again: true })}
        />
      )}
      {step.kind === "done" && <DoneStep sent={step.sent} />}
    </MigrationPage>
  );
}
