import { linkClass } from "@/components/ui/styles";

/** Downloads one version as a file (the content route answers with Content-Disposition: attachment). */
export function DownloadLink({ artifactId, version, name }: { artifactId: string; version: number; name: string }) {
  return (
    <a
      className={`${linkClass} whitespace-nowrap`}
      href={`/api/v1/artifacts/${encodeURIComponent(artifactId)}/content?version=${version}&download=1`}
      download
      aria-label={`Download ${name}, version ${version}`}
    >
      Download
    </a>
  );
}
