import { ApiRequestError } from "@/lib/client/api-client";

/** The message of a failed request, fit to show (the server's words when it gave some). */
export function errorText(error: unknown): string {
  if (error instanceof ApiRequestError || error instanceof Error) return error.message;
  return "Something went wrong.";
}

/** A refusal of the whole form (a bad base URL, an email already in use), announced at once. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="text-destructive text-sm">
      {message}
    </p>
  );
}
