// Asks the service worker (public/sw.js) to keep a copy of this page, which loaded before the service
// worker controlled it, so that a reload works offline. Does nothing where there is no service worker.
export function rememberPageForOffline(): void {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  const send = () =>
    navigator.serviceWorker.controller?.postMessage({ type: "cache-page", url: location.href });
  if (navigator.serviceWorker.controller) send();
  else navigator.serviceWorker.addEventListener("controllerchange", send, { once: true });
}
