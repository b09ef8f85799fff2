import { useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";
import type { Blocker } from "./checklist";

/** One reason an administration cannot be offered now, with its count. */
export function BlockerText({ blocker }: { blocker: Blocker }) {
  const t = useWords();
  switch (blocker.kind) {
    case "AUTHORIZERS":
      return t(offerWords.blockedByAuthorizers)(blocker.count);
    case "WORKFLOWS":
      return t(offerWords.blockedByWorkflows)(blocker.count);
    case "PENDING_DOCUMENTS":
      return t(offerWords.blockedByPendingDocuments)(blocker.count);
    case "DAMAGED_FILES":
      return t(offerWords.blockedByDamagedFiles)(blocker.count);
    case "ALREADY_OFFERED":
      return t(offerWords.blockedByOpenOffer);
    case "NOT_MIGRATABLE":
      return t(offerWords.blockedByPackage);
  }
}
