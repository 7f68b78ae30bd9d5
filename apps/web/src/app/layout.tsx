import type { ReactNode } from "react";

// The real root layout is app/[locale]/layout.tsx (it knows the language for <html lang>).
export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return children;
}
