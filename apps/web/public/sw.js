// Kubejam's service worker: once a lesson has loaded, a reload works offline. It keeps a copy of each page
// (network first, the copy when the network is gone). Built assets need no help: Next serves them as
// immutable, so the browser's own cache has them. Only this origin's page requests are touched.
const PAGES = "kubejam-pages-v2";

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== PAGES).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(request, { ignoreVary: true });
    if (hit) return hit;
    throw error;
  }
}

// The page that was open before this worker took control asks for a copy of itself.
self.addEventListener("message", (event) => {
  const data = event.data;
  if (data?.type !== "cache-page" || typeof data.url !== "string") return;
  const url = new URL(data.url);
  if (url.origin !== self.location.origin) return;
  event.waitUntil(
    caches.open(PAGES).then(async (cache) => {
      const response = await fetch(url.href).catch(() => undefined);
      if (response?.ok) await cache.put(url.href, response);
    }),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || request.mode !== "navigate") return;
  if (new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkFirst(request));
});
