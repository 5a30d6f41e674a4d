import { NotFoundContent } from "@/components/layout/NotFoundContent";

/** Outside the signed-in shell: the page brings its own <main>. */
export default function NotFound() {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
        <NotFoundContent />
      </main>
    </div>
  );
}
