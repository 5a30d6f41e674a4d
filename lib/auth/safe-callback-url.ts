/**
 * Where to go after signing in: only a same-origin relative path (docs/security.md IV-04). We build
 * callback URLs ourselves as paths, so anything else — absolute URLs, protocol-relative `//host`,
 * backslash tricks, control characters — falls back to "/".
 */
export function safeCallbackUrl(candidate: string | null | undefined): string {
  const value = candidate?.trim();
  if (!value) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  if (/[\u0000-\u001f\u007f]/.test(value)) return "/";
  if (value.startsWith("/sign-in") || value.startsWith("/api/")) return "/";
  return value;
}
