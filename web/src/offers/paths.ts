// Where an offer's page is: the overview's path, then the offer's global ID (never its code).
// The service's mails link here too (Settings.offer_page_url), so both must say the same.
export const OFFER_PAGE_PATH = "/migrations/offers/:id";

export function offerPagePath(migrationId: string): string {
  return `/migrations/offers/${encodeURIComponent(migrationId)}`;
}
