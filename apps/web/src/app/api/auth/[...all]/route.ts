import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "../../../../server/auth/auth";

// better-auth's endpoints: sign-up, sign-in, sign-out, session (see server/auth/create-auth.ts).
export const dynamic = "force-dynamic";

export const GET = (request: Request) => toNextJsHandler(getAuth()).GET(request);
export const POST = (request: Request) => toNextJsHandler(getAuth()).POST(request);
