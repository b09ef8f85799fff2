// An Idempotency-Key per distinct request of a form: sent again unchanged (after an answer that
// never arrived, or a second click), the API gives back the first answer instead of acting
// twice; a changed request gets a new key. The API keeps no refusal, so trying again after one
// runs the request again.
import { useCallback, useRef } from "react";

function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The key for these variables: the same as last time when they did not change. */
export function useIdempotencyKey(): (variables: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return useCallback((variables: unknown) => {
    const body = JSON.stringify(variables);
    if (last.current?.body !== body) last.current = { body, key: newKey() };
    return last.current.key;
  }, []);
}

/** The context that sends the key with a mutation. */
export function withIdempotencyKey(key: string): { headers: Record<string, string> } {
  return { headers: { "Idempotency-Key": key } };
}
