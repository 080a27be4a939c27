import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { AccessDeniedNotice } from "@/components/conversations/list/access-denied-notice";
import { ConversationListPage } from "@/components/conversations/list/conversation-list-page";
import { conversationQueries, listApiUrl, type ListParams } from "@/lib/client/conversation-queries";
import { createQueryClient } from "@/lib/client/query-client";
import { listQuerySchema } from "@/lib/conversations/api-schemas";
import { loadListSearchParams } from "@/lib/conversations/search-params";
import { getDatabase } from "@/lib/db/client";
import { listConversationsJson, listFacetsJson } from "@/lib/index/queries";
import { syncStatus } from "@/lib/index/status";
import { getConfig } from "@/lib/config";
import { getPageActor } from "@/lib/auth/session";
import { resolveAssigneeMe } from "@/lib/model/review";
import type { ConversationPage, Facets } from "@/lib/model/conversation";

export const metadata: Metadata = { title: "Conversations" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The list's URL without `denied`, for the notice's Dismiss link. */
function withoutDenied(params: SearchParams): string {
  const kept = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (key !== "denied") for (const item of [value ?? []].flat()) kept.append(key, item);
  const query = kept.toString();
  return query ? `/conversations?${query}` : "/conversations";
}

/**
 * What `GET /api/conversations` answers for the same URL state, read from the index directly: the
 * browser's request URL (`listApiUrl`) is parsed by the route's own schema, and the answer goes
 * through JSON as the route's does, so the cache holds exactly what the browser would have fetched.
 */
async function firstPageFromIndex(params: ListParams): Promise<ConversationPage> {
  const url = new URL(listApiUrl(params), "http://parley.invalid");
  const parsed = listQuerySchema.parse(Object.fromEntries(url.searchParams));
  // `assignee=me` is whoever asks, as the route reads it.
  const actor = await getPageActor();
  const query = actor ? resolveAssigneeMe(parsed, actor.id) : parsed;
  return JSON.parse(await listConversationsJson(await getDatabase(), query)) as ConversationPage;
}

/**
 * The conversation list. Everything on it is driven by the URL (view, filters, page, the open
 * conversation, nuqs `listSearchParams`); the server parses the same parameters and fills React
 * Query's cache for the list query with the browser's own options (`conversationQueries.list`),
 * so the first HTML already holds the rows (and the filters' options and sync state) and the
 * browser does not fetch them again. A failed
 * read is left to the browser, which shows it with Retry. There is no Suspense boundary (nor a
 * `loading.tsx`): the page is dynamic, so the URL-state hooks do not suspend, and a boundary makes
 * React show a skeleton first and hold the rows' reveal for up to 300 ms. A person sent here from
 * a page their role may not open (`?denied=admin`) is told why.
 */
export default async function ConversationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { open: _open, ...listParams } = loadListSearchParams(params);
  const queryClient = createQueryClient();
  const db = await getDatabase();
  // What the browser would fetch first, as the routes answer it (through JSON): the rows, the
  // filters' options with their counts, and each connection's sync state.
  const asJson = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  await Promise.all([
    queryClient.prefetchQuery({
      ...conversationQueries.list(listParams),
      queryFn: () => firstPageFromIndex(listParams),
    }),
    ...[[], listParams.connection].map((connections) =>
      queryClient.prefetchQuery({
        ...conversationQueries.facets(connections),
        queryFn: async () => JSON.parse(await listFacetsJson(db, connections)) as Facets,
      }),
    ),
    queryClient.prefetchQuery({
      ...conversationQueries.syncStatus(),
      queryFn: async () => asJson(await syncStatus(db, getConfig().syncIntervalSeconds)),
    }),
  ]);
  return (
    <div className="flex h-full min-h-0 flex-col">
      {params.denied === "admin" ? <AccessDeniedNotice dismissHref={withoutDenied(params)} /> : null}
      <div className="min-h-0 flex-1">
        <HydrationBoundary state={dehydrate(queryClient)}>
          <ConversationListPage />
        </HydrationBoundary>
      </div>
    </div>
  );
}
