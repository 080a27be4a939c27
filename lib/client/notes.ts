/**
 * Internal notes as the browser reads and changes them, and the user directory that completes
 * `@mentions`. Keys come from the one query-key factory; a change refreshes the conversation's
 * notes, its history (every change is an audit row) and the lists (notes are searchable).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { conversationKeys } from "@/lib/client/conversation-queries";
import type { DirectoryUser, Note } from "@/lib/model/notes";

export type { DirectoryUser, Note };

const notesPath = (connectionId: string, conversationId: string) =>
  `/api/conversations/${encodeURIComponent(connectionId)}/${encodeURIComponent(conversationId)}/notes`;

export function useNotes(connectionId: string, conversationId: string) {
  return useQuery({
    queryKey: conversationKeys.notesOf(connectionId, conversationId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: Note[] }>(notesPath(connectionId, conversationId), { signal }).then(
        (answer) => answer.items,
      ),
  });
}

export function useUserDirectory(enabled: boolean) {
  return useQuery({
    queryKey: conversationKeys.userDirectory(),
    queryFn: ({ signal }) =>
      apiFetch<{ items: DirectoryUser[] }>("/api/users/directory", { signal }).then((answer) => answer.items),
    staleTime: 60_000,
    enabled,
  });
}

export function useNoteMutations(connectionId: string, conversationId: string) {
  const client = useQueryClient();
  const path = notesPath(connectionId, conversationId);
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: conversationKeys.notesOf(connectionId, conversationId) }),
      client.invalidateQueries({ queryKey: conversationKeys.history(connectionId, conversationId) }),
      client.invalidateQueries({ queryKey: conversationKeys.lists() }),
    ]);
  const create = useMutation({
    mutationFn: (input: { body: string; messageId: string | null }) =>
      apiFetch<Note>(path, { method: "POST", json: input }),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) =>
      apiFetch<Note>(`${path}/${encodeURIComponent(id)}`, { method: "PATCH", json: { body } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ id: string }>(`${path}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  return { create, update, remove };
}
