/**
 * The simulated org's customers: a pool of returning people, so one person owns several sessions
 * (the owner filter groups them), with the names that break naive rendering among them.
 */
import { firstNames, lastNames } from "../../core/content";
import type { Random } from "../../core/random";

/** Vapi's session `customer`: any of name, email and E.164 number. */
export interface Customer {
  number?: string;
  name?: string;
  email?: string;
}

const specialCustomerNames = [
  "فاطمة الزهراء",
  "王小明",
  "Zoë 🌸 Brontë",
  "Robert'); DROP TABLE customers;--",
] as const;

function phoneNumber(random: Random): string {
  return `+1${random.pick(["415", "212", "646", "312", "206"])}555${random.digits(4)}`;
}

/** A pool of returning customers, so one person owns several sessions (the owner filter groups them). */
export function customerPool(random: Random): Customer[] {
  const pool: Customer[] = specialCustomerNames.map((name, index) => ({
    name,
    email: `customer.${index + 1}@example.com`,
  }));
  for (let index = 0; index < 150; index++) {
    const name = `${random.pick(firstNames)} ${random.pick(lastNames)}`;
    const local = name
      .normalize("NFD")
      .replace(/[^\w\s]/g, "")
      .toLowerCase()
      .replace(/\s+/g, ".");
    const email = `${local}${index}@example.com`;
    const roll = random.next();
    if (roll < 0.4) pool.push({ name, email });
    else if (roll < 0.65) pool.push({ number: phoneNumber(random) });
    else if (roll < 0.85) pool.push({ name, number: phoneNumber(random) });
    else pool.push({ email });
  }
  return pool;
}
