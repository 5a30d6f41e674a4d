/** Shown while the dashboard's figures load (streamed by the App Router). */
export default function DashboardLoading() {
  return (
    <>
      <h1 className="govuk-heading-l">Dashboard</h1>
      <p className="govuk-body" role="status">
        Loading the figures…
      </p>
    </>
  );
}
