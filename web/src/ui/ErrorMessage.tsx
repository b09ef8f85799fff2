import { describeError } from "../client/errors";
import { useWords } from "../i18n/language";

/** An error Apollo reported, said in words the user can act on. */
export function ErrorMessage({ error }: { error: unknown }) {
  const t = useWords();
  return (
    <p role="alert" className="error">
      {t(describeError(error))}
    </p>
  );
}
