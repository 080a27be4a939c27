import { ThreadSkeleton } from "@/components/conversations/thread/thread-states";

export default function Loading() {
  return <ThreadSkeleton />;
}
