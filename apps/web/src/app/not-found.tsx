export default function NotFound() {
  return (
    <main>
      <h1>Page not found</h1>
      <p>
        This page does not exist. <a href="/">Back to Kubejam</a>
      </p>
    </main>
  );
}
