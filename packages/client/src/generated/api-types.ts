/**
 * Generated from the API contract (lib/api-contract, the document GET /api/v1/openapi.json serves)
 * by scripts/generate-client-types.ts with openapi-typescript. Do not edit: change the contract, then
 *   node --import ./scripts/register-hooks.mjs scripts/generate-client-types.ts
 * test/unit/client-types-current.test.ts fails while this file is behind the contract.
 */

export interface paths {
    "/api/v1/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List artifacts the caller can read, newest first */
        get: operations["listArtifacts"];
        put?: never;
        /**
         * Publish a new version (multipart or a raw body)
         * @description The same (namespace, session, name) again publishes the next version. Multipart fields may come before or after the file. A raw body takes its fields from the query and its type from Content-Type.
         */
        post: operations["uploadArtifact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An artifact with its latest version */
        get: operations["getArtifact"];
        put?: never;
        post?: never;
        /** Delete every version (owner or admin) */
        delete: operations["deleteArtifact"];
        options?: never;
        head?: never;
        /** Replace the tags, set or clear expiresAt */
        patch: operations["updateArtifact"];
        trace?: never;
    };
    "/api/v1/artifacts/{id}/aliases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The artifact's aliases, by name */
        get: operations["listAliases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}/aliases/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alias with the version it points to */
        get: operations["getAlias"];
        /**
         * Point an alias at a version: create it or move it (writers)
         * @description `protected` left out keeps what the alias had (a new alias is unprotected). A protected alias keeps its version from deletion (409 ARTIFACT_VERSION_PROTECTED) and its artifact from expiry until it moves or is removed. Audited as alias.set.
         */
        put: operations["setAlias"];
        post?: never;
        /** Remove an alias (writers); its version stays */
        delete: operations["deleteAlias"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}/append": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the next version as the latest one's bytes plus the body
         * @description The artifact must exist and its latest version be text. A publish in every way (quota, size limit, audit, retention); concurrent appends all land, one after another. The new version keeps the artifact's type, session and tags, without metadata.
         */
        post: operations["appendArtifact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A version's bytes, streamed */
        get: operations["getArtifactContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** A version's headers without its bytes */
        head: operations["headArtifactContent"];
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Two versions as a unified diff
         * @description `to` defaults to the latest, `from` to the newest version older than `to` that still exists (versions can be deleted one by one; with none, `to` is diffed against nothing: `from: null`, `--- /dev/null`). An explicit `from` that does not exist is 404. The diff is byte-exact as `diff -u` writes it: line endings (CRLF) are kept and compared, and a last line without a newline is followed by `\ No newline at end of file`, so `patch` reproduces `to` from `from`. Each side at most 8 MiB and 100000 lines (else ARTIFACT_TOO_LARGE); the diff text is cut at 1 MiB (`truncated`).
         */
        get: operations["diffArtifactVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}/grep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The lines of a version matching a pattern, with context
         * @description Stops at `max` matches or after 10 s, answering what it found with `truncated: true` and `stoppedBy`.
         */
        get: operations["grepArtifact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}/share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A time-limited, revocable link to one version that needs no key */
        post: operations["createShareLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}/share-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The artifact's share links with their status, newest first
         * @description Those who may manage the artifact's links see all of them; other readers see the links they made.
         */
        get: operations["listShareLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the artifact is shared with, oldest first (write access) */
        get: operations["listArtifactShares"];
        put?: never;
        /** Let one identity or one group read the artifact (write access) */
        post: operations["shareArtifact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}/shares/{shareId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unshare: its recipients lose access at once (write access) */
        delete: operations["unshareArtifact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}/text": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of a version's lines, numbered, sized for a model's context
         * @description `limit` lines from line `offset`, or the last `tail` lines; at most 256 KiB of text per page (then `truncated`), continue from `nextOffset`. Content that is not text (a binary type, or a NUL byte in its first 8 KiB) is refused with ARTIFACT_NOT_TEXT.
         */
        get: operations["readArtifactText"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}/url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A URL to a version's bytes that works without credentials until it expires
         * @description A presigned S3 URL when the bytes are in S3, else a signed Stowage URL.
         */
        get: operations["getDownloadUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Version history, newest first */
        get: operations["listVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version's metadata */
        get: operations["getVersion"];
        put?: never;
        post?: never;
        /** Delete one version (owner or admin) */
        delete: operations["deleteVersion"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/{id}/versions/{version}/lineage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What produced a version, what it was derived from and which runs read it */
        get: operations["getVersionLineage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find one artifact by namespace, session and exact name
         * @description Clients know names, not ids: this answers the same as GET /api/v1/artifacts/{id} in one request.
         */
        get: operations["lookupArtifact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/artifacts/lookup/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A version's bytes, found by namespace, session and exact name
         * @description Lookup and content in one request: the version it answers with is in the Stowage-Version headers (with the bytes in S3, on the 302).
         */
        get: operations["getArtifactContentByName"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /**
         * The same headers without the bytes
         * @description Lookup and content in one request: the version it answers with is in the Stowage-Version headers (with the bytes in S3, on the 302).
         */
        head: operations["headArtifactContentByName"];
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who did what and when, newest first
         * @description Filters combine with AND.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Groups and their members */
        get: operations["listGroups"];
        put?: never;
        /** Create a group; its members share ring:<name> */
        post: operations["createGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{name}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an identity to the group */
        post: operations["addGroupMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{name}/members/{identity}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member */
        delete: operations["removeGroupMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers and reaches its database */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every identity, by name */
        get: operations["listIdentities"];
        put?: never;
        /** Create an identity with its agent:<name> namespace, optionally with dashboard sign-in */
        post: operations["createIdentity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/identities/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an identity's sign-in, admin flag or disabled state
         * @description Admins cannot demote or disable themselves, and there is always at least one enabled admin.
         */
        patch: operations["updateIdentity"];
        trace?: never;
    };
    "/api/v1/identities/{name}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An identity's key prefixes and usage, never the keys (admin or self) */
        get: operations["listIdentityKeys"];
        put?: never;
        /** A new key, returned this once (admin or self) */
        post: operations["createIdentityKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a key at once (admin or its owner)
         * @description Another identity's key is answered like an unknown one (404).
         */
        delete: operations["revokeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the caller is and which namespaces it can read */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/namespaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The namespaces the caller can read (all, for admins) */
        get: operations["listNamespaces"];
        put?: never;
        /**
         * Create a custom namespace such as team:ml
         * @description agent: and ring: namespaces come with their identity or group.
         */
        post: operations["createNamespace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/namespaces/{namespace}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The namespace's usage, quota and retention */
        get: operations["getNamespace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set the namespace's quota and retention overrides (null: the default)
         * @description A lower quota deletes nothing: uploads stop until usage is under it again. A retention change applies at once; a keepVersions change at the next sweep (GET …/retention/preview shows what it would remove). Audited as quota.change.
         */
        patch: operations["updateNamespaceSettings"];
        trace?: never;
    };
    "/api/v1/namespaces/{namespace}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who has been granted access to the namespace */
        get: operations["listGrants"];
        put?: never;
        /** Grant read or write to an identity or a group (or change its permission) */
        post: operations["createGrant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/namespaces/{namespace}/grants/{grantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a grant */
        delete: operations["revokeGrant"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/namespaces/{namespace}/retention/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the namespace's retention rules would delete, and the bytes freed (admins and writers)
         * @description A dry run of the next sweep: versions beyond the newest keepVersions of each artifact (never the latest, never one a protected alias points at) and the artifacts the age rule has already expired. The sweep deletes by the same selection, audited as version.expire / artifact.expire by system.
         */
        get: operations["previewRetention"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/namespaces/{namespace}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bytes stored and held, the quota, counts */
        get: operations["getNamespaceUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document: the OpenAPI 3.1 description of /api/v1 */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database and the store new uploads go to answer in time */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Runs the caller can see, newest first, with what each published */
        get: operations["listRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/runs/{runId}/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a run published: its artifacts, each with the versions this run published */
        get: operations["listRunArtifacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/runs/{runId}/inputs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a run read: the versions it downloaded, newest first
         * @description Recorded from downloads that carried X-Stowage-Run (or ?runId=), once per version.
         */
        get: operations["listRunInputs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sessions the caller can see, newest first, with their run counts */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{sessionId}/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session's roll-up: its own artifacts and everything its runs published */
        get: operations["listSessionArtifacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{sessionId}/grep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A pattern over the latest version of every artifact of a session
         * @description The session's roll-up (its artifacts and what its runs published), newest first, at most 200 artifacts; artifacts that are not text are skipped and counted. `max` bounds the matches in all, and one 10 s deadline the whole search.
         */
        get: operations["grepSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * First run: an admin API key gives its admin a dashboard email and password
         * @description Open only while no identity can sign in with a password; the admin key proves the caller may claim the install.
         */
        post: operations["completeSetup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/share-links/{linkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a share link: it stops working at once
         * @description The link's creator, the artifact's owner, writers of its namespace and admins may; revoking again is a no-op.
         */
        delete: operations["revokeShareLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/share/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A share link's (or download URL's) bytes, streamed */
        get: operations["getSharedContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** A share link's headers without its bytes */
        head: operations["headSharedContent"];
        patch?: never;
        trace?: never;
    };
    "/api/v1/shared-with-me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Artifacts shared with the caller or one of its groups, newest first */
        get: operations["listSharedWithMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a direct upload of a large file sent in parts (up to 100 GB)
         * @description Access, fields, size and preconditions are checked now and the whole size is held against the quota; nothing is published until the upload is completed.
         */
        post: operations["startUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An upload's state, and the parts stored so far (to resume) */
        get: operations["getUpload"];
        put?: never;
        post?: never;
        /** Abort an upload: its parts are discarded (again is fine) */
        delete: operations["abortUpload"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify the parts and publish the version
         * @description Missing or wrong-sized parts answer 400 (missingParts, wrongSizeParts) and leave the upload open; a size or sha256 mismatch fails it. A precondition given at the start that no longer holds answers 412. Completing again answers the same version.
         */
        post: operations["completeUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads/{id}/parts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Where to PUT each part
         * @description Presigned S3 URLs when the bytes go to S3, else signed URLs of PUT /api/v1/uploads/{id}/parts/{n}. The URL is the credential: send no Authorization header there.
         */
        post: operations["getPartUrls"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads/{id}/parts/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Send one part through Stowage (backends that cannot take parts directly, e.g. the filesystem)
         * @description Use the URL from getPartUrls as it is; sending a part again replaces it.
         */
        put: operations["uploadPart"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A named, movable pointer to one version of an artifact. */
        Alias: {
            /** Format: date-time */
            createdAt: string;
            name: string;
            /** @description While true, the version cannot be deleted and the artifact does not expire. */
            protected: boolean;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        AliasList: {
            aliases: components["schemas"]["Alias"][];
        };
        AliasResponse: {
            alias: components["schemas"]["Alias"];
        };
        AliasWithVersion: {
            alias: components["schemas"]["Alias"];
            version: components["schemas"]["Version"];
        };
        /** @description A key as listings show it: never the key itself. */
        ApiKey: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            label: string;
            lastUsedAt: string | null;
            /** @description The key's first characters, to tell keys apart. */
            prefix: string;
            revokedAt: string | null;
        };
        ApiKeyList: {
            keys: components["schemas"]["ApiKey"][];
        };
        /** @description A named, versioned artifact in a namespace (and maybe a session). */
        Artifact: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            expiresAt: string | null;
            id: string;
            /** @description The latest version, where the operation includes it. */
            latest?: components["schemas"]["Version"] | null;
            latestVersion: number | null;
            name: string;
            namespace: string;
            /** @description When the namespace's retention ends it; it expires at the earlier of this and expiresAt. */
            retainUntil: string | null;
            sessionId: string | null;
            tags: string[];
            /** Format: date-time */
            updatedAt: string;
        };
        ArtifactPage: {
            artifacts: components["schemas"]["Artifact"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        ArtifactResponse: {
            artifact: components["schemas"]["Artifact"];
        };
        AuditEvent: {
            /** @description What happened, e.g. artifact.upload or key.revoke. */
            action: string;
            /** @description The identity's id; null for share links, download URLs and the system. */
            actorId: string | null;
            actorName: string;
            artifactId: string | null;
            /** Format: date-time */
            createdAt: string;
            details: {
                [key: string]: unknown;
            };
            id: string;
            namespace: string | null;
            version: number | null;
        };
        AuditEventPage: {
            events: components["schemas"]["AuditEvent"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        CreatedApiKey: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @description The identity's name. */
            identity: string;
            /** @description The key: shown this once, only its hash is stored. */
            key: string;
            label: string;
            prefix: string;
        };
        CreatedApiKeyResponse: {
            key: components["schemas"]["CreatedApiKey"];
        };
        DiffResult: {
            added: number;
            artifactId: string;
            /** @description Unified diff, 3 lines of context, as `diff -u` writes it; empty when the versions' texts are the same. */
            diff: string;
            from: number | null;
            removed: number;
            to: number;
            truncated: boolean;
        };
        DirectUpload: {
            /** @description Once completed: the artifact published. */
            artifactId: string | null;
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Parts can be sent until then.
             */
            expiresAt: string;
            /** @description Why the upload failed, when it did. */
            failure: string | null;
            id: string;
            name: string;
            namespace: string;
            partCount: number;
            /** @description GET of a pending upload: the parts stored so far (to resume). */
            parts?: {
                partNumber: number;
                size: number;
            }[];
            partSize: number;
            /** @description The sha256 the client declared, if it did. */
            sha256: string | null;
            sizeBytes: number;
            /** @enum {string} */
            status: "pending" | "completing" | "completed" | "aborted" | "expired" | "failed";
            /** @description Once completed: the version published. */
            version: number | null;
        };
        DownloadUrl: {
            delivery: string;
            /** Format: date-time */
            expiresAt: string;
            url: string;
            version: number;
        };
        /** @description Every error: a code from the enum, a message for people, and the code's details beside them (e.g. field, usedBytes, quotaBytes, requestedBytes). */
        Error: {
            error: {
                /** @enum {string} */
                code: "UNAUTHENTICATED" | "FORBIDDEN" | "ARTIFACT_NAMESPACE_DENIED" | "ARTIFACT_SHARE_LINK_INVALID" | "ARTIFACT_NOT_FOUND" | "ARTIFACT_VALIDATION_FAILED" | "ARTIFACT_VERSION_CONFLICT" | "ARTIFACT_IDEMPOTENCY_KEY_REUSED" | "ARTIFACT_UPLOAD_CLOSED" | "ARTIFACT_QUOTA_EXCEEDED" | "ARTIFACT_VERSION_PROTECTED" | "ARTIFACT_TOO_LARGE" | "ARTIFACT_RANGE_NOT_SATISFIABLE" | "ARTIFACT_NOT_TEXT" | "ARTIFACT_PATTERN_INVALID" | "ARTIFACT_STORAGE_UNAVAILABLE" | "INTERNAL_ERROR";
                message: string;
            } & {
                [key: string]: unknown;
            };
        };
        Grant: {
            /** @description The group granted access; null for an identity's grant. */
            group: string | null;
            id: string;
            /** @description The identity granted access; null for a group's grant. */
            identity: string | null;
            namespace: string;
            /** @enum {string} */
            permission: "read" | "write";
        };
        GrantList: {
            grants: components["schemas"]["Grant"][];
        };
        GrantResponse: {
            grant: components["schemas"]["Grant"];
        };
        GrepMatch: {
            /** @description The `context` lines after the match. */
            after: components["schemas"]["TextLine"][];
            /** @description The `context` lines before the match. */
            before: components["schemas"]["TextLine"][];
            /** @constant */
            cut?: true;
            line: number;
            text: string;
        };
        GrepResult: {
            artifactId: string;
            matches: components["schemas"]["GrepMatch"][];
            /** @description max: more matches may follow; deadline: the time bound stopped the search. */
            stoppedBy: ("max" | "deadline") | null;
            truncated: boolean;
            version: number;
        };
        Group: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @description Members' identity names, sorted. */
            members: string[];
            name: string;
            /** @description The namespace its members share, ring:<name>. */
            namespace: string;
        };
        GroupList: {
            groups: components["schemas"]["Group"][];
        };
        GroupResponse: {
            group: components["schemas"]["Group"];
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        HealthDegraded: {
            /** @constant */
            database: "unreachable";
            /** @constant */
            status: "degraded";
        };
        /** @description An agent or a person that calls the API. */
        Identity: {
            /** Format: date-time */
            createdAt: string;
            disabledAt: string | null;
            email: string | null;
            /** @description Whether it can sign in to the dashboard with a password (the hash never leaves the server). */
            hasPassword: boolean;
            id: string;
            isAdmin: boolean;
            /** @enum {string} */
            kind: "agent" | "human";
            name: string;
            /** @description Its personal namespace, agent:<name>. */
            namespace: string;
        };
        IdentityList: {
            identities: components["schemas"]["Identity"][];
        };
        IdentityResponse: {
            identity: components["schemas"]["Identity"];
        };
        InputRef: {
            artifactId: string;
            version: number;
        };
        Lineage: {
            artifactId: string;
            /** @description The inputs the publish named that still exist and that the caller can read (deleted inputs drop out). */
            derivedFrom: components["schemas"]["LineageVersion"][];
            producedBy: {
                /** Format: date-time */
                createdAt: string;
                /** @description Who published it. */
                identity: string;
                model: string | null;
                /** @description The run that published it. */
                run: string | null;
                tool: string | null;
            };
            /** @description Runs that downloaded this version, newest first (at most 100); empty unless the caller can read the artifact's namespace. */
            readBy: components["schemas"]["LineageRun"][];
            version: number;
        };
        LineageRun: {
            /** @description The run's own id, unique everywhere (the dashboard's /runs/{key}). */
            key: string;
            namespace: string;
            /**
             * Format: date-time
             * @description The run's first read of the version.
             */
            readAt: string;
            /** @description The run id clients give. */
            runId: string;
        };
        LineageVersion: {
            artifactId: string;
            /** Format: date-time */
            createdAt: string;
            name: string;
            namespace: string;
            sessionId: string | null;
            version: number;
        };
        Me: {
            identity: {
                id: string;
                isAdmin: boolean;
                name: string;
                namespace: string;
            };
            namespaces: components["schemas"]["Namespace"][];
        };
        Namespace: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @enum {string} */
            kind: "agent" | "ring" | "custom";
            name: string;
        };
        NamespaceList: {
            namespaces: components["schemas"]["Namespace"][];
        };
        NamespaceResponse: {
            namespace: components["schemas"]["Namespace"];
        };
        NamespaceUsage: {
            artifactCount: number;
            /** @description Versions kept per artifact, newest first (the latest and protected-alias ones always stay); null: no limit. */
            keepVersions: number | null;
            namespace: string;
            /** @description The quota in force: the override, else the default. */
            quotaBytes: number;
            /** @description Whether an admin set this namespace's quota. */
            quotaOverride: boolean;
            /** @description Bytes held for uploads in flight. */
            reservedBytes: number;
            /** @description The namespace's retention override; null: the default. */
            retentionDays: number | null;
            /** @description Bytes of the versions stored, until the sweep deletes expired ones. */
            usedBytes: number;
            versionCount: number;
        };
        NewShareLink: {
            /** @description Bytes in S3: a presigned S3 URL too (cannot be revoked, at most 7 days). */
            directUrl?: string;
            /** Format: date-time */
            directUrlExpiresAt?: string;
            /** Format: date-time */
            expiresAt: string;
            id: string;
            /** @description The link: GET or HEAD it without credentials. */
            url: string;
            version: number;
        };
        PartUrls: {
            /** Format: date-time */
            expiresAt: string;
            parts: {
                /** @constant */
                method: "PUT";
                partNumber: number;
                /** @description The part must be exactly this many bytes. */
                size: number;
                url: string;
            }[];
        };
        Published: {
            artifact: components["schemas"]["Artifact"];
            version: components["schemas"]["Version"];
        };
        Readiness: {
            checks: {
                database: {
                    /** @description How long the check took. */
                    ms: number;
                    ok: boolean;
                    /** @description Why it failed: an error code or a timeout, never hosts or credentials. */
                    reason?: string;
                };
                storage: {
                    /** @enum {string} */
                    backend: "fs" | "s3";
                    /** @description How long the check took. */
                    ms: number;
                    ok: boolean;
                    /** @description Why it failed: an error code or a timeout, never hosts or credentials. */
                    reason?: string;
                };
            };
            /** @enum {string} */
            status: "ready" | "not_ready";
        };
        RetentionPreview: {
            /** @description Artifacts the age rule has expired, removed whole (at most 500). */
            artifacts: components["schemas"]["RetentionPreviewArtifact"][];
            namespace: string;
            rules: {
                /** @description Versions kept per artifact; null: no limit. */
                keepVersions: number | null;
                /** @description The age rule in force: the namespace's override, else ARTIFACT_RETENTION_DAYS; null: none. */
                retentionDays: number | null;
            };
            /** @description Bytes the next sweep frees, over everything (listed or not). */
            totalBytes: number;
            /** @description Whether either list was cut at 500. */
            truncated: boolean;
            /** @description Versions keep-last-N removes, by artifact and version (at most 500). */
            versions: components["schemas"]["RetentionPreviewVersion"][];
        };
        RetentionPreviewArtifact: {
            artifactId: string;
            name: string;
            /**
             * @description expiresAt: its own expiry passed; retentionDays: the namespace's age rule ended it.
             * @enum {string}
             */
            reason: "expiresAt" | "retentionDays";
            sizeBytes: number;
            /** @description How many versions go with it. */
            versions: number;
        };
        RetentionPreviewVersion: {
            artifactId: string;
            name: string;
            /**
             * @description keepVersions: more than the namespace keeps follow it.
             * @enum {string}
             */
            reason: "keepVersions";
            sizeBytes: number;
            version: number;
        };
        Run: {
            /** @description Live artifacts the run published a version of. */
            artifactCount: number;
            /** Format: date-time */
            createdAt: string;
            /** @description The run id clients give (unique within its namespace). */
            id: string;
            /** @description The run's own id, unique everywhere (the dashboard's /runs/{key}). */
            key: string;
            namespace: string;
            sessionId: string | null;
            /** @description The session's own id. */
            sessionKey: string | null;
            /** @description Versions of those the run published. */
            versionCount: number;
        };
        RunArtifact: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            expiresAt: string | null;
            id: string;
            /** @description The latest version, where the operation includes it. */
            latest?: components["schemas"]["Version"] | null;
            latestVersion: number | null;
            name: string;
            namespace: string;
            /** @description When the namespace's retention ends it; it expires at the earlier of this and expiresAt. */
            retainUntil: string | null;
            /** @description The versions this run published, newest first. */
            runVersions: components["schemas"]["Version"][];
            sessionId: string | null;
            tags: string[];
            /** Format: date-time */
            updatedAt: string;
        };
        RunArtifacts: {
            artifacts: components["schemas"]["RunArtifact"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            run: {
                /** Format: date-time */
                createdAt: string;
                id: string;
                namespace: string;
                sessionId: string | null;
            };
        };
        RunInput: {
            artifactId: string;
            /** Format: date-time */
            createdAt: string;
            name: string;
            namespace: string;
            /** Format: date-time */
            readAt: string;
            sessionId: string | null;
            version: number;
        };
        RunInputs: {
            inputs: components["schemas"]["RunInput"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            run: {
                /** Format: date-time */
                createdAt: string;
                id: string;
                namespace: string;
                sessionId: string | null;
            };
        };
        RunPage: {
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            runs: components["schemas"]["Run"][];
        };
        Session: {
            /** Format: date-time */
            createdAt: string;
            /** @description The session id clients give (unique within its namespace). */
            id: string;
            /** @description The session's own id, unique everywhere. */
            key: string;
            namespace: string;
            runCount: number;
        };
        SessionArtifacts: {
            artifacts: components["schemas"]["Artifact"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            session: {
                /** Format: date-time */
                createdAt: string;
                id: string;
                namespace: string;
                runs: {
                    /** Format: date-time */
                    createdAt: string;
                    id: string;
                }[];
            };
        };
        SessionGrepResult: {
            matches: {
                after: components["schemas"]["TextLine"][];
                artifactId: string;
                before: components["schemas"]["TextLine"][];
                /** @constant */
                cut?: true;
                line: number;
                name: string;
                text: string;
                version: number;
            }[];
            namespace: string;
            /** @description Artifacts searched. */
            searched: number;
            sessionId: string;
            /** @description Artifacts left out: not text, or their bytes unreadable. */
            skipped: number;
            /** @description artifacts: the session has more than 200; only the newest were searched. */
            stoppedBy: ("max" | "deadline" | "artifacts") | null;
            truncated: boolean;
        };
        SessionPage: {
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            sessions: components["schemas"]["Session"][];
        };
        SetupResult: {
            email: string;
            /** @description The admin's name. */
            identity: string;
        };
        /** @description An artifact shared with one identity or group (read access to every version). */
        Share: {
            artifactId: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** @description The group it is shared with (null for an identity, or once deleted). */
            group: string | null;
            id: string;
            /** @description The identity it is shared with (null for a group, or once deleted). */
            identity: string | null;
        };
        SharedArtifact: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            expiresAt: string | null;
            id: string;
            /** @description The latest version, where the operation includes it. */
            latest?: components["schemas"]["Version"] | null;
            latestVersion: number | null;
            name: string;
            namespace: string;
            /** @description When the namespace's retention ends it; it expires at the earlier of this and expiresAt. */
            retainUntil: string | null;
            sessionId: string | null;
            sharedWithMe: components["schemas"]["Share"][];
            tags: string[];
            /** Format: date-time */
            updatedAt: string;
        };
        SharedArtifactPage: {
            artifacts: components["schemas"]["SharedArtifact"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        /** @description A share link as listed: never its token. */
        ShareLink: {
            artifactId: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            /** Format: date-time */
            expiresAt: string;
            id: string;
            revokedAt: string | null;
            revokedBy: string | null;
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            version: number;
        };
        ShareLinkPage: {
            links: components["schemas"]["ShareLink"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        ShareList: {
            shares: components["schemas"]["Share"][];
        };
        ShareResponse: {
            share: components["schemas"]["Share"];
        };
        TextLine: {
            /**
             * @description Present when the line was cut.
             * @constant
             */
            cut?: true;
            /** @description 1-based line number. */
            line: number;
            /** @description The line without its ending; cut at 4096 characters with " … [line cut: N bytes]". */
            text: string;
        };
        TextPage: {
            artifactId: string;
            lines: components["schemas"]["TextLine"][];
            mimeType: string;
            /** @description The `offset` that continues; null at the end. */
            nextOffset: number | null;
            sizeBytes: number;
            /** @description The version's number of lines, when the read reached its end. */
            totalLines: number | null;
            /** @description The size cap, not `limit`, ended the page. */
            truncated: boolean;
            version: number;
        };
        UploadedPart: {
            partNumber: number;
            size: number;
        };
        /** @description One immutable version of an artifact. */
        Version: {
            /** @description The aliases pointing at it, by name (in the version history). */
            aliases?: string[];
            artifactId: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            filename: string;
            metadata: {
                [key: string]: unknown;
            };
            mimeType: string;
            runId: string | null;
            sha256: string;
            sizeBytes: number;
            version: number;
        };
        VersionPage: {
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            versions: components["schemas"]["Version"][];
        };
        VersionResponse: {
            version: components["schemas"]["Version"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listArtifacts: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page, as given (opaque). */
                cursor?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: string;
                /** @description `metadata.<key>=<value>`: only artifacts whose metadata has this entry (repeatable). */
                "metadata.{key}"?: string;
                /** @description Only names starting with this prefix. */
                name?: string;
                /** @description Only this namespace. */
                namespace?: string;
                /** @description Only artifacts a version of which this run published. */
                runId?: string;
                /** @description Only artifacts of this session (needs namespace). */
                sessionId?: string;
                /** @description Only artifacts with this tag. */
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of artifacts, each with its latest version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtifactPage"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    uploadArtifact: {
        parameters: {
            query?: {
                /** @description The versions this one was made from, as JSON: [{ "artifactId": "…", "version": 0 }] (at most 100); each must exist and be readable by the publisher. */
                derivedFrom?: string;
                /** @description When the artifact expires: an ISO 8601 instant with a zone, in the future. */
                expiresAt?: string;
                /** @description A JSON object (at most 16 KiB). */
                metadata?: string;
                /** @description The model that produced the version (1 to 128 characters). */
                model?: string;
                /** @description The artifact's name, with / between folders (at most 1024 bytes); defaults to the file's name. */
                name?: string;
                /** @description The namespace to publish in. */
                namespace?: string;
                /** @description The run publishing (or X-Stowage-Run). */
                runId?: string;
                /** @description The session the artifact belongs to. */
                sessionId?: string;
                /** @description true: when the bytes equal the latest version's, publish nothing and answer that version (200, Stowage-Unchanged: true); nothing is charged or changed. */
                skipIfUnchanged?: "0" | "1" | "true" | "false";
                /** @description A JSON array or a comma-separated list (at most 50 tags). */
                tags?: string;
                /** @description The tool that produced the version (1 to 128 characters). */
                tool?: string;
            };
            header?: {
                /** @description A retry with the same key and the same request answers the first result (200, Idempotent-Replayed: true) instead of publishing again. */
                "Idempotency-Key"?: string;
                /** @description Publish only if the latest version is this number (else 412). */
                "If-Match"?: string;
                /** @description `*`: publish only if the artifact does not exist yet (else 412). `"<sha256>"` (the bytes' quoted sha256): publish only if they differ from the latest version's, as skipIfUnchanged does; when they are the same already, the body is not stored. */
                "If-None-Match"?: string;
                /** @description The model publishing (the `model` field wins when both are given). */
                "X-Stowage-Model"?: string;
                /** @description The run publishing (the `runId` field wins when both are given). */
                "X-Stowage-Run"?: string;
                /** @description The tool publishing (the `tool` field wins when both are given). */
                "X-Stowage-Tool"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The bytes themselves, with the fields in the query and their type in Content-Type. */
        requestBody: {
            content: {
                "*/*": string;
                "multipart/form-data": {
                    /** @description The versions this one was made from, as JSON: [{ "artifactId": "…", "version": 0 }] (at most 100); each must exist and be readable by the publisher. */
                    derivedFrom?: string;
                    /**
                     * Format: date-time
                     * @description When the artifact expires: an ISO 8601 instant with a zone, in the future.
                     */
                    expiresAt?: string;
                    /** Format: binary */
                    file: string;
                    /** @description A JSON object (at most 16 KiB). */
                    metadata?: string;
                    /** @description The model that produced the version (1 to 128 characters). */
                    model?: string;
                    /** @description The artifact's name, with / between folders (at most 1024 bytes); defaults to the file's name. */
                    name?: string;
                    /** @description The namespace to publish in. */
                    namespace: string;
                    /** @description The run publishing (or X-Stowage-Run). */
                    runId?: string;
                    /** @description The session the artifact belongs to. */
                    sessionId?: string;
                    /**
                     * @description true: when the bytes equal the latest version's, publish nothing and answer that version (200, Stowage-Unchanged: true); nothing is charged or changed.
                     * @enum {string}
                     */
                    skipIfUnchanged?: "0" | "1" | "true" | "false";
                    /** @description A JSON array or a comma-separated list (at most 50 tags). */
                    tags?: string;
                    /** @description The tool that produced the version (1 to 128 characters). */
                    tool?: string;
                };
            };
        };
        responses: {
            /** @description An Idempotency-Key replay (Idempotent-Replayed: true): the first publish's result; or bytes unchanged with skipIfUnchanged (Stowage-Unchanged: true): the latest version, and nothing published, charged or changed. */
            200: {
                headers: {
                    /** @description true when nothing was published because the bytes were the latest version's. */
                    "Stowage-Unchanged"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Published"];
                };
            };
            /** @description Published. */
            201: {
                headers: {
                    /** @description The bytes' sha256. */
                    ETag?: string;
                    /** @description The version's URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Published"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_VERSION_CONFLICT, ARTIFACT_QUOTA_EXCEEDED. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VERSION_CONFLICT" | "ARTIFACT_QUOTA_EXCEEDED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_VERSION_CONFLICT. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VERSION_CONFLICT";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_TOO_LARGE. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_IDEMPOTENCY_KEY_REUSED. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_IDEMPOTENCY_KEY_REUSED";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    getArtifact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The artifact. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtifactResponse"];
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    deleteArtifact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; its bytes are released from the quota. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_VERSION_PROTECTED. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VERSION_PROTECTED";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    updateArtifact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An ISO 8601 instant with a zone, in the future, or null to clear. */
                    expiresAt?: string | null;
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description The artifact as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtifactResponse"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    listAliases: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every alias of the artifact. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AliasList"];
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    getAlias: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
                /** @description An alias: 1–64 lowercase letters, digits and . _ -, not a number and not `latest` (which is implicit). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The alias and its version's metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AliasWithVersion"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    setAlias: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
                /** @description An alias: 1–64 lowercase letters, digits and . _ -, not a number and not `latest` (which is implicit). */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    protected?: boolean;
                    /** @description The version the alias points to. */
                    version: number;
                };
            };
        };
        responses: {
            /** @description Moved (or its protection changed). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AliasResponse"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AliasResponse"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    deleteAlias: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
                /** @description An alias: 1–64 lowercase letters, digits and . _ -, not a number and not `latest` (which is implicit). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. Audited as alias.delete. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    appendArtifact: {
        parameters: {
            query?: never;
            header?: {
                /** @description The model appending (1 to 128 characters, as a publish's `model`). */
                "X-Stowage-Model"?: string;
                /** @description The run appending: the new version is that run's, as a publish's. */
                "X-Stowage-Run"?: string;
                /** @description The tool appending (1 to 128 characters, as a publish's `tool`). */
                "X-Stowage-Tool"?: string;
            };
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description The text to append, as is (add the newline yourself). */
        requestBody: {
            content: {
                "*/*": string;
            };
        };
        responses: {
            /** @description Appended: the new version. */
            201: {
                headers: {
                    /** @description The version's URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Published"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_VERSION_CONFLICT, ARTIFACT_QUOTA_EXCEEDED. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VERSION_CONFLICT" | "ARTIFACT_QUOTA_EXCEEDED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_TOO_LARGE. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_TEXT. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_TEXT";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    getArtifactContent: {
        parameters: {
            query?: {
                /** @description An alias (production): the version it points to, instead of `version` (give one of them). */
                alias?: string;
                /** @description 1: Content-Disposition: attachment. */
                download?: "0" | "1";
                /** @description The reading run (as X-Stowage-Run). */
                runId?: string;
                /** @description A version number; the latest when left out. */
                version?: string;
            };
            header?: {
                /** @description The ETag you have: 304 if unchanged. */
                "If-None-Match"?: string;
                /** @description One byte range (bytes=start-end). */
                Range?: string;
                /** @description The reading run's id (or the `runId` query parameter): the read is recorded as that run's input, once, on the run of that id in the artifact's namespace (created there if needed). */
                "X-Stowage-Run"?: string;
            };
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes. */
            200: {
                headers: {
                    /** @description Size. */
                    "Content-Length"?: string;
                    /** @description The sha256. */
                    ETag?: string;
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The requested range. */
            206: {
                headers: {
                    /** @description The range sent. */
                    "Content-Range"?: string;
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Bytes in S3: a presigned URL in Location. */
            302: {
                headers: {
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified. */
            304: {
                headers: {
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_RANGE_NOT_SATISFIABLE. */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_RANGE_NOT_SATISFIABLE";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    headArtifactContent: {
        parameters: {
            query?: {
                /** @description An alias (production): the version it points to, instead of `version` (give one of them). */
                alias?: string;
                /** @description 1: Content-Disposition: attachment. */
                download?: "0" | "1";
                /** @description The reading run (as X-Stowage-Run). */
                runId?: string;
                /** @description A version number; the latest when left out. */
                version?: string;
            };
            header?: {
                /** @description The ETag you have: 304 if unchanged. */
                "If-None-Match"?: string;
                /** @description One byte range (bytes=start-end). */
                Range?: string;
                /** @description The reading run's id (or the `runId` query parameter): the read is recorded as that run's input, once, on the run of that id in the artifact's namespace (created there if needed). */
                "X-Stowage-Run"?: string;
            };
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes. */
            200: {
                headers: {
                    /** @description Size. */
                    "Content-Length"?: string;
                    /** @description The sha256. */
                    ETag?: string;
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The requested range. */
            206: {
                headers: {
                    /** @description The range sent. */
                    "Content-Range"?: string;
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Bytes in S3: a presigned URL in Location. */
            302: {
                headers: {
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified. */
            304: {
                headers: {
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_RANGE_NOT_SATISFIABLE. */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_RANGE_NOT_SATISFIABLE";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    diffArtifactVersions: {
        parameters: {
            query?: {
                /** @description The old version; the newest existing one older than `to` when left out. */
                from?: string;
                /** @description An alias for the old version, instead of `from`. */
                fromAlias?: string;
                /** @description The reading run (as the X-Stowage-Run header): the version read is recorded as one of its inputs. */
                runId?: string;
                /** @description The new version; the latest when left out. */
                to?: string;
                /** @description An alias for the new version, instead of `to`. */
                toAlias?: string;
            };
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The diff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiffResult"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_TOO_LARGE. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_TEXT. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_TEXT";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    grepArtifact: {
        parameters: {
            query: {
                /** @description An alias (production): the version it points to, instead of `version` (give one of them). */
                alias?: string;
                /** @description Lines before and after each match, 0 to 20 (default 0). */
                context?: string;
                /** @description 1 (or true): match regardless of case. */
                ignoreCase?: "0" | "1" | "true" | "false";
                /** @description Matches at most, 1 to 500 (default 50). */
                max?: string;
                /** @description An RE2 regular expression (linear time: no backreferences, no lookaround), matched against each line's first 64 KiB. */
                pattern: string;
                /** @description The reading run (as the X-Stowage-Run header): the version read is recorded as one of its inputs. */
                runId?: string;
                /** @description A version number; the latest when left out. */
                version?: string;
            };
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matches, in line order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrepResult"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED, ARTIFACT_PATTERN_INVALID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED" | "ARTIFACT_PATTERN_INVALID";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_TEXT. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_TEXT";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    createShareLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description An alias: share the version it points to now (the link stays on that version). */
                    alias?: string;
                    /** @description Seconds, 60 to SHARE_URL_MAX_SECONDS (default one hour). */
                    expiresIn?: number;
                    /** @description The version to share; the latest when left out. */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description The link. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewShareLink"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    listShareLinks: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page, as given (opaque). */
                cursor?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: string;
            };
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of links. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareLinkPage"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    listArtifactShares: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shares. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareList"];
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    shareArtifact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A group's name. */
                    group?: string;
                    /** @description An identity's name. */
                    identity?: string;
                };
            };
        };
        responses: {
            /** @description Already shared with that identity or group: the existing share. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareResponse"];
                };
            };
            /** @description Shared. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareResponse"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    unshareArtifact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
                /** @description The share's id. */
                shareId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unshared. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    readArtifactText: {
        parameters: {
            query?: {
                /** @description An alias (production): the version it points to, instead of `version` (give one of them). */
                alias?: string;
                /** @description Lines at most, 1 to 2000 (default 200). */
                limit?: string;
                /** @description The first line to return, from 1 (default 1). */
                offset?: string;
                /** @description The reading run (as the X-Stowage-Run header): the version read is recorded as one of its inputs. */
                runId?: string;
                /** @description The last N lines instead (1 to 2000); not with offset. */
                tail?: string;
                /** @description A version number; the latest when left out. */
                version?: string;
            };
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lines, and where to continue. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TextPage"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_TEXT. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_TEXT";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    getDownloadUrl: {
        parameters: {
            query?: {
                /** @description An alias (production): the version it points to, instead of `version` (give one of them). */
                alias?: string;
                download?: "0" | "1";
                /** @description Seconds (bounded by PRESIGNED_URL_EXPIRY_SECONDS). */
                expiresIn?: string;
                /** @description A version number (0, 1, …). */
                version?: string;
            };
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The URL. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DownloadUrl"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    listVersions: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page, as given (opaque). */
                cursor?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: string;
            };
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of versions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionPage"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    getVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
                /** @description A version number (0, 1, …). */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionResponse"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    deleteVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
                /** @description A version number (0, 1, …). */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_VERSION_PROTECTED. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VERSION_PROTECTED";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    getVersionLineage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The artifact's id. */
                id: string;
                /** @description A version number (0, 1, …). */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version's lineage, showing only what the caller can read. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lineage"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    lookupArtifact: {
        parameters: {
            query: {
                /** @description The exact name (may contain /). */
                name: string;
                /** @description The artifact's namespace. */
                namespace: string;
                /** @description The session it belongs to; leave out for one outside any session. */
                sessionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The artifact with its latest version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtifactResponse"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    getArtifactContentByName: {
        parameters: {
            query: {
                /** @description An alias (production): the version it points to, instead of `version` (give one of them). */
                alias?: string;
                /** @description 1: Content-Disposition: attachment. */
                download?: "0" | "1";
                /** @description The exact name (may contain /). */
                name: string;
                /** @description The artifact's namespace. */
                namespace: string;
                /** @description The reading run (as X-Stowage-Run). */
                runId?: string;
                /** @description The session it belongs to; leave out for one outside any session. */
                sessionId?: string;
                /** @description A version number; the latest when left out. */
                version?: string;
            };
            header?: {
                /** @description The ETag you have: 304 if unchanged. */
                "If-None-Match"?: string;
                /** @description One byte range (bytes=start-end). */
                Range?: string;
                /** @description The reading run's id (or the `runId` query parameter): the read is recorded as that run's input, once, on the run of that id in the artifact's namespace (created there if needed). */
                "X-Stowage-Run"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes. */
            200: {
                headers: {
                    /** @description Size. */
                    "Content-Length"?: string;
                    /** @description The sha256. */
                    ETag?: string;
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The requested range. */
            206: {
                headers: {
                    /** @description The range sent. */
                    "Content-Range"?: string;
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Bytes in S3: a presigned URL in Location. */
            302: {
                headers: {
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified. */
            304: {
                headers: {
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_RANGE_NOT_SATISFIABLE. */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_RANGE_NOT_SATISFIABLE";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    headArtifactContentByName: {
        parameters: {
            query: {
                /** @description An alias (production): the version it points to, instead of `version` (give one of them). */
                alias?: string;
                /** @description 1: Content-Disposition: attachment. */
                download?: "0" | "1";
                /** @description The exact name (may contain /). */
                name: string;
                /** @description The artifact's namespace. */
                namespace: string;
                /** @description The reading run (as X-Stowage-Run). */
                runId?: string;
                /** @description The session it belongs to; leave out for one outside any session. */
                sessionId?: string;
                /** @description A version number; the latest when left out. */
                version?: string;
            };
            header?: {
                /** @description The ETag you have: 304 if unchanged. */
                "If-None-Match"?: string;
                /** @description One byte range (bytes=start-end). */
                Range?: string;
                /** @description The reading run's id (or the `runId` query parameter): the read is recorded as that run's input, once, on the run of that id in the artifact's namespace (created there if needed). */
                "X-Stowage-Run"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes. */
            200: {
                headers: {
                    /** @description Size. */
                    "Content-Length"?: string;
                    /** @description The sha256. */
                    ETag?: string;
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The requested range. */
            206: {
                headers: {
                    /** @description The range sent. */
                    "Content-Range"?: string;
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Bytes in S3: a presigned URL in Location. */
            302: {
                headers: {
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified. */
            304: {
                headers: {
                    /** @description The artifact's id. */
                    "Stowage-Artifact-Id"?: string;
                    /** @description The version's number. */
                    "Stowage-Version"?: string;
                    /** @description The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than 8192 characters (large metadata). */
                    "Stowage-Version-Info"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_RANGE_NOT_SATISFIABLE. */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_RANGE_NOT_SATISFIABLE";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description One action, e.g. artifact.upload. */
                action?: string;
                /** @description An identity's name. */
                actor?: string;
                artifactId?: string;
                /** @description The `nextCursor` of the previous page, as given (opaque). */
                cursor?: string;
                /** @description At or after (inclusive): an ISO 8601 date (2030-01-31) or date and time with a zone. */
                from?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: string;
                namespace?: string;
                /** @description Before (exclusive): an ISO 8601 date (2030-01-31) or date and time with a zone. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    listGroups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups, by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupList"];
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    createGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupResponse"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    addGroupMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The group's name. */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The identity's name. */
                    identity: string;
                };
            };
        };
        responses: {
            /** @description A member (again adding one changes nothing). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    removeGroupMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The member's name. */
                identity: string;
                /** @description The group's name. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description The database does not answer. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDegraded"];
                };
            };
        };
    };
    listIdentities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The identities. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityList"];
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    createIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email?: string;
                    isAdmin?: boolean;
                    /**
                     * @description Defaults to agent.
                     * @enum {string}
                     */
                    kind?: "agent" | "human";
                    /** @description Lowercase letters, digits, '.', '_' or '-', starting with a letter or digit. */
                    name: string;
                    /** @description Dashboard sign-in (needs email); hashed, never stored or returned. */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityResponse"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    updateIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The identity's name. */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Takes effect on the identity's next request. */
                    disabled?: boolean;
                    /** Format: email */
                    email?: string;
                    isAdmin?: boolean;
                    /** @description Sets or resets dashboard sign-in; hashed, never stored or returned. */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description The identity as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityResponse"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    listIdentityKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The identity's name. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    createIdentityKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The identity's name. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    label?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyResponse"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's id. */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked (or already was). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    listNamespaces: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The namespaces, by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NamespaceList"];
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    createNamespace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NamespaceResponse"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    getNamespace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The namespace's name, e.g. team:ml (the colon may be percent-encoded). */
                namespace: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The namespace's usage. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NamespaceUsage"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    updateNamespaceSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The namespace's name, e.g. team:ml (the colon may be percent-encoded). */
                namespace: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Versions kept per artifact, 1 to 10000, newest first; older ones go at the next sweep. null: no limit. */
                    keepVersions?: number | null;
                    /** @description A whole number of bytes, 0 or more; null: the default. */
                    quotaBytes?: number | null;
                    /** @description Days after the last update, 1 to 36500; null: the default. */
                    retentionDays?: number | null;
                };
            };
        };
        responses: {
            /** @description The namespace's usage with the new settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NamespaceUsage"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    listGrants: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The namespace's name, e.g. team:ml (the colon may be percent-encoded). */
                namespace: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The grants. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantList"];
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    createGrant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The namespace's name, e.g. team:ml (the colon may be percent-encoded). */
                namespace: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A group's name (or give identity). */
                    group?: string;
                    /** @description An identity's name (or give group). */
                    identity?: string;
                    /** @enum {string} */
                    permission: "read" | "write";
                };
            };
        };
        responses: {
            /** @description The grant as it is now. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantResponse"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    revokeGrant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The grant's id. */
                grantId: string;
                /** @description The namespace's name, e.g. team:ml (the colon may be percent-encoded). */
                namespace: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    previewRetention: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The namespace's name, e.g. team:ml (the colon may be percent-encoded). */
                namespace: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What would be removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionPreview"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    getNamespaceUsage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The namespace's name, e.g. team:ml (the colon may be percent-encoded). */
                namespace: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The namespace's usage. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NamespaceUsage"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        paths: {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve uploads. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description A check failed; `checks` says which. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    listRuns: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page, as given (opaque). */
                cursor?: string;
                /** @description Created at or after: an ISO 8601 date (2030-01-31) or date and time with a zone. */
                from?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: string;
                /** @description Only this namespace. */
                namespace?: string;
                /** @description Only this session's runs (needs namespace). */
                sessionId?: string;
                /** @description Created before: an ISO 8601 date (2030-01-31) or date and time with a zone. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunPage"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    listRunArtifacts: {
        parameters: {
            query: {
                /** @description The `nextCursor` of the previous page, as given (opaque). */
                cursor?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: string;
                /** @description The namespace the run or session is in. */
                namespace: string;
            };
            header?: never;
            path: {
                /** @description The run id clients give. */
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run and a page of its artifacts, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunArtifacts"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    listRunInputs: {
        parameters: {
            query: {
                /** @description The `nextCursor` of the previous page, as given (opaque). */
                cursor?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: string;
                /** @description The namespace the run is in. */
                namespace: string;
            };
            header?: never;
            path: {
                /** @description The run id clients give. */
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run and a page of what it read. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunInputs"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page, as given (opaque). */
                cursor?: string;
                /** @description Created at or after: an ISO 8601 date (2030-01-31) or date and time with a zone. */
                from?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: string;
                /** @description Only this namespace. */
                namespace?: string;
                /** @description Created before: an ISO 8601 date (2030-01-31) or date and time with a zone. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sessions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionPage"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    listSessionArtifacts: {
        parameters: {
            query: {
                /** @description The `nextCursor` of the previous page, as given (opaque). */
                cursor?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: string;
                /** @description The namespace the run or session is in. */
                namespace: string;
            };
            header?: never;
            path: {
                /** @description The session id clients give. */
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session with its runs (newest first) and a page of artifacts, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionArtifacts"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    grepSession: {
        parameters: {
            query: {
                /** @description Lines before and after each match, 0 to 20 (default 0). */
                context?: string;
                /** @description 1 (or true): match regardless of case. */
                ignoreCase?: "0" | "1" | "true" | "false";
                /** @description Matches at most, 1 to 500 (default 50). */
                max?: string;
                /** @description The session's namespace. */
                namespace: string;
                /** @description An RE2 regular expression (linear time: no backreferences, no lookaround), matched against each line's first 64 KiB. */
                pattern: string;
            };
            header?: never;
            path: {
                /** @description The session id clients give. */
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matches, artifact by artifact. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionGrepResult"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED, ARTIFACT_PATTERN_INVALID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED" | "ARTIFACT_PATTERN_INVALID";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    completeSetup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An admin API key of this server. */
                    adminKey: string;
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description The admin can sign in now. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetupResult"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: FORBIDDEN. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    revokeShareLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The link's id. */
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    getSharedContent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you have: 304 if unchanged. */
                "If-None-Match"?: string;
                /** @description One byte range (bytes=start-end). */
                Range?: string;
            };
            path: {
                /** @description The signed token of a share link or download URL. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes. */
            200: {
                headers: {
                    /** @description Size. */
                    "Content-Length"?: string;
                    /** @description The sha256. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The requested range. */
            206: {
                headers: {
                    /** @description The range sent. */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Bytes in S3: a presigned URL in Location that does not outlive the link. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_SHARE_LINK_INVALID. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_SHARE_LINK_INVALID";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_RANGE_NOT_SATISFIABLE. */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_RANGE_NOT_SATISFIABLE";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    headSharedContent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you have: 304 if unchanged. */
                "If-None-Match"?: string;
                /** @description One byte range (bytes=start-end). */
                Range?: string;
            };
            path: {
                /** @description The signed token of a share link or download URL. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes. */
            200: {
                headers: {
                    /** @description Size. */
                    "Content-Length"?: string;
                    /** @description The sha256. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The requested range. */
            206: {
                headers: {
                    /** @description The range sent. */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Bytes in S3: a presigned URL in Location that does not outlive the link. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_SHARE_LINK_INVALID. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_SHARE_LINK_INVALID";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_RANGE_NOT_SATISFIABLE. */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_RANGE_NOT_SATISFIABLE";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    listSharedWithMe: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page, as given (opaque). */
                cursor?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of artifacts, each with its latest version and the shares that reach the caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SharedArtifactPage"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    startUpload: {
        parameters: {
            query?: never;
            header?: {
                /** @description Applied when the upload is completed, as on POST /api/v1/artifacts. */
                "Idempotency-Key"?: string;
                /** @description Publish only if the latest version is this number (else 412). */
                "If-Match"?: string;
                /** @description `*`: publish only if the artifact does not exist yet (else 412). `"<sha256>"` (the bytes' quoted sha256): publish only if they differ from the latest version's, as skipIfUnchanged does; when they are the same already, the body is not stored. */
                "If-None-Match"?: string;
                /** @description The model publishing (the `model` field wins when both are given). */
                "X-Stowage-Model"?: string;
                /** @description The run publishing (the `runId` field wins when both are given). */
                "X-Stowage-Run"?: string;
                /** @description The tool publishing (the `tool` field wins when both are given). */
                "X-Stowage-Tool"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contentType?: string;
                    /** @description The versions this one was made from (at most 100). Each must exist and be readable by the publisher, else ARTIFACT_VALIDATION_FAILED and nothing is published. */
                    derivedFrom?: components["schemas"]["InputRef"][];
                    /**
                     * Format: date-time
                     * @description When the artifact expires: an ISO 8601 instant with a zone, in the future.
                     */
                    expiresAt?: string;
                    /** @description The file's own name: the download name, and the name when name is left out. */
                    filename?: string;
                    /** @description A JSON object (at most 16 KiB). */
                    metadata?: {
                        [key: string]: unknown;
                    };
                    /** @description The model that produced the version (1 to 128 characters). */
                    model?: string;
                    /** @description The artifact's name, with / between folders (at most 1024 bytes); defaults to the file's name. */
                    name?: string;
                    /** @description The namespace to publish in. */
                    namespace: string;
                    /** @description 5 MiB to 5 GiB; chosen for you when left out. */
                    partSize?: number;
                    /** @description The run publishing (or X-Stowage-Run). */
                    runId?: string;
                    /** @description The session the artifact belongs to. */
                    sessionId?: string;
                    /** @description The bytes' sha256 (64 lowercase hex digits), checked on completion. */
                    sha256?: string;
                    /** @description The file's size in bytes (at least 1). */
                    size: number;
                    /** @description true: when the bytes equal the latest version's, publish nothing and answer that version (200, Stowage-Unchanged: true); nothing is charged or changed. */
                    skipIfUnchanged?: boolean | ("0" | "1" | "true" | "false");
                    /** @description An array or a comma-separated list (at most 50 tags). */
                    tags?: string[] | string;
                    /** @description The tool that produced the version (1 to 128 characters). */
                    tool?: string;
                };
            };
        };
        responses: {
            /** @description Opened. */
            201: {
                headers: {
                    /** @description The upload's URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectUpload"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_VERSION_CONFLICT, ARTIFACT_QUOTA_EXCEEDED. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VERSION_CONFLICT" | "ARTIFACT_QUOTA_EXCEEDED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_VERSION_CONFLICT. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VERSION_CONFLICT";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_TOO_LARGE. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_TOO_LARGE";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    getUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The upload's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upload. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectUpload"];
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    abortUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The upload's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upload as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectUpload"];
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_UPLOAD_CLOSED. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_UPLOAD_CLOSED";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    completeUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The upload's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Completed before: the same version; or, with skipIfUnchanged, the latest version when the bytes were the same (nothing published). */
            200: {
                headers: {
                    /** @description The version's URL. */
                    Location?: string;
                    /** @description true when nothing was published because the bytes were the latest version's. */
                    "Stowage-Unchanged"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Published"];
                };
            };
            /** @description Published. */
            201: {
                headers: {
                    /** @description The version's URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Published"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NAMESPACE_DENIED. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NAMESPACE_DENIED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_UPLOAD_CLOSED, ARTIFACT_VERSION_CONFLICT, ARTIFACT_QUOTA_EXCEEDED. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_UPLOAD_CLOSED" | "ARTIFACT_VERSION_CONFLICT" | "ARTIFACT_QUOTA_EXCEEDED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_IDEMPOTENCY_KEY_REUSED. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_IDEMPOTENCY_KEY_REUSED";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    getPartUrls: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The upload's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 1 to partCount. */
                    partNumbers: number[];
                };
            };
        };
        responses: {
            /** @description One URL per part, in part order (duplicates once). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartUrls"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_UPLOAD_CLOSED. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_UPLOAD_CLOSED";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
        };
    };
    uploadPart: {
        parameters: {
            query: {
                /** @description When the URL expires (Unix seconds). */
                expires: string;
                /** @description The URL's signature. */
                signature: string;
            };
            header?: {
                /** @description Required: exactly the part's size. */
                "Content-Length"?: string;
            };
            path: {
                /** @description The upload's id. */
                id: string;
                /** @description The part number, from 1. */
                n: string;
            };
            cookie?: never;
        };
        /** @description The part's bytes. */
        requestBody: {
            content: {
                "*/*": string;
            };
        };
        responses: {
            /** @description Stored. */
            200: {
                headers: {
                    /** @description The part's ETag, when the backend gives one. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadedPart"];
                };
            };
            /** @description Error: ARTIFACT_VALIDATION_FAILED. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_VALIDATION_FAILED";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_SHARE_LINK_INVALID. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_SHARE_LINK_INVALID";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_NOT_FOUND. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_UPLOAD_CLOSED. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_UPLOAD_CLOSED";
                        };
                    };
                };
            };
            /** @description Error: INTERNAL_ERROR. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "INTERNAL_ERROR";
                        };
                    };
                };
            };
            /** @description Error: ARTIFACT_STORAGE_UNAVAILABLE. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {unknown} */
                            code?: "ARTIFACT_STORAGE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
}
