/** Where the artifact pages link to; one place, so the URLs stay consistent. */
export const artifactHref = (id: string, query: Record<string, string | number | undefined> = {}) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const qs = params.toString();
  return `/artifacts/${encodeURIComponent(id)}${qs ? `?${qs}` : ""}`;
};

export const compareHref = (id: string, a: number, b: number) => `/artifacts/${encodeURIComponent(id)}/compare?a=${a}&b=${b}`;

/** The bytes of one version; `download` asks for Content-Disposition: attachment. */
export const contentUrl = (id: string, version: number, download = false) =>
  `/api/v1/artifacts/${encodeURIComponent(id)}/content?version=${version}${download ? "&download=1" : ""}`;

/** Run and session pages are addressed by their row ids (keys), not the clients' ids. */
export const runHref = (runKey: string) => `/runs/${encodeURIComponent(runKey)}`;
export const sessionHref = (sessionKey: string) => `/sessions/${encodeURIComponent(sessionKey)}`;
export const runsListHref = (namespace: string) => `/runs?namespace=${encodeURIComponent(namespace)}`;
