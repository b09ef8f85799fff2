// Which screen answers which path. The service answers all of them with the same page, and the
// mails link to two of them: /receive (enter a code) and an offer's page under /migrations.
import type { ComponentType } from "react";
import { ActionsScreen } from "../actions/ActionsScreen";
import { ACTIONS_PATH, OVERVIEW_PATH } from "../layout/MigrationPage";
import { OFFER_PATH, OfferScreen } from "../offer/OfferScreen";
import { OfferPageScreen } from "../offers/OfferPageScreen";
import { OFFER_PAGE_PATH } from "../offers/paths";
import { OverviewScreen } from "../overview/OverviewScreen";
import { RECEIVE_PATH, ReceiveScreen } from "../receive/ReceiveScreen";
import { matchPath } from "../router/router";

export interface Route {
  path: string;
  screen: ComponentType<{ params: Record<string, string> }>;
}

export const HOME_PATH = OVERVIEW_PATH;

export const ROUTES: readonly Route[] = [
  { path: OVERVIEW_PATH, screen: OverviewScreen },
  { path: ACTIONS_PATH, screen: ActionsScreen },
  { path: OFFER_PATH, screen: OfferScreen },
  { path: RECEIVE_PATH, screen: ReceiveScreen },
  { path: OFFER_PAGE_PATH, screen: OfferPageScreen },
];

export function screenFor(path: string): { route: Route; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}
