/**
 * HMAC-SHA1 for one key, many messages: the webhook signature of every request the router answers.
 *
 * `crypto.createHmac` sets up a new OpenSSL MAC context for each message, which under load costs more than
 * hashing the message itself. HMAC is two hashes (RFC 2104): SHA1((K ⊕ opad) ‖ SHA1((K ⊕ ipad) ‖ m)). Here the
 * padded keys are prepared once, the message is written into a buffer right after the inner pad, and Node's
 * one-shot `crypto.hash` computes both hashes without a context per call. Property-tested against
 * `createHmac` (`test/router/hmac-sha1.test.ts`).
 */
import { hash } from 'node:crypto';

const BLOCK = 64;
const DIGEST = 20;

export class HmacSha1 {
  /** The inner pad, then room for the message. */
  private inner: Buffer;
  /** The outer pad, then the inner digest. */
  private readonly outer = Buffer.alloc(BLOCK + DIGEST);

  constructor(key: string) {
    let k = Buffer.from(key, 'utf8');
    if (k.length > BLOCK) k = hash('sha1', k, 'buffer');
    this.inner = Buffer.alloc(BLOCK + 1024);
    for (let i = 0; i < BLOCK; i++) {
      const byte = i < k.length ? (k[i] as number) : 0;
      this.inner[i] = byte ^ 0x36;
      this.outer[i] = byte ^ 0x5c;
    }
  }

  /** Offset where a message starts in `buffer(size)`. */
  static readonly MESSAGE_START = BLOCK;

  /**
   * The buffer to write a message of at most `size` bytes into, from `MESSAGE_START`. It is reused by the next
   * call: write and digest synchronously.
   */
  buffer(size: number): Buffer {
    if (BLOCK + size > this.inner.length) {
      const larger = Buffer.alloc(Math.max(BLOCK + size, this.inner.length * 2));
      this.inner.copy(larger, 0, 0, BLOCK);
      this.inner = larger;
    }
    return this.inner;
  }

  /** The HMAC, in base64, of the message written in `buffer()` from `MESSAGE_START` up to `end`. */
  digestWritten(end: number): string {
    hash('sha1', this.inner.subarray(0, end), 'buffer').copy(this.outer, BLOCK);
    return hash('sha1', this.outer, 'base64');
  }

  /** The HMAC of a text (as UTF-8), in base64. */
  base64(message: string): string {
    const buffer = this.buffer(Buffer.byteLength(message, 'utf8'));
    return this.digestWritten(BLOCK + buffer.write(message, BLOCK, 'utf8'));
  }
}
