import { z } from "zod";

/** Files of an exercise or a workspace: path -> content. */
export const FilesSchema = z.record(z.string().min(1), z.string());
export type Files = z.infer<typeof FilesSchema>;

/** Any JSON object, as stored in a JSON column (the engine's cluster state, a check's result). */
export const JsonObjectSchema = z.record(z.string(), z.json());
export type JsonObject = z.infer<typeof JsonObjectSchema>;
