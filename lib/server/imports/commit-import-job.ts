import { z } from "zod";
import type { JobTask } from "../jobs/job-context";
import { continueImport, IMPORT_JOB_BATCH_SIZE } from "./continue-import";

const payloadSchema = z.object({ importId: z.uuid() }).strict();

/**
 * The imports:commit task (docs/decisions/0023-bulk-import-and-expected-referrals.md): commits an
 * import of more than 1,000 rows off the page load, batch after batch, each batch ONE transaction
 * (continueImport), until every row has its outcome. Queued with the job key
 * `import-commit:<importId>`, so it runs once; a worker that dies mid-import leaves the cursor at
 * the last committed batch, and the retried job carries on from there.
 */
export const commitImportJob: JobTask = async (payload, context) => {
  const { importId } = payloadSchema.parse(payload);
  for (;;) {
    const progress = await continueImport(context.db, importId, context.now(), IMPORT_JOB_BATCH_SIZE);
    if (progress.done || progress.status !== "committing") return;
  }
};
