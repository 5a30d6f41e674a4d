import "server-only";
import { notFound } from "next/navigation";
import { UseCaseError } from "@/lib/server/use-case-error";

/** A page's read: "not found" (the visibility rule, AC-01) becomes the 404 page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  return read.catch((error: unknown) => {
    if (error instanceof UseCaseError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}
