import * as React from "react";

import { fieldClassName } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/** A multi-line text field that grows with its content (`field-sizing: content`) from two lines up. */
export function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  return (
    <textarea
      data-slot="textarea"
      className={cn(fieldClassName, "field-sizing-content flex min-h-16 px-3 py-2", className)}
      {...props}
    />
  );
}
