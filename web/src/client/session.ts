// The personal API token of the signed-in user. It lives in sessionStorage only: it is gone
// when the browser session ends, and it is dropped as soon as the API says it no longer counts.
import { useSyncExternalStore } from "react";

const STORAGE_KEY = "overdracht.token";

/** Why nobody is signed in: never signed in, signed out, or the API refused the token. */
export type SignedOutBecause = "new" | "signedOut" | "refused";

export interface Session {
  token: string | null;
  because: SignedOutBecause;
}

function stored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

let current: Session = { token: stored(), because: "new" };
const listeners = new Set<() => void>();

function change(next: Session): void {
  current = next;
  for (const listener of listeners) listener();
}

export function signIn(token: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Without storage the token still serves this page until it is closed.
  }
  change({ token, because: "new" });
}

export function signOut(because: SignedOutBecause = "signedOut"): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept.
  }
  if (current.token !== null || current.because !== because) change({ token: null, because });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Be told of every sign-in and sign-out, outside React. */
export function subscribeToSession(listener: (session: Session) => void): () => void {
  return subscribe(() => listener(current));
}

export function useSession(): Session {
  return useSyncExternalStore(subscribe, () => current);
}
