export default function HomePage() {
  return (
    <main>
      <h1>Kubejam</h1>
      <p className="lead">
        An open-source course that teaches Kubernetes networking and storage on a simulated GKE cluster that
        runs entirely in your browser.
      </p>

      <h2>What you will learn</h2>
      <ul>
        <li>How Pods, Services and Ingress route traffic inside and into a cluster.</li>
        <li>How volumes, PersistentVolumeClaims and StorageClasses keep data alive.</li>
        <li>How to inspect all of it with the kubectl commands you would use on a real GKE cluster.</li>
      </ul>

      <h2>Status</h2>
      <p>
        The simulated cluster is being built. Lessons in Korean and English arrive soon. Nothing to install,
        no cloud account needed: everything will run in this page.
      </p>
    </main>
  );
}
