/** errno-style codes a file-system operation can fail with. */
export type FsErrorCode =
  | "ENOENT"
  | "ENOTDIR"
  | "EISDIR"
  | "EEXIST"
  | "EROFS"
  | "ENOTEMPTY"
  | "EBUSY"
  | "EINVAL"
  | "ENOSPC"
  | "ENAMETOOLONG";

/** strerror() text for each code (glibc and musl agree on these). */
export const FS_ERROR_TEXT: Record<FsErrorCode, string> = {
  ENOENT: "No such file or directory",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  EEXIST: "File exists",
  EROFS: "Read-only file system",
  ENOTEMPTY: "Directory not empty",
  EBUSY: "Device or resource busy",
  EINVAL: "Invalid argument",
  ENOSPC: "No space left on device",
  ENAMETOOLONG: "File name too long",
};

export class FsError extends Error {
  readonly code: FsErrorCode;
  readonly path: string;

  constructor(code: FsErrorCode, path: string) {
    super(`${path}: ${FS_ERROR_TEXT[code]}`);
    this.name = "FsError";
    this.code = code;
    this.path = path;
  }

  /** The strerror() text, e.g. "No such file or directory". */
  get text(): string {
    return FS_ERROR_TEXT[this.code];
  }
}

export function isFsError(e: unknown): e is FsError {
  return e instanceof FsError;
}
