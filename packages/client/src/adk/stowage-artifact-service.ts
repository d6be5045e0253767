import type {
  ArtifactVersion,
  BaseArtifactService,
  DeleteArtifactRequest,
  ListArtifactKeysRequest,
  ListVersionsRequest,
  LoadArtifactRequest,
  SaveArtifactRequest,
} from "@google/adk";
import type { StowageOptions } from "../config.js";
import type { DownloadBody } from "../download-body.js";
import { StowageError } from "../errors.js";
import { Stowage } from "../stowage.js";
import type { Artifact, Version } from "../types.js";
import { customMetadataOf, decodePart, encodePart, needsBytes, PART_KEY, partMimeType, readDescriptor, type Part } from "./part-codec.js";
import { isUserScoped, stowageSession } from "./scope.js";

export type StowageArtifactServiceOptions = StowageOptions & {
  /**
   * The Stowage namespace every artifact goes to (it must exist and the key must be able to
   * write it). Default: the key's own `agent:<identity>` namespace, asked of the server once.
   */
  namespace?: string;
  /**
   * A save whose bytes equal the latest version's answers that version's number and publishes
   * nothing (its customMetadata stays the latest's). Default: every save is a new version, as ADK does.
   */
  skipIfUnchanged?: boolean;
};

type Key = { namespace: string; sessionId: string; name: string };

/**
 * Google ADK's artifact service on Stowage: `new Runner({ …, artifactService: new StowageArtifactService() })`.
 *
 * An ADK artifact (appName, userId, sessionId, filename) is the Stowage artifact `filename` in
 * the namespace of the options, in the session `<appName>/<userId>/<sessionId>`, or
 * `<appName>/<userId>` for `user:` names (scope.ts). Versions are Stowage's: numbered from 0 by
 * the server, so parallel saves of one name get distinct versions. customMetadata is the
 * version's metadata, beside the Part's kind under "adk:part" (part-codec.ts).
 */
export class StowageArtifactService implements BaseArtifactService {
  /** The SDK client underneath, for anything beyond ADK's interface (sharing, tags, usage). */
  readonly stowage: Stowage;
  #namespace: Promise<string> | undefined;
  readonly #skipIfUnchanged: boolean;

  constructor(options: StowageArtifactServiceOptions = {}) {
    const { namespace, skipIfUnchanged, ...clientOptions } = options;
    this.stowage = new Stowage(clientOptions);
    this.#skipIfUnchanged = skipIfUnchanged === true;
    if (namespace !== undefined) this.#namespace = Promise.resolve(namespace);
  }

  /** The namespace artifacts go to (the key's own when none was given). */
  namespace(): Promise<string> {
    this.#namespace ??= this.stowage.whoami().then(
      (me) => me.identity.namespace,
      (error: unknown) => {
        this.#namespace = undefined;
        throw error;
      },
    );
    return this.#namespace;
  }

  async saveArtifact(request: SaveArtifactRequest): Promise<number> {
    const encoded = encodePart(request.artifact);
    if (request.customMetadata && PART_KEY in request.customMetadata) {
      throw new TypeError(`customMetadata must not use the key "${PART_KEY}": it records the kind of Part`);
    }
    const key = await this.#key(request, request.filename);
    const { version } = await this.stowage.publish(encoded.body, {
      namespace: key.namespace,
      sessionId: key.sessionId,
      name: key.name,
      contentType: encoded.contentType,
      metadata: { ...request.customMetadata, [PART_KEY]: encoded.descriptor },
      ...(this.#skipIfUnchanged ? { skipIfUnchanged: true } : {}),
    });
    return version.version;
  }

  async loadArtifact(request: LoadArtifactRequest): Promise<Part | undefined> {
    if (!isVersionNumber(request.version)) return undefined;
    // The lookup and the bytes in one request; the version they are comes with them.
    const body = await orUndefined(
      this.stowage.artifacts.download(await this.#key(request, request.filename), { version: request.version }),
    );
    if (!body) return undefined;
    if (body.version) return this.#decode(body.version, body);
    // Metadata too large for a header: the version first, then exactly its bytes.
    await body.cancel();
    const artifact = await this.#lookup(request, request.filename);
    const number = request.version ?? artifact?.latestVersion;
    const version =
      artifact && typeof number === "number" ? await orUndefined(this.stowage.artifacts.version(artifact.id, number)) : undefined;
    if (!version) return undefined;
    if (!needsBytes(readDescriptor(version.metadata))) return this.#decode(version, undefined);
    const bytes = await orUndefined(this.stowage.artifacts.download(version.artifactId, { version: version.version }));
    return bytes && this.#decode(version, bytes);
  }

  async listArtifactKeys(request: ListArtifactKeysRequest): Promise<string[]> {
    const [sessionNames, userNames] = await Promise.all([this.#names(request, ""), this.#names(request, "user:")]);
    return [...new Set([...sessionNames.filter((n) => !isUserScoped(n)), ...userNames.filter(isUserScoped)])].sort();
  }

  async deleteArtifact(request: DeleteArtifactRequest): Promise<void> {
    const artifact = await this.#lookup(request, request.filename);
    if (artifact) await this.stowage.artifacts.delete(artifact.id);
  }

  async listVersions(request: ListVersionsRequest): Promise<number[]> {
    return (await this.listArtifactVersions(request)).map((v) => v.version);
  }

  async listArtifactVersions(request: ListVersionsRequest): Promise<ArtifactVersion[]> {
    const artifact = await this.#lookup(request, request.filename);
    if (!artifact) return [];
    const versions: ArtifactVersion[] = [];
    try {
      for await (const version of this.stowage.artifacts.versions(artifact.id, { limit: 200 })) versions.push(this.#describe(version));
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    return versions.sort((a, b) => a.version - b.version);
  }

  async getArtifactVersion(request: LoadArtifactRequest): Promise<ArtifactVersion | undefined> {
    if (!isVersionNumber(request.version)) return undefined;
    const artifact = await this.#lookup(request, request.filename);
    const latest = artifact?.latest;
    if (!artifact || !latest) return undefined;
    if (request.version === undefined || request.version === latest.version) return this.#describe(latest);
    const version = await orUndefined(this.stowage.artifacts.version(artifact.id, request.version));
    return version && this.#describe(version);
  }

  async #key(session: ListArtifactKeysRequest, filename: string): Promise<Key> {
    const [namespace, sessionId] = await Promise.all([this.namespace(), stowageSession(session, filename)]);
    return { namespace, sessionId, name: filename };
  }

  /** The artifact with its latest version, in one request; undefined when there is none. */
  async #lookup(session: ListArtifactKeysRequest, filename: string): Promise<Artifact | undefined> {
    return orUndefined(this.stowage.artifacts.lookup(await this.#key(session, filename)));
  }

  /** The Part a version stands for, reading its bytes only when the Part holds them. */
  async #decode(version: Version, body: DownloadBody | undefined): Promise<Part> {
    const descriptor = readDescriptor(version.metadata);
    if (!needsBytes(descriptor)) {
      await body?.cancel();
      return decodePart(descriptor, version.mimeType, new Uint8Array());
    }
    return decodePart(descriptor, version.mimeType, await body!.bytes());
  }

  /** The names in the Stowage session of `filename`'s scope. */
  async #names(session: ListArtifactKeysRequest, filename: string): Promise<string[]> {
    const { namespace, sessionId } = await this.#key(session, filename);
    const names: string[] = [];
    try {
      for await (const artifact of this.stowage.artifacts.list({ namespace, sessionId, limit: 200 })) names.push(artifact.name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    return names;
  }

  #describe(version: Version): ArtifactVersion {
    const descriptor = readDescriptor(version.metadata);
    const described: ArtifactVersion = {
      version: version.version,
      canonicalUri: `${this.stowage.url}/api/v1/artifacts/${encodeURIComponent(version.artifactId)}/content?version=${version.version}`,
    };
    const mimeType = partMimeType(descriptor, version.mimeType);
    if (mimeType !== undefined) described.mimeType = mimeType;
    const customMetadata = customMetadataOf(version.metadata);
    if (customMetadata) described.customMetadata = customMetadata;
    return described;
  }
}

/** A version ADK may ask for: none (the latest) or a non-negative integer; anything else names no version. */
const isVersionNumber = (version: number | undefined) => version === undefined || (Number.isInteger(version) && version >= 0);

const isNotFound = (error: unknown) => error instanceof StowageError && error.code === "ARTIFACT_NOT_FOUND";

async function orUndefined<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
