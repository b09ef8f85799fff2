import { useId } from "react";
import type { OverviewControls } from "./controls";

/** The one search field of an overview: it matches every column the list shows. */
export function SearchField({
  label,
  hint,
  controls,
}: {
  label: string;
  hint: string;
  controls: OverviewControls;
}) {
  const id = useId();
  return (
    <form
      role="search"
      aria-label={label}
      className="search"
      onSubmit={(event) => {
        event.preventDefault();
        controls.searchNow();
      }}
    >
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="search"
        value={controls.typed}
        onChange={(event) => controls.type(event.target.value)}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </form>
  );
}
