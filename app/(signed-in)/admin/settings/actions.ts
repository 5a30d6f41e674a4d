"use server";

import {
  addReasonSchema,
  addSiteContactSchema,
  changeSettingSchema,
  providerContactsSchema,
  removeSiteContactSchema,
  renameReasonSchema,
  setReasonActiveSchema,
} from "@/lib/domain/forms/settings-forms";
import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { addReason } from "@/lib/server/settings/add-reason";
import { addSiteContact } from "@/lib/server/settings/add-site-contact";
import { changeSetting } from "@/lib/server/settings/change-setting";
import { removeSiteContact } from "@/lib/server/settings/remove-site-contact";
import { renameReason } from "@/lib/server/settings/rename-reason";
import { setReasonActive } from "@/lib/server/settings/set-reason-active";
import { updateProviderContacts } from "@/lib/server/settings/update-provider-contacts";

const permission = "manage:settings:any";

export const changeSettingAction = authorisedAction({ name: "changeSetting", permission, schema: changeSettingSchema }, async (input, user, db) => {
  await changeSetting(db, user, input);
  return { redirectTo: "/admin/settings?updated=setting#settings" };
});

export const updateProviderContactsAction = authorisedAction({ name: "updateProviderContacts", permission, schema: providerContactsSchema }, async (input, user, db) => {
  await updateProviderContacts(db, user, input);
  return { redirectTo: "/admin/settings?updated=provider#provider" };
});

export const addSiteContactAction = authorisedAction({ name: "addSiteContact", permission, schema: addSiteContactSchema }, async (input, user, db) => {
  await addSiteContact(db, user, input);
  return { redirectTo: `/admin/settings/sites/${input.siteId}?updated=added` };
});

export const removeSiteContactAction = authorisedAction({ name: "removeSiteContact", permission, schema: removeSiteContactSchema }, async (input, user, db) => {
  await removeSiteContact(db, user, input);
  return { redirectTo: `/admin/settings/sites/${input.siteId}?updated=removed` };
});

export const addReasonAction = authorisedAction({ name: "addReason", permission, schema: addReasonSchema }, async (input, user, db) => {
  await addReason(db, user, input);
  return { redirectTo: `/admin/settings/reasons/${input.kind}?updated=added` };
});

export const renameReasonAction = authorisedAction({ name: "renameReason", permission, schema: renameReasonSchema }, async (input, user, db) => {
  await renameReason(db, user, input);
  return { redirectTo: `/admin/settings?updated=reason#reasons` };
});

export const setReasonActiveAction = authorisedAction({ name: "setReasonActive", permission, schema: setReasonActiveSchema }, async (input, user, db) => {
  await setReasonActive(db, user, input);
  return { redirectTo: `/admin/settings?updated=reason#reasons` };
});
