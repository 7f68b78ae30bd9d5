import { defineRouting } from "next-intl/routing";

// /ko/... and /en/...; a first visit to / picks from Accept-Language (then the NEXT_LOCALE cookie).
export const routing = defineRouting({
  locales: ["ko", "en"],
  defaultLocale: "ko",
});

export type AppLocale = (typeof routing.locales)[number];
