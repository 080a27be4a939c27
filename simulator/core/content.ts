/**
 * Message content shared by the simulated providers: ordinary support talk, markdown and code,
 * unicode from several scripts, and hostile strings that Parley must render as inert text.
 */
import type { Random } from "./random";

export const userQuestions = [
  "Where is my order? It was supposed to arrive on Monday.",
  "How do I reset my password?",
  "Can I change the delivery address after checkout?",
  "I was charged twice for the same subscription.",
  "Do you ship to Canada?",
  "My discount code SAVE20 is not working.",
  "How can I export my invoices as PDF?",
  "The app crashes when I open the settings page.",
  "Can I talk to a human, please?",
  "What are your opening hours on weekends?",
  "Is there a student plan?",
  "How do I cancel my account?",
  "¿Pueden ayudarme con mi pedido? 📦",
  "Bonjour, je voudrais modifier ma réservation.",
  "مرحبا، أريد إلغاء طلبي من فضلك",
  "שלום, ההזמנה שלי לא הגיעה",
  "你好，我的订单什么时候发货？",
  "注文のキャンセルはできますか？",
  "배송 조회는 어떻게 하나요?",
  "Thanks!! 🙏🎉 That fixed it 👍🏽",
] as const;

export const assistantAnswers = [
  "I can help with that. Could you share your order number so I can look it up?",
  "To reset your password, open **Settings → Security** and choose *Reset password*. You will get an email within a few minutes.",
  "Yes, you can change the address until the order ships. Here is how:\n\n1. Open **Orders**\n2. Pick the order\n3. Click **Edit address**",
  "I'm sorry about the double charge. I've opened a refund request; it usually takes 3–5 business days.",
  "We ship to Canada 🇨🇦 with tracked delivery. See [our shipping page](https://example.com/shipping) for rates.",
  'Here is a quick way to check your plan from the API:\n\n```bash\ncurl -H \'Accept: application/json\' https://example.com/api/plan\n```\n\nIt returns `{"plan": "pro"}` when you are on Pro.',
  "| Plan | Price | Seats |\n| --- | --- | --- |\n| Starter | $9 | 1 |\n| Team | $29 | 5 |\n| Student | $4 | 1 |",
  "Our weekend hours are 09:00–17:00 CET. Outside those hours this assistant answers, and a person follows up on Monday.",
  "I'll hand you over to a colleague now. Someone from the team will reply here shortly.",
  "Claro, con gusto le ayudo. ¿Me indica el número de pedido?",
  "بالتأكيد، يمكنني مساعدتك. ما هو رقم الطلب؟",
  "当然可以。请提供您的订单号，我来帮您查询。",
  "Done ✅ — anything else I can help with?",
] as const;

/** Strings that must render as text and never run: Parley's renderer is tested against these. */
export const hostileMessages = [
  "<script>alert('xss')</script>",
  '<img src=x onerror="alert(1)">',
  "[Click here for a refund](javascript:alert(document.cookie))",
  '<a href="javascript:alert(1)">harmless link</a>',
  "![tracking pixel](javascript:alert(2))",
  '<iframe src="https://example.com"></iframe>',
  "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  '"><svg onload=alert(1)>',
  "A".repeat(5_000),
  "{{constructor.constructor('alert(1)')()}}",
] as const;

export const systemNotes = [
  "Conversation started from the website widget.",
  "The customer was transferred to a human agent.",
  "Session resumed after 15 minutes of inactivity.",
] as const;

export function userText(random: Random): string {
  return random.chance(0.04) ? random.pick(hostileMessages) : random.pick(userQuestions);
}

export function assistantText(random: Random): string {
  return random.pick(assistantAnswers);
}

export const firstNames = [
  "Michael",
  "Aisha",
  "Chen",
  "Sofía",
  "Lukas",
  "Yuki",
  "Omar",
  "Priya",
  "Noah",
  "Fatima",
  "Élodie",
  "Dmitri",
  "Amara",
  "Kenji",
] as const;
export const lastNames = [
  "Smith",
  "Khan",
  "Wang",
  "García",
  "Müller",
  "Tanaka",
  "Haddad",
  "Patel",
  "Johnson",
  "Rossi",
  "Dubois",
  "Ivanov",
  "Okafor",
  "Sato",
] as const;

export function personName(random: Random): string {
  return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
}

export function emailFor(name: string, random: Random): string {
  const local = name
    .normalize("NFD")
    .replace(/[^\w\s]/g, "")
    .toLowerCase()
    .replace(/\s+/g, ".");
  return `${local}${random.int(1, 99)}@example.com`;
}
