// Where an administration's archive is listed; the receipt of a completed move links here.
export const DOCUMENTS_PATH = "/administrations/:id/documents";

export function documentsPath(administrationId: string): string {
  return `/administrations/${encodeURIComponent(administrationId)}/documents`;
}
