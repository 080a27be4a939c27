/**
 * Why a person landed on the list instead of the page they asked for: staff sent to an admin page
 * are redirected to `/conversations?denied=admin` (`lib/auth/session.ts`), and this says so.
 * Rendered by the page on the server, announced as a status, dismissible by a link that drops the
 * parameter and keeps the rest of the list's URL.
 */
import { ShieldAlertIcon } from "lucide-react";
import Link from "next/link";

export function AccessDeniedNotice({ dismissHref }: { dismissHref: string }) {
  return (
    <div
      role="status"
      className="border-warning/40 bg-warning/10 mx-4 mt-4 flex items-start gap-2 rounded-lg border px-3 py-2 text-sm"
    >
      <ShieldAlertIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <p className="min-w-0 flex-1">
        <span className="font-medium">The admin pages are for administrators.</span> Your account has the
        staff role, so you were brought to the conversations instead. Ask an administrator if you need access.
      </p>
      <Link
        href={dismissHref}
        className="focus-visible:ring-ring/50 shrink-0 rounded-sm underline underline-offset-4 outline-none focus-visible:ring-[3px]"
      >
        Dismiss
      </Link>
    </div>
  );
}
