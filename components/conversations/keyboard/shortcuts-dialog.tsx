"use client";
/**
 * The `?` dialog: every shortcut of the list, grouped, read from `shortcuts.ts` so it always
 * matches what is bound.
 */
import { useSyncExternalStore } from "react";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Kbd, KbdGroup } from "@/components/ui/kbd";
import {
  displayKey,
  isApplePlatform,
  reviewShortcuts,
  shortcutScopeLabels,
  shortcuts,
  type ShortcutScope,
} from "./shortcuts";

const scopes: ShortcutScope[] = ["navigation", "triage", "review", "general"];
const listed = [...shortcuts, ...reviewShortcuts];

const noSubscription = () => () => undefined;

export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const apple = useSyncExternalStore(noSubscription, isApplePlatform, () => false);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Keyboard shortcuts"
        description="They work on the conversation list, never while you type in a field."
        className="sm:max-w-lg"
      >
        <div className="flex flex-col gap-4">
          {scopes.map((scope) => (
            <section key={scope} aria-labelledby={`shortcuts-${scope}`}>
              <h3
                id={`shortcuts-${scope}`}
                className="text-muted-foreground mb-1 text-xs font-semibold tracking-wide uppercase"
              >
                {shortcutScopeLabels[scope]}
              </h3>
              <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1.5 text-sm">
                {listed
                  .filter((shortcut) => shortcut.scope === scope)
                  .map((shortcut) => (
                    <div key={shortcut.id} className="contents" data-shortcut={shortcut.id}>
                      <dt>
                        <KbdGroup>
                          {shortcut.display.map((key, index) => (
                            <Kbd
                              key={`${key}-${index}`}
                              title={key === "mod" && apple ? "Command" : undefined}
                            >
                              {displayKey(key, apple)}
                            </Kbd>
                          ))}
                        </KbdGroup>
                      </dt>
                      <dd>{shortcut.description}</dd>
                    </div>
                  ))}
              </dl>
            </section>
          ))}
        </div>
      </DialogContent>
    </Dialog>
  );
}
