"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ShieldAlertIcon } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-client";
import { errorText } from "../form-error";
import { formatDateTime } from "../format";

interface SignInLock {
  userId: string;
  email: string;
  failures: number;
  lastFailureAt: string | null;
  delayedUntil: string | null;
}

const locksKey = ["users", "sign-in-locks"] as const;

/**
 * Accounts with failed sign-ins on the Users page. After five failures, the addresses that failed
 * wait longer before each new try (the account's owner, from elsewhere, is never held back);
 * clearing starts the count again and is audited.
 */
export function SignInFailures() {
  const queryClient = useQueryClient();
  const locks = useQuery({
    queryKey: locksKey,
    queryFn: () =>
      apiFetch<{ items: SignInLock[] }>("/api/users/sign-in-locks").then((answer) => answer.items),
    refetchInterval: 30_000,
  });
  const clear = useMutation({
    mutationFn: (email: string) =>
      apiFetch<null>("/api/users/sign-in-locks", { method: "DELETE", json: { email } }),
    onSuccess: (_answer, email) => {
      toast.success(`Failed sign-ins of ${email} cleared`);
      void queryClient.invalidateQueries({ queryKey: locksKey });
    },
    onError: (error) => toast.error(`Could not clear: ${errorText(error)}`),
  });
  const items = locks.data ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="sign-in-failures" className="rounded-lg border p-4">
      <h2 id="sign-in-failures" className="flex items-center gap-2 text-sm font-medium">
        <ShieldAlertIcon className="text-warning size-4" aria-hidden /> Failed sign-ins
      </h2>
      <ul className="mt-3 space-y-2 text-sm">
        {items.map((lock) => (
          <li key={lock.userId} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              <span className="font-medium">{lock.email}</span>
              <span className="text-muted-foreground">
                {" "}
                · {lock.failures} failed {lock.failures === 1 ? "attempt" : "attempts"}
                {lock.delayedUntil
                  ? ` · addresses that failed wait until ${formatDateTime(lock.delayedUntil)}`
                  : ""}
              </span>
            </span>
            <Button
              size="sm"
              variant="outline"
              disabled={clear.isPending}
              aria-label={`Clear failed sign-ins of ${lock.email}`}
              onClick={() => clear.mutate(lock.email)}
            >
              Clear
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
