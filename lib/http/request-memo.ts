/**
 * One API request's view of a provider: identical GETs made through it are sent once and their
 * answer shared. A thread page asks for the conversation's details and its first messages at
 * once, and for some providers both read the same resource (SigmaMind's whole chat); this sends
 * that read once. It lives for one API request only, so nothing is reused across requests or
 * users, and writes always go through.
 */
import type { HttpClient, HttpRequest, HttpResponse } from "./client";

export function memoizeGets(client: HttpClient): HttpClient {
  const answers = new Map<string, Promise<HttpResponse>>();
  return {
    request(request: HttpRequest) {
      if (request.method !== "GET") return client.request(request);
      const key = JSON.stringify([request.path, Object.entries(request.query ?? {})]);
      const known = answers.get(key);
      if (known) return known;
      const answer = client.request(request);
      answers.set(key, answer);
      return answer;
    },
  };
}
