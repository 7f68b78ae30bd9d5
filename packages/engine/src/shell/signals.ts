/**
 * Control flow that unwinds the interpreter. Signals are thrown on every server start and `exit`,
 * so they are not Errors: an Error captures a stack trace, which costs more than the rest of a start.
 */
export class ControlSignal {
  readonly message: string;

  constructor(message: string) {
    this.message = message;
  }
}

/** `exit N`, or a fatal shell error. */
export class ExitSignal extends ControlSignal {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** The process reached something that never finishes: a server, `sleep infinity`, an endless loop. */
export class BlockSignal extends ControlSignal {
  constructor(readonly reason: "server" | "wait") {
    super(`blocked: ${reason}`);
  }
}

/** `break N` / `continue N`. */
export class LoopSignal extends ControlSignal {
  constructor(
    readonly kind: "break" | "continue",
    public levels: number,
  ) {
    super(kind);
  }
}

/** `return N` from a function. */
export class ReturnSignal extends ControlSignal {
  constructor(readonly code: number) {
    super(`return ${code}`);
  }
}

/** A resource cap was hit (steps, recursion, output): the run is abandoned with an error. */
export class LimitError extends Error {}
