import type { EmailedPart } from "@/lib/domain/uc452/template";
import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getUc452EmailPage, type Uc452EmailPage } from "./get-uc452-email-page";

/** One UC452 part's email page and its "sent" page (app/(signed-in)/cases/[caseId]/forms/uc452/[part]/…), or the 404 page. */
export function loadUc452EmailPage(user: UseCaseActor, caseId: string, part: EmailedPart): Promise<Uc452EmailPage> {
  return loadPage((db) => getUc452EmailPage(db, user, caseId, part));
}
