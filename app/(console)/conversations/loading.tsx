import { ListSkeleton } from "@/components/conversations/list/list-skeleton";

/** Shown while the console layout checks the session and the page's code loads. */
export default function Loading() {
  return <ListSkeleton />;
}
