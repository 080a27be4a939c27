import type { Metadata } from "next";

export const metadata: Metadata = { title: "Conversations" };

export default function ConversationsPage() {
  return (
    <div className="p-6">
      <h1 className="text-xl font-semibold">Conversations</h1>
    </div>
  );
}
