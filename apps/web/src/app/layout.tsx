import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Kubejam",
  description:
    "An open-source course that teaches Kubernetes networking and storage on a simulated GKE cluster running in your browser.",
};

export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <div className="site-header-inner">
            <a className="brand" href="/">
              Kubejam
            </a>
          </div>
        </header>
        {children}
      </body>
    </html>
  );
}
