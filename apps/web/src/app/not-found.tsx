import "./globals.css";

// Requests outside /ko and /en that the proxy did not redirect (it redirects every page path).
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <main id="main" className="page narrow">
          <h1>Page not found · 페이지를 찾을 수 없습니다</h1>
          <p>
            <a href="/ko">한국어</a> · <a href="/en">English</a>
          </p>
        </main>
      </body>
    </html>
  );
}
