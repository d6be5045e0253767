import { inject } from "vitest";
import { describeAdkArtifactService } from "../support/adk-service-suite.ts";

// The ADK artifact service against the shared server, which stores on the filesystem
// (adk-artifact-service-s3.test.ts runs the same cases against S3).
describeAdkArtifactService("StowageArtifactService (Google ADK) against the real server", () => ({ baseUrl: inject("baseUrl") }));
