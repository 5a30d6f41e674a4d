import { NotFoundContent } from "@/components/layout/NotFoundContent";

/** Inside the signed-in shell, which already has <main>. */
export default function SignedInNotFound() {
  return <NotFoundContent />;
}
