"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { getPrisma } from "@/lib/db/client";
import { bankHolidayVersionSchema, createBankHolidaySchema, updateBankHolidaySchema } from "@/lib/domain/forms/bank-holiday-forms";
import {
  confirmBankHoliday,
  createBankHoliday,
  removeBankHoliday,
  updateBankHoliday,
} from "@/lib/server/calendar/bank-holiday-admin";
import { listUrlAfter } from "./bank-holiday-text";

export const createBankHolidayAction = authorisedAction(
  { name: "createBankHoliday", permission: "manage:calendar:any", schema: createBankHolidaySchema },
  async (input, user) => {
    const { recomputedCases } = await createBankHoliday(await getPrisma(), user, input);
    return { redirectTo: listUrlAfter("created", input.date.slice(0, 4), recomputedCases) };
  },
);

export const updateBankHolidayAction = authorisedAction(
  { name: "updateBankHoliday", permission: "manage:calendar:any", schema: updateBankHolidaySchema },
  async (input, user) => {
    const { recomputedCases, datesChanged } = await updateBankHoliday(await getPrisma(), user, input);
    const year = input.date.slice(0, 4);
    return { redirectTo: datesChanged ? listUrlAfter("saved", year, recomputedCases) : listUrlAfter("unchanged", year) };
  },
);

export const confirmBankHolidayAction = authorisedAction(
  { name: "confirmBankHoliday", permission: "manage:calendar:any", schema: bankHolidayVersionSchema },
  async (input, user) => {
    const { confirmed } = await confirmBankHoliday(await getPrisma(), user, input);
    return { redirectTo: listUrlAfter("confirmed", confirmed.date.slice(0, 4)) };
  },
);

export const removeBankHolidayAction = authorisedAction(
  { name: "removeBankHoliday", permission: "manage:calendar:any", schema: bankHolidayVersionSchema },
  async (input, user) => {
    const { recomputedCases, removed } = await removeBankHoliday(await getPrisma(), user, input);
    return { redirectTo: listUrlAfter("removed", removed.date.slice(0, 4), recomputedCases) };
  },
);
