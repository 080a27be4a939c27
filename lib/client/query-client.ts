/**
 * React Query defaults in one place: data stays fresh for 30 s (providers are slow and rate
 * limited), no retry on 4xx (a refusal will not change by asking again), one retry otherwise.
 */
import { QueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "@/lib/client/api-client";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 1;
        },
      },
      mutations: { retry: false },
    },
  });
}
