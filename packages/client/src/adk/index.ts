// @stowage/client/adk: Google ADK's artifact service on Stowage. @google/adk is an optional peer
// dependency: only its types are used, so nothing of it loads at run time.
export { StowageArtifactService } from "./stowage-artifact-service.js";
export type { StowageArtifactServiceOptions } from "./stowage-artifact-service.js";
