import type { Metadata } from "next";
import { openApiDocument } from "@/lib/api-contract/openapi-document";
import { ApiReference, Prose, type TOpenApiDocument } from "@/components/docs/api-reference";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API reference · Stowage" };

/** The HTTP API's reference, from the same document as /api/v1/openapi.json; readable without signing in. */
export default function ApiReferencePage() {
  const doc = openApiDocument() as unknown as TOpenApiDocument;
  return (
    <div>
      <PageHeader
        title="API reference"
        subtitle={
          <>
            <Prose text={doc.info.description ?? ""} /> The machine-readable document is at{" "}
            <a href="/api/v1/openapi.json" className="font-mono text-sky-800 underline">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI 3.1).
          </>
        }
      />
      <ApiReference doc={doc} />
    </div>
  );
}
