// argon2id with OWASP's minimum parameters (19 MiB, 2 iterations, 1 lane), in
// WebAssembly so every function bundles into one file without native modules.
import { argon2id, argon2Verify } from 'hash-wasm';

const PARAMS = { parallelism: 1, iterations: 2, memorySize: 19456, hashLength: 32 } as const;

export async function hashPassword(password: string): Promise<string> {
  const salt = new Uint8Array(16);
  crypto.getRandomValues(salt);
  return argon2id({ ...PARAMS, password: password.normalize('NFC'), salt, outputType: 'encoded' });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2Verify({ password: password.normalize('NFC'), hash });
  } catch {
    return false;
  }
}

/** Spends the same time as a real check when the account does not exist (no timing oracle). */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('soliterr-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
