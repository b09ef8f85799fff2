import type { ReactNode } from "react";
import { useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";

export const STEP_COUNT = 3;

/**
 * One step of the wizard: a form whose heading names the step and where it stands ("Stap 2
 * van 3"), which takes the focus when the step is reached, so the step is announced.
 */
export function WizardStep({
  headingId,
  number,
  title,
  onSubmit,
  children,
}: {
  headingId: string;
  number: number;
  title: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const t = useWords();
  return (
    <form
      className="wizard-step"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h2 id={headingId} tabIndex={-1}>
        <span className="step-number">{t(offerWords.stepOf)(number, STEP_COUNT)}</span> {title}
      </h2>
      {children}
    </form>
  );
}

/** The steps of the wizard in a row, the current one marked for assistive technology too. */
export function StepList({ current, titles }: { current: number; titles: readonly string[] }) {
  const t = useWords();
  return (
    <ol className="wizard-steps" aria-label={t(offerWords.stepsLabel)}>
      {titles.map((title, index) => {
        const number = index + 1;
        return (
          <li
            key={title}
            aria-current={number === current ? "step" : undefined}
            data-state={number < current ? "done" : number === current ? "current" : "later"}
          >
            <span className="step-number">{number}</span> {title}
          </li>
        );
      })}
    </ol>
  );
}
