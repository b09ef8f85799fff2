import { useEffect, useId, useState } from "react";
import { signIn, type SignedOutBecause } from "../client/session";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { Header } from "../layout/Header";
import { Page } from "../layout/Page";
import { Shell } from "../layout/Shell";
import { fetchDemoUsers, type DemoUser } from "./demoUsers";

function DemoUsers() {
  const t = useWords();
  const [users, setUsers] = useState<DemoUser[]>([]);
  useEffect(() => {
    let current = true;
    fetchDemoUsers()
      .then((found) => {
        if (current) setUsers(found);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  if (users.length === 0) return null;
  return (
    <section aria-labelledby="demo-title" className="demo-users">
      <h2 id="demo-title">{t(words.demoTitle)}</h2>
      <p>{t(words.demoIntro)}</p>
      <ul className="plain">
        {users.map((user) => (
          <li key={user.token}>
            <button type="button" className="demo-user" onClick={() => signIn(user.token)}>
              <span className="name">{user.name}</span>
              <span className="details">
                {t(words.officeOf)(user.officeName, user.officeCode)} ·{" "}
                {t(labels.Role[user.role])}
                {user.scope === "READ_ONLY" && ` · ${t(words.readOnlyToken)}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Sign in with a personal API token, kept for this browser session only. */
export function SignInScreen({ because }: { because: SignedOutBecause }) {
  const t = useWords();
  const id = useId();
  const [token, setToken] = useState("");
  const [missing, setMissing] = useState(false);
  const notice =
    because === "refused" ? t(words.tokenRefused) : because === "signedOut" ? t(words.signedOut) : "";
  return (
    <Shell header={<Header />}>
      <Page title={t(words.signInTitle)}>
        {notice && (
          <p role={because === "refused" ? "alert" : "status"} className={because === "refused" ? "error" : "news"}>
            {notice}
          </p>
        )}
        <p>{t(words.signInIntro)}</p>
        <form
          className="sign-in"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const typed = token.trim();
            if (typed) signIn(typed);
            else setMissing(true);
          }}
        >
          <label htmlFor={`${id}-token`}>{t(words.tokenLabel)}</label>
          <input
            id={`${id}-token`}
            type="password"
            value={token}
            onChange={(event) => {
              setToken(event.target.value);
              setMissing(false);
            }}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={missing}
            aria-describedby={`${id}-hint${missing ? ` ${id}-missing` : ""}`}
          />
          <p id={`${id}-hint`} className="hint">
            {t(words.tokenHint)}
          </p>
          {missing && (
            <p id={`${id}-missing`} className="error">
              {t(words.tokenRequired)}
            </p>
          )}
          <button type="submit" className="primary">
            {t(words.signInButton)}
          </button>
        </form>
        <DemoUsers />
      </Page>
    </Shell>
  );
}
