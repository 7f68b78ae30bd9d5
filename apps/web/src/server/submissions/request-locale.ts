import { LOCALES, type Locale } from "@kubejam/grader";

/** The language of the check titles and messages: `?locale=ko|en`, else Accept-Language, else English. */
export function requestLocale(request: Request): Locale {
  const asked = new URL(request.url).searchParams.get("locale");
  if (asked && (LOCALES as readonly string[]).includes(asked)) return asked as Locale;
  const accept = request.headers.get("accept-language") ?? "";
  return /^\s*ko\b/i.test(accept) ? "ko" : "en";
}
