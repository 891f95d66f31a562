import { Bip39, EnglishMnemonic } from "@cosmjs/crypto";
import { randomBytes, randomInt } from "node:crypto";
import { ContractFailure } from "../../common/envelope";

// BIP-39 mnemonics: generation, validation with messages a user can act on, and the backup quiz.

const VALID_WORD_COUNTS = [12, 15, 18, 21, 24] as const;
const WORDS = new Set(EnglishMnemonic.wordlist);
/** Bounds what we even try to parse: a pasted novel gets a clear error, not a slow split. */
const MAX_INPUT_CHARS = 1000;

/** A fresh 24-word mnemonic from 256 bits of OS randomness. */
export function generateMnemonic(entropy: (bytes: number) => Uint8Array = (n) => randomBytes(n)): string {
  const bytes = entropy(32);
  if (bytes.length !== 32) throw new Error("generateMnemonic needs 32 bytes of entropy");
  return Bip39.encode(bytes).toString();
}

/**
 * Normalises what a user typed or pasted (case, extra spaces, line breaks, numbering like "1. word")
 * and checks it word by word, then the checksum. Throws ContractFailure(INVALID_INPUT) naming the
 * problem; the message never repeats the words themselves, only positions.
 */
export function parseMnemonic(input: unknown): string {
  if (typeof input !== "string") throw invalid("The recovery phrase must be text.");
  if (input.length > MAX_INPUT_CHARS) throw invalid("That is far too long for a recovery phrase (24 words at most).");
  const words = input
    .normalize("NFKD")
    .toLowerCase()
    .split(/[\s,;]+/u)
    .map((w) => w.replace(/^\d+[.):]?$/u, "")) // drop "1." style numbering left over from a paper backup
    .filter((w) => w.length > 0);
  if (words.length === 0) throw invalid("Enter your recovery phrase (12 or 24 words).");
  if (!(VALID_WORD_COUNTS as readonly number[]).includes(words.length)) {
    throw invalid(`A recovery phrase has 12, 15, 18, 21 or 24 words; this one has ${words.length}.`);
  }
  const unknown = words.flatMap((w, i) => (WORDS.has(w) ? [] : [i + 1]));
  if (unknown.length > 0) {
    const where = unknown.slice(0, 5).join(", ") + (unknown.length > 5 ? ", …" : "");
    throw invalid(`Word${unknown.length > 1 ? "s" : ""} ${where} ${unknown.length > 1 ? "are" : "is"} not in the BIP-39 English word list. Check the spelling.`);
  }
  const phrase = words.join(" ");
  try {
    new EnglishMnemonic(phrase);
  } catch {
    throw invalid("Every word is valid but the checksum does not match: a word is wrong or two are swapped. Check the phrase against your backup.");
  }
  return phrase;
}

/** `count` distinct 1-based positions, sorted, for the "confirm your backup" quiz. */
export function pickConfirmPositions(wordCount: number, count: number, pick: (max: number) => number = (max) => randomInt(max)): number[] {
  if (count > wordCount) throw new Error("cannot confirm more words than the phrase has");
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(pick(wordCount) + 1);
  return [...chosen].sort((a, b) => a - b);
}

function invalid(message: string): ContractFailure {
  return new ContractFailure("INVALID_INPUT", message);
}
