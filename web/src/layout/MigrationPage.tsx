import type { ReactNode } from "react";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { Link, usePath } from "../router/router";
import { Page } from "./Page";

export const OVERVIEW_PATH = "/migrations";
export const ACTIONS_PATH = "/migrations/actions";

/** The migration screens as the help article draws them: where they sit, and their two tabs. */
export function MigrationPage({ title, children }: { title: string; children: ReactNode }) {
  const t = useWords();
  const path = usePath();
  const tabs = [
    { to: OVERVIEW_PATH, label: t(words.overviewTab) },
    { to: ACTIONS_PATH, label: t(words.actionsTab) },
  ];
  return (
    <>
      <nav aria-label={t(words.breadcrumb)} className="breadcrumb">
        <ol>
          <li>{t(words.settings)}</li>
          <li>{t(words.administrations)}</li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <Page title={title}>
        <nav aria-label={t(words.migrationTabs)} className="tabs">
          <ul>
            {tabs.map((tab) => (
              <li key={tab.to}>
                <Link to={tab.to} aria-current={path === tab.to ? "page" : undefined}>
                  {tab.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {children}
      </Page>
    </>
  );
}
