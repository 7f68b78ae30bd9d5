/**
 * Simulated executables. An image's binaries are files whose content starts with an ELF magic
 * and names the program that implements them; the shell dispatches on that name.
 */
export const ELF_MAGIC = "\u007fELF\u0002\u0001\u0001\u0000";

/** Which simulated program a binary runs: "busybox" (applet chosen by argv[0]), "gnu:ls", "nginx", … */
export type ProgramId = string;

export function executableData(program: ProgramId): string {
  return `${ELF_MAGIC}${program}\n`;
}

export function executable(program: ProgramId): { data: string; mode: number } {
  return { data: executableData(program), mode: 0o755 };
}

export function script(text: string): { data: string; mode: number } {
  return { data: text, mode: 0o755 };
}

/** The program a binary file runs, or undefined if the data is not one of ours. */
export function programOf(data: string): ProgramId | undefined {
  if (!data.startsWith(ELF_MAGIC)) return undefined;
  const end = data.indexOf("\n", ELF_MAGIC.length);
  return data.slice(ELF_MAGIC.length, end < 0 ? undefined : end);
}
