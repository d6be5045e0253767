import { inject } from "vitest";
import { randomBytes } from "node:crypto";

/** A tiny HTTP client for the integration suite: real fetch against the real server. */
export function api(key?: string) {
  return clientFor(inject("baseUrl"), key);
}

export type TClient = ReturnType<typeof clientFor>;

/** The same client for any server (tests that start servers of their own). */
export function clientFor(baseUrl: string, key?: string) {
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (key && !headers.has("authorization")) headers.set("authorization", `Bearer ${key}`);
    return fetch(`${baseUrl}${path}`, {
      ...init,
      headers,
      ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);
  };
  return {
    baseUrl,
    request,
    json: async <T = any>(path: string, init: RequestInit & { json?: unknown } = {}) => {
      const headers = new Headers(init.headers);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set("content-type", "application/json");
        body = JSON.stringify(init.json);
      }
      const res = await request(path, { ...init, headers, body });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
    },
    /** Raw-body upload: `?namespace=&name=` plus the given extra query fields. */
    upload: async (
      fields: Record<string, string>,
      content: string | Uint8Array,
      init: { contentType?: string; headers?: Record<string, string> } = {},
    ) => {
      const res = await request(`/api/v1/artifacts?${new URLSearchParams(fields)}`, {
        method: "POST",
        body: content as BodyInit,
        headers: { "content-type": init.contentType ?? "text/plain", ...init.headers },
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as any };
    },
  };
}

export const adminApi = () => api(inject("adminKey"));

export const uniq = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

/** Creates an identity (as admin) and returns it with a fresh API key. */
export async function createAgent(name = uniq("agent"), options: { isAdmin?: boolean } = {}, admin: TClient = adminApi()) {
  const created = await admin.json("/api/v1/identities", { method: "POST", json: { name, ...options } });
  if (created.status !== 201) throw new Error(`create identity: ${created.status} ${JSON.stringify(created.body)}`);
  const key = await admin.json(`/api/v1/identities/${name}/keys`, { method: "POST", json: { label: "test" } });
  if (key.status !== 201) throw new Error(`create key: ${key.status} ${JSON.stringify(key.body)}`);
  return {
    name,
    namespace: `agent:${name}`,
    key: key.body.key.key as string,
    keyId: key.body.key.id as string,
    client: clientFor(admin.baseUrl, key.body.key.key),
  };
}
