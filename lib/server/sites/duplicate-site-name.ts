import { UseCaseError } from "../use-case-error";

/** Site names are unique in an organisation: a duplicate is CONFLICT on the name field. */
export const duplicateName = () =>
  new UseCaseError("CONFLICT", "A site with this name already exists", { name: "A site with this name already exists" });
