/**
 * Saved views in the browser: the list, every view's count and the changes. Every change refetches
 * the list and the counts, so the sidebar and the palette show the server's order and counts.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { conversationKeys, conversationQueries } from "@/lib/client/conversation-queries";
import type { SavedView, SavedViewList } from "@/lib/model/saved-views";
import type { Settings } from "@/lib/model/settings";

export const savedViewKeys = { all: ["saved-views"] as const };
export const settingsKeys = { all: ["settings"] as const };

export const savedViewsQuery = queryOptions({
  queryKey: savedViewKeys.all,
  queryFn: () => apiFetch<SavedViewList>("/api/views"),
  staleTime: 30_000,
});

export function useSavedViews() {
  return useQuery(savedViewsQuery);
}

/** Every built-in and saved view's count, in one request (refreshed after moderation). */
export function useViewCounts() {
  return useQuery(conversationQueries.viewCounts());
}

export function useSettings() {
  return useQuery({
    queryKey: settingsKeys.all,
    queryFn: () => apiFetch<Settings>("/api/settings"),
    staleTime: 60_000,
  });
}

export function useSavedViewMutations() {
  const client = useQueryClient();
  // A new or re-pointed view needs its count; a deleted one drops out of the counts.
  const onSettled = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: savedViewKeys.all }),
      client.invalidateQueries({ queryKey: conversationKeys.viewCounts() }),
    ]);
  const create = useMutation({
    mutationFn: (body: { name: string; query: string; shared: boolean }) =>
      apiFetch<SavedView>("/api/views", { method: "POST", json: body }),
    onSettled,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: { id: string; name?: string; position?: number }) =>
      apiFetch<SavedView>(`/api/views/${encodeURIComponent(id)}`, { method: "PATCH", json: body }),
    onSettled,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch<null>(`/api/views/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled,
  });
  return { create, update, remove };
}

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Settings>) =>
      apiFetch<Settings>("/api/settings", { method: "PATCH", json: patch }),
    onSuccess: (settings) => client.setQueryData(settingsKeys.all, settings),
  });
}
