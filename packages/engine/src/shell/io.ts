/** Output sinks the interpreter wires commands to. */
import type { ContainerFs } from "../fs/container-fs";

export interface Sink {
  write(text: string): void;
}

/** Most output a single stream keeps; the rest is dropped. */
export const MAX_OUTPUT = 1024 * 1024;

export const NULL_SINK: Sink = { write() {} };

export class BufferSink implements Sink {
  text = "";
  write(text: string): void {
    if (this.text.length + text.length <= MAX_OUTPUT) this.text += text;
    else this.text += text.slice(0, Math.max(0, MAX_OUTPUT - this.text.length));
  }
}

/** The top-level stdout/stderr of a process, in write order (for container logs). */
export class Collector {
  readonly chunks: { fd: 1 | 2; text: string }[] = [];
  private size = 0;
  readonly out: Sink = { write: (t) => this.push(1, t) };
  readonly err: Sink = { write: (t) => this.push(2, t) };

  private push(fd: 1 | 2, text: string): void {
    if (text === "" || this.size >= MAX_OUTPUT) return;
    const kept = text.slice(0, MAX_OUTPUT - this.size);
    this.size += kept.length;
    const last = this.chunks[this.chunks.length - 1];
    if (last !== undefined && last.fd === fd) last.text += kept;
    else this.chunks.push({ fd, text: kept });
  }

  stdout(): string {
    return this.chunks
      .filter((c) => c.fd === 1)
      .map((c) => c.text)
      .join("");
  }

  stderr(): string {
    return this.chunks
      .filter((c) => c.fd === 2)
      .map((c) => c.text)
      .join("");
  }

  all(): string {
    return this.chunks.map((c) => c.text).join("");
  }
}

/** Buffers writes to a file; `flush` appends them (the file was created or truncated at open). */
export class FileSink implements Sink {
  private pending = "";
  constructor(
    private readonly fs: ContainerFs,
    readonly path: string,
  ) {}

  write(text: string): void {
    if (this.pending.length < MAX_OUTPUT) this.pending += text.slice(0, MAX_OUTPUT - this.pending.length);
  }

  flush(): void {
    if (this.pending === "") return;
    const data = this.pending;
    this.pending = "";
    this.fs.writeFile(this.path, data, { append: true });
  }
}

export interface Io {
  stdin: string;
  out: Sink;
  err: Sink;
}
