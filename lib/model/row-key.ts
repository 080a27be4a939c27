/**
 * The key of one conversation across connections: `${connectionId}~${conversationId}`. Used by the
 * URL (`open=`), list rows, selections and links; built and read only here. Connection ids never
 * contain `~`; conversation ids may, so the first `~` splits.
 */
export function rowKey(connectionId: string, conversationId: string): string {
  return `${connectionId}~${conversationId}`;
}

export function parseRowKey(value: string | null | undefined): {
  connectionId: string;
  conversationId: string;
} | null {
  if (!value) return null;
  const index = value.indexOf("~");
  if (index <= 0 || index === value.length - 1) return null;
  return { connectionId: value.slice(0, index), conversationId: value.slice(index + 1) };
}
