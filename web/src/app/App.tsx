import { useSession } from "../client/session";
import { LanguageProvider } from "../i18n/language";
import { SignInScreen } from "../signin/SignInScreen";
import { SignedIn } from "./SignedIn";

/** Signed in, the screen of the path; otherwise the sign-in, which then leads to that screen. */
export function App() {
  const session = useSession();
  return (
    <LanguageProvider>
      {session.token === null ? (
        <SignInScreen because={session.because} />
      ) : (
        <SignedIn key={session.token} token={session.token} />
      )}
    </LanguageProvider>
  );
}
