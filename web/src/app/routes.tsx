// Which screen answers which path. The service answers all of them with the same page, and the
// mails link to two of them: /receive (enter a code) and an offer's page under /migrations.
import type { ComponentType } from "react";
import { ActionsScreen } from "../actions/ActionsScreen";
import { COSTS_PATH } from "../costs/paths";
import { CostsScreen } from "../costs/CostsScreen";
import { DOCUMENTS_PATH } from "../documents/paths";
import { DocumentsScreen } from "../documents/DocumentsScreen";
import { ACTIONS_PATH, OVERVIEW_PATH } from "../layout/MigrationPage";
import { OFFER_PATH, OfferScreen } from "../offer/OfferScreen";
import { OfferPageScreen } from "../offers/OfferPageScreen";
import { OFFER_PAGE_PATH } from "../offers/paths";
import { OverviewScreen } from "../overview/OverviewScreen";
import { RECEIVED_PATH } from "../receive/paths";
import { ReceivedOfferScreen } from "../receive/ReceivedOfferScreen";
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
  { path: RECEIVED_PATH, screen: ReceivedOfferScreen },
  { path: DOCUMENTS_PATH, screen: DocumentsScreen },
  { path: COSTS_PATH, screen: CostsScreen },
  { path: OFFER_PAGE_PATH, screen: OfferPageScreen },
];

export function screenFor(path: string): { route: Route; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}
