"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { bankHolidayVersionSchema, createBankHolidaySchema, updateBankHolidaySchema } from "@/lib/domain/forms/bank-holiday-forms";
import { confirmBankHoliday } from "@/lib/server/calendar/confirm-bank-holiday";
import { createBankHoliday } from "@/lib/server/calendar/create-bank-holiday";
import { removeBankHoliday } from "@/lib/server/calendar/remove-bank-holiday";
import { updateBankHoliday } from "@/lib/server/calendar/update-bank-holiday";
import { listUrlAfter } from "./bank-holiday-text";

export const createBankHolidayAction = authorisedAction(
  { name: "createBankHoliday", permission: "manage:calendar:any", schema: createBankHolidaySchema },
  async (input, user, db) => {
    const result = await createBankHoliday(db, user, input);
    return { redirectTo: listUrlAfter("created", input.date.slice(0, 4), result) };
  },
);

export const updateBankHolidayAction = authorisedAction(
  { name: "updateBankHoliday", permission: "manage:calendar:any", schema: updateBankHolidaySchema },
  async (input, user, db) => {
    const result = await updateBankHoliday(db, user, input);
    const year = input.date.slice(0, 4);
    return { redirectTo: result.datesChanged ? listUrlAfter("saved", year, result) : listUrlAfter("unchanged", year) };
  },
);

export const confirmBankHolidayAction = authorisedAction(
  { name: "confirmBankHoliday", permission: "manage:calendar:any", schema: bankHolidayVersionSchema },
  async (input, user, db) => {
    const { confirmed } = await confirmBankHoliday(db, user, input);
    return { redirectTo: listUrlAfter("confirmed", confirmed.date.slice(0, 4)) };
  },
);

export const removeBankHolidayAction = authorisedAction(
  { name: "removeBankHoliday", permission: "manage:calendar:any", schema: bankHolidayVersionSchema },
  async (input, user, db) => {
    const result = await removeBankHoliday(db, user, input);
    return { redirectTo: listUrlAfter("removed", result.removed.date.slice(0, 4), result) };
  },
);
