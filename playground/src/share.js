// The flow in the URL fragment, so that a link carries it: `#flow=` then the text
// compressed with deflate (zlib, CompressionStream "deflate") and written in base64url.
// The fragment never reaches a server.

const KEY = "flow";

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64url(text) {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The fragment (without `#`) that carries `text`. */
export async function encodeFlow(text) {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream("deflate"));
  return `${KEY}=${toBase64url(packed)}`;
}

/**
 * The flow a fragment carries: its text, `null` when the fragment carries none, or an
 * Error when it is damaged (a link cut short, say).
 */
export async function decodeFlow(fragment) {
  const params = new URLSearchParams(fragment.replace(/^#/, ""));
  const packed = params.get(KEY);
  if (packed === null) return null;
  try {
    const bytes = await pipe(fromBase64url(packed), new DecompressionStream("deflate"));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (e) {
    return new Error(`the link's flow could not be read (${e.message})`);
  }
}
