import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

// Next 16's proxy (formerly middleware): only locale negotiation and redirects, nothing else.
export default createMiddleware(routing);

export const config = {
  // Everything but Next's own files, API routes and files with an extension (icons, workers, chunks).
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
