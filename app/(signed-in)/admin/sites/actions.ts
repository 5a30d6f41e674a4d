"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { getPrisma } from "@/lib/db/client";
import { createSiteSchema, updateSiteSchema } from "@/lib/domain/forms/admin-forms";
import { createSite, updateSite } from "@/lib/server/admin/site-admin";

export const createSiteAction = authorisedAction(
  { name: "createSite", permission: "manage:site:any", schema: createSiteSchema },
  async (input, user) => {
    await createSite(await getPrisma(), user, input);
    return { redirectTo: "/admin/sites?updated=created" };
  },
);

export const updateSiteAction = authorisedAction(
  { name: "updateSite", permission: "manage:site:any", schema: updateSiteSchema },
  async (input, user) => {
    await updateSite(await getPrisma(), user, input);
    return { redirectTo: "/admin/sites?updated=saved" };
  },
);
