// The demo world's users, for the sign-in buttons. GET /demo/sign-ins is not part of the
// GraphQL API: it lists them only on a development service whose database holds nothing but
// the demo world, and an empty list everywhere else. Its answer is checked before it is shown.
import type { Role, TokenScope } from "../gql/enums";
import { labels } from "../i18n/enums";

export interface DemoUser {
  token: string;
  name: string;
  email: string;
  role: Role;
  scope: TokenScope;
  officeCode: string;
  officeName: string;
}

type Unchecked = Partial<Record<keyof DemoUser, unknown>>;

function isRole(value: unknown): value is Role {
  return typeof value === "string" && Object.hasOwn(labels.Role, value);
}

function isScope(value: unknown): value is TokenScope {
  return typeof value === "string" && Object.hasOwn(labels.TokenScope, value);
}

function asDemoUser(value: unknown): DemoUser | null {
  if (typeof value !== "object" || value === null) return null;
  const { token, name, email, role, scope, officeCode, officeName } = value as Unchecked;
  if (
    typeof token !== "string" ||
    typeof name !== "string" ||
    typeof email !== "string" ||
    typeof officeCode !== "string" ||
    typeof officeName !== "string" ||
    !isRole(role) ||
    !isScope(scope)
  ) {
    return null;
  }
  return { token, name, email, role, scope, officeCode, officeName };
}

export async function fetchDemoUsers(): Promise<DemoUser[]> {
  const response = await fetch("/demo/sign-ins", { headers: { Accept: "application/json" } });
  if (!response.ok) return [];
  const body = (await response.json()) as { users?: unknown } | null;
  const users = body?.users;
  return Array.isArray(users) ? users.flatMap((user) => asDemoUser(user) ?? []) : [];
}
