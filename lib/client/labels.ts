/**
 * Labels as the browser reads and changes them: the admin-managed set and a conversation's labels.
 * Keys come from the one query-key factory (`conversationKeys`); a change invalidates the lists and
 * facets too, since labels are a filter and a facet.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { conversationKeys } from "@/lib/client/conversation-queries";
import type { LabelColour } from "@/lib/model/label-colours";
import type { BulkLabelRequest, BulkLabelResult, Label } from "@/lib/model/labels";

export type { Label, LabelColour };

export interface LabelInput {
  name: string;
  colour: LabelColour;
  description: string;
}

const conversationLabelsPath = (connectionId: string, conversationId: string) =>
  `/api/conversations/${encodeURIComponent(connectionId)}/${encodeURIComponent(conversationId)}/labels`;

export function useLabels() {
  return useQuery({
    queryKey: conversationKeys.labels(),
    queryFn: ({ signal }) =>
      apiFetch<{ items: Label[] }>("/api/labels", { signal }).then((answer) => answer.items),
    staleTime: 30_000,
  });
}

export function useConversationLabels(connectionId: string, conversationId: string) {
  return useQuery({
    queryKey: conversationKeys.labelsOf(connectionId, conversationId),
    queryFn: ({ signal }) =>
      apiFetch<{ labelIds: string[] }>(conversationLabelsPath(connectionId, conversationId), { signal }).then(
        (answer) => answer.labelIds,
      ),
  });
}

/**
 * Puts one label on a conversation or takes it off. Sent as a change (`PATCH {add}` / `{remove}`),
 * not as the whole set, so two people labelling the same conversation both keep what they did.
 */
export function useChangeConversationLabels(connectionId: string, conversationId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidateLabelled();
  return useMutation({
    mutationFn: (change: { add?: string[]; remove?: string[] }) =>
      apiFetch<{ labelIds: string[] }>(conversationLabelsPath(connectionId, conversationId), {
        method: "PATCH",
        json: change,
      }),
    onSuccess: async (answer) => {
      client.setQueryData(conversationKeys.labelsOf(connectionId, conversationId), answer.labelIds);
      await invalidate();
    },
  });
}

/** `POST /api/labels/:id/conversations`: one label on (or off) many conversations; answers what changed. */
export function labelConversations(labelId: string, request: BulkLabelRequest) {
  return apiFetch<BulkLabelResult>(`/api/labels/${encodeURIComponent(labelId)}/conversations`, {
    method: "POST",
    json: request,
  });
}

/** Invalidates what a label change shows in: the labels' counts, the lists, facets and open threads' labels. */
export function useInvalidateLabelled() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: conversationKeys.labels() }),
      client.invalidateQueries({ queryKey: conversationKeys.lists() }),
      client.invalidateQueries({ queryKey: ["facets"] }),
      client.invalidateQueries({ queryKey: conversationKeys.viewCounts() }),
      client.invalidateQueries({
        predicate: (query) => query.queryKey.at(-1) === "labels" && query.queryKey.length > 1,
      }),
    ]);
}

export function useLabelAdmin() {
  const invalidate = useInvalidateLabelled();
  const create = useMutation({
    mutationFn: (input: LabelInput) => apiFetch<Label>("/api/labels", { method: "POST", json: input }),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: ({ id, ...input }: Partial<LabelInput> & { id: string }) =>
      apiFetch<Label>(`/api/labels/${encodeURIComponent(id)}`, { method: "PATCH", json: input }),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ id: string; removedFrom: number }>(`/api/labels/${encodeURIComponent(id)}`, {
        method: "DELETE",
      }),
    onSuccess: invalidate,
  });
  return { create, update, remove };
}
