"use client";

import { createContext, useContext, type ReactNode } from "react";

export interface ClientActor {
  id: string;
  name: string;
  email: string;
  role: "admin" | "staff";
}

const ActorContext = createContext<ClientActor | null>(null);

/** The signed-in user, for showing or hiding what their role allows (the server still checks). */
export function ActorProvider({ actor, children }: { actor: ClientActor; children: ReactNode }) {
  return <ActorContext.Provider value={actor}>{children}</ActorContext.Provider>;
}

export function useActor(): ClientActor {
  const actor = useContext(ActorContext);
  if (!actor) throw new Error("useActor must be used inside the signed-in layout");
  return actor;
}
