"use client";

import { useEffect } from "react";
import { rememberPageForOffline } from "../../../workspace/offline";

/** Registers public/sw.js (production builds only) so that a loaded lesson keeps working offline. */
export function ServiceWorker({ enabled }: { enabled: boolean }) {
  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js").catch(() => undefined);
    rememberPageForOffline();
  }, [enabled]);
  return null;
}
