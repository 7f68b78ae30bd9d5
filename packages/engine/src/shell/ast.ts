/** The shell's syntax tree. */
export type WordPart =
  | { t: "lit"; v: string; q: boolean }
  | { t: "param"; name: string; q: boolean; op?: ParamOp; arg?: Word }
  | { t: "cmd"; list: List; q: boolean }
  | { t: "arith"; expr: string; q: boolean };

/** ${VAR:-x} and friends; "len" is ${#VAR}. */
export type ParamOp = ":-" | "-" | ":+" | "+" | ":=" | "=" | "len" | "#" | "%";

export interface Word {
  parts: WordPart[];
}

export interface Redir {
  fd: number;
  op: ">" | ">>" | "<" | ">&" | "<&";
  target: Word;
}

export type Command =
  | { kind: "simple"; assigns: { name: string; value: Word }[]; words: Word[]; redirs: Redir[]; line: number }
  | { kind: "if"; clauses: { cond: List; body: List }[]; otherwise?: List; redirs: Redir[] }
  | { kind: "loop"; until: boolean; cond: List; body: List; redirs: Redir[] }
  | { kind: "for"; name: string; items?: Word[]; body: List; redirs: Redir[] }
  | { kind: "group"; subshell: boolean; body: List; redirs: Redir[] }
  | { kind: "func"; name: string; body: Command };

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: "&&" | "||"; pipeline: Pipeline }[];
}

export interface List {
  items: { andOr: AndOr; background: boolean }[];
}
