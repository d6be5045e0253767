import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/components/api";

const aliasPath = (artifactId: string, name: string) =>
  `/api/v1/artifacts/${encodeURIComponent(artifactId)}/aliases/${encodeURIComponent(name)}`;

/** PUT: creates the alias or moves it; `protected` left out keeps what it had. */
export const putAlias = (artifactId: string, name: string, body: { version: number; protected?: boolean }) =>
  apiFetch<unknown>(aliasPath(artifactId, name), { method: "PUT", json: body });

export const deleteAlias = (artifactId: string, name: string) => apiFetch<void>(aliasPath(artifactId, name), { method: "DELETE" });

/**
 * One change to an artifact's aliases. The page renders them on the server (badges in the history,
 * the list at the top), so a success refreshes it; a failure keeps the API's message in `error`.
 */
export function useAliasChange<TInput>(change: (input: TInput) => Promise<unknown>, onDone?: () => void) {
  const router = useRouter();
  return useMutation({
    mutationFn: change,
    onSuccess: () => {
      onDone?.();
      router.refresh();
    },
  });
}
