// Rules for a new keystore passphrase, checked before anything is sent. The app accepts any
// non-empty passphrase; the window asks for a usable one, because it protects the provider's funds.

export const MIN_PASSPHRASE = 8;

export function newPassphraseProblem(passphrase: string, confirm: string): string | null {
  if (passphrase.length === 0) return "Choose a passphrase: it encrypts the wallet on this machine.";
  if (passphrase.length < MIN_PASSPHRASE) return `Use at least ${MIN_PASSPHRASE} characters.`;
  if (passphrase.length > 1024) return "Use at most 1024 characters.";
  if (confirm !== passphrase) return "The two passphrases differ: type the same one twice.";
  return null;
}

const WORD_COUNTS = [12, 15, 18, 21, 24];

/** A quick shape check of a pasted recovery phrase; the app checks the word list and checksum. */
export function mnemonicShapeProblem(text: string): string | null {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return "Paste or type your recovery phrase (12 or 24 words).";
  if (!WORD_COUNTS.includes(words.length)) return `That is ${words.length} word${words.length === 1 ? "" : "s"}; a recovery phrase has 12, 15, 18, 21 or 24.`;
  const odd = words.findIndex((w) => !/^[a-z]+$/u.test(w));
  if (odd >= 0) return `Word ${odd + 1} has characters a recovery word cannot have (only lowercase a–z).`;
  return null;
}
