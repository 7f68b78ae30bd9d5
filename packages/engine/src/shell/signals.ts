/** Control flow that unwinds the interpreter. */

/** `exit N`, or a fatal shell error. */
export class ExitSignal extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** The process reached something that never finishes: a server, `sleep infinity`, an endless loop. */
export class BlockSignal extends Error {
  constructor(readonly reason: "server" | "wait") {
    super(`blocked: ${reason}`);
  }
}

/** `break N` / `continue N`. */
export class LoopSignal extends Error {
  constructor(
    readonly kind: "break" | "continue",
    public levels: number,
  ) {
    super(kind);
  }
}

/** `return N` from a function. */
export class ReturnSignal extends Error {
  constructor(readonly code: number) {
    super(`return ${code}`);
  }
}

/** A resource cap was hit (steps, recursion, output): the run is abandoned with an error. */
export class LimitError extends Error {}
