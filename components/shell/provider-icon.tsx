import type { ProviderId } from "@/lib/model/conversation";
import { providerLabels } from "@/lib/model/constants";
import { cn } from "@/lib/utils";

/** The provider colours of the theme (`providerColors` in `tailwind.config.ts`), under white text. */
const styles: Record<ProviderId, string> = {
  sigmamind: "bg-provider-sigmamind text-white",
  cozmox: "bg-provider-cozmox text-white",
  zaia: "bg-provider-zaia text-white",
  chatling: "bg-provider-chatling text-white",
};

/** A small lettered badge standing for a provider (no vendor logos: they are not ours to ship). */
export function ProviderIcon({ provider, className }: { provider: ProviderId; className?: string }) {
  return (
    <span
      role="img"
      aria-label={providerLabels[provider]}
      title={providerLabels[provider]}
      className={cn(
        "inline-flex size-5 shrink-0 items-center justify-center rounded text-[10px] font-bold",
        styles[provider],
        className,
      )}
    >
      {providerLabels[provider].slice(0, 2)}
    </span>
  );
}
