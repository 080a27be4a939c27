/**
 * Whether a new password is too easy to guess, beyond its length: one repeated character or a
 * short repeated pattern, a run along the alphabet, the digits or a keyboard row, a well-known
 * password (also spelt with digits for letters, or with digits and symbols added at either end),
 * or one that contains the person's email or its name part.
 *
 * A small list shipped with the app rather than a scoring library: it refuses what attackers try
 * first, and stays a pure function the browser and the server share (no import from the server).
 */

/** Well-known passwords and the words most passwords are built on, lower case. */
const COMMON = new Set(
  `password passw0rd passwort motdepasse contrasena qwerty qwertz azerty qwertyuiop asdfghjkl zxcvbnm
  iloveyou letmein welcome welcome1 monkey dragon master shadow sunshine princess football baseball
  basketball soccer hockey superman batman spiderman starwars pokemon trustno1 whatever freedom
  computer internet secret changeme default login admin administrator root guest user test tester
  testing parley support helpdesk service manager company office summer winter spring autumn
  january february march april june july august september october november december monday friday
  michael jennifer jessica charlie thomas jordan hunter ranger buster harley daniel robert matthew
  andrew joshua george maggie ginger pepper cookie chocolate cheese banana orange purple yellow
  silver golden diamond flower forever friends family lovely loveme iloveu blessed heaven angel
  secure security access accessgranted letmein1 openup opensesame hello hellohello goodbye
  abc abcd abcdef abc123 abcd1234 qwe123 qwer1234 zaq12wsx 1qaz2wsx 1q2w3e4r 1q2w3e4r5t 1qaz2wsx3edc
  q1w2e3r4 a1b2c3d4 p4ssword pa55word passpass mypassword newpassword oldpassword password1
  iloveyou1 master123 admin123 root123 test123 welcome123 qwerty123 letmein123 superstar rockstar
  killer pussy fuckyou fuckoff asshole 696969 123123 112233 121212 654321 666666 777777 888888
  999999 000000 159753 147258 147852 258456 741852963 987654321 0987654321 123456789 1234567890
  12345678910 123456789a a123456789 1234567890a 11111111 00000000 87654321 12341234 123321`.split(/\s+/),
);

const KEYBOARD_ROWS = [
  "1234567890",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  "qwertzuiop",
  "yxcvbnm",
  "azertyuiop",
  "qsdfghjklm",
  "wxcvbn",
  "abcdefghijklmnopqrstuvwxyz",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
  "qazwsxedcrfvtgbyhnujmikolp",
];

const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "!": "i",
};

function unleet(text: string): string {
  return text.replace(/[013457@$!]/g, (character) => LEET[character] ?? character);
}

/** Digits and symbols people add to a word: short, a year, a run (123456) or a repetition (!!!). */
function isSimpleAffix(affix: string): boolean {
  return (
    affix.length <= 4 ||
    /^(19|20)\d\d[^a-z0-9]*$/.test(affix) ||
    isRepetition(affix) ||
    isSequence(affix.replace(/[^0-9a-z]/g, ""))
  );
}

/** The word inside simple affixes ("summer2024!" → "summer"), or null when the affixes are not simple. */
function core(text: string): string | null {
  const match = /^([^a-z]*)(.*?)([^a-z]*)$/.exec(text);
  if (!match) return null;
  const [, prefix = "", middle = "", suffix = ""] = match;
  return isSimpleAffix(prefix) && isSimpleAffix(suffix) ? middle : null;
}

/** True when the whole text is a short unit repeated ("abcabcabca", "1212121212"). */
function isRepetition(text: string): boolean {
  for (let size = 1; size <= 4; size++) {
    const unit = text.slice(0, size);
    if (unit.repeat(Math.ceil(text.length / size)).slice(0, text.length) === text) return true;
  }
  return false;
}

/** True when the text runs along a keyboard row or the alphabet, forwards or backwards. */
function isSequence(text: string): boolean {
  for (const row of KEYBOARD_ROWS) {
    const reversed = [...row].reverse().join("");
    if (row.includes(text) || reversed.includes(text)) return true;
  }
  return false;
}

function isCommon(text: string): boolean {
  if (COMMON.has(text) || COMMON.has(unleet(text))) return true;
  const word = core(text);
  for (const candidate of [word, word === null ? null : unleet(word), core(unleet(text))]) {
    if (candidate === null || candidate.length === 0) continue;
    if (COMMON.has(candidate)) return true;
    if (candidate.length >= 4 && (isSequence(candidate) || isRepetition(candidate))) return true;
  }
  return false;
}

/** Why `password` is too easy to guess for the person with `email`, or null when it is not. */
export function weakPasswordProblem(
  password: string,
  context: { email?: string | null } = {},
): string | null {
  const lower = password.toLowerCase();
  if (isRepetition(lower) || isSequence(lower))
    return "The password is a repeated pattern or a keyboard run; choose something harder to guess.";
  if (isCommon(lower))
    return "The password is one of the most common passwords; choose something harder to guess.";
  const email = context.email?.trim().toLowerCase() ?? "";
  const local = email.split("@")[0] ?? "";
  if (email && (lower.includes(email) || (local.length >= 3 && lower.includes(local))))
    return "The password must not contain the email address or its name part.";
  return null;
}
