"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { createSiteSchema, updateSiteSchema } from "@/lib/domain/forms/admin-forms";
import { createSite } from "@/lib/server/sites/create-site";
import { updateSite } from "@/lib/server/sites/update-site";

export const createSiteAction = authorisedAction(
  { name: "createSite", permission: "manage:site:any", schema: createSiteSchema },
  async (input, user, db) => {
    await createSite(db, user, input);
    return { redirectTo: "/admin/sites?updated=created" };
  },
);

export const updateSiteAction = authorisedAction(
  { name: "updateSite", permission: "manage:site:any", schema: updateSiteSchema },
  async (input, user, db) => {
    await updateSite(db, user, input);
    return { redirectTo: "/admin/sites?updated=saved" };
  },
);
